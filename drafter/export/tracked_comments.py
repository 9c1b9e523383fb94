"""Comments (批注) written into a .docx we lay out: each anchored on the text it is about.

A comment read from a reviewer's file knows the text it was about (``PendingComment.anchor``,
paragraphs joined by a line feed).  Here that text is looked up in the document's paragraphs
(inserted and deleted text included, as Word shows it with all markup), the runs are split at
its ends, and ``w:commentRangeStart`` / ``w:commentRangeEnd`` and a ``w:commentReference`` run
are placed around it; the comment itself goes to the comments part (python-docx) with its
author, initials, date and text.  An end that falls inside a revision is moved to the
revision's edge.  A comment whose text cannot be found any more is anchored at the start of
the paragraph it was in — a comment is never dropped.
"""

from __future__ import annotations

import copy
import logging

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.core.review import PendingComment

logger = logging.getLogger(__name__)

_WRAPPERS = {qn(f"w:{k}") for k in ("ins", "del", "moveFrom", "moveTo")}
_TEXT = {qn("w:t"), qn("w:delText")}


def _length(el) -> int:
    n = 0
    for node in el.iter():
        if node.tag in _TEXT:
            n += len(node.text or "")
        elif node.tag in (qn("w:br"), qn("w:cr"), qn("w:tab")):
            n += 1
    return n


def _spans(p) -> list[tuple[object, int, int]]:
    spans, pos = [], 0
    for child in p:
        if child.tag == qn("w:r") or child.tag in _WRAPPERS:
            n = _length(child)
            spans.append((child, pos, pos + n))
            pos += n
    return spans


def _text(p) -> str:
    parts = []
    for node in p.iter():
        if node.tag in _TEXT:
            parts.append(node.text or "")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            parts.append("\n")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
    return "".join(parts)


def _split_run(run, at: int):
    """Split a run holding one w:t at ``at`` characters; returns the second half."""
    texts = [c for c in run if c.tag in _TEXT]
    if len(texts) != 1 or len(run) - (run.find(qn("w:rPr")) is not None) != 1:
        return None
    second = copy.deepcopy(run)
    value = texts[0].text or ""
    texts[0].text = value[:at]
    next(c for c in second if c.tag in _TEXT).text = value[at:]
    run.addnext(second)
    return second


def _place(p, offset: int, marker, at_end: bool) -> None:
    """Put ``marker`` into paragraph ``p`` at character ``offset``."""
    spans = _spans(p)
    for child, start, end in spans:
        if start < offset < end:
            if child.tag == qn("w:r"):
                second = _split_run(child, offset - start)
                if second is not None:
                    second.addprevious(marker)
                    return
            (child.addnext if at_end else child.addprevious)(marker)
            return
        if offset == start and not at_end:
            child.addprevious(marker)
            return
        if offset == end and at_end:
            child.addnext(marker)
            return
    if not at_end and spans:
        spans[0][0].addprevious(marker)
    else:
        p.append(marker)


def _locate(texts: list[str], comment: PendingComment) -> tuple[tuple[int, int], tuple[int, int]]:
    """(paragraph, offset) of the start and the end of the comment's text."""
    whole = "\n".join(texts)
    anchor = comment.anchor
    pos = whole.find(anchor) if anchor else -1
    if pos < 0 and len(anchor) > 8:
        head = whole.find(anchor[:8])
        pos, anchor = (head, anchor[:8]) if head >= 0 else (-1, anchor)
    if pos < 0:
        index = min(max(comment.paragraph - 1, 0), len(texts) - 1)
        return (index, 0), (index, 0)
    return _point(texts, pos), _point(texts, pos + len(anchor))


def _point(texts: list[str], pos: int) -> tuple[int, int]:
    for index, text in enumerate(texts):
        if pos <= len(text):
            return index, pos
        pos -= len(text) + 1
    return len(texts) - 1, len(texts[-1])


def add_comments(document, comments: list[PendingComment]) -> int:
    """Write ``comments`` into ``document``; returns how many were written."""
    body = document.element.body
    paragraphs = [p for p in body if p.tag == qn("w:p")]
    if not paragraphs or not comments:
        return 0
    for item in comments:
        texts = [_text(p) for p in paragraphs]
        (p0, o0), (p1, o1) = _locate(texts, item)
        comment = document.comments.add_comment(item.text, author=item.author, initials=item.initials or None)
        element = comment._comment_elm
        if item.date:
            element.set(qn("w:date"), item.date)
        elif qn("w:date") in element.attrib:
            del element.attrib[qn("w:date")]
        cid = str(comment.comment_id)
        start, end = OxmlElement("w:commentRangeStart"), OxmlElement("w:commentRangeEnd")
        start.set(qn("w:id"), cid)
        end.set(qn("w:id"), cid)
        _place(paragraphs[p1], o1, end, at_end=True)
        _place(paragraphs[p0], o0, start, at_end=False)
        reference = OxmlElement("w:r")
        ref = OxmlElement("w:commentReference")
        ref.set(qn("w:id"), cid)
        reference.append(ref)
        end.addnext(reference)
    logger.info("wrote %d comments", len(comments))
    return len(comments)
