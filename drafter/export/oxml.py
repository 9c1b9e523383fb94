"""Raw WordprocessingML helpers that python-docx has no API for.

python-docx's ``font.name`` sets only the Latin fonts (``w:ascii``/``w:hAnsi``); Chinese text
is drawn with ``w:eastAsia``, and a theme attribute (``w:eastAsiaTheme`` …) overrides the
named font, so it must go.  Fields (PAGE), the document grid and character spacing are also
set here.  Children are inserted in the order the schema requires, so Word opens the file.
"""

from __future__ import annotations

import logging
from html import escape

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

logger = logging.getLogger(__name__)

#: Child order of w:rPr (CT_RPr, ECMA-376 §17.3.2.28), the part we use.
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
             "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
             "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
             "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
             "specVanish", "oMath")

#: Child order of w:pPr (CT_PPr) — rPr and sectPr come last.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
             "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
             "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
             "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
             "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")

#: Child order of w:sectPr (CT_SectPr).
SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
                "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
                "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
                "printerSettings", "sectPrChange")

_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def local_name(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag


def set_child(parent, name: str, order: tuple[str, ...], **attrs: str | int):
    """Get or create ``w:name`` under ``parent`` at its schema position; set ``attrs``
    (``w:`` attributes, given without prefix).  Returns the child."""
    child = parent.find(qn(f"w:{name}"))
    if child is None:
        child = OxmlElement(f"w:{name}")
        rank = order.index(name)
        later = set(order[rank + 1:])
        for i, existing in enumerate(parent):
            if local_name(existing) in later:
                parent.insert(i, child)
                break
        else:
            parent.append(child)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), str(value))
    return child


def remove_child(parent, name: str) -> None:
    for child in parent.findall(qn(f"w:{name}")):
        parent.remove(child)


def get_rpr(element):
    """The w:rPr of a run, a style or w:rPrDefault (created if missing)."""
    if local_name(element) == "rPr":
        return element
    rpr = element.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        if local_name(element) == "r":
            element.insert(0, rpr)  # first child of a run
        else:
            element.append(rpr)  # last child we use in a style or w:rPrDefault
    return rpr


def get_ppr(element):
    if local_name(element) == "pPr":
        return element
    ppr = element.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        if local_name(element) == "p":
            element.insert(0, ppr)
        else:
            rpr = element.find(qn("w:rPr"))
            if rpr is not None:
                rpr.addprevious(ppr)
            else:
                element.append(ppr)
    return ppr


def set_fonts(rpr, east_asia: str, latin: str | None = None) -> None:
    """Set the East Asian font (and the Latin ones, default the same) and drop theme fonts."""
    latin = latin or east_asia
    fonts = set_child(rpr, "rFonts", RPR_ORDER)
    for attr in _THEME_ATTRS:
        key = qn(f"w:{attr}")
        if key in fonts.attrib:
            del fonts.attrib[key]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")


def remove_theme_fonts(root) -> int:
    """Remove every theme font attribute under ``root``; returns how many were removed."""
    count = 0
    for fonts in root.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            key = qn(f"w:{attr}")
            if key in fonts.attrib:
                del fonts.attrib[key]
                count += 1
    return count


def set_size(rpr, half_points: int) -> None:
    set_child(rpr, "sz", RPR_ORDER, val=half_points)
    set_child(rpr, "szCs", RPR_ORDER, val=half_points)


def set_bold(rpr, bold: bool) -> None:
    set_child(rpr, "b", RPR_ORDER, val="1" if bold else "0")
    set_child(rpr, "bCs", RPR_ORDER, val="1" if bold else "0")


def set_char_spacing(rpr, twentieths: int) -> None:
    """Expand (>0) or condense (<0) characters by ``twentieths`` of a point."""
    if twentieths:
        set_child(rpr, "spacing", RPR_ORDER, val=twentieths)
    else:
        remove_child(rpr, "spacing")


def set_color_auto(rpr) -> None:
    set_child(rpr, "color", RPR_ORDER, val="000000")


