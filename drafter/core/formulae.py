"""Fixed numbered political formulae (两个确立, 四个意识, 六个精准 …) with their canonical members,
from the editable ``resources/checks/formulae.yaml``.

A formula's number is part of its name: 坚持“两个毫不动摇” announces nothing, so the announced-count
logic, the 排比 check and the parser's helpers ask ``names()`` before treating a count as a count;
the formulation check reports a quotation of a formula with a wrong member.  Kept in core (no
checks imports) because ``drafter.core.announce`` needs the names too."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafter.core import paths
from drafter.core.errors import DrafterError
from drafter.core.yamlio import line_of, load_yaml


@dataclass(frozen=True)
class Formula:
    name: str                     # 四个意识
    members: tuple[str, ...]      # 政治意识、大局意识、核心意识、看齐意识 (canonical order); may be empty
    verbs: tuple[str, ...]        # the verbs it goes with (增强“四个意识”)
    wrong_verbs: tuple[str, ...]  # verbs it is wrongly paired with (坚定“四个意识”)
    since: dt.date                # first stated
    until: dt.date | None         # superseded (the members changed) from this day
    source: str                   # where it was stated
    reason: str                   # what it is, shown to the user

    def current(self, day: dt.date) -> bool:
        return self.since <= day and (self.until is None or day < self.until)


def shipped_path() -> Path:
    return paths.package_root() / "resources" / "checks" / "formulae.yaml"


def parse_date(value, source: str, line: int | None) -> dt.date:
    """2021, 2021-11 or 2021-11-25 (YAML may hand over a date already)."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if not m:
        raise DrafterError(f"日期“{text}”无效，应写作 2021、2021-11 或 2021-11-25", source, line)
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        raise DrafterError(f"日期“{text}”无效", source, line) from None


def _strings(value, what: str, source: str, line: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() and len(v) <= 60 for v in value):
        raise DrafterError(f"“{what}”应为文字列表（每项不超过 60 字）", source, line)
    return tuple(v.strip() for v in value)


def text_field(entry: dict, key: str, source: str, line: int | None, required: bool = True) -> str:
    """The text under ``key`` of a rules-file entry, or a message naming the file and line."""
    value = entry.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise DrafterError(f"缺少“{key}”或不是文字", source, line)
    return value.strip()


def parse(entries, source: str, lines, key: str = "formulae") -> list[Formula]:
    """Formulae from the list under ``key`` of a loaded YAML file; DrafterError with the line when bad."""
    if entries is None:
        return []
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DrafterError(f"“{key}”应为条目列表", source, line_of(lines, (key,)))
    found = []
    for i, entry in enumerate(entries):
        line = line_of(lines, (key, i))
        name = text_field(entry, "name", source, line)
        if not 2 <= len(name) <= 20:
            raise DrafterError(f"名称“{name[:20]}”应为 2～20 字", source, line)
        members = _strings(entry.get("members"), "members", source, line)
        if len(members) == 1:
            raise DrafterError("members 至少要有两项（或不写）", source, line)
        until = entry.get("until")
        found.append(Formula(
            name, members,
            _strings(entry.get("verbs"), "verbs", source, line),
            _strings(entry.get("wrong_verbs"), "wrong_verbs", source, line),
            parse_date(entry.get("since", "1900"), source, line),
            parse_date(until, source, line) if until is not None else None,
            text_field(entry, "source", source, line, required=False),
            text_field(entry, "reason", source, line, required=False)))
    return found


@lru_cache(maxsize=1)
def shipped() -> tuple[Formula, ...]:
    path = shipped_path()
    if not path.is_file():
        return ()
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise DrafterError("顶层应为“formulae: [条目]”", os.fspath(path), 1)
    return tuple(parse(data.get("formulae"), os.fspath(path), lines))


@lru_cache(maxsize=8)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


def names(formulae: tuple[Formula, ...] | None = None) -> frozenset[str]:
    return frozenset(f.name for f in (shipped() if formulae is None else formulae))


def spans(text: str, formulae: tuple[Formula, ...] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of every formula name in ``text``."""
    pattern = _name_pattern(tuple(sorted(names(formulae))))
    if pattern is None:
        return []
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
