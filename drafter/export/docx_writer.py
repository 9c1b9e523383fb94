"""Write a Draft as a .docx in a layout profile (print / read-aloud) and a font set.

The formatting lives in named styles (so the user can still adjust it in Word): ``Normal`` is
the body, ``Heading1``–``Heading4`` the outline levels (outline levels set, so Word's
navigation pane shows them), ``DrafterTitle``, ``DrafterByline``, ``DrafterSalutation``,
``DrafterRunInBody`` (the body of a run-in heading set as its own paragraph in read-aloud),
the character style ``DrafterBodyChar`` (the body of a run-in heading inside the heading's
paragraph) and ``DrafterPageNumber``.  Numbers are literal text from ``Draft.markers()``.
"""

from __future__ import annotations

import datetime
import io
import logging
import re

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from drafter import __version__
from drafter.core.model import Draft
from drafter.corpus.render import byline_lines, speaker_line
from drafter.export import oxml
from drafter.export.fonts import FALLBACKS, FontSet, get_font_set
from drafter.export.profiles import TWIPS_PER_PT, Profile, get_profile
from drafter.export.title import title_lines

logger = logging.getLogger(__name__)

TITLE, BYLINE, SALUTATION = "DrafterTitle", "DrafterByline", "DrafterSalutation"
RUN_IN_BODY, BODY_CHAR, PAGE_NUMBER = "DrafterRunInBody", "DrafterBodyChar", "DrafterPageNumber"
STYLE_NAMES = {TITLE: "讲话标题", BYLINE: "署名日期", SALUTATION: "称呼", RUN_IN_BODY: "标题续文",
               BODY_CHAR: "正文字符", PAGE_NUMBER: "页码"}

#: Body text is left-aligned, not justified: the condensed characters fill a line to within
#: 2.65 pt, so full lines of Chinese look the same either way, and LibreOffice (7.4) drops a
#: closing mark that hangs past the end of a *justified* line from the page and the PDF.
BODY_ALIGN = "both"

# Characters XML 1.0 cannot hold (C0 controls except tab/newline/CR, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


#: A line break inside a paragraph (the title's balanced lines), as it stands in run texts.
LINE_BREAK = "\n"

#: A body paragraph: style id, runs (text, character style or None), block index or None.
Paragraph = tuple[str, list[tuple[str, str | None]], int | None]


def heading_style_id(level: int) -> str:
    return f"Heading{level}"


def clean_text(text: str) -> str:
    """Text as it can go into a run: no XML-invalid characters, no line breaks."""
    text = _NOT_XML.sub("", text)
    return re.sub(r"[\r\n\t]+", " ", text)


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


