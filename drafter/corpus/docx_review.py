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

import hashlib
import io
import logging
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from drafter.core import safeio
from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.core.review import PendingComment, PendingRevision, Review, text_key
from drafter.core.review_merge import merge_decision
from drafter.corpus.docx_resolve import (
    INSERTING,
    P_TAG,
    PPR_TAG,
    REVISION_TAGS,
    RPR_TAG,
    TC_TAG,
    TEXT_TAGS,
    TR_TAG,
    Revision,
    resolve_xml,
    revision_id,
    revision_of,
)
from drafter.corpus.docx_reader import read_docx
from drafter.corpus.docx_spots import SentText, revision_spots

logger = logging.getLogger(__name__)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
COMMENTS_PART, COMMENTS_EXTENDED_PART = "word/comments.xml", "word/commentsExtended.xml"


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


def _row_revisions(p) -> tuple[Revision, ...]:
    """Revisions on the table rows around ``p`` (a row inserted or deleted as a whole)."""
    found = []
    for ancestor in p.iterancestors(TR_TAG):
        trpr = ancestor.find(qn("w:trPr"))
        if trpr is None:
            continue
        for child in trpr:
            if child.tag in REVISION_TAGS:
                found.append(revision_of(child))
    return tuple(reversed(found))


def _piece_text(el) -> str:
    if el.tag in TEXT_TAGS:
        return el.text or ""
    name = el.tag.rsplit("}", 1)[-1]
    if name == "tab":
        return "\t"
    if name in ("br", "cr"):
        return "\n"
    if name == "noBreakHyphen":
        return "\u2011"
    return ""


