"""Front matter and trailer: scraper labels, datelines, photo captions, bylines, date lines,
subtitles, lead paragraphs and site chrome go into the draft's fields or under dropped, never
into the body; bad input gets a best-effort outline with the doubt noted, nothing lost."""

import json

from drafter.cli import main
from drafter.corpus.chrome import iso_date
from drafter.corpus.parser import parse_lines, parse_text

BODY = ["同志们：", "今天，我们召开全省宣传部长会议。", "一、关于今年的工作", "要抓好落实。",
        "二、关于作风建设", "要严守纪律。", "同志们，让我们团结奋斗！"]


def texts(draft):
    return [b.text + b.body for b in draft.blocks]


def test_scraper_labels_are_fields_or_dropped():
    draft = parse_lines(["标题：黄坤明同志在全省宣传部长会议上的讲话", "发文单位：省委宣传部",
                         "发文时间：2024-02-19", "来源：南方+", "正文：", *BODY,
                         "（责任编辑：王五）", "进入“学习平台”了解更多"])
    assert draft.title == "黄坤明同志在全省宣传部长会议上的讲话"
    assert draft.speaker == "黄坤明"  # from the title, never 来源：南方+
    assert draft.occasion == "全省宣传部长会议"
    assert draft.date == ""  # a page's time stamp is not the speech's date
    assert {"来源：南方+", "（责任编辑：王五）", "进入“学习平台”了解更多"} <= set(draft.dropped)
    assert not any("来源" in t or "责任编辑" in t or "学习平台" in t for t in texts(draft))


def test_a_time_stamp_glued_to_the_title():
    draft = parse_lines(["市长在全市经济工作会议上的讲话发布时间：2024-02-19 11:08", *BODY])
    assert draft.title == "市长在全市经济工作会议上的讲话"
    assert draft.fields.get("speaker_role") == "市长" and draft.speaker == ""
    assert any("2024-02-19" in line for line in draft.dropped)


def test_dateline_photo_caption_and_byline():
    draft = parse_lines(["新华社北京3月22日电", "在全国宣传思想文化工作会议上的讲话", "习近平",
                         "（2019年5月31日）", "会议现场。新华社记者 李学仁 摄", *BODY])
    assert (draft.title, draft.speaker, iso_date(draft.date)) == (
        "在全国宣传思想文化工作会议上的讲话", "习近平", "2019-05-31")
    assert "新华社北京3月22日电" in draft.dropped and "会议现场。新华社记者 李学仁 摄" in draft.dropped
    assert texts(draft)[0] == "今天，我们召开全省宣传部长会议。"


def test_dated_subtitle_gives_date_and_meeting():
    draft = parse_lines(["政府工作报告", "——2023年1月11日在市第十七届人民代表大会第三次会议上", "市长 张三",
                         "各位代表：", "现在，我代表市人民政府向大会报告工作。"])
    assert (draft.title, draft.speaker, draft.fields["speaker_role"]) == ("政府工作报告", "张三", "市长")
    assert (iso_date(draft.date), draft.occasion) == ("2023-01-11", "市第十七届人民代表大会第三次会议")


def test_a_lead_paragraph_reporting_the_meeting_is_dropped():
    lead = "1月8日，全省宣传部长会议在广州召开。省委副书记出席会议并讲话，强调要抓好落实。"
    draft = parse_lines(["新华社广州1月8日电", lead, "在全省宣传部长会议上的讲话", *BODY])
    assert lead in draft.dropped and draft.title == "在全省宣传部长会议上的讲话"


def test_footnotes_after_the_speech_are_dropped():
    draft = parse_lines([*BODY, "注释：", "〔1〕见《习近平谈治国理政》第一卷。", "〔2〕同上。"])
    assert texts(draft)[-1] == "同志们，让我们团结奋斗！"
    assert "〔2〕同上。" in draft.dropped


def test_only_chrome_keeps_everything_under_dropped(tmp_path, capsys):
    lines = ["来源：人民网", "责任编辑：张三", "分享到：", "打印本页"]
    draft = parse_lines(lines)
    assert draft.blocks == [] and draft.dropped == lines
    path = tmp_path / "chrome.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert "chrome.txt" in err and "没有可识别的正文" in err


