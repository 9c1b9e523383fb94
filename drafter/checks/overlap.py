"""Overlap with the library (查重): runs of ``min_overlap`` or more identical characters shared
with speeches in the library (``drafter.corpus.library``), reported per block with the source
speech and its paragraph, and per level-1 part with the share of its text that is shared.

Candidates come from the library's marks (winnowed fingerprints, ``drafter.corpus.library.terms``):
two texts sharing a run of 20 or more characters share a mark, so asking the library for the
blocks that have each of the draft's marks (at most ``SEED_LIMIT`` a mark, bounded questions)
finds every block that can share such a run (a shorter ``min_overlap`` is found when a mark falls
inside it); the runs themselves are then measured exactly on the two texts, starting from the
marked ten-character runs each candidate was found by (``str.find``, then extended both ways).
Runs found in ``common_docs`` or more library speeches are stock formulations
(坚持以习近平新时代中国特色社会主义思想为指导……) and are not reported: the speeches are counted
among the blocks of the run's rarest mark (exact when all of them were fetched; a run all of whose
marks are in more than ``SEED_LIMIT`` blocks is a set phrase).
No SQL here: the checks use the library's interface."""

from __future__ import annotations

import logging
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from drafter.checks.base import INFO, WARNING, Finding, marker_of, quote
from drafter.core.model import Draft
from drafter.corpus.library.terms import MARK_K

logger = logging.getLogger(__name__)

COMMON_DOCS = 3
_EDGE = set("，。；：、！？,.;:!? \u3000“”‘’\"（）()《》")
SEED_LIMIT = 200


@dataclass
class Source:
    doc_id: int
    path: str
    title: str
    idx: int
    marker: str
    content: str
    block_id: int = 0

    def located(self, start: int, length: int) -> dict:
        """Where a shared run sits in the library, for --json and the editor to open it."""
        return {"doc_id": self.doc_id, "path": self.path, "title": self.title, "block": self.idx,
                "block_id": self.block_id, "start": start, "end": start + length}

    def where(self) -> str:
        name = self.title or Path(self.path).stem
        marker = f"“{self.marker}”" if self.marker else ""
        return f"《{name}》第 {self.idx + 1} 段{marker}"


@dataclass
class Run:
    start: int          # in the draft block
    end: int
    source: Source
    source_start: int


class _Index:
    """Library blocks fetched on demand, the marks' candidates, and the stock-phrase test."""

    def __init__(self, library, exclude: str | None):
        self.library = library
        self.exclude = exclude
        self.rows: dict[int, Source | None] = {}
        self.by_mark: dict[int, list[int]] = {}
        self.titles: dict[int, tuple[str, str]] = {}

    def ask(self, wanted: set[int]) -> None:
        missing = sorted(wanted - set(self.by_mark))
        if missing:
            self.by_mark.update(self.library.blocks_with_marks(missing, SEED_LIMIT))

    def capped(self, h: int) -> bool:
        return len(self.by_mark.get(h, ())) >= SEED_LIMIT

    def fetch(self, ids: list[int]) -> None:
        missing = [i for i in ids if i not in self.rows]
        if not missing:
            return
        rows = self.library.blocks_by_id(missing)
        new_docs = sorted({r.doc_id for r in rows} - set(self.titles))
        for d in self.library.documents_by_id(new_docs):
            self.titles[d.id] = (d.path, d.title)
        for i in missing:
            self.rows[i] = None
        for r in rows:
            path, title = self.titles.get(r.doc_id, ("", ""))
            self.rows[r.id] = None if path == self.exclude else Source(
                r.doc_id, path, title, r.idx, r.marker, r.content, r.id)

    def documents_with(self, text: str, inside: list[int], enough: int) -> int:
        """How many library speeches (the excluded one aside) contain ``text``, up to ``enough``.
        Every block holding ``text`` holds each of its marks, so the blocks of its rarest mark,
        when they were all fetched, are all the blocks that can hold it: the count is exact.
        When every mark inside is in more blocks than were fetched, the run is a set phrase."""
        known = [h for h in inside if not self.capped(h)]
        if inside and not known:
            return enough
        ids = min((self.by_mark.get(h, []) for h in known), key=len) if known else \
            [i for h in inside for i in self.by_mark.get(h, [])]
        self.fetch(sorted(set(ids)))
        docs = {s.doc_id for i in ids if (s := self.rows.get(i)) is not None and text in s.content}
        return min(len(docs), enough)


def _runs(text: str, hits: list[tuple[int, str]], other: str, n: int, minimum: int) -> list[tuple[int, int, int]]:
    """Maximal common runs (start, end, start in other) of at least ``minimum`` characters that
    contain one of ``hits`` (seeds of ``text`` at their offsets, known to occur in ``other``)."""
    runs: list[tuple[int, int, int]] = []
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)   # diagonal -> spans already found
    for p, seed in hits:
        j = other.find(seed)
        while j >= 0:
            diagonal = p - j
            if not any(s <= p < e for s, e in taken[diagonal]):
                s, t = p, j
                while s > 0 and t > 0 and text[s - 1] == other[t - 1]:
                    s, t = s - 1, t - 1
                e, u = p + n, j + n
                while e < len(text) and u < len(other) and text[e] == other[u]:
                    e, u = e + 1, u + 1
                taken[diagonal].append((s, e))
                while s < e and text[s] in _EDGE:
                    s, t = s + 1, t + 1
                while e > s and text[e - 1] in _EDGE:
                    e -= 1
                if e - s >= minimum:
                    runs.append((s, e, t))
            j = other.find(seed, j + 1)
    return runs


