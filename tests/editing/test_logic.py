"""EditorLogic and the span edits driven without a window: a plain object is the view."""

from __future__ import annotations

from drafter.core.model import Block, Draft
from drafter.core.storage import read_draft, save_draft
from drafter.corpus.roles import assign_roles
from drafter.editing import spans
from drafter.editing.changes import Change
from drafter.editing.logic import EditorLogic
from drafter.editing.session import Session
from drafter.export.text import draft_to_text
from tests.editing.helpers import sample_draft


class FakeView:
    """Keeps its own copy of the paragraphs, rewritten only from the changes it is given."""

    def __init__(self, draft: Draft):
        self.paragraphs = [(b.kind, b.level, b.text + b.body) for b in draft.blocks]
        self.cursor = 0
        self.steps: list[str] = []
        self.messages: list[str] = []
        self.answer = True

    def current_block(self) -> int:
        return self.cursor

    def apply_change(self, change: Change, name: str) -> None:
        self.paragraphs[change.start:change.old_end] = [(b.kind, b.level, b.text + b.body) for b in change.blocks]
        self.cursor = change.focus
        self.steps.append(name)

    def confirm(self, question: str) -> bool:
        self.messages.append(question)
        return self.answer

    def message(self, text: str) -> None:
        self.messages.append(text)


def logic_for(draft: Draft) -> tuple[EditorLogic, FakeView]:
    view = FakeView(draft)
    return EditorLogic(Session(draft), view), view


def in_step(logic: EditorLogic, view: FakeView) -> bool:
    return view.paragraphs == [(b.kind, b.level, b.text + b.body) for b in logic.draft.blocks]


def test_each_outline_edit_is_one_named_change_of_only_the_blocks_it_touched():
    logic, view = logic_for(sample_draft())
    view.cursor = 5
    assert logic.move_up()
    assert view.steps == ["上移本节"] and in_step(logic, view)
    assert logic.draft.blocks[view.cursor].text == "关于今年任务"
    view.cursor = 2
    assert logic.insert_heading(child=True) and view.steps[-1] == "插入下级标题" and in_step(logic, view)
    assert logic.sync_counts() and view.steps[-1] == "同步宣布的数目" and in_step(logic, view)
    assert logic.replace_all("全市", "全县") == 3 and view.steps[-1] == "全部替换" and in_step(logic, view)


def test_refused_edits_change_nothing_and_say_why():
    logic, view = logic_for(sample_draft())
    view.cursor = 0
    assert not logic.promote()
    assert view.steps == [] and view.messages == ["已是最高一级，无法升级"]
    assert logic.replace_all("没有的词", "x") == 0 and "未找到" in view.messages[-1]
    view.cursor, view.answer = 1, False
    assert not logic.delete_section() and "关于去年工作" in view.messages[-1]
    assert logic.draft == sample_draft()


def test_a_move_changes_only_the_stretch_between_the_two_places():
    draft = Draft(blocks=[Block.paragraph(f"段{i}") for i in range(50)]
                  + [Block.heading(1, "甲"), Block.paragraph("甲文"), Block.heading(1, "乙"), Block.paragraph("乙文")]
                  + [Block.heading(1, "丙")] + [Block.paragraph(f"尾{i}") for i in range(50)])
    logic, view = logic_for(draft)
    changes = []
    view.apply_change = lambda change, name: changes.append(change)
    view.cursor = 52
    assert logic.move_up()
    assert (changes[0].start, changes[0].old_end) == (50, 54)


def test_deleting_across_a_heading_keeps_the_first_paragraphs_kind():
    draft = sample_draft()
    spans.replace_span(draft, 2, 4, 3, 2, [])
    assert draft.blocks[2] == Block.paragraph("过去一年形势。年初以来，我们坚持稳中求进。", "review")
    assert draft.markers()[3] == "（一）"


def test_a_selection_from_a_paragraph_start_takes_whole_paragraphs():
    draft = sample_draft()
    spans.replace_span(draft, 3, 0, 5, 0, [])
    assert [b.text for b in draft.blocks[2:4]] == ["过去一年，全市经济运行稳中向好。", "关于今年任务"]
    assert draft.blocks[3].is_heading and draft.blocks[3].level == 1


def test_copied_pieces_paste_back_as_the_same_blocks():
    draft = sample_draft()
    pieces = spans.pieces_for_span(draft, 3, 0, 5, 0)
    assert [p.whole for p in pieces] == [True, True]
    text = spans.pieces_text(draft, 3, pieces, True)
    assert text.splitlines()[0] == "（一）认清形势。年初以来，我们坚持稳中求进。"
    again = spans.pieces_from_json(spans.pieces_to_json(pieces))
    end = len(draft.blocks) - 1
    spans.replace_span(draft, end, len(draft.blocks[end].text), end, len(draft.blocks[end].text), again)
    assert draft.blocks[-2:] == [Block.heading(2, "认清形势。", "年初以来，我们坚持稳中求进。", "review"),
                                 Block.heading(2, "坚定信心。", "要想在前、干在前、成在前。", "review")]
    assert spans.pieces_from_json(b"not json") is None
    assert spans.pieces_from_json(b'[{"text": "x", "kind": "heading", "level": 9}]') is None


def test_enter_and_join_round_trip():
    draft = Draft(blocks=[Block.heading(1, "认清形势。", "年初以来。")])
    assert spans.split_block(draft, 0, 5) == (1, 0)
    assert draft.blocks == [Block.heading(1, "认清形势。"), Block.paragraph("年初以来。")]
    assert spans.join_with_previous(draft, 1) == (0, 5)
    assert draft.blocks == [Block.heading(1, "认清形势。", "年初以来。")]
    assert spans.join_with_previous(draft, 0) is None


def test_pasted_outline_text_is_recognised_plain_lines_are_paragraphs():
    from drafter.corpus.parser import parse_text

    pieces, parsed = spans.pieces_from_text("一、加强领导\n（一）压实责任。要抓好。\n二、改进作风", parse_text)
    assert parsed is not None and [(p.kind, p.level) for p in pieces] == [("heading", 1), ("heading", 2), ("heading", 1)]
    pieces, parsed = spans.pieces_from_text("甲\n乙\n丙", parse_text)
    assert parsed is None and [p.whole for p in pieces] == [False, True, False]
    assert spans.clean_pasted("甲\x00乙\r\n丙\x1b") == "甲乙\n丙"


def test_the_session_hook_sees_each_edit():
    session = Session(sample_draft())
    seen = []
    session.observers.append(lambda s: seen.append(draft_to_text(s.draft)))
    session.edited()
    assert len(seen) == 1 and session.modified and session.dirty_since_autosave


def test_the_writer_sets_a_parts_role_for_its_whole_section_and_the_draft_keeps_it(tmp_path):
    draft = sample_draft()
    logic, view = logic_for(draft)
    first = next(i for i, b in enumerate(draft.blocks) if b.is_heading and b.level == 1)
    end = draft.section_end(first)
    assert logic.set_role(first, "conduct")
    assert {b.role for b in draft.blocks[first:end]} == {"conduct"} and draft.blocks[first].role_fixed
    assert view.steps[-1] == "修改所属部分"
    assign_roles(draft)  # labelling again keeps the writer's choice
    assert {b.role for b in draft.blocks[first:end]} == {"conduct"}
    save_draft(tmp_path / "d.draft", draft)
    back = read_draft(tmp_path / "d.draft")[0]
    assert back.blocks[first].role_fixed and {b.role for b in back.blocks[first:end]} == {"conduct"}