# ----- styles -----------------------------------------------------------------------------
class _Styles:
    def __init__(self, document, profile: Profile, fonts: FontSet):
        self.root = document.styles.element
        self.profile = profile
        self.fonts = fonts

    def style(self, style_id: str, name: str, kind: str = "paragraph", based_on: str | None = "Normal",
              next_id: str | None = None):
        for old in self.root.findall(qn("w:style")):
            if old.get(qn("w:styleId")) == style_id:
                self.root.remove(old)
        el = OxmlElement("w:style")
        el.set(qn("w:type"), kind)
        el.set(qn("w:styleId"), style_id)
        if style_id == "Normal":
            el.set(qn("w:default"), "1")
        for tag, value in (("name", name), ("basedOn", based_on), ("next", next_id)):
            if value:
                child = OxmlElement(f"w:{tag}")
                child.set(qn("w:val"), value)
                el.append(child)
        el.append(OxmlElement("w:qFormat"))
        self.root.append(el)
        return el

    def paragraph_style(self, style_id: str, name: str, *, font: str, size_pt: float, bold: bool = False,
                        spacing: int = 0, align: str = BODY_ALIGN, first_line_chars: int = 0,
                        line: int | None = None, based_on: str | None = "Normal", next_id: str | None = None,
                        outline: int | None = None, keep_next: bool = False):
        el = self.style(style_id, name, "paragraph", based_on, next_id)
        ppr = oxml.get_ppr(el)
        if keep_next:
            oxml.set_flag(ppr, "keepNext")
            oxml.set_flag(ppr, "keepLines")
        oxml.set_flag(ppr, "widowControl", self.profile.keep_heading_with_next)
        # 行首/行尾禁则 on; no punctuation hanging past the 版心; no extra space between Chinese
        # and Latin letters or digits, which would push a line with numbers off the grid.
        oxml.set_flag(ppr, "kinsoku")
        oxml.set_flag(ppr, "overflowPunct", False)
        oxml.set_flag(ppr, "autoSpaceDE", False)
        oxml.set_flag(ppr, "autoSpaceDN", False)
        oxml.set_line_spacing(ppr, line or self.profile.line_pitch)
        size_twips = round(size_pt * 20)
        oxml.set_indent(ppr, first_line_chars=first_line_chars,
                        first_line_twips=first_line_chars * size_twips // 100)
        if not first_line_chars:
            ind = ppr.find(qn("w:ind"))
            ind.set(qn("w:firstLineChars"), "0")
        oxml.set_justification(ppr, align)
        if outline is not None:
            oxml.set_outline_level(ppr, outline)
        self._run_props(oxml.get_rpr(el), font, size_pt, bold, spacing)
        return el

    def character_style(self, style_id: str, name: str, *, font: str, size_pt: float, spacing: int):
        el = self.style(style_id, name, "character", based_on="DefaultParagraphFont")
        self._run_props(oxml.get_rpr(el), font, size_pt, False, spacing)
        return el

    @staticmethod
    def _run_props(rpr, font: str, size_pt: float, bold: bool, spacing: int) -> None:
        oxml.set_fonts(rpr, font)
        oxml.set_bold(rpr, bold)
        oxml.set_color_auto(rpr)
        # Always explicit, so a style based on Normal does not inherit its condensing.
        oxml.set_child(rpr, "spacing", oxml.RPR_ORDER, val=spacing)
        oxml.set_size(rpr, round(size_pt * 2))


def _set_defaults(document, profile: Profile, fonts: FontSet) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    oxml.set_fonts(rpr, fonts.fang)
    oxml.set_size(rpr, round(profile.body_pt * 2))
    oxml.set_child(rpr, "lang", oxml.RPR_ORDER, val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    oxml.set_line_spacing(ppr, profile.line_pitch)
    oxml.remove_theme_fonts(styles)
    lang = document.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _build_styles(document, profile: Profile, fonts: FontSet, bold_minor: bool) -> None:
    _set_defaults(document, profile, fonts)
    s = _Styles(document, profile, fonts)
    spacing = profile.char_spacing
    s.paragraph_style("Normal", "Normal", font=fonts.fang, size_pt=profile.body_pt, spacing=spacing,
                      first_line_chars=200, based_on=None)
    title = s.paragraph_style(TITLE, STYLE_NAMES[TITLE], font=fonts.title, size_pt=profile.title_pt,
                              bold=profile.title_bold or fonts.title_bold, align="center", next_id=BYLINE)
    # each line of a long title takes one line slot (exact spacing, not two grid lines)
    oxml.set_flag(oxml.get_ppr(title), "snapToGrid", False)
    s.paragraph_style(BYLINE, STYLE_NAMES[BYLINE], font=fonts.kai, size_pt=profile.byline_pt,
                      align="center", next_id="Normal")
    s.paragraph_style(SALUTATION, STYLE_NAMES[SALUTATION], font=fonts.fang, size_pt=profile.body_pt,
                      spacing=spacing, align="left", next_id="Normal")
    s.paragraph_style(RUN_IN_BODY, STYLE_NAMES[RUN_IN_BODY], font=fonts.fang, size_pt=profile.body_pt,
                      spacing=spacing, first_line_chars=200, next_id="Normal")
    heading_fonts = {1: fonts.hei, 2: fonts.kai, 3: fonts.fang, 4: fonts.fang}
    for level, font in heading_fonts.items():
        bold = profile.heading_bold.get(level, False) or (bold_minor and level >= 3)
        s.paragraph_style(heading_style_id(level), f"heading {level}", font=font,
                          size_pt=profile.heading_pt.get(level, profile.body_pt), bold=bold,
                          spacing=spacing, first_line_chars=200, next_id="Normal", outline=level - 1,
                          keep_next=profile.keep_heading_with_next)
    s.character_style(BODY_CHAR, STYLE_NAMES[BODY_CHAR], font=fonts.fang, size_pt=profile.body_pt,
                      spacing=spacing)
    page = s.paragraph_style(PAGE_NUMBER, STYLE_NAMES[PAGE_NUMBER], font=fonts.song,
                             size_pt=profile.footer_pt, align="right", line=240, based_on=None)
    oxml.set_line_spacing(oxml.get_ppr(page), 240, rule="auto")
    oxml.set_flag(oxml.get_ppr(page), "snapToGrid", False)


# ----- page setup -----------------------------------------------------------------------
def _page_setup(document, profile: Profile) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(profile.page_width), Twips(profile.page_height)
    section.top_margin, section.bottom_margin = Twips(profile.top), Twips(profile.bottom)
    section.left_margin, section.right_margin = Twips(profile.left), Twips(profile.right)
    section.header_distance, section.footer_distance = Twips(profile.header), Twips(profile.footer)
    section.gutter = Twips(0)
    oxml.set_doc_grid(section._sectPr, profile.line_pitch)
    document.settings.odd_and_even_pages_header_footer = True
    section.header.is_linked_to_previous = False
    section.even_page_header.is_linked_to_previous = False
    indent = round(profile.footer_pt * 20)  # one character in from the edge of the 版心
    _page_number(section.footer, "right", indent)
    _page_number(section.even_page_footer, "left", indent)


def _page_number(footer, align: str, indent: int) -> None:
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]._p
    for child in list(p):
        p.remove(child)
    ppr = oxml.get_ppr(p)
    oxml.set_child(ppr, "pStyle", oxml.PPR_ORDER, val=PAGE_NUMBER)
    if align == "right":
        oxml.set_indent(ppr, right=indent)
    else:
        oxml.set_indent(ppr, left=indent)
    oxml.set_justification(ppr, align)
    oxml.add_text_run(p, "— ")
    oxml.add_field(p, "PAGE")
    oxml.add_text_run(p, " —")


# ----- body -----------------------------------------------------------------------------
class _Body:
    def __init__(self, document):
        self.body = document.element.body
        self.sectpr = self.body.find(qn("w:sectPr"))

    def paragraph(self, style_id: str, *runs: tuple[str, str | None]):
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), style_id)
        ppr.append(pstyle)
        p.append(ppr)
        for text, char_style in runs:
            for number, line in enumerate(text.split(LINE_BREAK)):
                if number:
                    p.append(oxml.line_break())
                if not line:
                    continue
                run = oxml.add_text_run(p, line)
                if char_style:
                    rpr = OxmlElement("w:rPr")
                    rstyle = OxmlElement("w:rStyle")
                    rstyle.set(qn("w:val"), char_style)
                    rpr.append(rstyle)
                    run.insert(0, rpr)
        self.sectpr.addprevious(p)
        return p


