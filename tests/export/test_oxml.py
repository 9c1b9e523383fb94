"""The raw-XML helpers: schema order, East Asian fonts without theme fonts, fields, grid."""

from __future__ import annotations

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from drafter.export import oxml


def names(parent) -> list[str]:
    return [oxml.local_name(c) for c in parent]


def test_set_child_inserts_at_schema_position_whatever_the_call_order():
    rpr = OxmlElement("w:rPr")
    oxml.set_size(rpr, 32)
    oxml.set_child(rpr, "lang", oxml.RPR_ORDER, eastAsia="zh-CN")
    oxml.set_fonts(rpr, "仿宋_GB2312")
    oxml.set_bold(rpr, True)
    oxml.set_char_spacing(rpr, -5)
    assert names(rpr) == ["rFonts", "b", "bCs", "spacing", "sz", "szCs", "lang"]
    assert oxml.is_ordered(rpr, oxml.RPR_ORDER)


def test_set_child_updates_an_existing_child_instead_of_adding_one():
    ppr = OxmlElement("w:pPr")
    oxml.set_justification(ppr, "left")
    oxml.set_justification(ppr, "center")
    assert len(ppr.findall(qn("w:jc"))) == 1
    assert ppr.find(qn("w:jc")).get(qn("w:val")) == "center"


def test_set_fonts_sets_east_asia_and_removes_theme_attributes():
    rpr = parse_xml(f'<w:rPr {nsdecls("w")}><w:rFonts w:asciiTheme="minorHAnsi" '
                    'w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/></w:rPr>')
    oxml.set_fonts(rpr, "黑体")
    fonts = rpr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "黑体"
    assert fonts.get(qn("w:ascii")) == "黑体" and fonts.get(qn("w:hAnsi")) == "黑体"
    assert not [a for a in fonts.attrib if a.endswith(("Theme", "theme"))]


def test_remove_theme_fonts_counts_what_it_removed():
    root = parse_xml(f'<w:styles {nsdecls("w")}><w:style><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" '
                     'w:eastAsiaTheme="majorEastAsia"/></w:rPr></w:style></w:styles>')
    assert oxml.remove_theme_fonts(root) == 2
    assert oxml.remove_theme_fonts(root) == 0


def test_page_field_is_begin_instr_separate_result_end():
    p = OxmlElement("w:p")
    runs = oxml.add_field(p, "PAGE")
    kinds = []
    for run in runs:
        fld = run.find(qn("w:fldChar"))
        if fld is not None:
            kinds.append(fld.get(qn("w:fldCharType")))
        elif run.find(qn("w:instrText")) is not None:
            kinds.append("instr:" + run.find(qn("w:instrText")).text.strip())
        else:
            kinds.append("text:" + run.find(qn("w:t")).text)
    assert kinds == ["begin", "instr:PAGE", "separate", "text:1", "end"]


def test_doc_grid_lines_then_lines_and_chars():
    sect = parse_xml(f'<w:sectPr {nsdecls("w")}><w:pgSz w:w="1"/><w:cols/></w:sectPr>')
    oxml.set_doc_grid(sect, 579)
    grid = sect.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("lines", "579")
    oxml.set_doc_grid(sect, 579, char_space=-842)
    assert (grid.get(qn("w:type")), grid.get(qn("w:charSpace"))) == ("linesAndChars", "-842")
    assert names(sect)[-1] == "docGrid" and oxml.is_ordered(sect, oxml.SECTPR_ORDER)


def test_is_ordered_detects_a_misplaced_child():
    sect = parse_xml(f'<w:sectPr {nsdecls("w")}><w:pgMar/><w:pgSz/></w:sectPr>')
    assert not oxml.is_ordered(sect, oxml.SECTPR_ORDER)


def test_text_run_keeps_spaces():
    p = OxmlElement("w:p")
    run = oxml.add_text_run(p, "— ")
    t = run.find(qn("w:t"))
    assert t.text == "— "
    assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def test_indent_in_characters_and_twips():
    ppr = OxmlElement("w:pPr")
    oxml.set_indent(ppr, first_line_chars=200, first_line_twips=640)
    ind = ppr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200" and ind.get(qn("w:firstLine")) == "640"
