"""A reviewer's marks in a .docx: tracked changes (修订) and comments (批注).

Word and WPS keep a reviewer's changes in the document body: inserted text in ``w:ins``,
deleted text in ``w:del`` (``w:delText``), moved text in ``w:moveFrom`` / ``w:moveTo``, a
paragraph added or removed as a revision on its paragraph mark (``w:pPr/w:rPr/w:ins|w:del``),
a paragraph's old style in ``w:pPrChange``, table rows added or removed in ``w:trPr``.
Comments live in ``word/comments.xml`` and are anchored in the body between
``w:commentRangeStart`` and ``w:commentRangeEnd`` (possibly across paragraphs).

``read_marks(document)`` turns the body into ``MarkedParagraph``s — every piece of text with
the revision it belongs to — and the comments into ``Comment``s.  Nothing is accepted here:
``resolve(paragraphs, accept=True)`` gives the text as Word's 接受所有修订 would,
``accept=False`` as 拒绝所有修订 would, and ``resolve_each`` takes a decision per revision.
Text kept under "accept" is text with no deleting ancestor (``w:del``, ``w:moveFrom``, a
deleted row); under "reject", text with no inserting ancestor — so nested revisions (text one
reviewer inserted and another deleted) resolve as Word resolves them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from docx.oxml.ns import qn

from drafter.core.errors import DrafterError

logger = logging.getLogger(__name__)

INSERTING = ("ins", "moveTo")
DELETING = ("del", "moveFrom")
_REVISION_TAGS = {qn(f"w:{name}"): name for name in INSERTING + DELETING}
_TEXT_TAGS = {qn("w:t"), qn("w:delText")}
_P, _TR, _TC, _PPR, _RPR = qn("w:p"), qn("w:tr"), qn("w:tc"), qn("w:pPr"), qn("w:rPr")
KIND_NAMES = {"ins": "插入", "del": "删除", "moveFrom": "移走", "moveTo": "移入"}


@dataclass(frozen=True)
class Revision:
    """One tracked change as Word stores it (its w:id is unique in the document)."""
    id: str
    kind: str          # ins | del | moveFrom | moveTo
    author: str
    date: str


@dataclass
class Piece:
    text: str
    revisions: tuple[Revision, ...] = ()   # enclosing revisions, outermost first

    def kept(self, decide) -> bool:
        return all(decide(r) if r.kind in INSERTING else not decide(r) for r in self.revisions)


@dataclass
class MarkedParagraph:
    style: str
    pieces: list[Piece] = field(default_factory=list)
    mark: tuple[Revision, ...] = ()          # revisions on the paragraph mark
    old_style: str | None = None             # from w:pPrChange
    style_change: Revision | None = None
    cell: int | None = None                  # id of the table cell holding it, None in the body

    @property
    def text(self) -> str:
        """All text, inserted and deleted alike (Word's 所有标记 view)."""
        return "".join(p.text for p in self.pieces)


@dataclass
class Comment:
    id: str
    author: str
    date: str
    text: str
    start: tuple[int, int] | None = None     # (paragraph, offset in MarkedParagraph.text)
    end: tuple[int, int] | None = None
    initials: str = ""

    @property
    def anchored(self) -> bool:
        return self.start is not None and self.end is not None


def _revision(el) -> Revision:
    return Revision(el.get(qn("w:id")) or "", _REVISION_TAGS[el.tag], el.get(qn("w:author")) or "",
                    el.get(qn("w:date")) or "")


def _row_revisions(p) -> tuple[Revision, ...]:
    """Revisions on the table rows around ``p`` (a row inserted or deleted as a whole)."""
    found = []
    for ancestor in p.iterancestors(_TR):
        trpr = ancestor.find(qn("w:trPr"))
        if trpr is None:
            continue
        for child in trpr:
            if child.tag in _REVISION_TAGS:
                found.append(_revision(child))
    return tuple(reversed(found))


def _piece_text(el) -> str:
    if el.tag in _TEXT_TAGS:
        return el.text or ""
    name = el.tag.rsplit("}", 1)[-1]
    if name == "tab":
        return "\t"
    if name in ("br", "cr"):
        return "\n"
    if name == "noBreakHyphen":
        return "\u2011"
    return ""


_CHAR_TAGS = _TEXT_TAGS | {qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")}


def _paragraph(p, comments_open: dict, comments: dict[str, Comment], index: int) -> MarkedParagraph:
    ppr = p.find(_PPR)
    style = ""
    mark: tuple[Revision, ...] = ()
    old_style = change = None
    if ppr is not None:
        pstyle = ppr.find(qn("w:pStyle"))
        style = pstyle.get(qn("w:val")) if pstyle is not None else ""
        rpr = ppr.find(_RPR)
        if rpr is not None:
            mark = tuple(_revision(c) for c in rpr if c.tag in _REVISION_TAGS)
        ppr_change = ppr.find(qn("w:pPrChange"))
        if ppr_change is not None:
            before = ppr_change.find(_PPR)
            old = before.find(qn("w:pStyle")) if before is not None else None
            old_style = old.get(qn("w:val")) if old is not None else "Normal"
            change = Revision(ppr_change.get(qn("w:id")) or "", "pPrChange",
                              ppr_change.get(qn("w:author")) or "", ppr_change.get(qn("w:date")) or "")
    rows = _row_revisions(p)
    result = MarkedParagraph(style, mark=rows + mark, old_style=old_style, style_change=change)
    offset = 0
    for el in p.iter():
        if el.tag == qn("w:commentRangeStart"):
            comments_open[el.get(qn("w:id"))] = (index, offset)
            continue
        if el.tag == qn("w:commentRangeEnd"):
            cid = el.get(qn("w:id"))
            if cid in comments:
                comments[cid].start = comments_open.pop(cid, (index, offset))
                comments[cid].end = (index, offset)
            continue
        if el.tag not in _CHAR_TAGS:
            continue
        if el.tag == qn("w:t") and el.getparent() is not None and el.getparent().tag != qn("w:r"):
            continue
        text = _piece_text(el)
        if not text:
            continue
        inner = []
        for ancestor in el.iterancestors():
            if ancestor is p:
                break
            if ancestor.tag in _REVISION_TAGS:
                inner.append(_revision(ancestor))
        result.pieces.append(Piece(text, rows + tuple(reversed(inner))))
        offset += len(text)
    return result


def read_marks(body, comments: dict[str, Comment] | None = None) -> list[MarkedParagraph]:
    """Every paragraph under ``body`` (the w:body element), tables and nested tables
    included, with its revisions; anchors ``comments`` (from ``read_comments``) in place."""
    comments = comments if comments is not None else {}
    paragraphs: list[MarkedParagraph] = []
    comments_open: dict[str, tuple[int, int]] = {}
    for p in body.iter(_P):
        if any(a.tag == _P for a in p.iterancestors()):
            continue  # a paragraph inside a text box inside a paragraph: read with its host
        marked = _paragraph(p, comments_open, comments, len(paragraphs))
        cell = next(p.iterancestors(_TC), None)
        marked.cell = id(cell) if cell is not None else None
        paragraphs.append(marked)
    for cid, start in comments_open.items():  # a range that never ends: up to the end
        if cid in comments:
            comments[cid].start = start
            last = len(paragraphs) - 1
            comments[cid].end = (last, len(paragraphs[last].text)) if paragraphs else start
    return paragraphs


def read_comments(part_xml: bytes | None, path=None) -> dict[str, Comment]:
    """The comments of ``word/comments.xml`` (id → Comment, text of all its paragraphs).
    A damaged part is refused with a message: comments are never dropped silently."""
    if not part_xml:
        return {}
    from lxml import etree

    try:
        root = etree.fromstring(part_xml, etree.XMLParser(resolve_entities=False, no_network=True,
                                                          huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise DrafterError(f"文档的批注部分（word/comments.xml）已损坏，无法读取批注：{exc.msg}", path) from None
    result: dict[str, Comment] = {}
    for el in root.iter(qn("w:comment")):
        cid = el.get(qn("w:id"))
        if cid is None:
            raise DrafterError("文档的批注部分（word/comments.xml）已损坏：有批注缺少编号", path)
        paragraphs = ["".join(_piece_text(t) for t in p.iter() if t.tag in _CHAR_TAGS)
                      for p in el.iter(_P)]
        result[cid] = Comment(cid, el.get(qn("w:author")) or "", el.get(qn("w:date")) or "",
                              "\n".join(paragraphs), initials=el.get(qn("w:initials")) or "")
    return result


# ----- resolving ------------------------------------------------------------------------------
def resolve_each(paragraphs: list[MarkedParagraph], decide) -> list[tuple[str, str]]:
    """(style, text) of each paragraph once every revision is accepted (``decide(r)`` True) or
    rejected (False).  A paragraph whose mark goes joins the next paragraph (in the body or in
    the same table cell), as in Word."""
    result: list[tuple[str, str]] = []
    carry = ""
    for k, para in enumerate(paragraphs):
        text = carry + "".join(p.text for p in para.pieces if p.kept(decide))
        carry = ""
        style = para.style
        if para.style_change is not None and not decide(para.style_change):
            style = para.old_style or "Normal"
        mark_kept = all(decide(r) if r.kind in INSERTING else not decide(r) for r in para.mark)
        following = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        if not mark_kept and following is not None and following.cell == para.cell:
            carry = text
            continue
        result.append((style, text))
    return result


def resolve(paragraphs: list[MarkedParagraph], accept: bool) -> list[tuple[str, str]]:
    """Every revision accepted (True) or rejected (False)."""
    return resolve_each(paragraphs, lambda r: accept)


def revisions(paragraphs: list[MarkedParagraph]) -> list[Revision]:
    """Each revision once, in document order."""
    seen: dict[tuple, Revision] = {}
    for para in paragraphs:
        for piece in para.pieces:
            for r in piece.revisions:
                seen.setdefault((r.id, r.kind, r.author, r.date), r)
        for r in para.mark + ((para.style_change,) if para.style_change else ()):
            seen.setdefault((r.id, r.kind, r.author, r.date), r)
    return list(seen.values())
