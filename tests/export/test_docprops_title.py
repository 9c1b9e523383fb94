"""Document properties, the title set in balanced lines, the byline, justification flags."""

from __future__ import annotations

import datetime
import os
import stat
import zipfile

from docx import Document

from drafter.export import export_draft
from drafter.corpus.docx_reader import read_docx
from drafter.export.title import title_lines
from tests.export.conftest import sample_draft
from tests.export.docxprops import NS, part, q

LONG_TITLE = "在全市党风廉政建设暨警示教育大会和2024年廉政工作会议上的讲话（讨论稿）"


def test_properties_name_the_real_time_title_author_and_drafter(tmp_path):
    draft = sample_draft()
    path = tmp_path / "d.docx"
    export_draft(draft, path, author="综合科 李四")
    props = Document(str(path)).core_properties
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    for stamp in (props.created, props.modified):
        assert abs((now - stamp.replace(tzinfo=None)).total_seconds()) < 60
    assert props.title == draft.title
    assert props.author == props.last_modified_by == "综合科 李四"
    assert props.last_printed is None
    with zipfile.ZipFile(path) as archive:
        app = archive.read("docProps/app.xml").decode("utf-8")
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "<Application>Drafter " in app
    assert "Microsoft" not in app + core and "python-docx" not in core and "2013" not in core


def test_a_long_title_is_one_paragraph_in_balanced_lines_and_reads_back_whole(tmp_path):
    draft = sample_draft()
    draft.title = LONG_TITLE
    path = tmp_path / "d.docx"
    export_draft(draft, path)
    title = part(path, "word/document.xml").find(".//w:body/w:p", NS)
    runs = ["".join(r.itertext()) if r.find(q("br")) is None else "\n" for r in title.findall(q("r"))]
    assert "".join(runs).split("\n") == title_lines(LONG_TITLE) == [
        "在全市党风廉政建设暨警示教育大会和", "2024年廉政工作会议上的讲话（讨论稿）"]
    assert read_docx(path).title == LONG_TITLE


def test_title_lines_are_balanced_at_word_boundaries():
    cases = {
        "黄坤明同志在全省宣传思想文化工作会议暨“两个确立”专题学习研讨会上的讲话":
            ["黄坤明同志在全省宣传思想文化工作会议", "暨“两个确立”专题学习研讨会上的讲话"],
        "市长在市政府全体（扩大）会议暨廉政工作会议上的讲话":
            ["市长在市政府全体（扩大）会议", "暨廉政工作会议上的讲话"],
        "在全县2024年经济工作会议暨重点项目集中开工仪式上的讲话":
            ["在全县2024年经济工作会议", "暨重点项目集中开工仪式上的讲话"],
    }
    for title, lines in cases.items():
        assert title_lines(title) == lines
    assert title_lines("在全市安全生产工作会议上的讲话") == ["在全市安全生产工作会议上的讲话"]


def test_no_line_is_one_orphan_character_and_nothing_is_lost():
    for title in ("关于全市二〇二四年国民经济和社会发展计划执行情况的报告告", "专" * 41, "一二三" * 67 + "讲"):
        lines = title_lines(title)
        assert "".join(lines) == title
        assert all(2 <= len(line) <= 20 for line in lines), lines


def test_a_byline_repeating_the_speaker_named_in_the_title_is_left_out(tmp_path):
    draft = sample_draft()
    draft.title = "黄坤明同志在全省宣传部长会议上的讲话"
    draft.speaker, draft.date = "黄坤明", "2024年1月5日"
    path = tmp_path / "d.docx"
    export_draft(draft, path)
    texts = [p.text for p in Document(str(path)).paragraphs[:4]]
    assert texts[:2] == [draft.title, "（2024年1月5日）"]
    draft.title = "在全省宣传部长会议上的讲话"
    export_draft(draft, path)
    assert [p.text for p in Document(str(path)).paragraphs[:3]] == [draft.title, "黄坤明", "（2024年1月5日）"]
    draft.title, draft.speaker, draft.fields = "市长在全市安全生产工作会议上的讲话", "", {"speaker_role": "市长"}
    export_draft(draft, path)  # the office alone, already in the title
    assert [p.text for p in Document(str(path)).paragraphs[:2]] == [draft.title, "（2024年1月5日）"]


def test_body_is_justified_without_hanging_punctuation_or_latin_spacing(tmp_path):
    path = tmp_path / "d.docx"
    export_draft(sample_draft(), path)
    styles = part(path, "word/styles.xml")
    normal = styles.find(".//w:style[@w:styleId='Normal']/w:pPr", NS)
    assert normal.find(q("jc")).get(q("val")) == "both"
    flags = {name: normal.find(q(name)).get(q("val")) for name in
             ("kinsoku", "overflowPunct", "autoSpaceDE", "autoSpaceDN")}
    assert flags == {"kinsoku": "1", "overflowPunct": "0", "autoSpaceDE": "0", "autoSpaceDN": "0"}


def test_exported_files_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        for name in ("d.docx", "d.txt"):
            export_draft(sample_draft(), tmp_path / name)
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
        (tmp_path / "d.docx").chmod(0o640)  # an existing file keeps its mode
        export_draft(sample_draft(), tmp_path / "d.docx")
        assert stat.S_IMODE((tmp_path / "d.docx").stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_font_table_names_each_font_with_the_one_word_draws_when_it_is_missing(tmp_path):
    path = tmp_path / "d.docx"
    export_draft(sample_draft(), path)
    fonts = {f.get(q("name")): f for f in part(path, "word/fontTable.xml").findall(q("font"))}
    alternates = {name: (f.find(q("altName")).get(q("val")) if f.find(q("altName")) is not None else None)
                  for name, f in fonts.items()}
    assert alternates["仿宋_GB2312"] == "仿宋" and alternates["楷体_GB2312"] == "楷体"
    assert alternates["方正小标宋简体"] == "宋体" and alternates["黑体"] is None
    assert fonts["仿宋_GB2312"].find(q("charset")).get(q("val")) == "86"


def test_read_aloud_titles_break_at_word_boundaries_too(tmp_path):
    """The read-aloud title is larger (17 characters a line): a natural break on one more line
    beats a break inside a word; Latin digits take half a cell."""
    title = "王明同志在临江县2025年全县安全生产暨森林防灭火工作会议上的讲话"
    assert title_lines(title, 17) == ["王明同志在临江县2025年全县安全生产", "暨森林防灭火工作会议上的讲话"]
    draft = sample_draft()
    draft.title = title
    path = tmp_path / "d.docx"
    export_draft(draft, path, profile="read-aloud")
    assert read_docx(path).title == title
    three = title_lines("在全市党风廉政建设暨警示教育大会和2024年廉政工作会议上的讲话（讨论稿）", 17)
    assert len(three) == 3 and not any(a.endswith("工作") and b.startswith("会议") for a, b in zip(three, three[1:]))
