"""查找替换 through the find bar (matching itself: tests/editing/test_find.py)."""

from __future__ import annotations

from drafter.editing.find import Match
from drafter.editing.session import Session
from tests.editing.test_find import draft


def test_find_bar_selects_each_match_and_replaces(window):
    window.set_session(Session(draft()))
    bar = window.find_bar
    window.act["replace"].trigger()
    assert bar.isVisible()
    bar.find_edit.setText("XX")
    assert bar.count.text() == "共 4 处"
    window.editor.focus_block(0, 0)
    assert bar.find_next() == Match(0, 5, 7)
    assert window.editor.textCursor().selectedText() == "XX"
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
    assert window.editor.document().findBlockByNumber(1).text() == "关于临江市发展。临江市要XX。"
    assert window.session.modified and "已替换 5 处" in window.statusBar().currentMessage()
    window.act["undo"].trigger()
    assert window.draft == draft()
    assert window.form.edits["title"].text() == draft().title
