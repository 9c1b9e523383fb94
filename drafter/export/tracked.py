"""Write a comparison as a .docx with tracked changes (修订) that Word, WPS and LibreOffice
accept or reject.

The document is NEW in its print layout (``docx_writer.docx_bytes`` opened with python-docx:
the same styles, page setup, page numbers) whose body is replaced by the comparison's merged paragraphs:

- an edit inside a paragraph: the deleted words in ``w:del`` (``w:delText``), the inserted
  ones in ``w:ins``; a paragraph whose style changed (paragraph → heading, another level)
  carries its old style in ``w:pPrChange``;
- an inserted / deleted paragraph: all its runs in ``w:ins`` / ``w:del`` and its paragraph
  mark marked too (``w:pPr/w:rPr/w:ins|w:del``), so accepting or rejecting removes the whole
  paragraph, not just its text;
- a moved paragraph or section: ``w:moveFrom`` where it stood in OLD and ``w:moveTo`` where
  it stands in NEW, inside named move ranges (one name per move); words edited after the move
  are ``w:ins`` inside the moved-to text (the words it lost stay in the moved-from text).

Accepting every revision gives NEW's paragraphs exactly and rejecting every one gives OLD's.
One exception, as in Word: the last paragraph mark of a document cannot be a revision, so
when the last paragraph is inserted, deleted or moved, an empty paragraph (in both versions)
ends the document.  Each revision carries the author and the date given.  ``w:trackRevisions`` is
set, so further edits in Word are tracked too.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.compare import (
    CHANGED,
    DELETE,
    DELETED,
    EQUAL,
    EQUAL_OP,
    INSERT,
    INSERTED,
    MOVED_FROM,
    Comparison,
    Op,
    compare_drafts,
)
from drafter.compare.units import Unit
from drafter.core.model import Draft
from drafter.core.review import DELETING, INSERTING, PendingRevision
from drafter.export import oxml
from drafter.export.docx_writer import LINE_BREAK, docx_bytes
from drafter.export.tracked_comments import add_comments

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DEFAULT_AUTHOR = "Drafter"


def revision_date(when: datetime | None = None) -> str:
    """The w:date form of a time (UTC, to the second)."""
    when = when or datetime.now(UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Attribution:
    """Who made a change and when, for a draft whose pending revisions are written back: a
    change is given to the reviewer's revision of the same kind whose text it shares,
    preferring the revisions in document order."""

    def __init__(self, revisions: list[PendingRevision]):
        self.revisions = [r for r in revisions if r.kind in INSERTING + DELETING]
        self.next = 0

    def __call__(self, kind: str, text: str) -> tuple[str, str] | None:
        side = INSERTING if kind in INSERTING else DELETING
        candidates = [r for r in self.revisions if r.kind in side]
        if not candidates:
            return None
        ordered = candidates[self.next:] + candidates[:self.next] if self.next < len(candidates) else candidates
        for r in ordered:
            if text and text == r.text:
                self.next = candidates.index(r) + 1
                return r.author, r.date
        for r in ordered:
            if text and r.text and (text in r.text or r.text in text):
                self.next = candidates.index(r)
                return r.author, r.date
        return None


class _Writer:
    def __init__(self, document, author: str, date: str, attribution: Attribution | None = None):
        self.body = document.element.body
        self.sectpr = self.body.find(qn("w:sectPr"))
        self.author, self.date = author, date
        self.attribution = attribution
        self.next_id = 1
        self.move_names: dict[int, str] = {}
        self.open_ranges: dict[str, int] = {}

    # ----- elements ---------------------------------------------------------------------
    def _stamp(self, tag: str, text: str = ""):
        el = OxmlElement(tag)
        author, date = self.author, self.date
        if self.attribution is not None:
            author, date = self.attribution(tag.split(":")[-1], text) or (author, date)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), author)
        if date:
            el.set(qn("w:date"), date)
        self.next_id += 1
        return el

    def paragraph(self, style: str, mark: str | None = None, old_style: str | None = None, text: str = ""):
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        p.append(ppr)
        oxml.set_child(ppr, "pStyle", oxml.PPR_ORDER, val=style)
        if mark:
            rpr = oxml.set_child(ppr, "rPr", oxml.PPR_ORDER)
            rpr.append(self._stamp(f"w:{mark}", text))
        if old_style is not None and old_style != style:
            change = self._stamp("w:pPrChange")
            before = OxmlElement("w:pPr")
            pstyle = OxmlElement("w:pStyle")
            pstyle.set(qn("w:val"), old_style)
            before.append(pstyle)
            change.append(before)
            ppr.append(change)
        self.sectpr.addprevious(p)
        return p

    @staticmethod
    def run(text: str, char_style: str | None, deleted: bool = False):
        r = OxmlElement("w:r")
        if char_style:
            rpr = OxmlElement("w:rPr")
            rstyle = OxmlElement("w:rStyle")
            rstyle.set(qn("w:val"), char_style)
            rpr.append(rstyle)
            r.append(rpr)
        for number, line in enumerate(text.split(LINE_BREAK)):
            if number:
                r.append(OxmlElement("w:br"))
            if line:
                t = OxmlElement("w:delText" if deleted else "w:t")
                t.set(XML_SPACE, "preserve")
                t.text = line
                r.append(t)
        return r

    def add(self, p, wrapper: str | None, text: str, char_style: str | None) -> None:
        if not text:
            return
        r = self.run(text, char_style, deleted=wrapper == "del")
        if wrapper is None:
            p.append(r)
        else:
            w = self._stamp(f"w:{wrapper}", text)
            w.append(r)
            p.append(w)

    def range_start(self, p, kind: str, group: int) -> None:
        name = self.move_names.setdefault(group, f"move{group}")
        start = self._stamp(f"w:{kind}RangeStart")
        start.set(qn("w:name"), name)
        self.open_ranges[f"{kind}{group}"] = int(start.get(qn("w:id")))
        ppr = p.find(qn("w:pPr"))
        ppr.addnext(start)

    def range_end(self, p, kind: str, group: int) -> None:
        end = OxmlElement(f"w:{kind}RangeEnd")
        end.set(qn("w:id"), str(self.open_ranges.pop(f"{kind}{group}")))
        p.append(end)


def _whole(w: _Writer, unit: Unit, mark: str | None, wrapper: str | None):
    p = w.paragraph(unit.style, mark, text=unit.text)
    for text, style in unit.runs:
        w.add(p, wrapper, text, style)
    return p


def _edited(w: _Writer, c: Comparison, op: Op, moved: bool):
    old, new = c.old_units[op.old], c.new_units[op.new]
    p = w.paragraph(new.style, "moveTo" if moved else None, old_style=old.style, text=new.text)
    keep = "moveTo" if moved else None
    for kind, text, style in op.segments:
        if kind == EQUAL:
            w.add(p, keep, text, style)
        elif kind == INSERT:
            w.add(p, "ins", text, style)
        elif kind == DELETE and not moved:  # a moved paragraph's lost words stay at its old place
            w.add(p, "del", text, style)
    return p


def write_ops(document, comparison: Comparison, author: str, date: str,
              attribution: Attribution | None = None) -> None:
    """Replace the body paragraphs of ``document`` with the comparison's tracked paragraphs."""
    w = _Writer(document, author, date, attribution)
    for child in list(w.body):
        if child.tag != qn("w:sectPr"):
            w.body.remove(child)
    ops = comparison.ops
    for k, op in enumerate(ops):
        if op.kind == EQUAL_OP:
            _whole(w, comparison.new_units[op.new], None, None)
        elif op.kind == CHANGED:
            _edited(w, comparison, op, moved=False)
        elif op.kind == INSERTED:
            _whole(w, comparison.new_units[op.new], "ins", "ins")
        elif op.kind == DELETED:
            _whole(w, comparison.old_units[op.old], "del", "del")
        else:
            kind = "moveFrom" if op.kind == MOVED_FROM else "moveTo"
            if op.kind == MOVED_FROM:
                p = _whole(w, comparison.old_units[op.old], "moveFrom", "moveFrom")
            else:
                p = _edited(w, comparison, op, moved=True)
            first = k == 0 or ops[k - 1].kind != op.kind or ops[k - 1].group != op.group
            last = k == len(ops) - 1 or ops[k + 1].kind != op.kind or ops[k + 1].group != op.group
            if first:
                w.range_start(p, kind, op.group)
            if last:
                w.range_end(p, kind, op.group)
    if ops and ops[-1].kind not in (EQUAL_OP, CHANGED):
        w.paragraph("Normal")  # the document's last paragraph mark cannot be a revision
    _track_revisions(document)


