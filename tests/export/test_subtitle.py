"""The subtitle line (——在……上的讲话) survives export to Word and text and reading back."""

from drafter.core.model import Block, Draft
from drafter.corpus.parser import parse_text
from drafter.export import export_draft
from drafter.corpus.docx_reader import read_docx
from drafter.export.text import draft_to_text


def speech():
    return Draft(title="关于抓落实的几点思考", occasion="在全市经济工作会议上的讲话", speaker="王明",
                 date="2024年7月19日", salutation="同志们：",
                 blocks=[Block.paragraph("今天，我们召开会议。", "opening"), Block.heading(1, "关于经济工作", role="tasks")])


def test_subtitle_in_word_and_back(tmp_path):
    path = tmp_path / "讲话.docx"
    export_draft(speech(), path)
    import docx

    texts = [p.text for p in docx.Document(str(path)).paragraphs[:4]]
    assert texts[:3] == ["关于抓落实的几点思考", "——在全市经济工作会议上的讲话", "王明"]
    back = read_docx(path)
    # read as the text reader reads it: the meeting's name, the same subtitle printed again
    assert (back.title, back.occasion, back.speaker, back.date) == (
        "关于抓落实的几点思考", "全市经济工作会议", "王明", "2024年7月19日")
    assert back.subtitle() == speech().subtitle()


def test_a_report_keeps_its_dated_subtitle_in_word_and_text(tmp_path):
    report = Draft(title="临江县政府工作报告", occasion="临江县第十八届人民代表大会第二次会议",
                   speaker="王明", date="2023年2月2日", blocks=[Block.paragraph("现在，我代表县人民政府，向大会报告工作。")])
    subtitle = "——2023年2月2日在临江县第十八届人民代表大会第二次会议上"
    assert draft_to_text(report).splitlines()[:3] == ["临江县政府工作报告", subtitle, "王明"]  # no date line
    path = tmp_path / "报告.docx"
    export_draft(report, path)
    back = read_docx(path)
    assert (back.occasion, back.date, back.subtitle()) == (report.occasion, report.date, subtitle)
    again = parse_text(draft_to_text(report))
    assert (again.occasion, again.subtitle()) == (report.occasion, subtitle)


def test_subtitle_in_text_and_back():
    text = draft_to_text(speech())
    assert text.splitlines()[1] == "——在全市经济工作会议上的讲话"
    back = parse_text(text)
    # the occasion comes back as the meeting's name; the subtitle it prints is the same
    assert (back.title, back.occasion, back.speaker) == ("关于抓落实的几点思考", "全市经济工作会议", "王明")
    assert back.subtitle() == speech().subtitle()
