"""The one-document editor driven like a user: keys, mouse, clipboard, input method."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from drafter.core.model import Block, Draft
from drafter.editing.session import Session
from drafter.export.text import draft_to_text
from tests.gui.conftest import sample_draft, type_text


def load(window, *blocks: Block) -> None:
    window.set_session(Session(Draft(blocks=list(blocks))))


def shown(window) -> list[str]:
    doc = window.editor.document()
    return [doc.findBlockByNumber(i).text() for i in range(doc.blockCount())]


def place(window, index: int, offset: int = 0) -> int:
    return window.editor.document().findBlockByNumber(index).position() + offset


def click_at(qtbot, window, position: int, modifier=Qt.NoModifier) -> None:
    """A mouse click on the character at ``position`` (Shift: extend the selection)."""
    editor = window.editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    rect = editor.cursorRect(cursor)
    qtbot.mouseClick(editor.viewport(), Qt.LeftButton, modifier, QPoint(rect.left() + 1, rect.center().y()))


def test_enter_splits_and_typing_follows(window, qtbot):
    load(window, Block.paragraph("第一句。第二句。"))
    window.editor.focus_block(0, 4)
    qtbot.keyClick(window.editor, Qt.Key_Return)
    assert [b.text for b in window.draft.blocks] == ["第一句。", "第二句。"]
    assert window.editor.current_index() == 1 and window.session.modified
    type_text(window.editor, "新")
    assert window.draft.blocks[1].text == "新第二句。"
    assert window.editor.undo_name() == "键入"


def test_backspace_at_start_joins_and_at_a_heading_drops_its_number(window, qtbot):
    load(window, Block.heading(1, "认清形势。"), Block.paragraph("年初以来，……"), Block.heading(1, "坚定信心。"))
    window.editor.focus_block(1, 0)
    qtbot.keyClick(window.editor, Qt.Key_Backspace)
    assert window.draft.blocks[0] == Block.heading(1, "认清形势。", "年初以来，……")
    assert window.editor.textCursor().position() == place(window, 0, len("认清形势。"))
    window.editor.focus_block(1, 0)
    qtbot.keyClick(window.editor, Qt.Key_Backspace)        # Word: Backspace removes the number first
    assert window.draft.blocks[1] == Block.paragraph("坚定信心。")
    assert window.outline.item_texts() == ["一、认清形势。"]


def test_enter_at_the_start_of_a_heading_keeps_it_a_heading(window, qtbot):
    load(window, Block.heading(1, "认清形势。"))
    window.editor.focus_block(0, 0)
    qtbot.keyClick(window.editor, Qt.Key_Return)
    assert window.draft.blocks == [Block.paragraph(""), Block.heading(1, "认清形势。")]
    window.editor.focus_block(1, -1)
    qtbot.keyClick(window.editor, Qt.Key_Return)
    assert window.draft.blocks[2] == Block.paragraph("")
    assert window.outline.item_texts() == ["一、认清形势。"]


def test_select_across_paragraphs_and_headings_with_keys_and_mouse(window, qtbot):
    window.set_session(Session(sample_draft()))
    editor = window.editor
    editor.focus_block(2, 3)
    for _ in range(2):
        qtbot.keyClick(editor, Qt.Key_Down, Qt.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key_End, Qt.ShiftModifier)
    selected = editor.textCursor().selectedText()
    assert selected.count("\u2029") == 2 and selected.endswith("干在前、成在前。")
    click_at(qtbot, window, place(window, 1, 2))
    click_at(qtbot, window, place(window, 6, 3), Qt.ShiftModifier)
    cursor = editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (place(window, 1, 2), place(window, 6, 3))


def test_cut_across_headings_and_paste_elsewhere_outline_follows(window, qtbot):
    window.set_session(Session(sample_draft()))
    editor = window.editor
    cursor = editor.textCursor()                         # （一）认清形势 … （二）坚定信心 … whole
    cursor.setPosition(place(window, 3))
    cursor.setPosition(place(window, 5), QTextCursor.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key_X, Qt.ControlModifier)
    assert QApplication.clipboard().text() == "（一）认清形势。年初以来，我们坚持稳中求进。\n（二）坚定信心。要想在前、干在前、成在前。"
    assert window.outline.item_texts()[:2] == ["一、关于去年工作", "二、关于今年任务"]
    editor.focus_block(len(window.draft.blocks) - 1, -1)
    qtbot.keyClick(editor, Qt.Key_V, Qt.ControlModifier)
    assert window.outline.item_texts() == ["一、关于去年工作", "二、关于今年任务", "（一）要在项目建设上求突破。",
                                           "三、关于作风建设", "（一）认清形势。", "（二）坚定信心。"]
    assert window.draft.blocks[-1].body == "要想在前、干在前、成在前。"
    assert editor.markers[-2:] == ["（一）", "（二）"]
    assert shown(window) == [b.text + b.body for b in window.draft.blocks]


def test_ctrl_a_ctrl_c_puts_the_whole_speech_with_numbers_on_the_clipboard(window, qtbot):
    window.set_session(Session(sample_draft()))
    qtbot.keyClick(window.editor, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClick(window.editor, Qt.Key_C, Qt.ControlModifier)
    text = QApplication.clipboard().text()
    assert text == draft_to_text(sample_draft())
    assert "一、关于去年工作\n过去一年" in text and "（二）坚定信心。要想在前" in text


def test_copy_puts_rich_text_beside_the_plain_text(window, qtbot):
    """For Word and WPS: the headings in their typeface (as Qt's own HTML reader sees it),
    in the Word font set chosen in the window."""
    from PySide6.QtGui import QTextDocument

    window.set_session(Session(sample_draft()))
    window.set_font_set("windows")
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(place(window, 1, 0))              # 一、关于去年工作 … （一）认清形势。…
    cursor.setPosition(place(window, 3, 5), QTextCursor.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key_C, Qt.ControlModifier)
    mime = QApplication.clipboard().mimeData()
    assert mime.text() == "一、关于去年工作\n过去一年，全市经济运行稳中向好。\n（一）认清形势。"
    pasted = QTextDocument()
    pasted.setHtml(mime.html())

    def first_font(qblock) -> str:
        return qblock.begin().fragment().charFormat().fontFamilies()[0]
    assert pasted.begin().text() == "一、关于去年工作" and first_font(pasted.begin()) == "黑体"
    assert pasted.lastBlock().text() == "（一）认清形势。" and first_font(pasted.lastBlock()) == "楷体"


def test_delete_across_a_heading_merges_as_word_and_renumbers(window, qtbot):
    window.set_session(Session(sample_draft()))
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(place(window, 2, 4))              # 过去一年|，… into （一）认清|形势
    cursor.setPosition(place(window, 3, 2), QTextCursor.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key_Delete)
    assert window.draft.blocks[2] == Block.paragraph("过去一年形势。年初以来，我们坚持稳中求进。", "review")
    assert window.outline.item_texts()[:2] == ["一、关于去年工作", "（一）坚定信心。"]
    assert editor.undo_name() == "删除"
    editor.undo_step()
    assert window.draft == sample_draft()


def test_a_cut_that_orphans_a_level_three_heading_is_repaired_and_undone(window, ui, qtbot):
    load(window, Block.heading(1, "甲"), Block.heading(2, "乙"), Block.heading(3, "丙"), Block.heading(3, "丁"))
    before = window.draft.copy()
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(place(window, 1))
    cursor.setPosition(place(window, 2), QTextCursor.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key_X, Qt.ControlModifier)
    assert [(b.level, b.text) for b in window.draft.blocks] == [(1, "甲"), (2, "丙"), (2, "丁")]
    assert "提升一级" in window.statusBar().currentMessage()
    window.act["undo"].trigger()
    assert window.draft == before


def test_move_promote_delete_then_undo_restores_exactly_and_redo_redoes(window, ui, qtbot):
    window.set_session(Session(sample_draft()))
    original = draft_to_text(window.draft)
    editor = window.editor
    steps = [(5, "up", "上移本节"), (5, "promote", "升级"), (1, "delete", "删除本节"), (3, "to_paragraph", "设为正文")]
    texts = [original]
    for index, action, name in steps:
        editor.focus_block(index)
        window.act[action].trigger()
        assert window.act["undo"].text() == f"撤销“{name}”"
        texts.append(draft_to_text(window.draft))
        assert texts[-1] != texts[-2]
    for n in range(len(steps), 0, -1):
        qtbot.keyClick(editor, Qt.Key_Z, Qt.ControlModifier)
        assert draft_to_text(window.draft) == texts[n - 1]
        assert shown(window) == [b.text + b.body for b in window.draft.blocks]
    assert window.draft == sample_draft()
    qtbot.keyClick(editor, Qt.Key_Y, Qt.ControlModifier)
    assert draft_to_text(window.draft) == texts[1]
    qtbot.keyClick(editor, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert draft_to_text(window.draft) == texts[2]
    assert window.act["redo"].text() == "重做“删除本节”"


def test_replace_all_sync_and_phrase_insert_are_one_step_each(window, ui, qtbot):
    window.set_session(Session(sample_draft()))
    original = draft_to_text(window.draft)
    window.logic.replace_all("全市", "全县")
    window.sync_counts()
    window.editor.focus_block(2, 0)
    window.editor.insert_text("一年来，")
    assert window.act["undo"].text() == "撤销“插入表述”"
    for name in ("插入表述", "同步宣布的数目", "全部替换"):
        assert window.editor.undo_name() == name
        window.editor.undo_step()
    assert draft_to_text(window.draft) == original


def test_input_method_commit_lands_in_the_model(window, qtbot):
    load(window, Block.paragraph("开头结尾"))
    window.editor.focus_block(0, 2)
    preedit = QInputMethodEvent("zhong", [])
    QApplication.sendEvent(window.editor, preedit)
    commit = QInputMethodEvent()
    commit.setCommitString("中文")
    QApplication.sendEvent(window.editor, commit)
    assert window.draft.blocks[0].text == "开头中文结尾"
    # a commit over a selection of two paragraphs replaces it, one paragraph left
    load(window, Block.paragraph("甲一"), Block.heading(1, "乙二"))
    cursor = window.editor.textCursor()
    cursor.setPosition(place(window, 0, 1))
    cursor.setPosition(place(window, 1, 1), QTextCursor.KeepAnchor)
    window.editor.setTextCursor(cursor)
    QApplication.sendEvent(window.editor, commit)
    assert window.draft.blocks == [Block.paragraph("甲中文二")]


def test_paste_several_plain_lines_makes_paragraphs(window):
    load(window, Block.paragraph("开头结尾"))
    window.editor.focus_block(0, 2)
    mime = QMimeData()
    mime.setText("甲段\r\n\r\n乙段\n丙段")
    window.editor.insertFromMimeData(mime)
    assert [b.text for b in window.draft.blocks] == ["开头甲段", "乙段", "丙段结尾"]
    assert window.editor.current_index() == 2


def test_word_rich_text_pastes_as_text(window):
    load(window, Block.paragraph("开头结尾"))
    window.editor.focus_block(0, 2)
    mime = QMimeData()
    mime.setHtml("<html><body><p class=MsoNormal><b>一、加强领导</b></p><p>（一）压实责任。要抓好落实。</p>"
                 "<p>二、改进作风</p></body></html>")
    window.editor.insertFromMimeData(mime)
    assert window.outline.item_texts() == ["一、加强领导", "（一）压实责任。", "二、改进作风"]
    assert window.draft.blocks[2].body == "要抓好落实。"


def test_binary_and_huge_clipboards_give_a_message_and_change_nothing(window):
    load(window, Block.paragraph("原文"))
    mime = QMimeData()
    mime.setData("application/octet-stream", bytes(range(256)) * 100)
    window.editor.insertFromMimeData(mime)
    assert "没有可粘贴的文字" in window.statusBar().currentMessage()
    big = QMimeData()
    big.setText("这是一段很长的文字。\n" * 500_000)          # 5.5 million characters
    window.editor.insertFromMimeData(big)
    assert "太长" in window.statusBar().currentMessage()
    nul = QMimeData()
    nul.setText("甲\x00乙\x07丙")
    window.editor.insertFromMimeData(nul)
    assert window.draft.blocks == [Block.paragraph("甲乙丙原文")]


def test_context_menu_sets_a_heading_style_of_its_own_and_undo_names_it(window):
    load(window, Block.heading(1, "甲"), Block.heading(2, "乙"), Block.heading(2, "丙"),
         Block.heading(1, "丁"), Block.heading(2, "戊"))
    window.editor.focus_block(1)
    menu = window.editor.context_menu()

    def action(*path):
        m = menu
        for label in path[:-1]:
            m = next(a.menu() for a in m.actions() if a.text() == label)
        return next(a for a in m.actions() if a.text() == path[-1])
    assert action("本条编号样式", "跟随第二级（（一））").isChecked()
    action("本条编号样式", "一是").trigger()
    assert window.draft.blocks[1].style == "一是"
    assert window.editor.markers == ["一、", "一是", "（二）", "二、", "（一）"]
    assert window.outline.item_texts()[1] == "一是乙"
    menu = window.editor.context_menu()
    assert menu.actions()[0].text() == "撤销“修改编号样式”"
    menu.actions()[0].trigger()
    assert window.draft.blocks[1].style is None


def test_placeholders_are_highlighted_by_the_checks_patterns(window):
    load(window, Block.paragraph("XX市要在**方面取得突破，X月完成【数字】，位列第*，Xi不算。"))
    layout = window.editor.document().firstBlock().layout()
    marked = sorted((f.start, f.start + f.length) for f in layout.formats()
                    if f.format.background().color().name() == "#ffe58a")
    text = window.draft.blocks[0].text
    assert [text[a:b] for a, b in marked] == ["XX", "**", "X", "【数字】", "*"]


def test_dragging_paragraphs_inside_the_draft_moves_them_in_one_step(window, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    window.set_session(Session(sample_draft()))
    editor = window.editor
    original = draft_to_text(window.draft)
    cursor = editor.textCursor()                       # （一）… and （二）… whole, dropped at the end
    cursor.setPosition(place(window, 3))
    cursor.setPosition(place(window, 5), QTextCursor.KeepAnchor)
    editor.setTextCursor(cursor)
    end = QTextCursor(editor.document())
    end.setPosition(place(window, 8, len(window.draft.blocks[8].text)))
    editor.move_selection(end.position())              # what a drop inside the draft does
    assert window.outline.item_texts()[-2:] == ["（一）认清形势。", "（二）坚定信心。"]
    assert editor.undo_name() == "拖放"
    editor.undo_step()
    assert draft_to_text(window.draft) == original
    # text dragged in from another program goes in where it is dropped
    mime = QMimeData()
    mime.setText("外来文字")
    at = QTextCursor(editor.document())
    at.setPosition(place(window, 0, 2))
    drop = QDropEvent(QPointF(editor.cursorRect(at).topLeft()), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    editor.dropEvent(drop)
    assert "外来文字" in window.draft.blocks[0].text and len(window.draft.blocks) == len(sample_draft().blocks)


def test_dragging_a_heading_in_the_outline_moves_its_section(window, qtbot):
    from PySide6.QtWidgets import QAbstractItemView

    window.set_session(Session(sample_draft()))
    outline = window.outline
    # 二、关于今年任务 dropped above 一、关于去年工作
    target = outline.drop_target(outline.items[1], QAbstractItemView.AboveItem)
    assert target == 1
    outline.section_dropped.emit(5, target)
    assert outline.item_texts()[:3] == ["一、关于今年任务", "（一）要在项目建设上求突破。", "二、关于去年工作"]
    assert window.editor.undo_name() == "移动本节"
    assert outline.drop_target(outline.items[1], QAbstractItemView.BelowItem) == 2   # its first child
    assert outline.drop_target(None, QAbstractItemView.OnViewport) == len(window.draft.blocks)
