"""A reviewer's decision merged into a draft the writer edited since reading it."""

from __future__ import annotations

import pytest

from drafter.core.errors import DrafterError
from drafter.core.model import HEADING, PARAGRAPH, Block, Draft
from drafter.core.review_merge import merge_decision


def _draft(*texts, title="讲话"):
    return Draft(title=title, blocks=[Block(kind=HEADING if t.startswith("#") else PARAGRAPH, level=1,
                                            text=t.lstrip("#")) for t in texts])


def _texts(draft):
    return [b.text for b in draft.blocks]


def test_the_decision_lands_and_the_writers_edits_elsewhere_stay():
    base = _draft("甲。", "#乙", "丙。", "丁。")
    current = _draft("甲（改）。", "#乙", "丙。", "丁。", "戊（新增）。")
    result = _draft("甲。", "#乙", "丙（审改）。", "新段。", "丁。", title="新标题")
    merged = merge_decision(base, current, result)
    assert _texts(merged) == ["甲（改）。", "乙", "丙（审改）。", "新段。", "丁。", "戊（新增）。"]
    assert merged.title == "新标题"
    assert merged.blocks[0] is current.blocks[0] and merged.blocks[5] is current.blocks[4]   # the writer's own blocks


def test_a_paragraph_both_changed_is_refused_naming_it():
    base = _draft("甲。", "乙。")
    current = _draft("甲。", "乙（改）。")
    with pytest.raises(DrafterError, match="第 2 段“乙。"):
        merge_decision(base, current, _draft("甲。", "乙（审）。"))
    with pytest.raises(DrafterError, match="附近"):              # an insertion next to an edited paragraph
        merge_decision(base, _draft("甲（改）。", "乙。"), _draft("甲。", "插入。", "乙。"))
    with pytest.raises(DrafterError, match="title"):
        merge_decision(base, _draft("甲。", "乙。", title="我的"), _draft("甲。", "乙。", title="审的"))


def test_a_deleted_paragraph_goes_when_the_writer_left_it_alone():
    base = _draft("甲。", "乙。", "丙。")
    merged = merge_decision(base, _draft("甲。", "乙。", "丙（改）。"), _draft("甲。", "丙。"))
    assert _texts(merged) == ["甲。", "丙（改）。"]
