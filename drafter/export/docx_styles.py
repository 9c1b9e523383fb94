"""The named styles of an exported speech — the one definition of the page's type: which font
and size each part is set in, its indent, alignment and line spacing — and their
``word/styles.xml``.

``Normal`` is the body, ``Heading1``–``Heading4`` the outline levels (outline levels set, so
Word's navigation pane shows them), ``DrafterTitle``, ``DrafterByline``, ``DrafterSalutation``,
``DrafterRunInBody`` (the body of a run-in heading set as its own paragraph in read-aloud),
the character style ``DrafterBodyChar`` (the body of a run-in heading inside the heading's
paragraph) and ``DrafterPageNumber``.  Formatting lives in the styles, so the user can still
adjust it in Word; the body paragraphs name a style and nothing else.

Every paragraph style carries 行首/行尾禁则 (kinsoku on), no punctuation hanging past the 版心
(overflowPunct 0) and no extra space between Chinese and Latin letters or digits (autoSpaceDE/DN
0), which would push a line with numbers off the grid.  Every style states its bold and its
character spacing, so a style based on Normal does not inherit the body's condensing.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.export.fonts import FontSet
from drafter.export.profiles import Profile
from drafter.export.xmltext import W_NS, attr, quoted

TITLE, BYLINE, SALUTATION = "DrafterTitle", "DrafterByline", "DrafterSalutation"
RUN_IN_BODY, BODY_CHAR, PAGE_NUMBER = "DrafterRunInBody", "DrafterBodyChar", "DrafterPageNumber"
STYLE_NAMES = {TITLE: "讲话标题", BYLINE: "署名日期", SALUTATION: "称呼", RUN_IN_BODY: "标题续文",
               BODY_CHAR: "正文字符", PAGE_NUMBER: "页码"}

#: Body text is justified (两端对齐): the condensed characters fill a line to within 2.65 pt,
#: and GB/T 9704 pages are justified.
BODY_ALIGN = "both"

#: Two characters of first-line indent, in hundredths of a character.
INDENT_TWO = 200


def heading_style_id(level: int) -> str:
    return f"Heading{level}"


@dataclass(frozen=True)
class Style:
    """A named style.  Sizes in points, ``spacing`` (character spacing) in twentieths of a
    point, ``first_line_chars`` in hundredths of a character, ``line`` in twips."""

    style_id: str
    name: str
    font: str
    size_pt: float
    kind: str = "paragraph"
    based_on: str | None = "Normal"
    next_id: str | None = None
    bold: bool = False
    spacing: int = 0
    align: str = BODY_ALIGN
    first_line_chars: int = 0
    line: int = 0
    line_rule: str = "exact"
    outline: int | None = None
    keep_next: bool = False
    snap_to_grid: bool = True


def page_styles(profile: Profile, fonts: FontSet, bold_minor_headings: bool = False) -> list[Style]:
    """The styles of a speech in ``profile`` and ``fonts``: body 仿宋, level 1 黑体, level 2 楷体,
    levels 3–4 仿宋, title 小标宋 (or the set's title font), byline 楷体, page numbers 宋体."""
    pitch, spacing = profile.line_pitch, profile.char_spacing
    styles = [
        Style("Normal", "Normal", fonts.fang, profile.body_pt, based_on=None, spacing=spacing,
              first_line_chars=INDENT_TWO, line=pitch),
        # each line of a long title takes one line slot (exact spacing, not two grid lines)
        Style(TITLE, STYLE_NAMES[TITLE], fonts.title, profile.title_pt, next_id=BYLINE,
              bold=profile.title_bold or fonts.title_bold, align="center", line=pitch, snap_to_grid=False),
        Style(BYLINE, STYLE_NAMES[BYLINE], fonts.kai, profile.byline_pt, next_id="Normal", align="center",
              line=pitch),
        Style(SALUTATION, STYLE_NAMES[SALUTATION], fonts.fang, profile.body_pt, next_id="Normal",
              spacing=spacing, align="left", line=pitch),
        Style(RUN_IN_BODY, STYLE_NAMES[RUN_IN_BODY], fonts.fang, profile.body_pt, next_id="Normal",
              spacing=spacing, first_line_chars=INDENT_TWO, line=pitch),
    ]
    heading_fonts = {1: fonts.hei, 2: fonts.kai, 3: fonts.fang, 4: fonts.fang}
    for level, font in heading_fonts.items():
        bold = profile.heading_bold.get(level, False) or (bold_minor_headings and level >= 3)
        styles.append(Style(heading_style_id(level), f"heading {level}", font,
                            profile.heading_pt.get(level, profile.body_pt), next_id="Normal", bold=bold,
                            spacing=spacing, first_line_chars=INDENT_TWO, line=pitch, outline=level - 1,
                            keep_next=profile.keep_heading_with_next))
    styles += [
        Style(BODY_CHAR, STYLE_NAMES[BODY_CHAR], fonts.fang, profile.body_pt, kind="character",
              based_on="DefaultParagraphFont", spacing=spacing),
        Style(PAGE_NUMBER, STYLE_NAMES[PAGE_NUMBER], fonts.song, profile.footer_pt, based_on=None,
              align="right", line=240, line_rule="auto", snap_to_grid=False),
    ]
    return styles


def _flag(name: str, on: bool = True) -> str:
    return f'<w:{name} w:val="{1 if on else 0}"/>'


def fonts_xml(font: str) -> str:
    """``w:rFonts`` naming ``font`` for East Asian and Latin text alike (no theme fonts)."""
    f = attr(font)
    return f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}" w:hint="eastAsia"/>'


