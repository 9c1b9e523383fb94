"""Overlap with the library (查重): runs of ``min_overlap`` or more identical characters shared
with speeches in the library (``drafter.corpus.library``), reported per block with the source
speech and its paragraph, and per level-1 part with the share of its text that is shared.

Candidates come from the library's index: any run of ``minimum`` characters contains one of the
draft's seeds (``n`` characters at offsets 0, s, 2s, … with ``s = minimum - n + 1``), so asking
the library for the blocks that contain each seed (at most ``SEED_LIMIT`` a seed) finds every
block that can share a run; the runs themselves are then measured exactly on the two texts, with
one table of the draft block's seeds scanned along each candidate.  Runs found in ``common_docs``
or more library speeches are stock formulations (坚持以习近平新时代中国特色社会主义思想为指导……)
and are not reported: the speeches are counted among the candidates already fetched, and the
library is asked (a bounded question) only when a seed had more candidates than were fetched.
No SQL here: the checks use the library's interface."""

from __future__ import annotations

import logging
import os
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


def _seeds(text: str, n: int, step: int) -> list[tuple[int, str]]:
    return [(p, text[p:p + n]) for p in range(0, len(text) - n + 1, step)
            if not text[p:p + n].isspace()]


class _Index:
    """Library blocks fetched on demand, the seed questions, and the stock-phrase test."""

    def __init__(self, library, exclude: str | None):
        self.library = library
        self.exclude = exclude
        self.rows: dict[int, Source | None] = {}
        self.seeds: dict[str, list[int]] = {}
        self.capped: set[str] = set()
        self.titles: dict[int, tuple[str, str]] = {}

    def candidates(self, seed: str) -> list[int]:
        if seed not in self.seeds:
            try:
                found = self.library.candidates(seed, SEED_LIMIT)
            except ValueError as exc:
                logger.info("overlap: seed %r not searchable: %s", seed, exc)
                found = []
            self.seeds[seed] = found
            if len(found) >= SEED_LIMIT:
                self.capped.add(seed)
        return self.seeds[seed]

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

    def source(self, rowid: int) -> Source | None:
        self.fetch([rowid])
        return self.rows[rowid]

    def documents_with(self, text: str, seeds: list[str], enough: int) -> int:
        """How many library speeches (the excluded one aside) contain ``text``, up to ``enough``."""
        docs = {s.doc_id for i in {i for seed in seeds for i in self.seeds.get(seed, ())}
                if (s := self.rows.get(i)) is not None and text in s.content}
        if len(docs) >= enough or not any(seed in self.capped for seed in seeds):
            return len(docs)
        return self.library.count_documents_with(text, enough, self.exclude)


def _runs(text: str, table: dict[str, list[int]], other: str, n: int, minimum: int) -> list[tuple[int, int, int]]:
    """Maximal common runs (start, end, start in other) of at least ``minimum`` characters;
    ``table`` maps each seed of ``text`` to its offsets."""
    runs: list[tuple[int, int, int]] = []
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)   # diagonal -> spans already found
    for j in range(len(other) - n + 1):
        offsets = table.get(other[j:j + n])
        if not offsets:
            continue
        for p in offsets:
            diagonal = p - j
            if any(s <= p < e for s, e in taken[diagonal]):
                continue
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
    return runs


def find_runs(draft: Draft, library, minimum: int = 20, exclude: str | os.PathLike[str] | None = None,
              common_docs: int = COMMON_DOCS) -> dict[int, list[Run]]:
    """Per block index, the runs it shares with library blocks."""
    minimum = max(6, int(minimum))
    n = max(3, min(10, minimum // 2))
    step = minimum - n + 1
    index = _Index(library, os.path.realpath(exclude) if exclude else None)
    result: dict[int, list[Run]] = {}
    stock: dict[str, bool] = {}
    for i, block in enumerate(draft.blocks):
        text = block.text + block.body
        if len(text) < minimum:
            continue
        seeds = _seeds(text, n, step)
        table: dict[str, list[int]] = defaultdict(list)
        rowids: set[int] = set()
        for p, seed in seeds:
            table[seed].append(p)
            rowids.update(index.candidates(seed))
        index.fetch(sorted(rowids))
        runs = []
        for rowid in sorted(rowids):
            source = index.rows.get(rowid)
            if source is None:
                continue
            for s, e, t in _runs(text, table, source.content, n, minimum):
                runs.append(Run(s, e, source, t))
        kept = []
        for r in runs:
            shared = text[r.start:r.end]
            if shared not in stock:
                inside = [seed for p, seed in seeds if r.start <= p and p + n <= r.end]
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
