from drafter.core.model import Block, Draft


def H(level, text, body="", style=None):
    return Block.heading(level, text, body, style=style)


def P(text):
    return Block.paragraph(text)


def outline(draft):
    """(marker, text) for every heading, in order."""
    return [(m, b.text) for m, b in zip(draft.markers(), draft.blocks) if b.is_heading]


def sample():
    return Draft(blocks=[
        P("同志们，今天召开会议。"),
        H(1, "甲"), P("甲的正文"),
        H(2, "甲一"), H(3, "甲一1"), H(3, "甲一2"),
        H(2, "甲二"),
        H(1, "乙"), H(2, "乙一"), P("乙一正文"), H(2, "乙二"), H(2, "乙三"),
        H(1, "丙"),
    ])


def test_numbers_derived_and_restart_under_each_parent():
    assert outline(sample()) == [
        ("一、", "甲"), ("（一）", "甲一"), ("1.", "甲一1"), ("2.", "甲一2"), ("（二）", "甲二"),
        ("二、", "乙"), ("（一）", "乙一"), ("（二）", "乙二"), ("（三）", "乙三"), ("三、", "丙")]


def test_numbering_styles_per_level_and_per_heading():
    draft = sample()
    draft.numbering = {1: "第一，", 2: "一要", 3: "（1）"}
    draft.blocks[8].style = "一是"  # 乙一 … 乙三 use 一是 while 甲's children keep 一要
    draft.blocks[10].style = draft.blocks[11].style = "一是"
    assert outline(draft)[:6] == [("第一，", "甲"), ("一要", "甲一"), ("（1）", "甲一1"), ("（2）", "甲一2"),
                                  ("二要", "甲二"), ("第二，", "乙")]
    assert [m for m, t in outline(draft)][6:9] == ["一是", "二是", "三是"]


def test_section_end_and_children():
    draft = sample()
    assert draft.section_end(1) == 7
    assert draft.section_end(3) == 6
    assert draft.children(None) == [1, 7, 12]
    assert draft.children(7) == [8, 10, 11]
    assert draft.parent_of(9) == 8 and draft.parent_of(8) == 7 and draft.parent_of(1) is None


def test_move_down_carries_children_and_renumbers():
    draft = sample()
    new = draft.move_down(1)  # 甲 with all under it goes after 乙
    assert draft.blocks[new].text == "甲"
    assert [t for m, t in outline(draft) if m.endswith("、")] == ["乙", "甲", "丙"]
    assert outline(draft)[4:9] == [("二、", "甲"), ("（一）", "甲一"), ("1.", "甲一1"), ("2.", "甲一2"),
                                   ("（二）", "甲二")]
    assert draft.blocks[new + 1].text == "甲的正文"


def test_move_up_and_edges():
    draft = sample()
    assert draft.move_up(1) == 1  # already first
    assert draft.move_down(12) == 12  # already last
    new = draft.move_up(11)  # 乙三 before 乙二
    assert [t for m, t in outline(draft)][6:9] == ["乙一", "乙三", "乙二"]
    assert outline(draft)[7] == ("（二）", "乙三") and new == 10


def test_move_section_to_other_parent():
    draft = sample()
    draft.move_section(6, 11)  # 甲二 moves under 乙, before 乙三
    assert [(m, t) for m, t in outline(draft)][4:9] == [
        ("二、", "乙"), ("（一）", "乙一"), ("（二）", "乙二"), ("（三）", "甲二"), ("（四）", "乙三")]


def test_move_into_itself_is_refused():
    draft = sample()
    before = draft.copy()
    assert draft.move_section(1, 4) == 1
    assert draft == before


def test_delete_renumbers():
    draft = sample()
    removed = draft.delete_section(7)
    assert [b.text for b in removed] == ["乙", "乙一", "乙一正文", "乙二", "乙三"]
    assert outline(draft)[-1] == ("二、", "丙")


def test_insert_renumbers():
    draft = sample()
    draft.insert(3, H(2, "新"))
    assert outline(draft)[1:4] == [("（一）", "新"), ("（二）", "甲一"), ("1.", "甲一1")]


def test_promote_and_demote_whole_section():
    draft = sample()
    assert draft.promote(3)  # 甲一 (with 甲一1, 甲一2) becomes a level-1 point
    assert outline(draft)[:5] == [("一、", "甲"), ("二、", "甲一"), ("（一）", "甲一1"), ("（二）", "甲一2"),
                                  ("（三）", "甲二")]  # 甲二 now follows 甲一's children
    assert draft.demote(3)  # back under 甲, taking 甲二 (now its child) along
    assert outline(draft)[:5] == [("一、", "甲"), ("（一）", "甲一"), ("1.", "甲一1"), ("2.", "甲一2"),
                                  ("3.", "甲二")]
    assert outline(draft)[5:] == outline(sample())[5:]


def test_demote_needs_earlier_sibling_and_levels_stay_in_range():
    draft = sample()
    assert not draft.demote(1)       # first top-level point has no sibling to go under
    assert not draft.promote(1)      # level 1 cannot be promoted
    assert not draft.demote(4)       # 甲一1 is first among its siblings
    draft.blocks[4].level = draft.blocks[5].level = 4
    assert not draft.demote(5)       # level 4 is the deepest
    assert draft.blocks[5].level == 4


def test_copy_is_deep():
    draft = sample()
    other = draft.copy()
    other.blocks[1].text = "改"
    other.fields["x"] = "y"
    assert draft.blocks[1].text == "甲" and "x" not in draft.fields


def test_infer_numbering_from_source_markers():
    draft = Draft(blocks=[H(1, "甲"), H(2, "子"), H(2, "丑"), H(1, "乙"), H(2, "寅")])
    for block, marker in zip(draft.blocks, ["第一，", "一要", "二要", "第二，", "一是"]):
        block.source_marker = marker
    draft.blocks[4].source_marker = "一是"
    draft.infer_numbering()
    assert draft.numbering[1] == "第一，" and draft.numbering[2] == "一要"
    assert [b.style for b in draft.blocks] == [None, None, None, None, "一是"]
    assert draft.markers() == ["第一，", "一要", "二要", "第二，", "一是"]


def test_subtitle_from_the_occasion():
    assert Draft(title="关于抓落实的几点思考", occasion="在全市经济工作会议上的讲话").subtitle() == \
        "——在全市经济工作会议上的讲话"
    assert Draft(title="关于抓落实", occasion="全市经济工作会议").subtitle() == "——在全市经济工作会议上的讲话"
    assert Draft(title="王明在全市经济工作会议上的讲话", occasion="全市经济工作会议").subtitle() == ""
    assert Draft(title="讲话", occasion="").subtitle() == ""
