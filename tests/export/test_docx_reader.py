"""Word import: our own files round-trip; Word-typed files (heading styles, outline levels,
manual numbering) become drafts with the right outline; bad files are refused clearly."""

from __future__ import annotations

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from drafter.core.errors import DrafterError
from drafter.corpus.documents import parse_file
from drafter.corpus.render import speaker_line
from drafter.export import export_draft
from drafter.corpus.docx_reader import read_docx
from tests.export.conftest import CORPUS


def outline(draft):
    return [(b.kind, b.level, m, b.text, b.body) for b, m in zip(draft.blocks, draft.markers())]


def front(draft):
    """The title block as printed (a byline 市长 张三 reads back as office 市长 and speaker 张三)."""
    return (draft.title, speaker_line(draft), draft.date, draft.salutation)


@pytest.mark.parametrize("profile", ["print", "read-aloud"])
@pytest.mark.parametrize("source", CORPUS, ids=lambda p: p.stem[:3])
def test_corpus_round_trip(tmp_path, source, profile):
    original = parse_file(source)
    assert original.headings(), "the corpus speech should have an outline"
    path = tmp_path / "speech.docx"
    export_draft(original, path, profile=profile)
    back = read_docx(path)
    assert outline(back) == outline(original)
    assert front(back) == front(original)
    assert back.numbering == original.numbering
    assert [b.style for b in back.blocks] == [b.style for b in original.blocks]
    assert [b.source_marker for b in back.blocks] == original.markers()
    assert [b.role for b in back.blocks] == [b.role for b in original.blocks]


def test_sample_round_trip_with_every_font_set(tmp_path, draft):
    for fonts in ("gb2312", "windows", "founder"):
        path = tmp_path / f"{fonts}.docx"
        export_draft(draft, path, fonts=fonts)
        back = read_docx(path)
        assert outline(back) == outline(draft)
        assert front(back) == front(draft)


def word_document():
    """A document as someone types it in Word: Title style, Heading 1-3 styles with the
    numbers typed by hand, run-in text in a heading paragraph, indented body paragraphs."""
    document = docx.Document()
    document.add_paragraph("在全县安全生产工作会议上的讲话", style="Title")
    document.add_paragraph("同志们：")
    document.add_paragraph("　　今天召开会议，主要任务是部署安全生产工作。")
    document.add_paragraph("一、充分认识安全生产的重要性", style="Heading 1")
    document.add_paragraph("　　（一）认清形势。当前，全县安全生产形势总体平稳。", style="Heading 2")
    document.add_paragraph("　　各乡镇要高度重视。")
    document.add_paragraph("1.压实责任：严格落实一岗双责。", style="Heading 3")
    document.add_paragraph("（二）突出重点", style="Heading 2")
    document.add_paragraph("二、切实抓好重点工作", style="Heading 1")
    document.add_paragraph("同志们，安全生产责任重于泰山。")
    return document


def test_word_file_with_heading_styles(tmp_path):
    path = tmp_path / "typed.docx"
    word_document().save(path)
    draft = read_docx(path)
    assert draft.title == "在全县安全生产工作会议上的讲话"
    assert draft.salutation == "同志们："
    assert outline(draft) == [
        ("paragraph", 0, "", "今天召开会议，主要任务是部署安全生产工作。", ""),
        ("heading", 1, "一、", "充分认识安全生产的重要性", ""),
        ("heading", 2, "（一）", "认清形势。", "当前，全县安全生产形势总体平稳。"),
        ("paragraph", 0, "", "各乡镇要高度重视。", ""),
        ("heading", 3, "1.", "压实责任：", "严格落实一岗双责。"),
        ("heading", 2, "（二）", "突出重点", ""),
        ("heading", 1, "二、", "切实抓好重点工作", ""),
        ("paragraph", 0, "", "同志们，安全生产责任重于泰山。", ""),
    ]
    assert draft.numbering[1] == "一、" and draft.numbering[2] == "（一）" and draft.numbering[3] == "1."


def test_wps_style_names_and_outline_levels(tmp_path):
    """WPS / Chinese Word name the heading styles 标题 1…; a paragraph may carry an outline
    level of its own."""
    document = docx.Document()
    custom = document.styles.add_style("标题 1", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Normal"]
    document.add_paragraph("第一，提高政治站位", style="标题 1")
    p = document.add_paragraph("一要加强组织领导。各单位要成立专班。")
    ppr = p._p.get_or_add_pPr()
    level = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): "1"})
    ppr.append(level)
    document.add_paragraph("第二，狠抓工作落实", style="标题 1")
    path = tmp_path / "wps.docx"
    document.save(path)
    draft = read_docx(path)
    assert outline(draft) == [
        ("heading", 1, "第一，", "提高政治站位", ""),
        ("heading", 2, "一要", "加强组织领导。", "各单位要成立专班。"),
        ("heading", 1, "第二，", "狠抓工作落实", ""),
    ]


def test_word_file_with_manual_numbering_only_goes_through_the_parser(tmp_path):
    document = docx.Document()
    for line in ["在全市工作会议上的讲话", "同志们：", "　　今天，我们召开会议。",
                 "　　一、关于形势", "　　（一）认清形势。年初以来，形势平稳。", "　　（二）正视问题。",
                 "　　二、关于任务", "　　各单位要抓好落实。"]:
        document.add_paragraph(line)
    path = tmp_path / "manual.docx"
    document.save(path)
    draft = read_docx(path)
    assert [(b.level, m, b.text) for b, m in zip(draft.blocks, draft.markers()) if b.is_heading] == [
        (1, "一、", "关于形势"), (2, "（一）", "认清形势。"), (2, "（二）", "正视问题。"), (1, "二、", "关于任务")]
    assert draft.salutation == "同志们："


def test_heading_without_a_typed_number_stays_unnumbered(tmp_path):
    """Issue 9: a plain re-export never prints a marker the source did not have."""
    document = docx.Document()
    document.add_paragraph("总体要求", style="Heading 1")
    document.add_paragraph("正文。")
    document.add_paragraph("重点任务", style="Heading 1")
    path = tmp_path / "plain.docx"
    document.save(path)
    draft = read_docx(path)
    assert [b.level for b in draft.blocks] == [1, 0, 1]
    assert draft.markers() == ["", "", ""]
    assert [b.numbered for b in draft.blocks if b.is_heading] == [False, False]


@pytest.mark.parametrize("content, reason", [
    (b"this is not a zip", "不是有效的 .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc"),
])
def test_bad_files_are_refused_clearly(tmp_path, content, reason):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(DrafterError) as info:
        read_docx(path)
    assert reason in str(info.value) and str(path) in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(DrafterError, match="不存在"):
        read_docx(tmp_path / "missing.docx")


def test_document_with_heading_styles_but_no_text(tmp_path):
    document = docx.Document()
    document.add_paragraph("", style="Heading 1")
    document.add_paragraph("   ")
    path = tmp_path / "blank.docx"
    document.save(path)
    with pytest.raises(DrafterError, match="没有"):
        read_docx(path)


def test_text_in_tables_is_kept_in_a_styled_document(tmp_path):
    document = docx.Document()
    document.add_paragraph("一、工作安排", style="Heading 1")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "时间"
    table.cell(0, 1).text = "任务"
    table.cell(1, 0).text = "三月"
    table.cell(1, 1).text = "完成项目谋划"
    document.add_paragraph("各单位抓好落实。")
    path = tmp_path / "table.docx"
    document.save(path)
    draft = read_docx(path)
    assert [b.text for b in draft.blocks] == ["工作安排", "时间", "任务", "三月", "完成项目谋划", "各单位抓好落实。"]
