from drafter.core.announce import find_announcements, sync_announcements
from drafter.core.model import Block, Draft

H, P = Block.heading, Block.paragraph


def test_placeholder_count_synced_with_level_one_points():
    draft = Draft(blocks=[P("刚才，几位同志作了发言。下面，我讲*方面意见："),
                          H(1, "关于经济工作"), H(2, "认清形势。"), H(1, "关于廉政工作")])
    [a] = find_announcements(draft)
    assert (a.announced, a.actual, a.in_sync) == (None, 2, False)
    sync_announcements(draft)
    assert draft.blocks[0].text == "刚才，几位同志作了发言。下面，我讲两方面意见："
    assert all(x.in_sync for x in find_announcements(draft))


def test_count_in_a_paragraph_counts_the_headings_of_its_section_only():
    draft = Draft(blocks=[
        H(1, "甲"), H(2, "甲一"), P("要突出“五个严抓”："),
        H(3, "严抓防火安全。"), H(3, "严抓危化品安全。"), H(3, "严抓道路安全。"),
        H(2, "甲二"), H(3, "不算在内。"), H(1, "乙"),
    ])
    [a] = find_announcements(draft)
    assert (a.announced, a.actual) == (5, 3)
    sync_announcements(draft)
    assert draft.blocks[2].text == "要突出“三个严抓”："


def test_count_in_a_heading_counts_its_children():
    draft = Draft(blocks=[H(1, "加强作风建设"), H(2, "解决五个问题。"), H(3, "一"), H(3, "二"),
                          H(3, "三"), H(3, "四"), H(3, "五"), H(2, "建立四项机制。"), H(3, "一"),
                          H(3, "二"), H(3, "三")])
    found = find_announcements(draft)
    assert [(a.block, a.announced, a.actual) for a in found] == [(1, 5, 5), (7, 4, 3)]
    changed = sync_announcements(draft)
    assert len(changed) == 1 and draft.blocks[7].text == "建立三项机制。"


def test_inline_points_when_no_heading_follows():
    draft = Draft(blocks=[H(1, "民生事业方面。", "这里，重点强调五项工作。一要稳定就业。二要办好教育。三要做好养老。"
                                                "四要加强医疗。")])
    [a] = find_announcements(draft)
    assert (a.part, a.announced, a.actual) == ("body", 5, 4)
    sync_announcements(draft)
    assert draft.blocks[0].body.startswith("这里，重点强调四项工作。")


def test_numbered_concepts_are_not_announcements():
    draft = Draft(blocks=[P("要坚定捍卫“两个确立”，增强“四个意识”。"), H(1, "一"), H(1, "二"), H(1, "三")])
    assert find_announcements(draft) == []
    # a trigger verb before a quoted formulation in mid-sentence: still a fixed formulation
    draft = Draft(blocks=[H(1, "要坚定捍卫“两个确立”。", "增强“四个意识”、做到“两个维护”，在政治上思想上行动上同党中央保持高度一致。"),
                          H(2, "一"), H(2, "二"), H(2, "三")])
    assert find_announcements(draft) == []
    assert sync_announcements(draft) == [] and "做到“两个维护”" in draft.blocks[0].body


def test_moving_and_deleting_keeps_sync_possible():
    draft = Draft(blocks=[P("下面，我讲三点意见。"), H(1, "甲"), H(1, "乙"), H(1, "丙")])
    assert all(a.in_sync for a in find_announcements(draft))
    draft.delete_section(3)
    assert not find_announcements(draft)[0].in_sync
    sync_announcements(draft)
    assert draft.blocks[0].text == "下面，我讲两点意见。"
    draft.insert(3, H(1, "丁"))
    draft.insert(4, H(1, "戊"))
    sync_announcements(draft)
    assert draft.blocks[0].text == "下面，我讲四点意见。"
