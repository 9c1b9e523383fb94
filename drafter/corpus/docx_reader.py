"""The Word reader: a .docx into a Draft, each file opened and walked once.

``walk`` goes through the body in reading order — paragraphs, tables (row by row, a merged
cell once), content controls — and gives one ``WordParagraph`` each: its text, its style, the
heading level its style or outline level gives, and the label Word's automatic list numbering
shows in front of it (``drafter.corpus.wordnum``: chineseCounting 一、, decimal 1. or （1）,
ideographTraditional 甲、 …), which a copy-and-paste would lose.

Tracked changes are never accepted silently: the walker reads a paragraph as it stood before
the pending revisions (inserted text left out, deleted text kept) and lists every revision run
in ``WordParagraph.revisions`` — the hook ``drafter.corpus.docx_review`` builds on (it resolves
the revisions itself and keeps them pending on the draft); ``read_docx`` notes them as a doubt.

- Our own files, and files whose headings carry heading styles ("heading 1"–"heading 4", 标题
  1–4) or an outline level: the styles say which paragraphs are headings and at what level; the
  marker typed or numbered at the start of a heading becomes the level's numbering style.  In
  our files the body of a run-in heading is the runs in ``DrafterBodyChar`` (or the next
  ``DrafterRunInBody`` paragraph); elsewhere the heading sentence ends at the first 。；！？：.
  The lines before the first heading of a foreign file go through the front-matter reader.
- Other files: the paragraph texts, numbering labels included, go through the parser.

The file is opened through ``drafter.corpus.loaders.open_docx`` (size, zip-bomb, .doc and
corruption checks).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml.ns import qn

from drafter.core.errors import DrafterError
from drafter.core.markers import match_marker
from drafter.core.model import MAX_LEVEL, Block, Draft
from drafter.core.vocab import SPEAKER_ROLE, WHITESPACE, split_heading
from drafter.corpus.chrome import DATE_CN
from drafter.corpus.frontmatter import read_front_matter
from drafter.corpus.loaders import _check_lines, open_docx
from drafter.corpus.parser import parse_lines
from drafter.corpus.roles import assign_roles
from drafter.corpus.titleblock import complete_fields, occasion_of, split_byline
from drafter.corpus.wordnum import Numbering
from drafter.export.docx_writer import BODY_CHAR, BYLINE, RUN_IN_BODY, SALUTATION, TITLE

logger = logging.getLogger(__name__)

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_DATE = re.compile(r"^[（(]?\s*[0-9０-９〇零一二三四五六七八九十]{2,4}\s*年.*[）)]?$")
_HEADING_FAMILIES = ("part", "diyi", "dun", "paren", "arabic_paren", "arabic", "shi", "yao", "gan")
MAX_STYLE_DEPTH = 20

W_P, W_R, W_TBL, W_SDT = qn("w:p"), qn("w:r"), qn("w:tbl"), qn("w:sdt")
_TEXT = {qn("w:t"): None, qn("w:delText"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
         qn("w:noBreakHyphen"): "-"}
_INSERTED = {qn("w:ins"), qn("w:moveTo")}
_DELETED = {qn("w:del"), qn("w:moveFrom")}
_SKIP = {qn("w:pPr"), qn("w:rPr"), qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:txbxContent")}


@dataclass
class WordParagraph:
    text: str                     # numbering label + text as it stood before pending revisions
    style_id: str = ""
    level: int = 0                # heading level from the style or the outline level
    label: str = ""               # what Word's list numbering shows in front of it
    list_level: int = 0           # its level in that list (w:ilvl)
    body_at: int | None = None    # offset in ``text`` where DrafterBodyChar runs start
    revisions: list[tuple[str, str]] = field(default_factory=list)  # (ins | del, text) pending


class _Styles:
    """Paragraph styles by id: heading level and numbering, following basedOn (cycles cut)."""

    def __init__(self, document):
        self.by_id: dict[str, object] = {}
        self.default = ""
        root = document.styles.element
        for el in root.findall(qn("w:style")):
            sid = el.get(qn("w:styleId")) or ""
            self.by_id[sid] = el
            if el.get(qn("w:type")) == "paragraph" and el.get(qn("w:default")) in ("1", "true"):
                self.default = sid
        self.cache: dict[str, tuple[int, str | None, int]] = {}

    def info(self, style_id: str) -> tuple[int, str | None, int]:
        """(heading level, numId, ilvl) a style gives its paragraphs."""
        if style_id in self.cache:
            return self.cache[style_id]
        level, num_id, ilvl, seen = 0, None, 0, set()
        sid = style_id
        while sid and sid not in seen and len(seen) < MAX_STYLE_DEPTH:
            seen.add(sid)
            el = self.by_id.get(sid)
            if el is None:
                break
            name = el.find(qn("w:name"))
            m = _HEADING_NAME.match(name.get(qn("w:val"), "") if name is not None else "")
            ppr = el.find(qn("w:pPr"))
            if not level and m:
                level = int(m.group(1))
            outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
            if not level and outline is not None and outline.get(qn("w:val")) not in (None, "9"):
                level = _int(outline.get(qn("w:val"))) + 1
            num = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_id is None and num is not None:
                num_id, ilvl = _num_pr(num)
            based = el.find(qn("w:basedOn"))
            sid = based.get(qn("w:val")) if based is not None else ""
        self.cache[style_id] = (level, num_id, ilvl)
        return self.cache[style_id]


def _int(value: str | None, default: int = 0) -> int:
    return int(value) if value and value.lstrip("-").isdigit() else default


def _num_pr(num) -> tuple[str | None, int]:
    num_id = num.find(qn("w:numId"))
    ilvl = num.find(qn("w:ilvl"))
    return (num_id.get(qn("w:val")) if num_id is not None else None,
            _int(ilvl.get(qn("w:val")) if ilvl is not None else None))


def _runs(el, state: str = "") -> Iterator[tuple[object, str]]:
    """(run, ""/"ins"/"del") of the runs of a paragraph, hyperlinks and revisions included,
    not those of text boxes or drawings inside it."""
    for child in el:
        tag = child.tag
        if tag == W_R:
            yield child, state
        elif tag in _SKIP or not isinstance(tag, str):
            continue
        elif tag in _INSERTED:
            yield from _runs(child, "ins")
        elif tag in _DELETED:
            yield from _runs(child, "del")
        else:
            yield from _runs(child, state)


def _run_text(run) -> str:
    parts = []
    for child in run.iter():
        if child.tag in _TEXT:
            fixed = _TEXT[child.tag]
            parts.append(child.text or "" if fixed is None else fixed)
    return "".join(parts)


def _paragraph(p, styles: _Styles, numbering: Numbering) -> WordParagraph:
    ppr = p.find(qn("w:pPr"))
    pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
    style_id = pstyle.get(qn("w:val")) if pstyle is not None else styles.default
    level, num_id, ilvl = styles.info(style_id)
    outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if outline is not None and outline.get(qn("w:val")) not in (None, "9"):
        level = _int(outline.get(qn("w:val"))) + 1
    num = ppr.find(qn("w:numPr")) if ppr is not None else None
    if num is not None:
        own_id, own_ilvl = _num_pr(num)
        num_id = own_id if own_id is not None else num_id
        ilvl = own_ilvl if num.find(qn("w:ilvl")) is not None else ilvl
    texts: list[str] = []
    revisions: list[tuple[str, str]] = []
    body_at = None
    for run, state in _runs(p):
        text = _run_text(run)
        if state:
            revisions.append((state, text))
        if state == "ins":
            continue  # pending: not part of the text until it is accepted
        rpr = run.find(qn("w:rPr"))
        rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
        if body_at is None and rstyle is not None and rstyle.get(qn("w:val")) == BODY_CHAR:
            body_at = sum(map(len, texts))
        texts.append(text)
    label = numbering.label(num_id, ilvl) if num_id else ""
    text = "".join(texts)
    if label and text.strip(WHITESPACE):
        text = label + text
        body_at = body_at + len(label) if body_at is not None else None
    return WordParagraph(text, style_id, level, label, ilvl if label else 0, body_at, revisions)


def walk(document, numbering: Numbering | None = None) -> Iterator[WordParagraph]:
    """Every paragraph of the body in reading order (tables cell by cell, content controls)."""
    styles = _Styles(document)
    if numbering is None:
        numbering = _numbering(document, styles)
    yield from _walk(document.element.body, styles, numbering)


def _walk(parent, styles: _Styles, numbering: Numbering) -> Iterator[WordParagraph]:
    for child in parent:
        if child.tag == W_P:
            yield _paragraph(child, styles, numbering)
        elif child.tag == W_TBL:
            for row in child.findall(qn("w:tr")):
                for cell in row.findall(qn("w:tc")):
                    merge = cell.find(qn("w:tcPr") + "/" + qn("w:vMerge"))
                    if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
                        continue  # a vertically merged cell is read once, where it starts
                    yield from _walk(cell, styles, numbering)
        elif child.tag == W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _walk(content, styles, numbering)


def _numbering(document, styles: _Styles) -> Numbering:
    try:
        part = document.part.numbering_part
    except (NotImplementedError, KeyError, ValueError):
        return Numbering(None, styles.by_id)
    except Exception as exc:  # noqa: BLE001 - a numbering part python-docx cannot load
        logger.warning("numbering part unreadable: %s", exc)
        return Numbering(None, styles.by_id)
    return Numbering(part.element, styles.by_id)


# ----- the draft ---------------------------------------------------------------------------
def _heading_block(level: int, text: str, body: str | None) -> Block:
    text = text.strip(WHITESPACE)
    marker = match_marker(text, _HEADING_FAMILIES)
    if marker is not None:
        text = text[len(marker.text):].lstrip(WHITESPACE)
    if body is None:
        text, body = split_heading(text)
    block = Block.heading(min(level, MAX_LEVEL), text, body.strip(WHITESPACE))
    block.source_marker = marker.text if marker else ""
    block.numbered = marker is not None  # a styled heading without a number prints none
    return block


def _front_line(draft: Draft, style_id: str, text: str) -> bool:
    """Take a title/byline/salutation paragraph of our own files; False if it is not one."""
    if style_id in (TITLE, "Title"):
        text = text.replace("\n", "")  # a long title is set in lines (w:br); its own spaces stay
        draft.title = draft.title + text if draft.title else text
    elif style_id == BYLINE:
        if text.startswith(("——", "--")):  # ——在……上的讲话 / a report's ——2023年2月2日在……上
            rest = text.lstrip("—-").strip()
            dated = DATE_CN.match(rest)
            if dated:
                draft.date = draft.date or rest[:dated.end()]
                rest = rest[dated.end():].lstrip("，, ")
            draft.occasion = occasion_of(rest)
        elif _DATE.match(text):
            draft.date = text.strip("（）() ")
        elif (byline := split_byline(text)) is not None:
            office, name = byline
            draft.speaker = draft.speaker or name
            if office:
                draft.fields.setdefault(SPEAKER_ROLE, office)
        else:
            draft.speaker = draft.speaker + " " + text if draft.speaker else text
    elif style_id == SALUTATION:
        draft.salutation = text
    else:
        return False
    return True


def _styled_draft(paragraphs: list[WordParagraph], ours: bool) -> Draft:
    draft = Draft(blocks=[])
    first_heading = next((k for k, p in enumerate(paragraphs) if p.level and p.text.strip(WHITESPACE)),
                         len(paragraphs))
    start = 0
    if not ours:
        # the lines before the first heading: title block, chrome, salutation, opening
        lead = [p.text.strip(WHITESPACE) for p in paragraphs[:first_heading] if p.text.strip(WHITESPACE)]
        front = read_front_matter(lead)
        draft.title, draft.speaker, draft.date = front.title, front.speaker, front.date
        draft.occasion, draft.salutation = front.occasion, front.salutation
        draft.dropped, draft.doubts = front.dropped, front.doubts
        if front.speaker_role:
            draft.fields[SPEAKER_ROLE] = front.speaker_role
        draft.blocks.extend(Block.paragraph(line) for line in front.body)
        start = first_heading
    current = 0  # level of the last styled heading
    for p in paragraphs[start:]:
        text = p.text.strip(WHITESPACE)
        if not text:
            continue
        if not p.level and not ours and p.label and match_marker(text, _HEADING_FAMILIES):
            # a point numbered by Word's list numbering under a styled heading
            p.level = min(MAX_LEVEL, current + 1 + p.list_level)
        elif p.level:
            current = p.level
        if p.level:
            if ours or p.body_at is not None:  # our files mark the run-in body (DrafterBodyChar)
                at = len(p.text) if p.body_at is None else p.body_at
                draft.blocks.append(_heading_block(p.level, p.text[:at], p.text[at:]))
            else:
                draft.blocks.append(_heading_block(p.level, text, None))
            continue
        if ours and not draft.blocks and _front_line(draft, p.style_id, text):
            continue
        if p.style_id == RUN_IN_BODY and draft.blocks and draft.blocks[-1].is_heading \
                and not draft.blocks[-1].body:
            draft.blocks[-1].body = text
            continue
        draft.blocks.append(Block.paragraph(text))
    draft.infer_numbering()
    complete_fields(draft)
    assign_roles(draft)
    return draft


def read_word(path: Path) -> tuple[list[WordParagraph], bool, list[str]]:
    """(paragraphs, written by Drafter, problems) of a .docx, walked once."""
    document = open_docx(path)
    try:
        styles = _Styles(document)
        numbering = _numbering(document, styles)
        paragraphs = list(_walk(document.element.body, styles, numbering))
    except DrafterError:
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed part deep inside the body
        logger.warning("cannot walk %s: %s", path, exc)
        raise DrafterError("文档内容已损坏，无法读取段落", path) from None
    ours = TITLE in styles.by_id
    return paragraphs, ours, list(dict.fromkeys(numbering.problems))


def read_docx_paragraphs(path: str | os.PathLike[str]) -> list[str]:
    """Paragraph texts of a .docx in document order (tables included, numbering labels shown)."""
    path = Path(path)
    paragraphs, _ours, _problems = read_word(path)
    texts = [line for p in paragraphs for line in p.text.split("\n")]
    _check_lines(texts, path)
    if not any(t.strip(WHITESPACE) for t in texts):
        raise DrafterError("文档中没有文字", path)
    return texts


def read_docx(path: str | os.PathLike[str]) -> Draft:
    """The draft in a .docx file (ours, or typed in Word/WPS)."""
    path = Path(path)
    paragraphs, ours, problems = read_word(path)
    texts = [line for p in paragraphs for line in p.text.split("\n")]
    _check_lines(texts, path)
    if ours or any(p.level for p in paragraphs):
        draft = _styled_draft(paragraphs, ours)
    else:
        draft = parse_lines(texts)
    draft.doubts.extend(problems)
    pending = sum(len(p.revisions) for p in paragraphs)
    if pending:
        draft.doubts.append(f"文档含有 {pending} 处未处理的修订，已按修订前的文字读取（插入的文字未并入）")
    if not draft.blocks and not draft.title:
        raise DrafterError("文档中没有可识别的正文", path)
    logger.info("read %s: %d blocks", path, len(draft.blocks))
    return draft