def test_a_bracketed_editor_line_is_chrome_as_a_whole_never_a_title(tmp_path, capsys):
    # a people.com.cn page saved without its article: no title "（" split off the editor's line
    lines = ["来源：人民网", "发布时间：2024-02-19 11:08", "（责任编辑：张三）", "进入“学习平台”了解更多"]
    draft = parse_lines(lines)
    assert draft.title == "" and draft.blocks == [] and draft.dropped == lines
    assert any("没有讲话正文" in d for d in draft.doubts)
    path = tmp_path / "chrome.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert main(["parse", str(path), "--json"]) == 2
    assert "没有可识别的正文" in capsys.readouterr().err
    # a title with a label glued to it is still split: ……的讲话发布时间：2024-02-19
    glued = parse_lines(["在全县经济工作会议上的讲话发布时间：2024-02-19", *BODY])
    assert glued.title == "在全县经济工作会议上的讲话"


def test_header_with_no_body_notes_the_doubt():
    draft = parse_lines(["在全市经济工作会议上的讲话", "张三", "（2024年1月5日）"])
    assert draft.title == "在全市经济工作会议上的讲话" and draft.blocks == []
    assert any("没有讲话正文" in d for d in draft.doubts)


def test_a_date_that_is_no_date_is_not_taken(tmp_path, capsys):
    draft = parse_lines(["在全市经济工作会议上的讲话", "（2024年13月5日）", *BODY])
    assert draft.date == "" and "2024年13月5日" in draft.dropped
    assert any("不是有效日期" in d for d in draft.doubts)
    path = tmp_path / "s.txt"
    path.write_text("\n".join(["在全市经济工作会议上的讲话", "（2024年13月5日）", *BODY]), encoding="utf-8")
    assert main(["parse", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["date"] is None and "2024年13月5日" in out["dropped"] and out["doubts"]


def test_conflicting_dates_keep_the_first_and_say_so():
    draft = parse_lines(["——2024年1月5日在全市经济工作会议上", "张三", "（2024年1月6日）", *BODY])
    assert iso_date(draft.date) == "2024-01-05"
    assert any("日期不一致" in d for d in draft.doubts) and "2024年1月6日" in draft.dropped


def test_a_hundred_thousand_list_items():
    from drafter.core.numerals import to_chinese

    items = [f"{to_chinese(n % 99 + 1)}是抓第{n}件事。" for n in range(100_000)]
    draft = parse_text("\n".join(["同志们：", "一、工作", *items]))
    assert len(draft.blocks) == 100_001
    assert sum(b.is_heading for b in draft.blocks) > 1000
    assert "".join(b.text + b.body for b in draft.blocks).count("件事") == 100_000  # nothing lost


def test_speech_sentences_shaped_like_labels_are_no_metadata_block():
    # Found by the round-trip property test: two 发展：发展。 lines around a heading were dropped as a
    # catalogue record.  A sentence is no metadata value, and a heading ends a block.
    for lines in (["发展：发展。", "第一部分 发展", "发展：发展。"],
                  ["总的要求是：稳中求进。", "主要目标是：增长百分之六。", "一、发展"]):
        draft = parse_lines(lines)
        assert draft.dropped == []
        assert [b.text for b in draft.blocks if b.kind == "paragraph"] == [x for x in lines if "、" not in x
                                                                          and "部分" not in x]


def test_a_catalogue_record_with_a_long_abstract_is_dropped_whole():
    lines = ["知识类型: 析出资源", "", "页码: 30-31", "摘要: 本文记述了县长在开幕式上的讲话。", "",
             "同志们：", "今天召开会议。"]
    draft = parse_lines(lines)
    assert draft.dropped == ["知识类型: 析出资源", "页码: 30-31", "摘要: 本文记述了县长在开幕式上的讲话。"]
    assert [b.text for b in draft.blocks] == ["今天召开会议。"]
