"""The .docx the writer produces, checked at the XML level (DESIGN §6 print profile)."""

from __future__ import annotations

import zipfile

import docx
import pytest

from drafter.export import export_draft, oxml
from drafter.export.docx_writer import BODY_CHAR
from drafter.export.profiles import LINE_SLACK, PRINT, READ_ALOUD, condensing, mm
from tests.export.docxprops import NS, Styles, body_paragraphs, part, q, text_of

A4 = (11906, 16838)


@pytest.fixture
def print_docx(tmp_path, draft):
    path = tmp_path / "speech.docx"
    export_draft(draft, path)
    return path


def paragraph_with(path, text):
    for p in body_paragraphs(path):
        if text in text_of(p):
            return p
    raise AssertionError(f"no paragraph with {text!r}")


def run_with(p, text):
    for r in p.findall("w:r", NS):
        if text in text_of(r):
            return r
    raise AssertionError(f"no run with {text!r}")


def test_page_size_and_margins_in_twips(print_docx):
    sect = part(print_docx, "word/document.xml").find("w:body/w:sectPr", NS)
    size = sect.find(q("pgSz"))
    assert (int(size.get(q("w"))), int(size.get(q("h")))) == A4
    margins = sect.find(q("pgMar"))
    got = {k: int(margins.get(q(k))) for k in ("top", "bottom", "left", "right")}
    # 37 / 35 / 28 / 26 mm at 1440/25.4 twips a millimetre
    assert got == {"top": 2098, "bottom": 1984, "left": 1587, "right": 1474}
    assert A4[0] - got["left"] - got["right"] == 8845  # 版心 156 mm
    assert A4[1] - got["top"] - got["bottom"] == 12756  # 版心 225 mm


def test_document_grid_gives_22_lines_of_28_95_points(print_docx):
    sect = part(print_docx, "word/document.xml").find("w:body/w:sectPr", NS)
    grid = sect.find(q("docGrid"))
    pitch = int(grid.get(q("linePitch")))
    assert pitch == 579 and pitch / 20 == 28.95
    assert 22 * pitch <= 12756 < 23 * pitch
    assert grid.get(q("type")) == "lines"


def test_body_lines_are_exactly_28_95_points(print_docx):
    styles = Styles(print_docx)
    p = paragraph_with(print_docx, "今天，我们召开")
    assert styles.para_prop(p, "spacing", "line") == "579"
    assert styles.para_prop(p, "spacing", "lineRule") == "exact"


def test_condensing_fits_28_characters_in_the_line():
    spacing = PRINT.char_spacing
    assert spacing == condensing(8845, 28, 16) == -6  # 15.7 pt a character
    per_char = 16 * 20 + spacing  # twips one condensed character takes
    assert 28 * per_char <= PRINT.text_width - LINE_SLACK  # 28 fit, with room for a hanging mark
    assert 29 * per_char > PRINT.text_width  # a 29th does not
    assert 28 * (per_char + 1) > PRINT.text_width - LINE_SLACK  # the tightest fill that leaves that room
    assert 28 * per_char / PRINT.text_width > 0.99  # the line is filled


def test_effective_fonts_and_sizes(print_docx):
    styles = Styles(print_docx)
    expect = {
        "在全市经济工作会议上的讲话": ("方正小标宋简体", 22, 0),
        "市长 张三": ("楷体_GB2312", 16, 0),
        "（2024年1月15日）": ("楷体_GB2312", 16, 0),
        "同志们：": ("仿宋_GB2312", 16, -6),
        "今天，我们召开": ("仿宋_GB2312", 16, -6),
        "一、关于去年工作": ("黑体", 16, -6),
        "（一）认清形势，正视问题。": ("楷体_GB2312", 16, -6),
        "1.抓好项目建设。": ("仿宋_GB2312", 16, -6),
        "（1）谋划储备。": ("仿宋_GB2312", 16, -6),
    }
    for text, (font, size, spacing) in expect.items():
        p = paragraph_with(print_docx, text)
        props = styles.run_props(p, run_with(p, text))
        assert (props.east_asia, props.size_pt, props.spacing) == (font, size, spacing), text
        assert not props.theme and not props.bold, text


