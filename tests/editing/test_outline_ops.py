"""Outline edits behind the editor's buttons (no Qt)."""

from __future__ import annotations

from drafter.core.model import Block, Draft
from drafter.editing import outline_ops
from tests.editing.helpers import sample_draft


def texts(draft: Draft) -> list[str]:
    return [m + b.text for m, b in zip(draft.markers(), draft.blocks)]


def test_insert_sibling_heading_goes_after_the_whole_section():
    draft = sample_draft()
    at = outline_ops.insert_heading(draft, 2)          # cursor in 一、's first paragraph
    assert at == 5 and draft.blocks[at].level == 1
    assert draft.markers()[at] == "二、" and draft.markers()[6] == "三、"


def test_insert_child_heading_is_the_last_one_level_down():
    draft = sample_draft()
    at = outline_ops.insert_heading(draft, 1, child=True)
    assert (at, draft.blocks[at].level, draft.markers()[at]) == (5, 2, "（三）")


def test_insert_heading_at_top_level_paragraph():
    draft = sample_draft()
    at = outline_ops.insert_heading(draft, 0)
    assert (at, draft.blocks[at].level, draft.markers()[1]) == (1, 1, "一、")
    assert draft.markers()[2] == "二、"


def test_delete_keeps_somewhere_to_type():
    draft = Draft(blocks=[Block.heading(1, "甲"), Block.paragraph("正文")])
    removed, focus = outline_ops.delete(draft, 0)
    assert [b.text for b in removed] == ["甲", "正文"]
    assert draft.blocks == [Block.paragraph("")] and focus == 0


def test_paragraph_moves_one_block_and_stops_at_the_ends():
    draft = Draft(blocks=[Block.paragraph("甲"), Block.paragraph("乙")])
    assert outline_ops.move_up(draft, 0) == 0
    assert outline_ops.move_down(draft, 0) == 1
    assert [b.text for b in draft.blocks] == ["乙", "甲"]
    assert outline_ops.move_down(draft, 1) == 1


def test_paragraph_to_heading_splits_at_first_sentence_and_back():
    draft = Draft(blocks=[Block.heading(1, "总体"), Block.paragraph("抓好项目建设。年初以来，……", "tasks")])
    assert outline_ops.to_heading(draft, 1)
    assert draft.blocks[1] == Block.heading(2, "抓好项目建设。", "年初以来，……", "tasks")
    assert draft.markers()[1] == "（一）"
    assert not outline_ops.to_heading(draft, 1)
    assert outline_ops.to_paragraph(draft, 1)
    assert draft.blocks[1] == Block.paragraph("抓好项目建设。年初以来，……", "tasks")


def test_promote_and_demote_refuse_paragraphs():
    draft = sample_draft()
    assert not outline_ops.promote(draft, 0) and not outline_ops.demote(draft, 0)


def test_repair_levels_lifts_orphans_with_their_children_and_keeps_siblings():
    draft = Draft(blocks=[Block.heading(1, "甲"), Block.heading(3, "丙"), Block.heading(4, "丙1"),
                          Block.heading(3, "丁"), Block.heading(2, "戊")])
    assert outline_ops.repair_levels(draft) == 3
    assert [b.level for b in draft.blocks] == [1, 2, 3, 2, 2]
    lone = Draft(blocks=[Block.heading(2, "开头就是二级")])
    assert outline_ops.repair_levels(lone) == 1 and lone.blocks[0].level == 1
    assert outline_ops.repair_levels(lone) == 0
