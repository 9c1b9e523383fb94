"""Where a reviewer's comments and revisions fall in the draft the editor shows.

The editor shows the draft's blocks one paragraph each (a heading's number painted beside it,
not part of its text).  A mark read from a reviewer's file knows the paragraph of the text as
sent and its offsets there (``core.review.Spot``); here that paragraph is found among the
blocks — the same text, or the same text after a number the reader took off (一、 （二） 3.)
or leading spaces — and the offsets moved by what was taken off.  Marks are placed in
document order so that a paragraph written twice takes the right copy.  A paragraph that is
not a block (the title, the byline: fields of the draft) has no place: the editor lists such
marks apart.

``relocate`` finds a mark's text again after an edit rewrote its paragraphs (a move, a split),
taking the copy nearest where it was.  Pure Python: the editor turns places into positions.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.core.markers import match_marker
from drafter.core.model import Draft
from drafter.core.review import DELETING, Review, Spot

LINE_BREAKS = "\n\r\u2028\u2029\x0b\x0c"
SPACES = " \u3000\t"


@dataclass(frozen=True)
class Place:
    """A stretch of the editor's text: block ``block`` offset ``start`` to block ``end_block``
    offset ``end`` (offsets into the block's text + body, as shown)."""

    block: int
    start: int
    end_block: int
    end: int

    @property
    def point(self) -> bool:
        return self.block == self.end_block and self.start == self.end


def shown_texts(draft: Draft) -> list[str]:
    """Each block's text as the editor shows it (line breaks inside a block become spaces)."""
    return ["".join(" " if ch in LINE_BREAKS else ch for ch in b.text + b.body) for b in draft.blocks]


def _cut(sent: str, shown: str) -> int | None:
    """How many leading characters of ``sent`` the block ``shown`` lacks (a number, spaces),
    or None when ``shown`` is not that paragraph."""
    sent = "".join(" " if ch in LINE_BREAKS else ch for ch in sent)
    if not shown:
        return None
    stripped = sent.rstrip()
    if shown == sent or shown == stripped:
        return 0
    if stripped.endswith(shown.rstrip()):
        cut = len(stripped) - len(shown.rstrip())
        if _only_a_number(stripped[:cut]):
            return cut
    return None


def _only_a_number(prefix: str) -> bool:
    """True when ``prefix`` is spaces and at most one number as speeches write them (一、 （二）
    3. 一是 一要 第一部分 …: ``core.markers``)."""
    rest = prefix.lstrip(SPACES)
    if rest:
        marker = match_marker(rest)
        if marker is None:
            return False
        rest = rest[len(marker.text):]
    return not rest.strip(SPACES)


def find_block(texts: list[str], sent: str, after: int = 0) -> tuple[int, int] | None:
    """(block, characters cut) of the block showing paragraph ``sent``: the first from block
    ``after`` on, else the last before it."""
    if not sent.strip():
        return None
    order = [*range(max(after, 0), len(texts)), *reversed(range(min(max(after, 0), len(texts))))]
    for i in order:
        cut = _cut(sent, texts[i])
        if cut is not None:
            return i, cut
    return None


def locate(texts: list[str], spot: Spot, after: int = 0) -> Place | None:
    """The place of ``spot`` among the blocks ``texts`` (``shown_texts``), None when its
    paragraph is not among them."""
    first = find_block(texts, spot.text, after)
    if first is None:
        return None
    block, cut = first
    start = min(max(spot.start - cut, 0), len(texts[block]))
    if spot.end_paragraph == spot.paragraph:
        return Place(block, start, block, min(max(spot.end - cut, start), len(texts[block])))
    last = find_block(texts, spot.end_text, block + 1)
    if last is None or last[0] < block:
        return Place(block, start, block, len(texts[block]))
    end_block, end_cut = last
    return Place(block, start, end_block, min(max(spot.end - end_cut, 0), len(texts[end_block])))


def place_marks(draft: Draft, review: Review) -> dict[tuple[str, str], Place | None]:
    """("comment" | "revision", id) -> Place (None: not in the body) for every mark of
    ``review``, found in ``draft``'s blocks in document order."""
    texts = shown_texts(draft)
    items = [(("comment", c.id), c.spot, c.anchor) for c in review.comments]
    items += [(("revision", r.id), r.spot, r.text if r.kind in DELETING else "") for r in review.revisions]
    found: dict[tuple[str, str], Place | None] = {key: None for key, _spot, _text in items}
    placed = sorted(((s.paragraph, s.start), key, s, text) for key, s, text in items if s is not None)
    last = (-1, -1)          # (paragraph as sent, block) of the last mark placed
    for _order, key, spot, text in placed:
        after = last[1] + (1 if spot.paragraph > last[0] else 0)   # a later paragraph: a later block
        place = locate(texts, spot, max(after, 0))
        if place is None and text:   # its paragraph was edited by the writer: its own text, if still there
            place = relocate(texts, text, max(after, 0))
        found[key] = place
        if place is not None:
            last = (spot.paragraph, place.block)
    return found


def relocate(texts: list[str], text: str, near: int) -> Place | None:
    """The copy of ``text`` (a mark's text, paragraphs joined by a line feed) nearest block
    ``near``, or None when the draft no longer has it."""
    if not text:
        return None
    lines = text.split("\n")
    best: tuple[int, Place] | None = None
    for i, shown in enumerate(texts):
        if len(lines) == 1:
            at = shown.find(text)
            while at >= 0:
                candidate = (abs(i - near), Place(i, at, i, at + len(text)))
                best = candidate if best is None or candidate[0] < best[0] else best
                at = shown.find(text, at + 1)
        elif shown.endswith(lines[0]) and i + len(lines) - 1 < len(texts):
            middle_ok = all(texts[i + n] == line for n, line in enumerate(lines[1:-1], 1))
            last = texts[i + len(lines) - 1]
            if middle_ok and last.startswith(lines[-1]):
                candidate = (abs(i - near), Place(i, len(shown) - len(lines[0]), i + len(lines) - 1, len(lines[-1])))
                best = candidate if best is None or candidate[0] < best[0] else best
    return best[1] if best is not None else None