#: Children of w:settings that come after w:trackRevisions (CT_Settings, ECMA-376 §17.15.1.78).
_AFTER_TRACK_REVISIONS = frozenset(["doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator"])


def _track_revisions(document) -> None:
    """Set w:trackRevisions (修订 on) at its schema position."""
    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    flag = OxmlElement("w:trackRevisions")
    for child in settings:
        if oxml.local_name(child) in _AFTER_TRACK_REVISIONS:
            child.addprevious(flag)
            return
    settings.append(flag)


def build_document(draft: Draft, profile: str = "print", fonts: str = "gb2312"):
    """The plain export of ``draft`` as a python-docx Document, to write the revisions into."""
    return docx.Document(io.BytesIO(docx_bytes(draft, profile, fonts)))


def tracked_document(comparison: Comparison, new: Draft, author: str = DEFAULT_AUTHOR,
                     date: str | None = None, fonts: str = "gb2312"):
    document = build_document(new, "print", fonts)
    write_ops(document, comparison, author or DEFAULT_AUTHOR, date or revision_date())
    return document


def tracked_docx_bytes(comparison: Comparison, new: Draft, author: str = DEFAULT_AUTHOR,
                       date: str | None = None, fonts: str = "gb2312") -> bytes:
    buffer = io.BytesIO()
    tracked_document(comparison, new, author, date, fonts).save(buffer)
    return buffer.getvalue()


