"""The part of 审校 that needs no window: open the library if there is one, run the checks,
and keep each finding tied to the paragraph it was found in while the draft is edited.

``run_findings`` is what ``drafter check`` does (library opened when present, a broken one
skipped with a note); ``FindingList`` is the editor's bookkeeping: a finding keeps the
``Block`` object it was found in, so it still points at the right paragraph after sections
moved or paragraphs were inserted, and the cheap automatic re-run carries over the last 查重
findings (the expensive check never runs automatically).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from drafter.checks import CHECKS, CheckOptions, Finding, run_checks
from drafter.checks.base import SEVERITIES
from drafter.core.errors import DrafterError
from drafter.core.model import Block, Draft
from drafter.corpus.library import exists as library_exists
from drafter.corpus.library import open_library as open_location

logger = logging.getLogger(__name__)

EXPENSIVE = {"overlap"}        # never run automatically


def open_library(where: str | Path | None = None):
    """The speech library to check against (a SQLite file or a PostgreSQL address; None:
    the user's own), read-only; None when there is none.  Raises DrafterError when it cannot
    be read."""
    if not library_exists(where):
        if where:
            raise DrafterError("讲话稿库不存在", where)
        return None
    return open_location(where, create=False, readonly=True)


def run_findings(draft: Draft, options: CheckOptions, use_library: bool = True,
                 library_path: str | Path | None = None, explicit: bool = False) -> tuple[list[Finding], str]:
    """Run the checks (with the library when wanted and present).  Returns the findings and
    a note on the library ("" or why 查重 was skipped).  Raises DrafterError when the checks
    cannot run at all."""
    note = ""
    library = None
    wants_overlap = options.only is None or "overlap" in options.only
    if use_library and wants_overlap:
        try:
            library = open_library(library_path)
        except DrafterError as exc:   # a broken library: check the rest anyway
            if explicit:
                raise
            logger.warning("checks: %s", exc)
            note = f"（{exc.message}；本次未查重）"
        if library is None and not note:
            note = "（没有讲话稿库，未查重）"
    try:
        options.library = library
        return run_checks(draft, options), note
    except (sqlite3.Error, OSError) as exc:   # the library went bad while being read
        raise DrafterError(f"读取讲话稿库出错（{exc}）") from None
    finally:
        options.library = None
        if library is not None:
            library.close()


@dataclass
class Shown:
    """A finding as listed: the finding and the block it was found in (None: whole draft)."""

    finding: Finding
    block: Block | None


class FindingList:
    """The findings listed for one draft, tied to their blocks."""

    def __init__(self, draft: Draft | None = None):
        self.draft = draft
        self.shown: list[Shown] = []

    def set_draft(self, draft: Draft) -> None:
        self.draft = draft
        self.shown = []

    def run(self, options: CheckOptions, auto: bool = False, use_library: bool = True,
            library: str | None = None) -> str:
        """Check the draft; ``auto``: the cheap checks only, the last 查重 findings kept.
        Returns the library note; raises DrafterError when the checks cannot run."""
        if auto:
            options.only = set(CHECKS) - EXPENSIVE
        findings, note = run_findings(self.draft, options, use_library and not auto, library)
        blocks = self.draft.blocks
        shown = [Shown(f, None if f.block is None else blocks[f.block]) for f in findings]
        if auto:
            shown += self.carried_overlaps()
            rank = {name: i for i, name in enumerate(SEVERITIES)}
            shown.sort(key=lambda s: (-1 if s.finding.block is None else s.finding.block,
                                      -1 if s.finding.start is None else s.finding.start,
                                      rank.get(s.finding.severity, 9)))
            note = ""
        self.shown = shown
        return note

    def positions(self) -> dict[int, int]:
        return {id(b): i for i, b in enumerate(self.draft.blocks)} if self.draft else {}

    def carried_overlaps(self) -> list[Shown]:
        """查重 findings of the last full run whose paragraph is still in the draft."""
        where = self.positions()
        kept = []
        for s in self.shown:
            if s.finding.check in EXPENSIVE and (s.block is None or id(s.block) in where):
                if s.block is not None:
                    s.finding.block = where[id(s.block)]
                kept.append(s)
        return kept

    def findings(self) -> list[Finding]:
        return [s.finding for s in self.shown]

    def index_of(self, shown: Shown, where: dict[int, int] | None = None) -> int | None:
        """Where the finding's block is now (None: whole draft or the block was deleted)."""
        if shown.block is None or self.draft is None:
            return None
        where = where if where is not None else self.positions()
        return where.get(id(shown.block))

    def marks(self) -> list[tuple[int, int, int, int | None, str]]:
        """(key, block index, start, end, severity) of every listed finding with a span; the
        key is ``id`` of its ``Shown``."""
        where = self.positions()
        found = []
        for s in self.shown:
            index = self.index_of(s, where)
            if index is not None and s.finding.start is not None:
                found.append((id(s), index, s.finding.start, s.finding.end, s.finding.severity))
        return found
