"""查找替换 in the model and through the find bar."""

from __future__ import annotations

from drafter.core.model import Block, Draft
from drafter.gui.find_replace import Match, find_all, next_match, replace_all
from drafter.gui.session import Session


def draft() -> Draft:
    return Draft(title="XX市市长在全市会议上的讲话", speaker="XX市市长",
                 blocks=[Block.paragraph("今年以来，XX市经济运行平稳。"),
                         Block.heading(1, "关于XX市发展。", "XX市要XX。"),
                         Block.paragraph("没有占位。")])


def test_find_all_in_reading_order():
    assert find_all(draft(), "XX") == [Match(0, "text", 5, 7), Match(1, "text", 2, 4),
                                       Match(1, "body", 0, 2), Match(1, "body", 4, 6)]
    assert find_all(draft(), "") == []


def test_replace_all_covers_fields_and_bodies():
    d = draft()
    assert replace_all(d, "XX市", "临江市") == 5
    assert d.title.startswith("临江市") and d.speaker == "临江市市长"
    assert d.blocks[1].body == "临江市要XX。"
    assert not find_all(d, "XX市")


def test_next_match_wraps_both_ways():
    matches = find_all(draft(), "XX")
    assert next_match(matches, 1, "text", 3) == matches[2]
    assert next_match(matches, 2, "text", 0) == matches[0]
    assert next_match(matches, 0, "text", 5, backwards=True) == matches[-1]
    assert next_match([], 0, "text", 0) is None


def test_find_bar_selects_each_match_and_replaces(window):
    window.set_session(Session(draft()))
    bar = window.find_bar
    window.act["replace"].trigger()
    assert bar.isVisible()
    bar.find_edit.setText("XX")
    assert bar.count.text() == "共 4 处"
    window.editor.focus_block(0, "text", 0)
    assert bar.find_next() == Match(0, "text", 5, 7)
    assert window.editor.rows[0].text_edit.textCursor().selectedText() == "XX"
    bar.replace_edit.setText("临江")
    assert bar.replace_one()
    assert window.draft.blocks[0].text == "今年以来，临江市经济运行平稳。"
    assert window.editor.current_index() == 1          # moved on to the next match
    assert bar.count.text() == "共 3 处"


def test_replace_all_is_one_undoable_step(window):
    window.set_session(Session(draft()))
    window.find_bar.open(replace=True)
    window.find_bar.find_edit.setText("XX市")
    window.find_bar.replace_edit.setText("临江市")
    window.find_bar.replace_everything()
    assert window.form.edits["title"].text().startswith("临江市")
    assert window.editor.rows[1].body_edit.toPlainText() == "临江市要XX。"
    assert window.session.modified and "已替换 5 处" in window.statusBar().currentMessage()
    window.act["undo"].trigger()
    assert window.draft == draft()
    assert window.form.edits["title"].text() == draft().title
