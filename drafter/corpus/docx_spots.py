"""Where each of a reviewer's marks sits in the draft's own text.

A reviewed .docx is read as the text the writer sent (every pending revision rejected), so a
mark is placed in *that* text: the paragraph it falls in once deleted-and-pending text is kept
and inserted text left out, and its offsets there (``core.review.Spot``).  A paragraph whose
mark was inserted joins the next one, as Word's reject joins it.  The editor finds those
paragraphs among the draft's blocks (``core.review_places``) to show each comment beside its
text and each revision inline.

``SentText(marks, decide)`` takes ``decide(revision) -> bool | None``: True for a revision
already accepted, False or None for one rejected or still pending (left out when inserting,
kept when deleting) — the text the draft holds after ``docx_review.decide``.
"""

from __future__ import annotations

from drafter.core.review import Spot
from drafter.corpus.docx_resolve import INSERTING


def _kept(revisions, decide) -> bool:
    return all(bool(decide(r)) if r.kind in INSERTING else not decide(r) for r in revisions)


class SentText:
    """The paragraphs of the text as sent, and where each marked paragraph's characters went."""

    def __init__(self, marks, decide):
        self.marks = marks
        self.paragraphs: list[str] = []
        #: per marked paragraph: [index in ``paragraphs`` (None: nowhere), offset of its first
        #: character there, [(markup start, markup end, kept) for each piece]]
        self.homes: list[list] = []
        carry, waiting = "", []
        for k, para in enumerate(marks):
            text, spans, pos = carry, [], 0
            for piece in para.pieces:
                kept = _kept(piece.revisions, decide)
                spans.append((pos, pos + len(piece.text), kept))
                pos += len(piece.text)
                if kept:
                    text += piece.text
            self.homes.append([None, len(carry), spans])
            waiting.append(k)
            following = marks[k + 1] if k + 1 < len(marks) else None
            if not _kept(para.mark, decide) and following is not None and following.cell == para.cell:
                carry = text
                continue
            carry = ""
            self.paragraphs.append(text)
            for w in waiting:
                self.homes[w][0] = len(self.paragraphs) - 1
            waiting = []

    def place(self, k: int, offset: int) -> tuple[int, int] | None:
        """(paragraph, offset) in the text as sent of markup offset ``offset`` in marked paragraph ``k``."""
        if not 0 <= k < len(self.homes):
            return None
        index, base, spans = self.homes[k]
        if index is None:
            return None
        at = base
        for start, end, kept in spans:
            if end <= offset:
                at += (end - start) if kept else 0
            elif start < offset and kept:
                at += offset - start
        return index, at

    def spot(self, start: tuple[int, int], end: tuple[int, int]) -> Spot | None:
        """The Spot of markup places ``start`` and ``end`` ((marked paragraph, offset) each)."""
        a, b = self.place(*start), self.place(*end)
        if a is None or b is None:
            return None
        if b < a:
            b = a
        return Spot(a[0], self.paragraphs[a[0]], a[1], b[0], self.paragraphs[b[0]], b[1])


def revision_spots(sent: SentText) -> dict[tuple[str, str], Spot]:
    """(revision id, kind) -> its Spot: the stretch its text covers (a point for inserted
    text, which is not in the text as sent); a paragraph-mark or style revision covers its
    paragraph."""
    found: dict[tuple[str, str], list] = {}
    for k, para in enumerate(sent.marks):
        pos = 0
        for piece in para.pieces:
            for r in piece.revisions:
                entry = found.setdefault((r.id, r.kind), [(k, pos), (k, pos + len(piece.text))])
                entry[1] = (k, pos + len(piece.text))
            pos += len(piece.text)
        whole = [*para.mark, *((para.style_change,) if para.style_change is not None else ())]
        for r in whole:
            found.setdefault((r.id, r.kind), [(k, 0), (k, pos)])
    result = {}
    for key, (start, end) in found.items():
        spot = sent.spot(start, end)
        if spot is not None:
            result[key] = spot
    return result
