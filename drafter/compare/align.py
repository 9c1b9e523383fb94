"""Which paragraph of OLD became which paragraph of NEW: structure first, then text.

1. Headings are matched by what they say, never by their number: first the same heading
   (level, sentence and run-in body), then the same sentence at another level or with another
   body, then a heading reworded a little (same level, similar text).  A section renumbered
   by a move is thereby still itself.
2. Inside each pair of matched sections (and in the preamble before the first heading) the
   paragraphs are aligned: equal ones first (difflib over paragraph keys), then, in the gaps
   between them and in order, a paragraph with one that is similar enough to be its edit.
3. A paragraph left over on both sides with the same text has moved between sections.
4. Of all pairs, the longest run that keeps its order (longest increasing subsequence) stays
   in place; every other pair is a move.  Consecutive moved paragraphs form one move, so a
   moved section is reported (and written to Word) as one move, not as a deletion and an
   insertion.
5. Paragraphs still unpaired between two in-order pairs are paired by similarity (a
   paragraph that became a heading, one edited across a section boundary); what is left after
   that is paired by similarity wherever it stands: moved and edited.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from difflib import SequenceMatcher
from itertools import pairwise

from drafter.compare.units import Unit
from drafter.compare.words import bigrams

#: Two paragraphs at least this similar (bigram Dice) count as one edited paragraph.
PARAGRAPH_SIMILARITY = 0.5
#: Two headings of one level at least this similar count as one reworded heading.
HEADING_SIMILARITY = 0.6
#: Largest gap (old × new paragraphs) compared pairwise; beyond it only nearby paragraphs are.
GAP_PAIRS = 40_000
WINDOW = 30


class _Similar:
    """Bigram sets, computed once per paragraph."""

    def __init__(self, units: list[Unit]):
        self.units = units
        self._cache: dict[int, set[str]] = {}

    def grams(self, index: int, heading_only: bool = False) -> set[str]:
        key = -index - 1 if heading_only else index
        if key not in self._cache:
            unit = self.units[index]
            self._cache[key] = bigrams(unit.heading if heading_only else unit.text)
        return self._cache[key]


def _dice(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _sections(units: list[Unit]) -> dict[int, list[int]]:
    """Paragraphs (non-heading units) under each heading unit; -1 is the preamble."""
    result: dict[int, list[int]] = defaultdict(list)
    current = -1
    for i, unit in enumerate(units):
        if unit.is_heading:
            current = i
            result[i]
        else:
            result[current].append(i)
    return result


def _match_headings(old: list[Unit], new: list[Unit], so: _Similar, sn: _Similar) -> list[tuple[int, int]]:
    old_h = [i for i, u in enumerate(old) if u.is_heading]
    new_h = [j for j, u in enumerate(new) if u.is_heading]
    pairs: list[tuple[int, int]] = []
    for key_of in (lambda u: u.key, lambda u: u.heading):
        wanted: dict[object, list[int]] = defaultdict(list)
        for j in new_h:
            wanted[key_of(new[j])].append(j)
        rest = []
        for i in old_h:
            candidates = wanted.get(key_of(old[i]))
            if candidates:
                pairs.append((i, candidates.pop(0)))
            else:
                rest.append(i)
        taken = {j for _i, j in pairs}
        old_h, new_h = rest, [j for j in new_h if j not in taken]
    for i in old_h:  # reworded headings
        best, best_score = None, HEADING_SIMILARITY
        for j in new_h:
            if new[j].level != old[i].level:
                continue
            score = _dice(so.grams(i, True), sn.grams(j, True))
            if score >= best_score:
                best, best_score = j, score
        if best is not None:
            pairs.append((i, best))
            new_h.remove(best)
    return pairs


def _align_run(old_idx: list[int], new_idx: list[int], old: list[Unit], new: list[Unit],
               so: _Similar, sn: _Similar) -> list[tuple[int, int]]:
    """Pairs between two lists of paragraphs, in order: equal ones, then similar ones."""
    if not old_idx or not new_idx:
        return []
    a = [old[i].key for i in old_idx]
    b = [new[j].key for j in new_idx]
    pairs: list[tuple[int, int]] = []
    prev_a = prev_b = 0
    for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        pairs += _pair_similar(old_idx[prev_a:block.a], new_idx[prev_b:block.b], so, sn)
        pairs += [(old_idx[block.a + k], new_idx[block.b + k]) for k in range(block.size)]
        prev_a, prev_b = block.a + block.size, block.b + block.size
    return pairs


def _pair_similar(old_gap: list[int], new_gap: list[int], so: _Similar, sn: _Similar) -> list[tuple[int, int]]:
    """Greedy, order-keeping pairing of edited paragraphs inside a gap."""
    pairs = []
    wide = len(old_gap) * len(new_gap) > GAP_PAIRS
    start = 0
    for pos, i in enumerate(old_gap):
        best, best_score = None, PARAGRAPH_SIMILARITY
        stop = len(new_gap)
        if wide:
            centre = pos * len(new_gap) // max(len(old_gap), 1)
            start = max(start, centre - WINDOW)
            stop = min(stop, centre + WINDOW)
        for k in range(start, stop):
            score = _dice(so.grams(i), sn.grams(new_gap[k]))
            if score >= best_score:
                best, best_score = k, score
                if score == 1.0:
                    break
        if best is not None:
            pairs.append((i, new_gap[best]))
            start = best + 1
    return pairs


def _longest_in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The largest subset of pairs whose old order agrees with their new order."""
    pairs = sorted(pairs, key=lambda p: p[1])
    tails: list[int] = []     # smallest old index ending an increasing run of each length
    tail_at: list[int] = []   # index into pairs of that tail
    back = [-1] * len(pairs)
    for k, (i, _j) in enumerate(pairs):
        pos = bisect_left(tails, i)
        if pos == len(tails):
            tails.append(i)
            tail_at.append(k)
        else:
            tails[pos] = i
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos else -1
    keep = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(pairs[k])
        k = back[k]
    return keep


