"""Read a .docx back into a Draft.

- Our own files (and any file whose headings carry Word's heading styles — "heading 1"–"heading
  4", shown as 标题 1–4 in Chinese Word/WPS — or an outline level): the styles say which
  paragraphs are headings and at what level; the marker typed at the start of a heading
  (一、 （一） 1. …) is taken off and becomes the level's numbering style.  In our files the
  body of a run-in heading is the runs in the ``DrafterBodyChar`` character style (or the next
  ``DrafterRunInBody`` paragraph, read-aloud layout); elsewhere the heading sentence ends at
  the first 。；！？ or ： (as the parser splits it).  Title, speaker/date and salutation come
  from our styles, or from the ``Title`` style.
- A file typed with manual numbering and no heading styles: its paragraph texts go through
  the parser (``drafter.corpus.parser.parse_lines``), which finds the markers.

The file is opened through the corpus loader, which refuses corrupt, old-format (.doc),
oversized and zip-bomb files with a DrafterError.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from docx.oxml.ns import qn

from drafter.core.errors import DrafterError
from drafter.core.markers import match_marker
from drafter.core.model import MAX_LEVEL, Block, Draft
from drafter.core.vocab import SPEAKER_ROLE
from drafter.corpus.chrome import DATE_CN
from drafter.corpus.frontmatter import complete_fields, occasion_of, split_byline
from drafter.export.docx_writer import BODY_CHAR, BYLINE, RUN_IN_BODY, SALUTATION, TITLE

logger = logging.getLogger(__name__)

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_DATE = re.compile(r"^[（(]?\s*[0-9０-９〇零一二三四五六七八九十]{2,4}\s*年.*[）)]?$")
WHITESPACE = " \t\u3000\xa0\ufeff"
_HEADING_FAMILIES = ("part", "diyi", "dun", "paren", "arabic_paren", "arabic", "shi", "yao")


def _open(path: Path):
    from drafter.corpus.loaders import open_docx  # size, zip-bomb, .doc and corruption checks
    return open_docx(path)


def _paragraphs(document) -> list:
    """Every paragraph of the body in reading order, including those in tables (cell by cell)
    and in content controls, so no text is left behind."""
    from docx.text.paragraph import Paragraph

    body = document.element.body
    return [Paragraph(p, document) for p in body.iter(qn("w:p"))]


def _style_info(paragraph) -> tuple[str, int]:
    """(style id, heading level or 0) of a paragraph, following basedOn for the level."""
    style = paragraph.style
    style_id = style.style_id if style is not None else ""
    seen = 0
    while style is not None and seen < 10:
        m = _HEADING_NAME.match(style.name or "")
        if m:
            return style_id, int(m.group(1))
        ppr = style.element.find(qn("w:pPr"))
        level = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if level is not None and level.get(qn("w:val")) not in (None, "9"):
            return style_id, int(level.get(qn("w:val"))) + 1
        style = style.base_style
        seen += 1
    ppr = paragraph._p.pPr
    level = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if level is not None and level.get(qn("w:val")) not in (None, "9"):
        return style_id, int(level.get(qn("w:val"))) + 1
    return style_id, 0


def _run_texts(paragraph) -> tuple[str, str]:
    """(heading part, body part) of a heading paragraph: runs in DrafterBodyChar are body."""
    head, body = [], []
    for run in paragraph.runs:
        rpr = run._r.rPr
        rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
        if rstyle is not None and rstyle.get(qn("w:val")) == BODY_CHAR or body:
            body.append(run.text)
        else:
            head.append(run.text)
    return "".join(head), "".join(body)


def _split(text: str) -> tuple[str, str]:
    try:
        from drafter.corpus.parser import split_heading
    except ImportError:  # pragma: no cover - the parser is part of the package
        m = re.search("[。；！？：]", text)
        return (text[: m.end()], text[m.end():]) if m else (text, "")
    return split_heading(text)


def _heading_block(level: int, text: str, body: str | None) -> Block:
    text = text.strip(WHITESPACE)
    marker = match_marker(text, _HEADING_FAMILIES)
    if marker is not None:
        text = text[len(marker.text):].lstrip(WHITESPACE)
    if body is None:
        text, body = _split(text)
    block = Block.heading(min(level, MAX_LEVEL), text, body.strip(WHITESPACE))
    block.source_marker = marker.text if marker else ""
    return block


def _assign_roles(draft: Draft) -> None:
    try:
        from drafter.corpus.roles import assign_roles
    except ImportError:  # pragma: no cover
        return
    assign_roles(draft)


def _front_line(draft: Draft, style_id: str, text: str) -> bool:
    """Take a title/byline/salutation paragraph; False if it is not one."""
    if style_id in (TITLE, "Title"):
        text = re.sub(r"\s*\n\s*", "", text)  # a long title is set in lines (w:br)
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


def read_docx(path: str | os.PathLike[str]) -> Draft:
    """The draft in a .docx file (ours, or typed in Word/WPS)."""
    path = Path(path)
    document = _open(path)
    try:
        paragraphs = [(p, *_style_info(p)) for p in _paragraphs(document)]
    except Exception as exc:  # noqa: BLE001 - a malformed style part
        logger.warning("cannot read styles of %s: %s", path, exc)
        raise DrafterError("文档的样式已损坏，无法读取", path) from None
    ours = any(style.style_id == TITLE for style in document.styles)  # written by Drafter
    if not ours and not any(level for _p, _s, level in paragraphs):
        from drafter.corpus.loaders import read_docx_paragraphs
        from drafter.corpus.parser import parse_lines
        draft = parse_lines(read_docx_paragraphs(path))
        if not draft.blocks and not draft.title:
            raise DrafterError("文档中没有可识别的正文", path)
        return draft

    draft = Draft(blocks=[])
    for paragraph, style_id, level in paragraphs:
        if level:
            head, body = _run_texts(paragraph)
            text = head + body
            if not text.strip(WHITESPACE):
                continue
            # our files mark the run-in body (DrafterBodyChar); elsewhere split at the sentence end
            draft.blocks.append(_heading_block(level, head if ours else text, body if ours else None))
            continue
        text = paragraph.text.strip(WHITESPACE)
        if not text:
            continue
        if not draft.blocks and _front_line(draft, style_id, text):
            continue
        if style_id == RUN_IN_BODY and draft.blocks and draft.blocks[-1].is_heading \
                and not draft.blocks[-1].body:
            draft.blocks[-1].body = text
            continue
        if not ours and not draft.blocks and not draft.salutation and re.fullmatch(r".{1,20}[：:]", text):
            draft.salutation = text
            continue
        draft.blocks.append(Block.paragraph(text))
    if not draft.blocks and not draft.title:
        raise DrafterError("文档中没有可识别的正文", path)
    complete_fields(draft)
    draft.infer_numbering()
    _assign_roles(draft)
    logger.info("read %s: %d blocks", path, len(draft.blocks))
    return draft
