"""Comparison of two versions of a draft (review rounds): structure first, then words.

``compare_drafts(old, new)`` gives a ``Comparison``: the paragraphs of both print layouts
(``units``), and ``ops``, the merged sequence a reader of tracked changes sees — NEW's
paragraphs in NEW's order with OLD's deleted and moved-away paragraphs where they stood in
OLD.  Each op is one of

- ``equal``: the same paragraph (a heading may carry another number);
- ``changed``: one paragraph edited; ``segments`` say what, at word boundaries;
- ``inserted`` / ``deleted``: a paragraph only in NEW / only in OLD;
- ``moved_from`` / ``moved_to``: a paragraph (possibly edited too: ``segments``) that moved;
  consecutive moved paragraphs share a ``group``, so a moved section is one move.

Joining what the ops keep gives NEW exactly; what they drop, OLD exactly — the tracked-changes
writer (``export/tracked.py``) relies on that.  Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.compare.align import align
from drafter.compare.units import Unit, units_of
from drafter.compare.words import DELETE, EQUAL, INSERT, diff_words
from drafter.core.model import Draft

EQUAL_OP, CHANGED, INSERTED, DELETED, MOVED_FROM, MOVED_TO = (
    "equal", "changed", "inserted", "deleted", "moved_from", "moved_to")

#: Below this share of common text, two drafts are reported as sharing little.
LITTLE_IN_COMMON = 0.3

#: A segment: (equal | insert | delete, text, character style or None).
Segment = tuple[str, str, "str | None"]


@dataclass
class Op:
    kind: str
    old: int | None = None            # index into Comparison.old_units
    new: int | None = None            # index into Comparison.new_units
    segments: list[Segment] = field(default_factory=list)
    group: int | None = None          # move group (moved_from / moved_to)

    @property
    def is_change(self) -> bool:
        return self.kind != EQUAL_OP


@dataclass
class Move:
    group: int
    paragraphs: int
    heading: str            # heading sentence of the first moved paragraph, "" if not a heading
    old_text: str           # first moved paragraph as OLD printed it (with OLD's number)
    new_text: str           # and as NEW prints it


@dataclass
class Comparison:
    old_units: list[Unit]
    new_units: list[Unit]
    ops: list[Op]

    @property
    def changed(self) -> bool:
        return any(op.is_change for op in self.ops)

    def counts(self) -> dict[str, int]:
        result = {k: 0 for k in (CHANGED, INSERTED, DELETED, MOVED_TO)}
        for op in self.ops:
            if op.kind in result:
                result[op.kind] += 1
        return result

    def similarity(self) -> float:
        """Share of the two texts that is common to both (0–1)."""
        total = sum(len(u.text) for u in self.old_units) + sum(len(u.text) for u in self.new_units)
        if not total:
            return 1.0
        common = 0
        for op in self.ops:
            if op.kind == EQUAL_OP:
                common += 2 * len(self.new_units[op.new].text)
            elif op.kind in (CHANGED, MOVED_TO):
                common += 2 * sum(len(t) for kind, t, _s in op.segments if kind == EQUAL)
        return common / total

    def shares_little(self) -> bool:
        return self.similarity() < LITTLE_IN_COMMON

    def moves(self) -> list[Move]:
        groups: dict[int, list[Op]] = {}
        for op in self.ops:
            if op.kind == MOVED_TO:
                groups.setdefault(op.group, []).append(op)
        result = []
        for group, ops in groups.items():
            first = ops[0]
            old_unit, new_unit = self.old_units[first.old], self.new_units[first.new]
            result.append(Move(group, len(ops), new_unit.heading, old_unit.text, new_unit.text))
        return result


def diff_units(old: Unit, new: Unit) -> list[Segment]:
    """Word-level segments turning ``old``'s runs into ``new``'s, run by run (a run-in
    heading's sentence and body are compared separately)."""
    old_runs = {style: text for text, style in old.runs}
    new_runs = {style: text for text, style in new.runs}
    styles = [s for _t, s in new.runs] + [s for _t, s in old.runs if s not in new_runs]
    order = sorted(set(styles), key=lambda s: (s is not None, str(s)))  # heading sentence first
    segments: list[Segment] = []
    for style in order:
        for kind, text in diff_words(old_runs.get(style, ""), new_runs.get(style, "")):
            segments.append((kind, text, style))
    return segments


def _merge(old: list[Unit], new: list[Unit], stay: list[tuple[int, int]],
           moved: list[tuple[int, int]]) -> list[Op]:
    stay_of_new = {j: i for i, j in stay}
    moved_of_new = {j: i for i, j in moved}
    moved_old = {i for i, _j in moved}
    # for each new index, the old index of the next in-order pair at or after it
    next_anchor = [len(old)] * (len(new) + 1)
    for j in range(len(new) - 1, -1, -1):
        next_anchor[j] = stay_of_new[j] if j in stay_of_new else next_anchor[j + 1]
    ops: list[Op] = []
    done = 0  # old paragraphs before this one are already placed

    def flush(upto: int) -> None:
        nonlocal done
        for i in range(done, upto):
            ops.append(Op(MOVED_FROM if i in moved_old else DELETED, old=i))
        done = max(done, upto)

    for j, unit in enumerate(new):
        flush(next_anchor[j])
        if j in stay_of_new:
            i = stay_of_new[j]
            if old[i].runs == unit.runs and old[i].style == unit.style:
                ops.append(Op(EQUAL_OP, i, j))
            else:
                ops.append(Op(CHANGED, i, j, diff_units(old[i], unit)))
            done = i + 1
        elif j in moved_of_new:
            i = moved_of_new[j]
            ops.append(Op(MOVED_TO, i, j, diff_units(old[i], unit)))
        else:
            ops.append(Op(INSERTED, new=j))
    flush(len(old))
    _group_moves(ops)
    return ops


def _group_moves(ops: list[Op]) -> None:
    """Consecutive moved_to paragraphs that were consecutive in OLD too form one move."""
    group_of_old: dict[int, int] = {}
    group = 0
    previous: Op | None = None
    for op in ops:
        if op.kind != MOVED_TO:
            previous = None
            continue
        if previous is None or op.old != previous.old + 1:
            group += 1
        op.group = group
        group_of_old[op.old] = group
        previous = op
    for op in ops:
        if op.kind == MOVED_FROM:
            op.group = group_of_old[op.old]


def compare_drafts(old: Draft, new: Draft) -> Comparison:
    old_units, new_units = units_of(old), units_of(new)
    stay, moved = align(old_units, new_units)
    return Comparison(old_units, new_units, _merge(old_units, new_units, stay, moved))


__all__ = [
    "CHANGED",
    "DELETE",
    "DELETED",
    "EQUAL",
    "EQUAL_OP",
    "INSERT",
    "INSERTED",
    "MOVED_FROM",
    "MOVED_TO",
    "Comparison",
    "Move",
    "Op",
    "compare_drafts",
    "diff_units",
]