def find_runs(draft: Draft, library, minimum: int = 20, exclude: str | os.PathLike[str] | None = None,
              common_docs: int = COMMON_DOCS) -> dict[int, list[Run]]:
    """Per block index, the runs it shares with library blocks."""
    from drafter.corpus.library.fingerprints import marks_many  # numpy only when there is a library

    minimum = max(6, int(minimum))
    index = _Index(library, os.path.realpath(exclude) if exclude else None)
    texts = {i: b.text + b.body for i, b in enumerate(draft.blocks) if len(b.text) + len(b.body) >= minimum}
    block_marks = dict(zip(texts, marks_many(list(texts.values()))))
    index.ask({h for found in block_marks.values() for _, h in found})
    result: dict[int, list[Run]] = {}
    stock: dict[str, bool] = {}
    candidates: dict[int, dict[int, list[tuple[int, str]]]] = {}
    for i, text in texts.items():
        pairs: dict[int, list[tuple[int, str]]] = defaultdict(list)   # candidate -> seeds it holds
        for p, h in block_marks[i]:
            for rowid in index.by_mark.get(h, ()):
                pairs[rowid].append((p, text[p:p + MARK_K]))
        candidates[i] = pairs
    index.fetch(sorted({rowid for pairs in candidates.values() for rowid in pairs}))   # one question
    for i, text in texts.items():
        pairs = candidates[i]
        runs = []
        for rowid in sorted(pairs):
            source = index.rows.get(rowid)
            if source is None:
                continue
            for s, e, t in _runs(text, pairs[rowid], source.content, MARK_K, minimum):
                runs.append(Run(s, e, source, t))
        kept = []
        for r in runs:
            shared = text[r.start:r.end]
            if shared not in stock:
                inside = [h for p, h in block_marks[i] if r.start <= p and p + MARK_K <= r.end]
                stock[shared] = index.documents_with(shared, inside, common_docs) >= common_docs
            if not stock[shared]:
                kept.append(r)
        if kept:
            result[i] = kept
    return result


def _covered(runs: list[Run]) -> int:
    spans = sorted((r.start, r.end) for r in runs)
    total, last = 0, -1
    for s, e in spans:
        s = max(s, last)
        if e > s:
            total += e - s
            last = e
    return total


def check(draft: Draft, options) -> list[Finding]:
    if options.library is None:
        return []
    runs = find_runs(draft, options.library, options.min_overlap, options.source_path)
    found = []
    for i, block_runs in runs.items():
        text = draft.blocks[i].text + draft.blocks[i].body
        by_source: dict[tuple[int, int], list[Run]] = defaultdict(list)
        for run in block_runs:
            by_source[(run.source.doc_id, run.source.idx)].append(run)
        for group in by_source.values():
            longest = max(group, key=lambda r: r.end - r.start)
            shared = _covered(group)
            ratio = shared / len(text)
            severity = WARNING if longest.end - longest.start >= 50 or ratio >= 0.5 else INFO
            found.append(Finding(
                "overlap", severity, i, longest.start, longest.end,
                f"与{longest.source.where()}相同 {shared} 字（占本段 {ratio:.0%}），"
                f"最长一处 {longest.end - longest.start} 字：“{quote(text[longest.start:longest.end], 40)}”",
                "如系沿用往年讲话，请核对其中的事实与数字是否已更新",
                source=longest.source.located(longest.source_start, longest.end - longest.start)))
    found += _sections(draft, runs)
    return found


def _sections(draft: Draft, runs: dict[int, list[Run]], threshold: float = 0.3) -> list[Finding]:
    found = []
    derived = draft.markers()
    for head in (i for i, b in enumerate(draft.blocks) if b.is_heading and b.level == 1):
        end = draft.section_end(head)
        chars = sum(len(b.text) + len(b.body) for b in draft.blocks[head:end])
        shared = sum(_covered(runs.get(i, [])) for i in range(head, end))
        if not chars or shared / chars < threshold:
            continue
        titles: dict[str, int] = defaultdict(int)
        for i in range(head, end):
            for r in runs.get(i, []):
                titles[r.source.title or Path(r.source.path).stem] += r.end - r.start
        main = max(titles, key=titles.get)
        found.append(Finding("overlap", WARNING, head, None, None,
                             f"“{marker_of(draft, head, derived)}{quote(draft.blocks[head].text, 20)}”"
                             f"全部 {chars:,} 字中有 {shared:,} 字（{shared / chars:.0%}）与库中讲话稿相同，"
                             f"主要来自《{main}》"))
    return found