def run_properties_xml(style: Style) -> str:
    half_points = round(style.size_pt * 2)
    return (f"<w:rPr>{fonts_xml(style.font)}{_flag('b', style.bold)}{_flag('bCs', style.bold)}"
            f'<w:color w:val="000000"/><w:spacing w:val="{style.spacing}"/>'
            f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>')


def paragraph_properties_xml(style: Style, profile: Profile) -> str:
    """``w:pPr`` of a paragraph style, children in schema order (CT_PPr)."""
    parts = ["<w:pPr>"]
    if style.keep_next:
        parts.append(_flag("keepNext") + _flag("keepLines"))
    parts.append(_flag("widowControl", profile.keep_heading_with_next))
    parts.append(_flag("kinsoku") + _flag("overflowPunct", False) + _flag("autoSpaceDE", False)
                 + _flag("autoSpaceDN", False))
    if not style.snap_to_grid:
        parts.append(_flag("snapToGrid", False))
    parts.append(f'<w:spacing w:before="0" w:after="0" w:line="{style.line}" w:lineRule="{style.line_rule}"/>')
    first_line = style.first_line_chars * round(style.size_pt * 20) // 100
    parts.append(f'<w:ind w:left="0" w:right="0" w:firstLine="{first_line}" '
                 f'w:firstLineChars="{style.first_line_chars}"/>')
    parts.append(f'<w:jc w:val="{style.align}"/>')
    if style.outline is not None:
        parts.append(f'<w:outlineLvl w:val="{style.outline}"/>')
    parts.append("</w:pPr>")
    return "".join(parts)


def style_xml(style: Style, profile: Profile) -> str:
    default = ' w:default="1"' if style.style_id == "Normal" else ""
    parts = [f'<w:style w:type="{style.kind}"{default} w:styleId="{style.style_id}">',
             f"<w:name w:val={quoted(style.name)}/>"]
    if style.based_on:
        parts.append(f'<w:basedOn w:val="{style.based_on}"/>')
    if style.next_id:
        parts.append(f'<w:next w:val="{style.next_id}"/>')
    parts.append("<w:qFormat/>")
    if style.kind == "paragraph":
        parts.append(paragraph_properties_xml(style, profile))
    parts.append(run_properties_xml(style))
    parts.append("</w:style>")
    return "".join(parts)


#: Word's own defaults every styles part has: the default character, table and list styles.
_BUILT_IN = ('<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
             '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
             '<w:unhideWhenUsed/></w:style>'
             '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
             '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" '
             'w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
             '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
             '</w:style>'
             '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
             '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>')


def styles_xml(profile: Profile, fonts: FontSet, bold_minor_headings: bool = False) -> str:
    """``word/styles.xml``: document defaults (the body font and size, zh-CN, the line pitch),
    Word's built-in default styles, and the speech's styles."""
    half_points = round(profile.body_pt * 2)
    defaults = (f"<w:docDefaults><w:rPrDefault><w:rPr>{fonts_xml(fonts.fang)}"
                f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
                '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
                f'<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="{profile.line_pitch}" '
                'w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>')
    styles = "".join(style_xml(s, profile) for s in page_styles(profile, fonts, bold_minor_headings))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:styles xmlns:w="{W_NS}">{defaults}{_BUILT_IN}{styles}</w:styles>')
