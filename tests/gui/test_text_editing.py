"""Typing in the block editor: Enter splits, Backspace at the start joins, pasted lines
become paragraphs."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt

from drafter.core.model import Block, Draft
from drafter.gui.session import Session
from tests.gui.conftest import type_text


def load(window, *blocks: Block) -> None:
    window.set_session(Session(Draft(blocks=list(blocks))))


def test_enter_splits_paragraph_at_cursor(window, qtbot):
    load(window, Block.paragraph("第一句。第二句。"))
    edit = window.editor.rows[0].text_edit
    edit.set_cursor(4)
    qtbot.keyClick(edit, Qt.Key_Return)
    assert [b.text for b in window.draft.blocks] == ["第一句。", "第二句。"]
    assert window.editor.current_index() == 1
    assert window.session.modified
    type_text(window.editor.rows[1].text_edit, "新")
    assert window.draft.blocks[1].text == "新第二句。"


def test_backspace_at_start_joins_with_previous(window, qtbot):
    load(window, Block.paragraph("甲。"), Block.paragraph("乙。"))
    window.editor.focus_block(1, "text", 0)
    qtbot.keyClick(window.editor.rows[1].text_edit, Qt.Key_Backspace)
    assert [b.text for b in window.draft.blocks] == ["甲。乙。"]
    assert window.editor.rows[0].text_edit.textCursor().position() == 2


def test_backspace_after_heading_joins_into_run_in_body(window, qtbot):
    load(window, Block.heading(1, "认清形势。"), Block.paragraph("年初以来，……"))
    window.editor.focus_block(1, "text", 0)
    qtbot.keyClick(window.editor.rows[1].text_edit, Qt.Key_Backspace)
    assert window.draft.blocks == [Block.heading(1, "认清形势。", "年初以来，……")]
    assert window.editor.rows[0].body_edit.isVisible()


def test_enter_in_heading_starts_a_paragraph(window, qtbot):
    load(window, Block.heading(1, "认清形势。"))
    window.editor.focus_block(0, "text", -1)
    qtbot.keyClick(window.editor.rows[0].text_edit, Qt.Key_Return)
    assert window.draft.blocks == [Block.heading(1, "认清形势。"), Block.paragraph("")]
    assert window.outline.item_texts() == ["一、认清形势。"]


def test_paste_several_lines_makes_paragraphs(window):
    load(window, Block.paragraph("开头结尾"))
    window.editor.focus_block(0, "text", 2)
    mime = QMimeData()
    mime.setText("甲段\r\n\r\n乙段\n丙段")
    window.editor.rows[0].text_edit.insertFromMimeData(mime)
    assert [b.text for b in window.draft.blocks] == ["开头甲段", "乙段", "丙段结尾"]
    assert window.editor.current_index() == 2


def test_paste_one_line_stays_in_place(window):
    load(window, Block.paragraph("开头结尾"))
    window.editor.focus_block(0, "text", 2)
    mime = QMimeData()
    mime.setHtml("<b>加粗</b>")
    mime.setText("加粗")
    window.editor.rows[0].text_edit.insertFromMimeData(mime)
    assert [b.text for b in window.draft.blocks] == ["开头加粗结尾"]


def test_heading_body_box_shows_for_current_heading_only(window):
    load(window, Block.heading(1, "甲"), Block.heading(1, "乙", "有正文"))
    first, second = window.editor.rows
    window.editor.focus_block(1)
    assert not first.body_edit.isVisible() and second.body_edit.isVisible()
    window.editor.focus_block(0)
    assert first.body_edit.isVisible() and second.body_edit.isVisible()
    type_text(first.body_edit, "补充")
    assert window.draft.blocks[0].body == "补充"


def _menu_action(menu, *path: str):
    for label in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == label)
    return next(a for a in menu.actions() if a.text() == path[-1])


def test_context_menu_sets_a_heading_style_of_its_own(window):
    load(window, Block.heading(1, "甲"), Block.heading(2, "乙"), Block.heading(2, "丙"),
         Block.heading(1, "丁"), Block.heading(2, "戊"))
    menu = window.editor.rows[1].text_edit.context_menu()
    assert _menu_action(menu, "本条编号样式", "跟随第二级（（一））").isChecked()
    _menu_action(menu, "本条编号样式", "一是").trigger()
    assert window.draft.blocks[1].style == "一是"
    # only that heading changes family; its sibling keeps the level's style
    assert [row.marker.text() for row in window.editor.rows] == ["一、", "一是", "（二）", "二、", "（一）"]
    assert window.outline.item_texts()[1] == "一是乙"
    assert window.session.modified


def test_context_menu_sets_the_role(window):
    load(window, Block.paragraph("同志们，让我们……", "other"))
    menu = window.editor.rows[0].text_edit.context_menu()
    _menu_action(menu, "所属部分", "结束语").trigger()
    assert window.draft.blocks[0].role == "closing"
    assert "结束语" in window.editor.rows[0].toolTip()
    assert "结束语" in window.side.phrases.by_role.text()


def test_placeholders_are_highlighted(window):
    load(window, Block.paragraph("XX市要在**方面取得突破，X月完成【数字】，位列第*，Xi不算。"))
    edit = window.editor.rows[0].text_edit
    layout = edit.document().firstBlock().layout()
    marked = sorted((f.start, f.start + f.length) for f in layout.formats()
                    if f.format.background().color().name() == "#ffe58a")
    text = window.draft.blocks[0].text
    assert [text[a:b] for a, b in marked] == ["XX", "**", "X", "【数字】", "*"]


def test_arrow_keys_run_on_across_blocks(window, qtbot):
    load(window, Block.paragraph("甲段"), Block.heading(1, "乙标题", "乙正文"), Block.paragraph("丙段"))
    window.editor.focus_block(0, "text", -1)
    qtbot.keyClick(window.editor.rows[0].text_edit, Qt.Key_Right)      # at the end: next block
    assert (window.editor.current_index(), window.editor.current_part) == (1, "text")
    assert window.editor.rows[1].text_edit.textCursor().position() == 0
    qtbot.keyClick(window.editor.rows[1].text_edit, Qt.Key_Down)       # one line: on to its body
    assert (window.editor.current_index(), window.editor.current_part) == (1, "body")
    qtbot.keyClick(window.editor.rows[1].body_edit, Qt.Key_Down)
    assert window.editor.current_index() == 2
    qtbot.keyClick(window.editor.rows[2].text_edit, Qt.Key_Up)
    assert (window.editor.current_index(), window.editor.current_part) == (1, "body")
    assert window.editor.rows[1].body_edit.textCursor().position() == len("乙正文")
    qtbot.keyClick(window.editor.rows[1].body_edit, Qt.Key_Left)       # not at the start: stays
    assert window.editor.current_part == "body"
    window.editor.focus_block(0, "text", 0)
    qtbot.keyClick(window.editor.rows[0].text_edit, Qt.Key_Up)         # first block: nowhere to go
    assert window.editor.current_index() == 0
