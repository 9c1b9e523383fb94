"""The structure parser on small speeches written for each rule."""

import pytest

from drafter.corpus.parser import parse_lines, parse_text, split_heading


def heads(draft):
    return [(b.level, b.source_marker, b.text, b.body) for b in draft.blocks if b.is_heading]


def kinds(draft):
    return [b.kind for b in draft.blocks]


@pytest.mark.parametrize("line", [
    "2023年，全市地区生产总值增长5%。",
    "1月19日，省委召开全会。",
    "10个百亿级项目全部开工。",
    "一季度，主要指标实现开门红。",
    "一方面，要稳增长；另一方面，要防风险。",
    "一批重大项目落地见效。",
    "一是一、二是二，实事求是。",
    "30.86亿元债务要按期化解。",
    "一、二季度经济运行平稳。",
    "5、6月份是防汛关键期。",
    "第一次全体会议召开。",
    "一要素一保障。",
])
def test_a_paragraph_that_merely_starts_with_a_number_is_not_a_point(line):
    draft = parse_lines(["同志们：", line, "一、第一部分", "二、第二部分"])
    assert draft.blocks[0].kind == "paragraph" and draft.blocks[0].text == line


def test_markers_in_the_middle_of_a_paragraph_are_not_points():
    draft = parse_lines([
        "关于当前工作，我再强调几点：一要抓紧防控。二要抓好开局。三要抓实安全。",
        "（二）城乡建管方面。一要加快海绵城市建设。二要推进老旧小区改造。",
    ])
    assert kinds(draft) == ["paragraph", "heading"]
    assert draft.blocks[1].text == "城乡建管方面。"
    assert draft.blocks[1].body.startswith("一要加快")


def test_levels_follow_the_order_styles_nest():
    draft = parse_lines([
        "一、关于经济工作", "（一）认清形势。年初以来……", "1.要在项目上求突破。项目是……",
        "要突出“两个严抓”：", "一要严抓防火。紧盯……", "二要严抓道路。加大……",
        "2.要在改革上求突破。", "（二）盯住重点。", "1.第一条。", "二、关于廉政工作", "（一）明确方向。",
    ])
    assert [(lvl, m) for lvl, m, _t, _b in heads(draft)] == [
        (1, "一、"), (2, "（一）"), (3, "1."), (4, "一要"), (4, "二要"), (3, "2."), (2, "（二）"),
        (3, "1."), (1, "二、"), (2, "（一）")]
    assert draft.numbering[4] == "一要"
    assert [m for m in draft.markers() if m] == [b.source_marker for b in draft.blocks if b.is_heading]


def test_diyi_is_level_one_and_yao_level_two_in_another_speech():
    draft = parse_lines(["第一，要坚定信心。", "一要增强自觉。", "二要增强行动。",
                         "第二，要突破重点。", "一要稳增长。", "二要惠民生。"])
    assert [(lvl, m) for lvl, m, _t, _b in heads(draft)] == [
        (1, "第一，"), (2, "一要"), (2, "二要"), (1, "第二，"), (2, "一要"), (2, "二要")]
    assert draft.numbering[1] == "第一，" and draft.numbering[2] == "一要"


def test_shi_and_yao_share_a_level_under_different_parents():
    draft = parse_lines([
        "一、下半年任务", "（一）经济方面。", "一是抓项目。", "二是抓运行。", "三是抓财税。",
        "（二）作风方面。", "一要强化思维。", "二要勇于担当。",
    ])
    levels = [(b.level, b.source_marker, b.style) for b in draft.blocks]
    assert levels == [(1, "一、", None), (2, "（一）", None), (3, "一是", None), (3, "二是", None),
                      (3, "三是", None), (2, "（二）", None), (3, "一要", "一要"), (3, "二要", "一要")]
    assert draft.numbering[3] == "一是"
    assert draft.markers() == [b.source_marker for b in draft.blocks]


def test_a_lone_shi_or_diyi_is_a_sentence_not_a_point():
    draft = parse_lines(["一、总体要求", "一是要把握好节奏，二是要把握好力度。", "第一，这是一句话，没有第二。"])
    assert kinds(draft) == ["heading", "paragraph", "paragraph"]


def test_a_series_with_a_gap_is_kept_as_written():
    draft = parse_lines(["一是抓项目。", "二是抓运行。", "四是抓财税。"])
    assert [m for _l, m, _t, _b in heads(draft)] == ["一是", "二是", "四是"]


def test_points_deeper_than_four_levels_stay_paragraphs():
    draft = parse_lines(["一、甲", "（一）乙", "1.丙", "（1）丁", "①戊", "一是己。", "二是庚。"])
    assert [b.level for b in draft.blocks] == [1, 2, 3, 4, 0, 0, 0]