def set_line_spacing(ppr, line_twips: int, before: int = 0, after: int = 0,
                     rule: str = "exact") -> None:
    set_child(ppr, "spacing", PPR_ORDER, before=before, after=after, line=line_twips,
              lineRule=rule)


def set_indent(ppr, first_line_chars: int = 0, first_line_twips: int = 0, left: int = 0,
               right: int = 0) -> None:
    """Indents in twips; ``first_line_chars`` in hundredths of a character (200 = two)."""
    ind = set_child(ppr, "ind", PPR_ORDER, left=left, right=right, firstLine=first_line_twips)
    if first_line_chars:
        ind.set(qn("w:firstLineChars"), str(first_line_chars))


def set_justification(ppr, value: str) -> None:
    set_child(ppr, "jc", PPR_ORDER, val=value)


def set_flag(ppr, name: str, on: bool = True) -> None:
    """A boolean paragraph property such as keepNext, keepLines, widowControl."""
    set_child(ppr, name, PPR_ORDER, val="1" if on else "0")


def set_outline_level(ppr, level: int) -> None:
    """Outline level 0-based (0 = Word's level 1), for the navigation pane."""
    set_child(ppr, "outlineLvl", PPR_ORDER, val=level)


def set_doc_grid(sectpr, line_pitch: int, char_space: int | None = None) -> None:
    """``w:docGrid``: lines only, or lines and characters when ``char_space`` is given."""
    grid = set_child(sectpr, "docGrid", SECTPR_ORDER, linePitch=line_pitch)
    if char_space is None:
        grid.set(qn("w:type"), "lines")
        if qn("w:charSpace") in grid.attrib:
            del grid.attrib[qn("w:charSpace")]
    else:
        grid.set(qn("w:type"), "linesAndChars")
        grid.set(qn("w:charSpace"), str(char_space))


def add_text_run(paragraph_element, text: str):
    """Append ``w:r/w:t`` with ``text`` (spaces kept); returns the run."""
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    paragraph_element.append(run)
    return run


def line_break():
    """``w:r/w:br``: a line break inside a paragraph."""
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:br"))
    return run


_APP_PROPERTIES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                   'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                   '<Application>{}</Application><DocSecurity>0</DocSecurity></Properties>')


def app_properties(application: str) -> bytes:
    """The ``docProps/app.xml`` part naming ``application``."""
    return _APP_PROPERTIES.format(escape(application, quote=False)).encode("utf-8")


def font_table_with(blob: bytes, fonts: dict[str, str | None]) -> bytes:
    """``word/fontTable.xml`` with an entry for each font name (GB2312 charset), its alternate
    (``w:altName``) where given: what Word and WPS draw in when the font is missing."""
    root = etree.fromstring(blob)
    present = {el.get(qn("w:name")) for el in root.findall(qn("w:font"))}
    for name, alternate in fonts.items():
        if name in present:
            continue
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        if alternate:
            alt = OxmlElement("w:altName")
            alt.set(qn("w:val"), alternate)
            font.append(alt)
        for tag, value in (("charset", "86"), ("family", "modern"), ("pitch", "fixed")):
            child = OxmlElement(f"w:{tag}")
            child.set(qn("w:val"), value)
            font.append(child)
        root.append(font)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_field(paragraph_element, instruction: str, placeholder: str = "1") -> list:
    """Append a complex field (``fldChar begin / instrText / separate / result / end``).
    Returns the runs, so the caller can format them."""
    runs = []

    def char_run(kind: str):
        run = OxmlElement("w:r")
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run.append(fld)
        paragraph_element.append(run)
        runs.append(run)

    char_run("begin")
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    run.append(instr)
    paragraph_element.append(run)
    runs.append(run)
    char_run("separate")
    runs.append(add_text_run(paragraph_element, placeholder))
    char_run("end")
    return runs


def is_ordered(parent, order: tuple[str, ...]) -> bool:
    """True when the children of ``parent`` named in ``order`` appear in that order."""
    ranks = [order.index(local_name(c)) for c in parent if local_name(c) in order]
    return ranks == sorted(ranks)