def _style_at(unit: Unit, offset: int) -> tuple[str | None, int]:
    """(character style of the run at ``offset`` of ``unit``'s text, where that run ends)."""
    end = 0
    for text, style in unit.runs:
        end += len(text)
        if offset < end:
            return style, end
    return (unit.runs[-1][1] if unit.runs else None), end


def styled_segments(pieces: list[tuple[str, str]], old: Unit, new: Unit) -> list:
    """A reviewer's pieces of one paragraph as segments, split where the runs change style
    (a run-in heading's sentence and body)."""
    result = []
    o = n = 0
    for kind, text in pieces:
        while text:
            unit, pos = (old, o) if kind == DELETE else (new, n)
            style, end = _style_at(unit, pos)
            part, text = text[:max(end - pos, 1)], text[max(end - pos, 1):]
            result.append((kind, part, style))
            if kind != INSERT:
                o += len(part)
            if kind != DELETE:
                n += len(part)
    return result


def reviewed_docx_bytes(draft: Draft, fonts: str = "gb2312") -> bytes:
    """A draft read from a reviewer's file, written back with what is still pending: each
    pending revision as a revision under its reviewer's name and date, and each comment not
    marked done, anchored on its text.  Accepting all gives the draft with every pending
    revision accepted; rejecting all gives the draft as it stands.  A draft edited since it was
    read gets its comments only (the caller says so): the revisions belong to the old text."""
    review = draft.review
    if review is None:
        return tracked_docx_bytes(compare_drafts(draft, draft), draft, fonts=fonts)
    current = review.matches(draft)  # edited since it was read: the revisions no longer apply
    accepted = review.accepted if current and review.accepted is not None and review.revisions else draft
    comparison = compare_drafts(draft, accepted)
    for op in comparison.ops:
        if op.kind == CHANGED:
            old, new = comparison.old_units[op.old], comparison.new_units[op.new]
            pieces = review.edits.get((old.text, new.text))
            if pieces:
                op.segments = styled_segments(pieces, old, new)
    document = build_document(accepted, "print", fonts)
    write_ops(document, comparison, DEFAULT_AUTHOR, revision_date(), Attribution(review.revisions))
    add_comments(document, [c for c in review.comments if not c.resolved])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