@pytest.mark.parametrize("marker,family_text", [
    ("1．", "强化党的意识。"), ("1、", "强化党的意识。"), ("(一)", "锚定目标抓落实。"),
    ("（一）", "锚定目标抓落实。"), ("第一，", "要坚定捍卫。"), ("第一部分", "关于经济工作。"),
    ("第一个问题：", "关于经济工作。"), ("（1）", "抓规划。"), ("(1)", "抓规划。"),
])
def test_marker_is_kept_exactly_as_written(marker, family_text):
    second = marker.replace("一", "二").replace("1", "2")
    draft = parse_lines([marker + family_text + "正文。", second + family_text])
    assert heads(draft)[0][1] == marker and heads(draft)[1][1] == second
    assert heads(draft)[0][2] == family_text


def test_run_in_heading_split():
    assert split_heading("认清形势，正视问题。年初以来，……") == ("认清形势，正视问题。", "年初以来，……")
    assert split_heading("要突出“六个严抓”：一要……") == ("要突出“六个严抓”：", "一要……")
    assert split_heading("关于全市经济社会发展工作") == ("关于全市经济社会发展工作", "")
    assert split_heading("把“干”字当头。“一万年太久，只争朝夕。”") == ("把“干”字当头。", "“一万年太久，只争朝夕。”")
    assert split_heading("弘扬“不驰于空想。”的精神！正文") == ("弘扬“不驰于空想。”的精神！", "正文")
    assert split_heading("未配对“引号。正文") == ("未配对“引号。", "正文")
    assert split_heading("有问号？有分号；") == ("有问号？", "有分号；")


def test_full_width_indents_and_blank_lines():
    draft = parse_text("\u3000\u3000同志们：\n\n\u3000\u3000一、总体要求\r\n\u3000\u3000（一）认清形势。正文。\n\n"
                       "\u3000\u3000（二）盯住重点。\n")
    assert draft.salutation == "同志们："
    assert [(lvl, m, t, b) for lvl, m, t, b in heads(draft)] == [
        (1, "一、", "总体要求", ""), (2, "（一）", "认清形势。", "正文。"), (2, "（二）", "盯住重点。", "")]


def test_title_subtitle_byline_date_and_salutation():
    draft = parse_lines(["坚定信心 真抓实干", "——在全市经济工作会议上的讲话", "市长 张三",
                         "（2023年1月5日）", "", "各位代表、同志们：", "今天召开会议。"])
    assert (draft.title, draft.occasion, draft.speaker, draft.date, draft.salutation) == (
        "坚定信心 真抓实干", "全市经济工作会议", "张三", "2023年1月5日", "各位代表、同志们：")
    assert kinds(draft) == ["paragraph"]


def test_speaker_and_date_on_one_line():
    draft = parse_lines(["在全市安全生产工作会议上的讲话", "李四（2022年6月30日）", "同志们：", "正文。"])
    assert (draft.title, draft.speaker, draft.date) == ("在全市安全生产工作会议上的讲话", "李四", "2022年6月30日")


def test_title_without_salutation():
    draft = parse_lines(["市长在市政府全体会议上的讲话", "今天，我们召开会议。"])
    assert draft.title == "市长在市政府全体会议上的讲话" and draft.salutation == ""
    plain = parse_lines(["XX市“两会”昨天下午刚闭幕，今天上午召开会议。", "刚才，大家作了发言。"])
    assert plain.title == "" and len(plain.blocks) == 2


def test_a_long_paragraph_before_the_salutation_is_body_text():
    draft = parse_lines(["这是一段很长的开场白，讲了会议的背景。", "同志们：", "正文。"])
    assert draft.title == "" and draft.salutation == ""
    assert [b.text for b in draft.blocks] == ["这是一段很长的开场白，讲了会议的背景。", "同志们：", "正文。"]


def test_empty_and_blank_input():
    assert parse_lines([]).blocks == []
    assert parse_text("\n\u3000\u3000\n \n").blocks == []


@pytest.mark.parametrize("line,is_salutation", [
    ("同志们：", True), ("各位代表、同志们：", True), ("女士们，先生们：", True), ("尊敬的各位领导：", True),
    ("同志们，发展：", False), ("同志们，我讲三点：", False), ("要突出“六个严抓”：", False),
])
def test_salutation_names_only_whom_it_addresses(line, is_salutation):
    draft = parse_lines([line, "正文。"])
    assert (draft.salutation == line) is is_salutation


def test_placeholder_date_and_byline_without_salutation():
    from drafter.corpus.parser import parse_text

    draft = parse_text("市长在全市会议上的讲话\n（2024年7月X日）\n今天，我们召开会议。\n")
    assert (draft.title, draft.date) == ("市长在全市会议上的讲话", "2024年7月X日")
    draft = parse_text("关于抓落实的讲话\n张三\n（2024年7月19日）\n今天，我们召开会议。\n")
    assert (draft.title, draft.speaker, draft.date) == ("关于抓落实的讲话", "张三", "2024年7月19日")
    assert [b.text for b in draft.blocks] == ["今天，我们召开会议。"]
    # a short first paragraph is not mistaken for a byline
    draft = parse_text("关于抓落实的讲话\n同志们好\n今天，我们召开会议。\n")
    assert draft.speaker == "" and draft.blocks[0].text == "同志们好"
