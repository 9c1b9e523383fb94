"""What every check shares: the ``Finding`` it reports, the ``CheckOptions`` it reads, and
small helpers to address text inside a block.

A block's *content* is ``block.text + block.body`` (heading sentence and run-in body as one
string); ``Finding.start``/``end`` are offsets into that string.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass
from typing import Any

from drafter.core.model import Draft
from drafter.core.vocab import SPEAKING_RATE

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_NAMES = {ERROR: "错误", WARNING: "提醒", INFO: "信息"}


@dataclass
class Finding:
    """One thing a check found.

    ``check`` is the check's id (``placeholder``, ``numbering``, ``announcement``,
    ``formulation``, ``place``, ``overlap``, ``parallel``, ``length``); ``block`` the index of
    the block in ``draft.blocks`` (None for the whole draft); ``start``/``end`` a span in that
    block's ``text + body`` (None when the finding is about the block as a whole).
    ``field`` names the title-block line a whole-draft finding is about (``title``,
    ``speaker``, ``date``, ``occasion``, ``salutation``), for the editor to go to.
    ``source`` says structurally what the finding rests on, for the editor and ``--json``:
    for 查重 the library speech (``doc_id``, ``path``, ``title``, ``block``, ``start``, ``end``);
    for a list entry its text, date and reason; for a place name its division code and level;
    for a check that could not run, ``{"skipped": true, "file": …, "line": …}``.
    """

    check: str
    severity: str
    block: int | None
    start: int | None
    end: int | None
    message: str
    suggestion: str | None = None
    field: str | None = None
    source: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CheckOptions:
    """Settings for ``run_checks``; every field has a sensible default.

    - ``only``: ids of the checks to run (None: all);
    - ``place``: the draft's own place (临江市); else taken from the draft's fields
      (城市/单位/city/地区/place) or its title;
    - ``rules``: a YAML file with extra formulations/places (same shape as the shipped
      ``resources/checks/*.yaml``), added to the shipped lists;
    - ``library``: an open ``drafter.corpus.library.Library`` for 查重 (None: no overlap check);
      ``source_path``: the checked file, so its own copy in the library is not reported;
    - ``min_overlap``: the shortest shared run reported (characters);
    - ``rate``: speaking rate in characters a minute; ``budget_minutes``: the time allowed;
    - ``max_parallels``: 排比 per paragraph above which the paragraph is flagged;
    - ``divisions``: another administrative-division file than the shipped one;
    - ``today``: the date formulations are judged against (default: the draft's date if it
      can be read, else today).
    """

    only: set[str] | None = None
    place: str | None = None
    rules: str | os.PathLike[str] | None = None
    library: Any = None
    source_path: str | os.PathLike[str] | None = None
    min_overlap: int = 20
    rate: int = SPEAKING_RATE
    budget_minutes: float | None = None
    max_parallels: int = 3
    today: dt.date | None = None
    divisions: str | os.PathLike[str] | None = None


def skipped(check: str, message: str, error: Exception | None = None, severity: str = INFO) -> Finding:
    """A whole-draft finding saying that (part of) ``check`` did not run, and why; a broken file
    (``error``, a DrafterError) is named with its line."""
    source: dict[str, Any] = {"skipped": True}
    if error is not None:
        source.update(file=getattr(error, "path", None), line=getattr(error, "line", None),
                      reason=getattr(error, "reason", str(error)))
        severity = WARNING
    return Finding(check, severity, None, None, None, message, None, source=source)


def content(draft: Draft, index: int) -> str:
    block = draft.blocks[index]
    return block.text + block.body


def quote(text: str, limit: int = 30) -> str:
    """``text`` cut to ``limit`` characters for a message."""
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"


def around(text: str, start: int, end: int, width: int = 8) -> str:
    """The span with a little context on each side, for messages: …的关键节点，**篇章…"""
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def marker_of(draft: Draft, index: int, derived: list[str] | None = None) -> str:
    """The marker a heading shows: as written in an imported file, else derived."""
    block = draft.blocks[index]
    if not block.is_heading:
        return ""
    if block.source_marker:
        return block.source_marker
    derived = derived if derived is not None else draft.markers()
    return derived[index]


def section_head(draft: Draft, index: int | None) -> int | None:
    """The level-1 heading whose part holds block ``index`` (None: before the first part,
    or a whole-draft finding)."""
    if index is None:
        return None
    for i in range(min(index, len(draft.blocks) - 1), -1, -1):
        block = draft.blocks[i]
        if block.is_heading and block.level == 1:
            return i
    return None


def section_label(draft: Draft, head: int | None, derived: list[str] | None = None) -> str:
    """开头 / 一、关于全市经济社会发展工作 — the part a finding belongs to."""
    if head is None:
        return "开头"
    return marker_of(draft, head, derived) + quote(draft.blocks[head].text, 24)


def where_label(draft: Draft, index: int | None, derived: list[str] | None = None) -> str:
    """第 4 段“（一）” / 全文."""
    if index is None:
        return "全文"
    marker = marker_of(draft, index, derived)
    return f"第 {index + 1} 段" + (f"“{marker}”" if marker else "")
