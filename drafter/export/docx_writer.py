"""Write a Draft as a .docx in a layout profile (print / read-aloud) and a font set.

The body is a list of paragraphs (``body_paragraphs``: the one place that decides the printed
text of a draft), each naming one of the styles of ``docx_styles`` (the one definition of the
page's type) and carrying its text in runs; numbers are literal text from ``Draft.markers()``.
The XML is written as text and zipped with the fixed parts (``docx_package``): no python-docx
or lxml on the export path.  The tracked-changes writer (``export/tracked.py``) opens this
document with python-docx and replaces its body.
"""

from __future__ import annotations

import datetime
import logging

from drafter import __version__
from drafter.core.model import Draft
from drafter.corpus.render import byline_lines, speaker_line
from drafter.export.docx_package import (
    app_xml,
    core_xml,
    document_xml,
    font_table_xml,
    footer_xml,
    zip_package,
)
from drafter.export.docx_styles import (  # noqa: F401 - the style ids are part of the writer's interface
    BODY_ALIGN,
    BODY_CHAR,
    BYLINE,
    PAGE_NUMBER,
    RUN_IN_BODY,
    SALUTATION,
    STYLE_NAMES,
    TITLE,
    heading_style_id,
    styles_xml,
)
from drafter.export.fonts import FontSet, get_font_set
from drafter.export.profiles import TWIPS_PER_PT, Profile, get_profile
from drafter.export.title import title_lines
from drafter.export.xmltext import clean_text, escape

logger = logging.getLogger(__name__)

#: A line break inside a paragraph (the title's balanced lines), as it stands in run texts.
LINE_BREAK = "\n"

#: A body paragraph: style id, runs (text, character style or None), block index or None.
Paragraph = tuple[str, list[tuple[str, str | None]], int | None]


def speaker_in_title(draft: Draft) -> bool:
    """Whether the title already names the speaker: the last word of the speaker line (the
    name in 市长 张三, or the office alone, 市长) is in the title (黄坤明同志在……, 市长在……)."""
    words = speaker_line(draft).split()
    return bool(words) and len(words[-1]) >= 2 and words[-1] in draft.title


def page_byline_lines(draft: Draft) -> list[str]:
    """The byline lines under the title on the page: the speaker line is left out when the
    title names the speaker already."""
    lines = byline_lines(draft)
    if speaker_in_title(draft):
        lines = [line for line in lines if line != speaker_line(draft)]
    return lines


def body_paragraphs(draft: Draft, profile: str | Profile = "print") -> list[Paragraph]:
    """The paragraphs of the document body in order: (style id, runs as (text, character
    style or None), index of the block it renders or None for the title block).  The one
    place that decides what the printed text of a draft is; the tracked-changes writer
    (``export/tracked.py``) lays out the same paragraphs."""
    profile = get_profile(profile)
    result: list[Paragraph] = []
    front = False
    if draft.title.strip():
        capacity = int(profile.text_width / TWIPS_PER_PT // profile.title_pt)
        lines = title_lines(clean_text(draft.title.strip()), capacity)
        result.append((TITLE, [(LINE_BREAK.join(lines), None)], None))
        front = True
    for line in page_byline_lines(draft):
        result.append((BYLINE, [(clean_text(line), None)], None))
        front = True
    if front:
        result.append(("Normal", [], None))  # the blank line between the title block and the text
    if draft.salutation.strip():
        result.append((SALUTATION, [(clean_text(draft.salutation.strip()), None)], None))
    markers = draft.markers()
    for index, (block, marker) in enumerate(zip(draft.blocks, markers)):
        if not block.is_heading:
            result.append(("Normal", [(clean_text(block.text), None)], index))
            continue
        style = heading_style_id(min(max(block.level, 1), 4))
        heading = clean_text(marker + block.text)
        body_text = clean_text(block.body)
        if profile.split_run_in and body_text:
            result.append((style, [(heading, None)], index))
            result.append((RUN_IN_BODY, [(body_text, None)], index))
        else:
            result.append((style, [(heading, None), (body_text, BODY_CHAR)], index))
    return result


def paragraph_xml(style_id: str, runs: list[tuple[str, str | None]]) -> str:
    """``w:p`` in ``style_id`` with a run for each piece of text (a line break as a run of its
    own), runs of a character style marked with it."""
    parts = [f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>']
    for text, char_style in runs:
        props = f'<w:rPr><w:rStyle w:val="{char_style}"/></w:rPr>' if char_style else ""
        for number, line in enumerate(text.split(LINE_BREAK)):
            if number:
                parts.append("<w:r><w:br/></w:r>")
            if line:
                parts.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
    parts.append("</w:p>")
    return "".join(parts)


def docx_bytes(draft: Draft, profile: str | Profile = "print", fonts: str | FontSet = "gb2312",
               bold_minor_headings: bool = False, author: str = "") -> bytes:
    """The .docx of ``draft``; ``author`` is the writer named in its properties (the user's
    setting).  The properties say the real creation time, the title and Drafter as the
    application."""
    profile, fonts = get_profile(profile), get_font_set(fonts)
    body = "".join(paragraph_xml(style_id, runs) for style_id, runs, _index in body_paragraphs(draft, profile))
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    parts = {
        "word/document.xml": document_xml(body, profile),
        "word/styles.xml": styles_xml(profile, fonts, bold_minor_headings),
        "word/fontTable.xml": font_table_xml(fonts),
        "word/footer1.xml": footer_xml(profile, "right"),
        "word/footer2.xml": footer_xml(profile, "left"),
        "docProps/core.xml": core_xml(clean_text(draft.title), clean_text(draft.occasion), clean_text(author), now),
        "docProps/app.xml": app_xml(f"Drafter {__version__}"),
    }
    return zip_package(parts)
