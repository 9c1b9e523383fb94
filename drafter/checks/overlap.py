"""Overlap with the local library (查重): runs of ``min_overlap`` or more identical characters
shared with speeches in ``drafter.corpus.library.Library``, reported per block with the
source speech and its paragraph, and per level-1 part with the share of its text that is
shared.

Candidates come from the library's FTS5 trigram index: any run of ``2n`` characters contains
one of the draft's seeds (``n`` characters at offsets 0, n, 2n, …), so a phrase query for each
seed finds every library block that can share a run; the runs themselves are then measured
exactly on the two texts.  Runs found in ``common_docs`` or more library speeches are stock
formulations (坚持以习近平新时代中国特色社会主义思想为指导……) and are not reported."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from drafter.checks.base import INFO, WARNING, Finding, marker_of, quote
from drafter.core.model import Draft

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


def _seeds(text: str, n: int) -> list[tuple[int, str]]:
    return [(p, text[p:p + n]) for p in range(0, len(text) - n + 1, n)
            if not text[p:p + n].isspace()]


class _Index:
    """Library blocks fetched on demand, and the seed queries."""

    def __init__(self, library, exclude: str | None):
        self.db: sqlite3.Connection = library.db
        self.exclude = exclude
        self.rows: dict[int, Source | None] = {}

    def candidates(self, seed: str) -> list[int]:
        phrase = '"' + seed.replace('"', '""') + '"'
        try:
            return [r[0] for r in self.db.execute(
                "SELECT rowid FROM blocks_fts WHERE blocks_fts MATCH ? LIMIT ?", (phrase, SEED_LIMIT))]
        except sqlite3.OperationalError as exc:
            logger.info("overlap: seed %r not searchable: %s", seed, exc)
            return []

    def documents_with(self, text: str) -> int:
        """How many library speeches (the excluded one aside) contain ``text``."""
        phrase = '"' + text.replace('"', '""') + '"'
        try:
            rows = self.db.execute(
                "SELECT DISTINCT d.path FROM blocks b JOIN documents d ON d.id = b.doc_id "
                "WHERE b.id IN (SELECT rowid FROM blocks_fts WHERE blocks_fts MATCH ?)", (phrase,))
            return sum(1 for (path,) in rows if path != self.exclude)
        except sqlite3.OperationalError:
            return 0

    def source(self, rowid: int) -> Source | None:
        if rowid not in self.rows:
            row = self.db.execute(
                "SELECT d.id, d.path, d.title, b.idx, b.marker, b.content FROM blocks b "
                "JOIN documents d ON d.id = b.doc_id WHERE b.id = ?", (rowid,)).fetchone()
            self.rows[rowid] = Source(*row) if row and row[1] != self.exclude else None
        return self.rows[rowid]


def _runs(text: str, other: str, n: int, minimum: int) -> list[tuple[int, int, int]]:
    """Maximal common runs (start, end, start in other) of at least ``minimum`` characters."""
    grams: dict[str, list[int]] = defaultdict(list)
    for j in range(len(other) - n + 1):
        grams[other[j:j + n]].append(j)
    runs = []
    covered: set[tuple[int, int]] = set()  # (diagonal, end) of runs already taken
    for p, seed in _seeds(text, n):
        for j in grams.get(seed, ()):
            diagonal = p - j
            if any(d == diagonal and s <= p < e for d, s, e in ((r[0] - r[2], r[0], r[1]) for r in runs)):
                continue
            s, t = p, j
            while s > 0 and t > 0 and text[s - 1] == other[t - 1]:
                s, t = s - 1, t - 1
            e, u = p + n, j + n
            while e < len(text) and u < len(other) and text[e] == other[u]:
                e, u = e + 1, u + 1
            while s < e and text[s] in _EDGE:
                s, t = s + 1, t + 1
            while e > s and text[e - 1] in _EDGE:
                e -= 1
            if e - s >= minimum and (diagonal, e) not in covered:
                covered.add((diagonal, e))
                runs.append((s, e, t))
    return runs


def find_runs(draft: Draft, library, minimum: int = 20, exclude: str | os.PathLike[str] | None = None,
              common_docs: int = COMMON_DOCS) -> dict[int, list[Run]]:
    """Per block index, the runs it shares with library blocks."""
    minimum = max(6, int(minimum))
    n = max(3, minimum // 2)
    index = _Index(library, str(Path(exclude).resolve()) if exclude else None)
    result: dict[int, list[Run]] = {}
    stock: dict[str, bool] = {}
    for i, block in enumerate(draft.blocks):
        text = block.text + block.body
        if len(text) < minimum:
            continue
        rowids = set()
        for _, seed in _seeds(text, n):
            rowids.update(index.candidates(seed))
        runs = []
        for rowid in sorted(rowids):
            source = index.source(rowid)
            if source is None:
                continue
            for s, e, t in _runs(text, source.content, n, minimum):
                runs.append(Run(s, e, source, t))
        if runs:
            result[i] = runs
    for i in list(result):
        text = draft.blocks[i].text + draft.blocks[i].body
        kept = []
        for r in result[i]:
            shared = text[r.start:r.end]
            if shared not in stock:
                stock[shared] = index.documents_with(shared) >= common_docs
            if not stock[shared]:
                kept.append(r)
        if kept:
            result[i] = kept
        else:
            del result[i]
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
                "如系沿用往年讲话，请核对其中的事实与数字是否已更新"))
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