def _fill_gaps(old: list[Unit], new: list[Unit], pairs, in_order, so: _Similar,
               sn: _Similar) -> set[tuple[int, int]]:
    """Edited paragraphs the section pass could not pair (a paragraph that became a heading,
    a paragraph edited and moved into the neighbouring section): paired by similarity inside
    each gap between consecutive in-order pairs, so they stay in order too."""
    paired_old = {i for i, _j in pairs}
    paired_new = {j for _i, j in pairs}
    anchors = [(-1, -1)] + sorted(in_order, key=lambda p: p[1]) + [(len(old), len(new))]
    found = set()
    for (i0, j0), (i1, j1) in pairwise(anchors):
        old_gap = [i for i in range(i0 + 1, i1) if i not in paired_old]
        new_gap = [j for j in range(j0 + 1, j1) if j not in paired_new]
        if old_gap and new_gap:
            found.update(_pair_similar(old_gap, new_gap, so, sn))
    return found


def align(old: list[Unit], new: list[Unit]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(pairs that stay in order, moved pairs), each pair (old index, new index)."""
    so, sn = _Similar(old), _Similar(new)
    heading_pairs = _match_headings(old, new, so, sn)
    old_sec, new_sec = _sections(old), _sections(new)
    pairs = list(heading_pairs)
    for i, j in [(-1, -1)] + heading_pairs:
        pairs += _align_run(old_sec.get(i, []), new_sec.get(j, []), old, new, so, sn)
    paired_old = {i for i, _j in pairs}
    paired_new = {j for _i, j in pairs}
    leftovers: dict[tuple, list[int]] = defaultdict(list)
    for j, unit in enumerate(new):
        if j not in paired_new and unit.text.strip():
            leftovers[unit.key].append(j)
    for i, unit in enumerate(old):
        if i not in paired_old and leftovers.get(unit.key):
            pairs.append((i, leftovers[unit.key].pop(0)))
    in_order = _longest_in_order(pairs)
    in_order |= _fill_gaps(old, new, pairs, in_order, so, sn)
    pairs = list(set(pairs) | in_order)
    pairs += _moved_and_edited(old, new, pairs, so, sn)
    stay = sorted(in_order, key=lambda p: p[1])
    moved = sorted((p for p in pairs if p not in in_order), key=lambda p: p[1])
    return stay, moved


def _moved_and_edited(old: list[Unit], new: list[Unit], pairs, so: _Similar,
                      sn: _Similar) -> list[tuple[int, int]]:
    """Paragraphs still unpaired on both sides that are edits of each other, wherever they
    stand: moved and edited (only when there are few enough to compare pairwise)."""
    paired_old = {i for i, _j in pairs}
    paired_new = {j for _i, j in pairs}
    old_rest = [i for i in range(len(old)) if i not in paired_old and old[i].text.strip()]
    new_rest = [j for j in range(len(new)) if j not in paired_new and new[j].text.strip()]
    if not old_rest or not new_rest or len(old_rest) * len(new_rest) > GAP_PAIRS:
        return []
    found = []
    for i in old_rest:
        scores = [(_dice(so.grams(i), sn.grams(j)), j) for j in new_rest]
        score, j = max(scores)
        if score >= PARAGRAPH_SIMILARITY and old[i].is_heading == new[j].is_heading:
            found.append((i, j))
            new_rest.remove(j)
            if not new_rest:
                break
    return found
