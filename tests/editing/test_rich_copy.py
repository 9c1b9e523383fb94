"""Rich text copied beside the plain text: headings in their level's typeface, with numbers."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from docx.oxml.ns import qn

from drafter.core.model import Block
from drafter.editing import spans
from drafter.editing.rich_copy import draft_html, pieces_html
from drafter.export.fonts import FONT_SETS
from tests.compare import fodt
from tests.editing.helpers import sample_draft

GB = FONT_SETS["gb2312"]


class Runs(HTMLParser):
    """(paragraph number, first font of the run, bold, text) of each span."""

    def __init__(self):
        super().__init__()
        self.runs: list[tuple[int, str, bool, str]] = []
        self.paragraph = 0
        self.styles: list[str] = []
        self.centred: list[bool] = []

    def handle_starttag(self, tag, attrs):
        style = dict(attrs).get("style", "")
        if tag == "p":
            self.paragraph += 1
            self.centred.append("text-align:center" in style)
        if tag == "span":
            self.styles.append(style)

    def handle_endtag(self, tag):
        if tag == "span":
            self.styles.pop()

    def handle_data(self, data):
        if self.styles:
            style = self.styles[-1]
            font = style.split("font-family:")[1].split(",")[0].split(";")[0].strip("'")
            self.runs.append((self.paragraph, font, "font-weight:bold" in style, data))


def runs(html: str) -> Runs:
    parser = Runs()
    parser.feed(html)
    return parser


def test_copied_headings_keep_their_typeface_and_number():
    draft = sample_draft()
    pieces = spans.pieces_for_span(draft, 1, 0, 4, len(draft.blocks[4].text + draft.blocks[4].body))
    markers = spans.piece_markers(draft, 1, pieces, True)
    found = runs(pieces_html(draft, 1, pieces, markers, GB)).runs
    assert found == [
        (1, "黑体", False, "一、关于去年工作"),
        (2, "仿宋_GB2312", False, "过去一年，全市经济运行稳中向好。"),
        (3, "楷体_GB2312", False, "（一）认清形势。"),          # a run-in heading: sentence and body
        (3, "仿宋_GB2312", False, "年初以来，我们坚持稳中求进。"),
        (4, "楷体_GB2312", False, "（二）坚定信心。"),
        (4, "仿宋_GB2312", False, "要想在前、干在前、成在前。"),
    ]
    html = pieces_html(draft, 1, pieces, markers, GB)
    assert "font-family:'仿宋_GB2312'" in html and "font-size:16pt" in html   # as the .docx names it; 三号


def test_a_piece_of_one_paragraph_is_a_run_and_text_is_escaped():
    draft = sample_draft()
    draft.blocks[2] = Block.paragraph("<b>A&B</b> 过去一年")
    pieces = spans.pieces_for_span(draft, 2, 0, 2, 10)
    html = pieces_html(draft, 2, pieces, spans.piece_markers(draft, 2, pieces, False), GB)
    assert "<p" not in html and "&lt;b&gt;A&amp;B&lt;/b&gt;" in html


def test_a_selection_ending_inside_a_heading_keeps_its_sentence_typeface():
    draft = sample_draft()
    pieces = spans.pieces_for_span(draft, 2, 0, 3, 3)        # a paragraph, then （一）认清形 …
    found = runs(pieces_html(draft, 2, pieces, spans.piece_markers(draft, 2, pieces, True), GB)).runs
    assert found[-1] == (2, "楷体_GB2312", False, "（一）认清形")


def test_the_whole_speech_has_title_byline_and_the_chosen_font_set():
    draft = sample_draft()
    parsed = runs(draft_html(draft, FONT_SETS["windows"]))
    assert parsed.runs[0] == (1, "宋体", True, "市长在全市经济工作会议上的讲话")   # Windows set: bold 宋体 title
    assert parsed.centred[:2] == [True, True] and parsed.runs[1][1] == "楷体"     # byline
    assert [text for _n, _font, _bold, text in parsed.runs if text.startswith(("一、", "二、", "三、"))] == \
        ["一、关于去年工作", "二、关于今年任务", "三、关于作风建设"]
    assert all(font == "黑体" for _n, font, _b, text in parsed.runs if text.startswith(("一、", "二、", "三、")))


@pytest.mark.slow
@pytest.mark.skipif(not fodt.available(), reason="LibreOffice (soffice) not installed")
def test_an_office_suite_reads_the_copy_with_its_typefaces(tmp_path):
    """The copied HTML opened by LibreOffice (as a paste into Writer, Word or WPS reads it) and
    saved as .docx: headings in 黑体/楷体 at 三号, the body in 仿宋, the numbers in the text."""
    import docx

    source = tmp_path / "copy.html"
    source.write_text(draft_html(sample_draft(), GB), "utf-8")
    document = docx.Document(str(fodt.convert(source, "docx:MS Word 2007 XML", tmp_path)))

    def east_asian(run) -> str | None:
        fonts = run._element.rPr.rFonts if run._element.rPr is not None else None
        return fonts.get(qn("w:eastAsia")) if fonts is not None else None
    paragraphs = {p.text: p for p in document.paragraphs}
    heading = paragraphs["一、关于去年工作"]
    assert [east_asian(r) for r in heading.runs] == ["黑体"] and heading.runs[0].font.size.pt == 16
    point = paragraphs["（一）认清形势。年初以来，我们坚持稳中求进。"]
    assert [(r.text, east_asian(r)) for r in point.runs] == [("（一）认清形势。", "楷体_GB2312"),
                                                            ("年初以来，我们坚持稳中求进。", "仿宋_GB2312")]