def test_run_in_heading_and_body_in_one_paragraph_in_two_fonts(print_docx):
    styles = Styles(print_docx)
    p = paragraph_with(print_docx, "认清形势")
    assert text_of(p) == "（一）认清形势，正视问题。年初以来，全市上下攻坚克难、奋力拼搏。"
    head, body = p.findall("w:r", NS)
    assert styles.run_props(p, head).east_asia == "楷体_GB2312"
    assert body.find("w:rPr/w:rStyle", NS).get(q("val")) == BODY_CHAR
    assert styles.run_props(p, body).east_asia == "仿宋_GB2312"
    assert styles.run_props(p, body).size_pt == 16


def test_first_line_indent_two_characters(print_docx):
    styles = Styles(print_docx)
    p = paragraph_with(print_docx, "今天，我们召开")
    assert styles.para_prop(p, "ind", "firstLineChars") == "200"
    title = paragraph_with(print_docx, "在全市经济工作会议上的讲话")
    assert styles.para_prop(title, "ind", "firstLineChars") == "0"
    assert styles.para_prop(title, "jc", "val") == "center"
    assert styles.para_prop(paragraph_with(print_docx, "市长 张三"), "jc", "val") == "center"


def test_numbers_are_literal_text_in_order(print_docx):
    texts = [text_of(p) for p in body_paragraphs(print_docx)]
    assert any(t.startswith("二、关于今年任务") for t in texts)
    assert any(t.startswith("（二）稳住经济大盘") for t in texts)
    assert any(t.startswith("（2）推进开工") for t in texts)
    assert any(t.startswith("一是抓好工业运行") for t in texts)  # per-heading style override
    assert not part(print_docx, "word/document.xml").findall(".//w:numPr", NS)


def test_no_theme_fonts_anywhere(print_docx):
    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        root = part(print_docx, name)
        for fonts in root.iter(q("rFonts")):
            assert not [a for a in fonts.attrib if "heme" in a], name


def footers(path):
    """(type, footer root) for each footer reference of the section."""
    document = docx.Document(str(path))
    section = document.sections[0]
    return {"default": section.footer._element, "even": section.even_page_footer._element}


def test_footer_page_field_with_dashes_in_14pt_song(print_docx):
    styles = Styles(print_docx)
    for kind, ftr in footers(print_docx).items():
        p = ftr.find(q("p"))
        runs = p.findall(q("r"))
        instr = [r.find(q("instrText")).text.strip() for r in runs if r.find(q("instrText")) is not None]
        chars = [r.find(q("fldChar")).get(q("fldCharType")) for r in runs if r.find(q("fldChar")) is not None]
        assert instr == ["PAGE"] and chars == ["begin", "separate", "end"]
        assert text_of(p) == "— 1 —"
        for run in runs:
            props = styles.run_props(p, run)
            assert (props.east_asia, props.size_pt) == ("宋体", 14), kind


def test_odd_right_even_left_one_character_in(print_docx):
    settings = part(print_docx, "word/settings.xml")
    assert settings.find(q("evenAndOddHeaders")) is not None
    got = {}
    for kind, ftr in footers(print_docx).items():
        ppr = ftr.find(q("p")).find(q("pPr"))
        ind = ppr.find(q("ind"))
        got[kind] = (ppr.find(q("jc")).get(q("val")), ind.get(q("left")), ind.get(q("right")))
    assert got == {"default": ("right", "0", "280"), "even": ("left", "280", "0")}


def test_footer_sits_below_the_text_block(print_docx):
    sect = part(print_docx, "word/document.xml").find("w:body/w:sectPr", NS)
    footer = int(sect.find(q("pgMar")).get(q("footer")))
    bottom = int(sect.find(q("pgMar")).get(q("bottom")))
    # the 14 pt line (about 5 mm) centred about 7 mm below the 版心
    assert bottom - footer == pytest.approx(mm(10.5), abs=mm(1))


def test_element_order_valid_for_word(print_docx):
    document = part(print_docx, "word/document.xml")
    sect = document.find("w:body/w:sectPr", NS)
    assert oxml.local_name(document.find("w:body", NS)[-1]) == "sectPr"
    assert oxml.is_ordered(sect, oxml.SECTPR_ORDER)
    refs = [oxml.local_name(c) for c in sect][:4]
    assert set(refs) == {"headerReference", "footerReference"}
    roots = [document, part(print_docx, "word/styles.xml"), part(print_docx, "word/footer1.xml")]
    for root in roots:
        for ppr in root.iter(q("pPr")):
            assert oxml.is_ordered(ppr, oxml.PPR_ORDER)
        for rpr in root.iter(q("rPr")):
            assert oxml.is_ordered(rpr, oxml.RPR_ORDER)
        for p in root.iter(q("p")):  # pPr first in a paragraph, rPr first in a run
            assert all(oxml.local_name(c) != "pPr" for c in list(p)[1:])
        for r in root.iter(q("r")):
            assert all(oxml.local_name(c) != "rPr" for c in list(r)[1:])
    for style in part(print_docx, "word/styles.xml").findall(q("style")):
        kids = [oxml.local_name(c) for c in style]
        order = ["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
                 "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
                 "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"]
        ranks = [order.index(k) for k in kids]
        assert ranks == sorted(ranks), style.get(q("styleId"))
    settings = part(print_docx, "word/settings.xml")
    names = [oxml.local_name(c) for c in settings]
    assert names.index("evenAndOddHeaders") < names.index("characterSpacingControl") < names.index("compat")