def _properties(document, draft: Draft, author: str) -> None:
    """docProps: the real creation time, the title, the author from the user's setting, and
    Drafter as the application (not python-docx's template: 2013, Microsoft Macintosh Word)."""
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0, tzinfo=None)
    props = document.core_properties
    props.title = clean_text(draft.title)
    props.subject = clean_text(draft.occasion)
    props.author = props.last_modified_by = clean_text(author)
    props.created = props.modified = now
    for printed in [c for c in props._element if c.tag.endswith("}lastPrinted")]:
        props._element.remove(printed)  # never printed
    props.revision = 1
    props.comments = props.keywords = props.category = ""
    for part in document.part.package.parts:
        if part.partname == "/docProps/app.xml":
            part._blob = oxml.app_properties(f"Drafter {__version__}")


def _font_table(document, fonts: FontSet) -> None:
    """The set's fonts in the font table, each with the font Word draws in when it is missing."""
    names = dict.fromkeys((fonts.title, fonts.kai, fonts.hei, fonts.fang, fonts.song))
    for part in document.part.package.parts:
        if part.partname == "/word/fontTable.xml":
            part._blob = oxml.font_table_with(part.blob, {n: FALLBACKS.get(n) for n in names})


def build_document(draft: Draft, profile: str | Profile = "print", fonts: str | FontSet = "gb2312",
                   bold_minor_headings: bool = False, author: str = ""):
    """The python-docx Document for ``draft``; ``author`` is the writer (the user's setting)."""
    profile, fonts = get_profile(profile), get_font_set(fonts)
    document = Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _build_styles(document, profile, fonts, bold_minor_headings)
    _page_setup(document, profile)
    _properties(document, draft, author)
    _font_table(document, fonts)

    out = _Body(document)
    for style_id, runs, _index in body_paragraphs(draft, profile):
        out.paragraph(style_id, *runs)
    return document


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


def docx_bytes(draft: Draft, profile: str | Profile = "print", fonts: str | FontSet = "gb2312",
               bold_minor_headings: bool = False, author: str = "") -> bytes:
    buffer = io.BytesIO()
    build_document(draft, profile, fonts, bold_minor_headings, author).save(buffer)
    return buffer.getvalue()