_CHAR_TAGS = TEXT_TAGS | {qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")}


def _paragraph(p, comments_open: dict, comments: dict[str, Comment], index: int) -> MarkedParagraph:
    ppr = p.find(PPR_TAG)
    style = ""
    mark: tuple[Revision, ...] = ()
    old_style = change = None
    if ppr is not None:
        pstyle = ppr.find(qn("w:pStyle"))
        style = pstyle.get(qn("w:val")) if pstyle is not None else ""
        rpr = ppr.find(RPR_TAG)
        if rpr is not None:
            mark = tuple(revision_of(c) for c in rpr if c.tag in REVISION_TAGS)
        ppr_change = ppr.find(qn("w:pPrChange"))
        if ppr_change is not None:
            before = ppr_change.find(PPR_TAG)
            old = before.find(qn("w:pStyle")) if before is not None else None
            old_style = old.get(qn("w:val")) if old is not None else "Normal"
            change = Revision(revision_id(ppr_change), "pPrChange",
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
            if ancestor.tag in REVISION_TAGS:
                inner.append(revision_of(ancestor))
        result.pieces.append(Piece(text, rows + tuple(reversed(inner))))
        offset += len(text)
    return result


def read_marks(body, comments: dict[str, Comment] | None = None) -> list[MarkedParagraph]:
    """Every paragraph under ``body`` (the w:body element), tables and nested tables
    included, with its revisions; anchors ``comments`` (from ``read_comments``) in place."""
    comments = comments if comments is not None else {}
    paragraphs: list[MarkedParagraph] = []
    comments_open: dict[str, tuple[int, int]] = {}
    for p in body.iter(P_TAG):
        if any(a.tag == P_TAG for a in p.iterancestors()):
            continue  # a paragraph inside a text box inside a paragraph: read with its host
        marked = _paragraph(p, comments_open, comments, len(paragraphs))
        cell = next(p.iterancestors(TC_TAG), None)
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
    try:
        root = etree.fromstring(part_xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise DrafterError(f"文档的批注部分（word/comments.xml）已损坏，无法读取批注：{exc.msg}", path) from None
    result: dict[str, Comment] = {}
    for el in root.iter(qn("w:comment")):
        cid = el.get(qn("w:id"))
        if cid is None:
            raise DrafterError("文档的批注部分（word/comments.xml）已损坏：有批注缺少编号", path)
        paragraphs = ["".join(_piece_text(t) for t in p.iter() if t.tag in _CHAR_TAGS)
                      for p in el.iter(P_TAG)]
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


# ----- a reviewed .docx as a draft with pending marks ------------------------------------------
def _read_part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        return archive.read(name)
    except KeyError:
        return None


def _resolved_comment_ids(comments_xml: bytes | None, extended_xml: bytes | None) -> set[str]:
    """Comments marked done (已解决) in commentsExtended.xml, by the paraId of their last paragraph."""
    if not comments_xml or not extended_xml:
        return set()
    try:
        extended = etree.fromstring(extended_xml, _PARSER)
        comments = etree.fromstring(comments_xml, _PARSER)
    except etree.XMLSyntaxError:
        logger.warning("commentsExtended.xml unreadable; every comment kept as open")
        return set()
    done = {el.get(f"{{{W15}}}paraId") for el in extended.iter(f"{{{W15}}}commentEx")
            if el.get(f"{{{W15}}}done") in ("1", "true")}
    result = set()
    for comment in comments.iter(qn("w:comment")):
        paragraphs = list(comment.iter(P_TAG))
        if paragraphs and paragraphs[-1].get(f"{{{W14}}}paraId") in done:
            result.add(comment.get(qn("w:id")))
    return result


def pending_revisions(marks: list[MarkedParagraph], sent: SentText | None = None) -> list[PendingRevision]:
    """Each revision once, with its text, the paragraph it starts in (1-based) and, given the
    text as sent, where it sits in it."""
    spots = revision_spots(sent) if sent is not None else {}
    found: dict[tuple[str, str], dict] = {}
    for number, para in enumerate(marks, 1):
        context = para.text[:20]
        for piece in para.pieces:
            for r in piece.revisions:
                entry = found.setdefault((r.id, r.kind), {"r": r, "text": "", "paragraph": number,
                                                          "context": context, "whole": False})
                entry["text"] += piece.text
        for r in para.mark:
            entry = found.setdefault((r.id, r.kind), {"r": r, "text": "", "paragraph": number,
                                                      "context": context, "whole": False})
            entry["whole"] = all(r in piece.revisions for piece in para.pieces)
        if para.style_change is not None:
            r = para.style_change
            found.setdefault((r.id, r.kind), {"r": r, "text": "", "paragraph": number, "context": context,
                                              "whole": True})
    return [PendingRevision(e["r"].id, e["r"].kind, e["r"].author, e["r"].date, e["text"], e["paragraph"],
                            e["context"], e["whole"], spots.get((e["r"].id, e["r"].kind)))
            for e in found.values()]


def paragraph_edits(marks: list[MarkedParagraph], decide) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(text before, text after) -> pieces of each paragraph edited inside (its mark is not a
    revision); ``decide`` settles revisions already decided and returns None for pending ones."""
    result: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for para in marks:
        if para.mark or not any(piece.revisions for piece in para.pieces):
            continue
        segments: list[tuple[str, str]] = []
        for piece in para.pieces:
            before = piece.kept(lambda r: decide(r) if decide(r) is not None else False)
            after = piece.kept(lambda r: decide(r) if decide(r) is not None else True)
            op = "equal" if before and after else "delete" if before else "insert" if after else None
            if op is None:
                continue
            if segments and segments[-1][0] == op:
                segments[-1] = (op, segments[-1][1] + piece.text)
            else:
                segments.append((op, piece.text))
        old = "".join(t for op, t in segments if op != "insert")
        new = "".join(t for op, t in segments if op != "delete")
        if old != new:
            result[(old, new)] = segments
    return result


def pending_comments(marks: list[MarkedParagraph], comments: dict[str, Comment],
                     resolved: set[str], sent: SentText | None = None) -> list[PendingComment]:
    result = []
    for c in comments.values():
        spot = sent.spot(c.start, c.end) if sent is not None and c.anchored else None
        if c.anchored:
            (p0, o0), (p1, o1) = c.start, c.end
            if p0 == p1:
                anchor = marks[p0].text[o0:o1]
            else:
                anchor = "\n".join([marks[p0].text[o0:], *(m.text for m in marks[p0 + 1:p1]), marks[p1].text[:o1]])
            where, end = p0 + 1, p1 + 1
        else:
            anchor, where, end = "", 0, 0
        result.append(PendingComment(c.id, c.author, c.date, c.text, anchor, where, end, c.initials,
                                     c.id in resolved, spot))
    return result


def _resolved_draft(data: bytes, path: Path, decide) -> Draft:
    """The draft in the .docx ``data`` once its revisions are resolved by ``decide``: the
    document XML is resolved, written to a private temporary file and read by the Word reader."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, content in parts:
            if info.filename == "word/document.xml":
                root = etree.fromstring(content, _PARSER)
                body = root.find(qn("w:body"))
                if body is not None:
                    resolve_xml(body, decide)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, content)
    with tempfile.TemporaryDirectory(prefix="drafter-review-") as folder:
        copy = Path(folder) / "resolved.docx"
        copy.write_bytes(out.getvalue())
        try:
            return read_docx(copy)
        except DrafterError as exc:
            raise DrafterError(exc.reason, path) from None


def read_review(path: str | Path) -> Draft:
    """The draft in a .docx; when a reviewer left tracked changes or comments, the text as it
    was before them (every revision rejected) with ``Draft.review`` holding the pending marks
    and the text with every revision accepted.  A damaged comments part is refused."""
    path = Path(path)
    try:
        data = safeio.read_docx_bytes(path)
    except DrafterError:
        return read_docx(path)  # the Word reader explains it best (.doc, not a zip, too big …)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        comments_xml = _read_part(archive, COMMENTS_PART)
        extended_xml = _read_part(archive, COMMENTS_EXTENDED_PART)
        document_xml = _read_part(archive, "word/document.xml")
    comments = read_comments(comments_xml, path)
    if document_xml is None:
        return read_docx(path)  # the reader explains what is missing
    try:
        body = etree.fromstring(document_xml, _PARSER).find(qn("w:body"))
    except etree.XMLSyntaxError:
        return read_docx(path)
    marks = read_marks(body, comments) if body is not None else []
    sent = SentText(marks, lambda r: False)
    revisions_found = pending_revisions(marks, sent)
    if not revisions_found and not comments:
        return read_docx(path)
    base = _resolved_draft(data, path, lambda r: False) if revisions_found else read_docx(path)
    accepted = _resolved_draft(data, path, lambda r: True) if revisions_found else base.copy()
    resolved = _resolved_comment_ids(comments_xml, extended_xml)
    base.review = Review(str(path), revisions_found, pending_comments(marks, comments, resolved, sent), accepted,
                         edits=paragraph_edits(marks, lambda r: None), base_key=text_key(base),
                         sha256=hashlib.sha256(data).hexdigest())
    logger.info("read %s: %d pending revisions, %d comments", path, len(revisions_found), len(comments))
    return base


def decide(draft: Draft, ids: Iterable[str] | None, accept: bool) -> Draft:
    """The draft once the pending revisions ``ids`` (None: all of them) are accepted or
    rejected; the others stay pending.  Decisions are made on the reviewer's file again; when
    the writer has edited the draft since, the change is merged into the edited text where it
    does not touch the writer's edits (``core.review_merge``), else refused."""
    review = draft.review
    if review is None or not review.revisions:
        return draft
    chosen = {r.id for r in review.revisions} if ids is None else set(ids)
    unknown = chosen - {r.id for r in review.revisions}
    if unknown:
        raise DrafterError(f"没有这些待处理的修订：{'、'.join(sorted(unknown))}", review.source)
    decisions = dict(review.decisions)
    decisions.update(dict.fromkeys(chosen, accept))
    path = Path(review.source)
    data = safeio.read_docx_bytes(path)
    if review.sha256 and hashlib.sha256(data).hexdigest() != review.sha256:
        raise DrafterError("审阅稿在读入后被修改过，修订无法再逐条处理；请重新打开审阅稿", path)
    base = _resolved_draft(data, path, lambda r: decisions.get(r.id, False))
    accepted = _resolved_draft(data, path, lambda r: decisions.get(r.id, True))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"), _PARSER).find(qn("w:body"))
        comments = read_comments(_read_part(archive, COMMENTS_PART), path)
    marks = read_marks(body, comments)
    edits = paragraph_edits(marks, lambda r: decisions.get(r.id))
    sent = SentText(marks, lambda r: decisions.get(r.id))   # the text the draft now holds
    spots = revision_spots(sent)
    remaining = [replace(r, spot=spots.get((r.id, r.kind))) for r in review.revisions if r.id not in decisions]
    placed = {c.id: c for c in pending_comments(marks, comments, set(), sent)}
    kept = [replace(c, spot=placed[c.id].spot) if c.id in placed else c for c in review.comments]
    result = base
    if not review.matches(draft):       # edited since: merged where the writer did not edit
        before = _resolved_draft(data, path, lambda r: review.decisions.get(r.id, False))
        try:
            result = merge_decision(before, draft, base)
        except DrafterError as exc:
            raise DrafterError(exc.reason, path) from None
    result.review = Review(review.source, remaining, kept, accepted, decisions, edits, text_key(base),
                           hashlib.sha256(data).hexdigest(), comments_done=dict(review.comments_done))
    return result