def test_heading_outline_levels_for_the_navigation_pane(print_docx):
    document = docx.Document(str(print_docx))
    levels = {}
    for p in document.paragraphs:
        if p.style.name.startswith("Heading"):
            levels[p.style.name] = p.style.element.find("w:pPr/w:outlineLvl", NS).get(q("val"))
    assert levels == {"Heading 1": "0", "Heading 2": "1", "Heading 3": "2", "Heading 4": "3"}


def test_opens_with_python_docx_and_keeps_every_character(print_docx, draft):
    text = "".join(p.text for p in docx.Document(str(print_docx)).paragraphs)
    for block in draft.blocks:
        assert block.text in text and block.body in text
    with zipfile.ZipFile(print_docx) as archive:
        assert archive.testzip() is None


@pytest.mark.parametrize("fonts, expect", [
    ("windows", {"title": "宋体", "h1": "黑体", "h2": "楷体", "body": "仿宋", "page": "宋体"}),
    ("founder", {"title": "方正小标宋_GBK", "h1": "方正黑体_GBK", "h2": "方正楷体_GBK",
                 "body": "方正仿宋_GBK", "page": "方正书宋_GBK"}),
])
def test_font_sets(tmp_path, draft, fonts, expect):
    path = tmp_path / f"{fonts}.docx"
    export_draft(draft, path, fonts=fonts)
    styles = Styles(path)

    def font(text):
        p = paragraph_with(path, text)
        return styles.run_props(p, run_with(p, text)).east_asia

    assert font("在全市经济工作会议上的讲话") == expect["title"]
    assert font("一、关于去年工作") == expect["h1"]
    assert font("（一）认清形势") == expect["h2"]
    assert font("今天，我们召开") == expect["body"]
    ftr = footers(path)["default"].find(q("p"))
    assert styles.run_props(ftr, ftr.find(q("r"))).east_asia == expect["page"]


def test_bold_minor_headings_option(tmp_path, draft):
    path = tmp_path / "bold.docx"
    export_draft(draft, path, bold_minor_headings=True)
    styles = Styles(path)
    for text, bold in (("1.抓好项目建设。", True), ("（1）谋划储备。", True), ("一、关于去年工作", False)):
        p = paragraph_with(path, text)
        assert styles.run_props(p, run_with(p, text)).bold is bold
    p = paragraph_with(path, "早开工")
    assert styles.run_props(p, run_with(p, "早开工")).bold is False  # the run-in body stays regular


def test_read_aloud_profile(tmp_path, draft):
    path = tmp_path / "big.docx"
    export_draft(draft, path, profile="read-aloud")
    styles = Styles(path)
    body = paragraph_with(path, "今天，我们召开")
    assert styles.run_props(body, run_with(body, "今天")).size_pt >= 18
    line = int(styles.para_prop(body, "spacing", "line"))
    assert line > 579 and line / 20 >= 1.8 * 18  # wider spacing than print, about double
    assert READ_ALOUD.text_width // (18 * 20) < 28  # fewer characters a line
    for text in ("一、关于去年工作", "（一）认清形势，正视问题。", "1.抓好项目建设。", "（2）推进开工。"):
        p = paragraph_with(path, text)
        assert styles.run_props(p, run_with(p, text)).bold, text
        assert styles.para_prop(p, "keepNext", "val") == "1", text
        assert styles.para_prop(p, "keepLines", "val") == "1", text
    # the heading sentence stands on its own; its body follows in the next paragraph
    paragraphs = [text_of(p) for p in body_paragraphs(path)]
    i = paragraphs.index("（一）认清形势，正视问题。")
    assert paragraphs[i + 1] == "年初以来，全市上下攻坚克难、奋力拼搏。"
    assert styles.para_prop(body, "widowControl", "val") == "1"
