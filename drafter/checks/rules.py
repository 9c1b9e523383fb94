"""The editable lists the checks read: ``resources/checks/formulations.yaml`` (wrong and outdated
formulations, each with a date, a source and a reason), ``resources/checks/formulae.yaml`` (fixed
numbered formulae, read by ``drafter.core.formulae``) and ``resources/checks/places.yaml`` (extra
place names, words that are not places).  A user's rules file (``--rules``) has the same keys and
is added to the shipped lists.

A user's file is untrusted: its size, entry count and patterns are bounded (a pattern with a
nested repeat such as ``(a+)+`` could take minutes on one paragraph and is refused)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.core import formulae as formula_list
from drafter.core import paths, safeio
from drafter.core.errors import DrafterError
from drafter.core.formulae import Formula, parse_date, text_field
from drafter.core.yamlio import line_of, load_yaml

logger = logging.getLogger(__name__)

_KEYS = {"formulae", "concepts", "wrong", "outdated", "levels", "names", "ignore"}
ACTIONS = {"replace": "替换", "rewrite": "改写", "delete": "删去"}
MAX_ENTRIES = 5000
MAX_PATTERN = 300
#: A group holding a repeat that is itself repeated: (a+)+, (\w*)*, (x|y+){2,}.
_NESTED_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]")

#: Kept for callers of the former name.
parse_since = parse_date


@dataclass(frozen=True)
class Formulation:
    pattern: re.Pattern[str]
    use: str
    since: dt.date
    reason: str
    outdated: bool
    action: str = "replace"   # replace (a one-for-one swap), rewrite (say it the current way), delete
    source: str = ""          # where the rule comes from
    text: str = ""            # the entry as written (text or pattern), for --json


@dataclass
class Rules:
    formulae: list[Formula] = field(default_factory=list)
    formulations: list[Formulation] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    ignore: set[str] = field(default_factory=set)

    @property
    def concepts(self) -> list[Formula]:
        """The former name of ``formulae``."""
        return self.formulae


def shipped_dir() -> Path:
    return paths.package_root() / "resources" / "checks"


def _strings(value, what: str, source: str, line: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise DrafterError(f"“{what}”应为文字列表", source, line)
    return tuple(value)


def compile_pattern(raw: str, source: str, line: int | None) -> re.Pattern[str]:
    if len(raw) > MAX_PATTERN:
        raise DrafterError(f"正则表达式过长（超过 {MAX_PATTERN} 字符）", source, line)
    if _NESTED_REPEAT.search(raw):
        raise DrafterError(f"正则表达式“{raw[:40]}”含嵌套的重复（如 (a+)+），可能极慢，已拒绝", source, line)
    try:
        return re.compile(raw)
    except (re.error, RecursionError, OverflowError) as exc:
        raise DrafterError(f"正则表达式“{raw[:40]}”无效（{exc}）", source, line) from None


def _formulation(entry: dict, key: str, source: str, line: int | None) -> Formulation:
    if "pattern" in entry:
        raw = text_field(entry, "pattern", source, line)
        pattern = compile_pattern(raw, source, line)
    else:
        raw = text_field(entry, "text", source, line)
        pattern = re.compile(re.escape(raw))
    if pattern.match("") is not None:
        raise DrafterError(f"“{raw[:40]}”会匹配空文字", source, line)
    if key == "outdated" and "since" not in entry:
        raise DrafterError("过时表述必须写明 since（自何时起）", source, line)
    use = text_field(entry, "use", source, line) if "use" in entry else ""
    action = entry.get("action") or ("replace" if use else "rewrite")
    if action not in ACTIONS:
        raise DrafterError(f"action 应为 {'、'.join(ACTIONS)} 之一（{ '、'.join(ACTIONS.values())}）", source, line)
    if action == "replace" and not use:
        raise DrafterError("action 为 replace 时须写明 use（改用的说法）", source, line)
    return Formulation(pattern, use, parse_date(entry.get("since", "1900"), source, line),
                       text_field(entry, "reason", source, line), key == "outdated", action,
                       text_field(entry, "source", source, line, required=False), raw)


def add_file(rules: Rules, path: str | os.PathLike[str]) -> Rules:
    """Add the entries of one YAML file to ``rules``; DrafterError (with the line) when bad."""
    source = os.fspath(path)
    data, lines = load_yaml(path)
    if data is None:
        return rules
    if not isinstance(data, dict):
        raise DrafterError("规则文件的顶层应为键值（formulae/wrong/outdated/names/ignore）", source, 1)
    unknown = set(data) - _KEYS
    if unknown:
        key = min(unknown, key=str)
        raise DrafterError(f"未知的键“{key}”（可用：{'、'.join(sorted(_KEYS - {'concepts', 'levels'}))}）", source,
                           line_of(lines, (key,)))
    total = sum(len(v) for v in data.values() if isinstance(v, list | dict))
    if total > MAX_ENTRIES:
        raise DrafterError(f"条目过多（{total} 条，上限 {MAX_ENTRIES}）", source, 1)
    for key in ("formulae", "concepts"):
        rules.formulae += formula_list.parse(data.get(key), source, lines, key)
    for key in ("wrong", "outdated"):
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise DrafterError(f"“{key}”应为条目列表", source, line_of(lines, (key,)))
        for i, entry in enumerate(value):
            rules.formulations.append(_formulation(entry, key, source, line_of(lines, (key, i))))
    # ``levels`` was read by an earlier version; level words now come from drafter.core.levels
    rules.names |= set(_strings(data.get("names"), "names", source, line_of(lines, ("names",))))
    rules.ignore |= set(_strings(data.get("ignore"), "ignore", source, line_of(lines, ("ignore",))))
    return rules


@lru_cache(maxsize=1)
def _shipped() -> Rules:
    rules = Rules(formulae=list(formula_list.shipped()))
    folder = shipped_dir()
    for name in ("formulations.yaml", "places.yaml"):
        path = folder / name
        if path.is_file():
            add_file(rules, path)
        else:
            logger.warning("shipped check list missing: %s", path)
    return rules


@lru_cache(maxsize=8)
def _extra(path: str, stamp: float, size: int) -> Rules:
    return add_file(Rules(), path)


def load_rules(extra: str | os.PathLike[str] | None = None) -> Rules:
    """The shipped lists, plus the entries of ``extra`` when given (read once per file version)."""
    shipped = _shipped()
    rules = Rules(list(shipped.formulae), list(shipped.formulations), set(shipped.names), set(shipped.ignore))
    if extra is not None:
        path = Path(extra)
        stat = safeio.check_path(path, safeio.MAX_YAML_BYTES)  # regular file, bounded: else says why
        more = _extra(os.fspath(path), stat.st_mtime, stat.st_size)
        rules.formulae += more.formulae
        rules.formulations += more.formulations
        rules.names |= more.names
        rules.ignore |= more.ignore
    return rules
