"""The python-docx writer the export used until the writer wrote its XML as text: kept here as
the reference the new writer is compared with (test_writer_equivalence.py), paragraph by
paragraph and style by style.  It builds on python-docx's default template and sets every
property through lxml; the text of the body comes from the same ``body_paragraphs``.
"""

from __future__ import annotations

import datetime
import io
import logging

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from drafter import __version__
from drafter.core.model import Draft
from drafter.export import oxml
from drafter.export.docx_writer import (
    BODY_ALIGN,
    BODY_CHAR,
    BYLINE,
    LINE_BREAK,
    PAGE_NUMBER,
    RUN_IN_BODY,
    SALUTATION,
    STYLE_NAMES,
    TITLE,
    body_paragraphs,
    clean_text,
    heading_style_id,
)
from drafter.export.fonts import FALLBACKS, FontSet, get_font_set
from drafter.export.profiles import Profile, get_profile

logger = logging.getLogger(__name__)


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
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0, tzinfo=None)
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


def docx_bytes(draft: Draft, profile: str | Profile = "print", fonts: str | FontSet = "gb2312",
               bold_minor_headings: bool = False, author: str = "") -> bytes:
    buffer = io.BytesIO()
    build_document(draft, profile, fonts, bold_minor_headings, author).save(buffer)
    return buffer.getvalue()
