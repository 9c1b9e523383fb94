"""Loaders: every encoding, line endings, .docx (python-docx and Word-like styles)."""

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.core.errors import DrafterError
from drafter.corpus import loaders
from drafter.corpus.documents import load_document, parse_file
from drafter.corpus.docx_reader import read_docx_paragraphs
from drafter.corpus.loaders import decode_text, read_text_file

SPEECH = ("同志们：\n今天，我们召开全市经济工作会议，主要任务是总结去年工作、部署今年任务。\n"
          "一、认清形势，坚定信心\n（一）成绩来之不易。过去一年，全市地区生产总值增长百分之五。\n"
          "（二）困难不容忽视。经济下行压力依然较大。\n二、突出重点，狠抓落实\n"
          "同志们，让我们团结奋斗，再创佳绩！\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le",
                                      "utf-16-be", "utf-32"])
def test_every_encoding_reads_back(tmp_path, encoding):
    path = tmp_path / "speech.txt"
    path.write_bytes(SPEECH.encode(encoding))
    assert read_text_file(path) == SPEECH.rstrip("\n")
    draft = parse_file(path)
    assert draft.salutation == "同志们：" and len(draft.headings()) == 4


def test_utf16_without_bom_is_detected_by_its_nul_bytes(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        data = SPEECH.encode(encoding)
        assert not data.startswith((b"\xff\xfe", b"\xfe\xff"))
        assert decode_text(data) == SPEECH


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_any_line_ending(tmp_path, newline):
    path = tmp_path / "speech.txt"
    path.write_bytes(SPEECH.replace("\n", newline).encode("utf-8"))
    assert read_text_file(path).split("\n") == SPEECH.rstrip("\n").split("\n")


def test_full_width_indents_and_blank_lines(tmp_path):
    path = tmp_path / "speech.txt"
    text = "\n\n".join("\u3000\u3000" + line for line in SPEECH.splitlines())
    path.write_text(text, encoding="gbk")
    draft = parse_file(path)
    assert [b.source_marker for b in draft.blocks if b.is_heading] == ["一、", "（一）", "（二）", "二、"]


def test_gbk_is_not_mistaken_for_anything_else():
    data = SPEECH.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_text(data) == SPEECH


@pytest.mark.parametrize("data,reason", [
    ("Café au lait, crème brûlée, déjà vu à la française.".encode("latin-1"), "无法确定文件编码"),
    (bytes(range(128, 256)) * 4, "无法确定文件编码"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8, "二进制"),
    (b"hello\x01\x02\x03 world", "二进制"),
])
def test_unsure_or_binary_is_refused_not_guessed(data, reason):
    with pytest.raises(DrafterError) as info:
        decode_text(data, "x.txt")
    assert reason in info.value.message and "x.txt" in info.value.message


def _docx_with_table(path):
    document = docx.Document()
    document.add_paragraph("同志们：")
    document.add_paragraph("一、认清形势")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "增速"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "合并单元格"
    paragraph = document.add_paragraph("（一）成绩来之不易。正文")
    paragraph.add_run().add_break()
    paragraph.add_run("（二）困难不容忽视。")
    document.add_paragraph("二、突出重点")
    document.save(path)


def test_docx_paragraphs_in_order_with_tables(tmp_path):
    path = tmp_path / "speech.docx"
    _docx_with_table(path)
    assert read_docx_paragraphs(path) == [
        "同志们：", "一、认清形势", "指标", "增速", "合并单元格", "（一）成绩来之不易。正文",
        "（二）困难不容忽视。", "二、突出重点"]
    draft = parse_file(path)
    assert [(b.level, b.source_marker) for b in draft.blocks if b.is_heading] == [
        (1, "一、"), (2, "（一）"), (2, "（二）"), (1, "二、")]


def test_docx_with_word_heading_styles_and_numbers_as_text(tmp_path):
    path = tmp_path / "word.docx"
    document = docx.Document()
    document.add_paragraph("市长在全市工作会议上的讲话", style="Title")
    document.add_paragraph("同志们：")
    document.add_paragraph("今天召开会议，主要任务是部署工作。")
    document.add_paragraph("一、上半年工作回顾", style="Heading 1")
    document.add_paragraph("（一）经济运行稳中向好。年初以来，……", style="Heading 2")
    document.add_paragraph("（二）民生福祉持续增进。", style="Heading 2")
    document.add_paragraph("二、下半年重点任务", style="Heading 1")
    document.add_paragraph("同志们，让我们团结奋斗！")
    document.save(path)
    expected = [(1, "一、", "上半年工作回顾", ""), (2, "（一）", "经济运行稳中向好。", "年初以来，……"),
                (2, "（二）", "民生福祉持续增进。", ""), (1, "二、", "下半年重点任务", "")]
    for draft in (parse_file(path), load_document(path)):
        got = [(b.level, b.source_marker, b.text, b.body) for b in draft.blocks if b.is_heading]
        assert got == expected
        assert draft.title == "市长在全市工作会议上的讲话" and draft.salutation == "同志们："
        assert [b.role for b in draft.blocks if b.is_heading and b.level == 1] == ["review", "tasks"]
        assert draft.blocks[-1].role == "closing"


def test_load_document_dispatches_by_suffix(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text(SPEECH, encoding="utf-8")
    assert len(load_document(text).headings()) == 4
    with pytest.raises(DrafterError, match="不支持的文件类型"):
        load_document(tmp_path / "a.pdf")


def test_limits_are_documented_values():
    # The module docstring documents these limits; keep them in step.
    doc = loaders.__doc__
    assert "20 MB" in doc and loaders.MAX_TEXT_BYTES == 20 * 1024 * 1024
    assert "200,000" in doc and loaders.MAX_PARAGRAPH_CHARS == 200_000
    assert "50 MB" in doc and loaders.MAX_DOCX_BYTES == 50 * 1024 * 1024


def test_gb18030_four_byte_characters():
    text = "同志们：\n吉𠮷祥，欧元符号€，这些字只有 GB18030 能写。\n一、认清形势\n"
    data = text.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    assert decode_text(data) == text


def test_short_gbk_text():
    assert decode_text("你好".encode("gbk")) == "你好"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_gives_text_or_a_chinese_error_never_anything_else(data):
    try:
        text = decode_text(data, "x.txt")
    except DrafterError as exc:
        assert exc.message.startswith("x.txt：")
    else:
        assert isinstance(text, str)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="gb18030", exclude_categories=["Cc", "Cs", "Co", "Cn"]),
               min_size=1, max_size=200),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_text_with_a_bom_or_in_utf8_always_reads_back(text, encoding):
    assert decode_text(text.encode(encoding)) == text
