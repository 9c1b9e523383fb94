"""The editable lists the checks read: ``resources/checks/formulations.yaml`` (standard and
outdated formulations, each with a date and a reason) and ``resources/checks/places.yaml``
(place-level words, extra place names).  A user's rules file (``--rules``) has the same keys
and is added to the shipped lists."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.core import paths
from drafter.core.errors import DrafterError
from drafter.core.yamlio import line_of, load_yaml

logger = logging.getLogger(__name__)

_KEYS = {"concepts", "wrong", "outdated", "levels", "names", "ignore"}


@dataclass(frozen=True)
class Concept:
    name: str
    members: tuple[str, ...]
    verbs: tuple[str, ...]
    wrong_verbs: tuple[str, ...]
    since: dt.date
    reason: str


@dataclass(frozen=True)
class Formulation:
    pattern: re.Pattern[str]
    use: str
    since: dt.date
    reason: str
    outdated: bool


@dataclass
class Rules:
    concepts: list[Concept] = field(default_factory=list)
    formulations: list[Formulation] = field(default_factory=list)
    levels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    ignore: set[str] = field(default_factory=set)


def shipped_dir() -> Path:
    return paths.package_root() / "resources" / "checks"


def parse_since(value, source: str, line: int | None) -> dt.date:
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
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DrafterError(f"“{what}”应为文字列表", source, line)
    return tuple(value)


def _text(entry: dict, key: str, source: str, line: int | None, required: bool = True) -> str:
    value = entry.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise DrafterError(f"缺少“{key}”或不是文字", source, line)
    return value.strip()


def add_file(rules: Rules, path: str | os.PathLike[str]) -> Rules:
    """Add the entries of one YAML file to ``rules``; DrafterError (with the line) when bad."""
    source = os.fspath(path)
    data, lines = load_yaml(path)
    if data is None:
        return rules
    if not isinstance(data, dict):
        raise DrafterError("规则文件的顶层应为键值（concepts/wrong/outdated/levels/names/ignore）", source, 1)
    unknown = set(data) - _KEYS
    if unknown:
        key = min(unknown, key=str)
        raise DrafterError(f"未知的键“{key}”（可用：{'、'.join(sorted(_KEYS))}）", source,
                           line_of(lines, (key,)))
    for i, entry in enumerate(_entries(data, "concepts", source, lines)):
        line = line_of(lines, ("concepts", i))
        rules.concepts.append(Concept(
            _text(entry, "name", source, line),
            _strings(entry.get("members"), "members", source, line),
            _strings(entry.get("verbs"), "verbs", source, line),
            _strings(entry.get("wrong_verbs"), "wrong_verbs", source, line),
            parse_since(entry.get("since", "1900"), source, line),
            _text(entry, "reason", source, line)))
    for key in ("wrong", "outdated"):
        for i, entry in enumerate(_entries(data, key, source, lines)):
            line = line_of(lines, (key, i))
            if "pattern" in entry:
                raw = _text(entry, "pattern", source, line)
                try:
                    pattern = re.compile(raw)
                except re.error as exc:
                    raise DrafterError(f"正则表达式“{raw}”无效（{exc}）", source, line) from None
            else:
                pattern = re.compile(re.escape(_text(entry, "text", source, line)))
            if key == "outdated" and "since" not in entry:
                raise DrafterError("过时表述必须写明 since（自何时起）", source, line)
            rules.formulations.append(Formulation(
                pattern, _text(entry, "use", source, line) if "use" in entry else "",
                parse_since(entry.get("since", "1900"), source, line),
                _text(entry, "reason", source, line), key == "outdated"))
    levels = data.get("levels") or {}
    if not isinstance(levels, dict):
        raise DrafterError("“levels”应为“层级: [本级用语]”", source, line_of(lines, ("levels",)))
    for level, words in levels.items():
        rules.levels[str(level)] = _strings(words, f"levels.{level}", source, line_of(lines, ("levels", level)))
    rules.names |= set(_strings(data.get("names"), "names", source, line_of(lines, ("names",))))
    rules.ignore |= set(_strings(data.get("ignore"), "ignore", source, line_of(lines, ("ignore",))))
    return rules


def _entries(data: dict, key: str, source: str, lines) -> list[dict]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DrafterError(f"“{key}”应为条目列表", source, line_of(lines, (key,)))
    return value


@lru_cache(maxsize=1)
def _shipped() -> Rules:
    rules = Rules()
    folder = shipped_dir()
    for name in ("formulations.yaml", "places.yaml"):
        path = folder / name
        if path.is_file():
            add_file(rules, path)
        else:
            logger.warning("shipped check list missing: %s", path)
    return rules


def load_rules(extra: str | os.PathLike[str] | None = None) -> Rules:
    """The shipped lists, plus the entries of ``extra`` when given."""
    shipped = _shipped()
    rules = Rules(list(shipped.concepts), list(shipped.formulations), dict(shipped.levels),
                  set(shipped.names), set(shipped.ignore))
    if extra is not None:
        if not Path(extra).is_file():
            raise DrafterError("规则文件不存在", extra)
        add_file(rules, extra)
    return rules
