"""Lists: a second 一是…六是 under the same parent is a new list; enumerations are never
promoted above real headings; a plain re-export prints exactly the source's markers."""

from drafter.core.draftfile import dumps, loads
from drafter.corpus.parser import parse_lines
from drafter.corpus.render import render_lines


def heads(draft):
    return [(b.level, b.source_marker, b.text[:6]) for b in draft.blocks if b.is_heading]


def markers_in(lines):
    from drafter.core.markers import match_marker

    return [m.text for m in (match_marker(line) for line in lines) if m]


SIX = ["一是", "二是", "三是", "四是", "五是", "六是"]


def test_two_lists_under_one_parent_stay_two_lists():
    lines = ["一、总体要求", "（一）抓项目。"]
    lines += [f"{m}抓第{i}件事。正文。" for i, m in enumerate(SIX, 1)]
    lines += ["这一段讲另一个方面的问题。"]
    lines += [f"{m}做第{i}项工作。正文。" for i, m in enumerate(SIX, 1)]
    draft = parse_lines(lines)
    assert [m for _lvl, m, _t in heads(draft)] == ["一、", "（一）"] + SIX + SIX
    printed = markers_in(render_lines(draft))
    assert printed == ["一、", "（一）"] + SIX + SIX  # never 七是…十二是
    assert "七是" not in "".join(render_lines(draft))


def test_a_number_the_source_skips_is_printed_as_written():
    draft = parse_lines(["一、甲方面", "正文。", "二、乙方面", "正文。", "四、丁方面", "正文。"])
    assert markers_in(render_lines(draft)) == ["一、", "二、", "四、"]


def test_enumeration_in_the_opening_is_not_a_part():
    draft = parse_lines(["同志们：", "今天开会。", "一是总结工作。说明。", "二是部署任务。说明。",
                         "一、关于经济工作", "正文。", "二、关于作风建设", "正文。"])
    assert heads(draft) == [(1, "一、", "关于经济工作"), (1, "二、", "关于作风建设")]
    assert draft.blocks[1].text.startswith("一是")  # kept as the paragraph it is


def test_a_real_heading_after_an_enumeration_is_its_sibling_level():
    draft = parse_lines(["一、关于经济工作", "（一）认清形势。", "一是增长。正文。", "二是投资。正文。",
                         "（二）抓好落实。", "1.抓项目。", "2.抓招商。"])
    assert heads(draft) == [(1, "一、", "关于经济工作"), (2, "（一）", "认清形势。"), (3, "一是", "增长。"),
                            (3, "二是", "投资。"), (2, "（二）", "抓好落实。"), (3, "1.", "抓项目。"),
                            (3, "2.", "抓招商。")]
    draft = parse_lines(["一、关于经济工作", "（一）认清形势。", "一是增长。正文。", "二是投资。正文。",
                         "1.抓项目。", "2.抓招商。"])
    assert [lvl for lvl, _m, _t in heads(draft)][-2:] == [3, 3]  # not under 二是
    assert markers_in(render_lines(draft)) == ["一、", "（一）", "一是", "二是", "1.", "2."]


def test_restart_and_user_role_survive_the_draft_file():
    lines = ["一、甲"] + [f"{m}事项。" for m in SIX[:2]] + ["说明。"] + [f"{m}事项。" for m in SIX[:2]]
    draft = parse_lines(lines)
    draft.blocks[0].role, draft.blocks[0].role_fixed = "conduct", True
    back = loads(dumps(draft))
    assert back == draft
    assert back.markers() == draft.markers() == ["一、", "一是", "二是", "", "一是", "二是"]
    assert back.blocks[0].role_fixed and back.blocks[0].role == "conduct"


def _long_list(marker):
    """A 政府工作报告's appendix of tasks, the way long ones are published: 120 numbered items."""
    lines = ["政府工作报告", "各位代表：", "一、2025年重点工作任务分解", "现将今年重点工作任务分解如下。"]
    lines += [f"{marker(i)}完成第{i}项重点任务，由县发展改革局牵头。" for i in range(1, 121)]
    lines += ["二、保障措施", "各部门要按照分工抓好落实。"]
    return lines


def test_lists_go_on_past_ninety_nine_in_every_family():
    from drafter.core.numerals import to_chinese

    for marker in (lambda i: f"{i}.", lambda i: f"（{i}）", lambda i: f"（{to_chinese(i)}）",
                   lambda i: f"{to_chinese(i)}是", lambda i: f"第{to_chinese(i)}，"):
        lines = _long_list(marker)
        draft = parse_lines(lines)
        items = [b for b in draft.blocks if b.is_heading and b.level == 2]
        assert len(items) == 120, marker(100)
        assert [b.source_marker for b in items[98:102]] == [marker(i) for i in (99, 100, 101, 102)]
        assert items[-1].text == "完成第120项重点任务，由县发展改革局牵头。" and items[-1].level == items[0].level
        assert [x for x in render_lines(draft) if x] == lines  # a plain re-export prints the source as it was
        assert loads(dumps(draft)).blocks == draft.blocks


def test_parts_numbered_past_ninety_nine():
    from drafter.core.numerals import to_chinese

    lines = ["同志们："] + [x for i in range(1, 106) for x in (f"{to_chinese(i)}、第{i}个方面", "正文。")]
    draft = parse_lines(lines)
    assert [b.source_marker for b in draft.blocks if b.is_heading][99:102] == ["一百、", "一百零一、", "一百零二、"]
    assert render_lines(draft) == lines


def test_a_hundred_or_a_year_opening_a_paragraph_opens_no_list():
    lines = ["一、过去一年的工作", "2023、2024年连续两年增长。", "500.5万元的资金已经到位。", "100.抓好第100项工作。",
             "（120）项工程已经完工。"]
    draft = parse_lines(lines)
    assert [b.source_marker for b in draft.blocks if b.is_heading] == ["一、"]
    assert render_lines(draft) == lines


def test_a_point_opening_with_qianfangbaiji_is_a_point():
    # 千 reads as a numeral now (一千零一、), but 一是千方百计…… still opens a point
    lines = ["一、关于项目建设", "要抓好项目。", "一是千方百计扩大有效投资。正文。", "二是千家万户共建共享。正文。",
             "三是抓好招商引资。正文。", "二、关于作风建设", "要转变作风。"]
    draft = parse_lines(lines)
    assert [m for _lvl, m, _t in heads(draft)] == ["一、", "一是", "二是", "三是", "二、"]
