"""批注栏 on the real window: a reviewer's .docx (a real speech with two comments, a deletion
and an insertion) opens with each comment beside its paragraph and its text shaded, the
deleted text struck through; clicking a card selects its text; accept / reject per card and
for all are undoable, and undo brings the pending marks back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from drafter.gui.comments import LAYER
from drafter.gui.comments_cards import COMMENT_BG
from tests.compare import fodt
from tests.corpus.review_docs import COMMENTED, DELETED, INSERTED, MOVED, SPAN_END, SPAN_START, reviewed_speech
from tests.gui.conftest import type_text


def _open(window, tmp_path, qtbot):
    path, sent = reviewed_speech(tmp_path)
    assert window.files.open_path(path)
    qtbot.waitExposed(window)
    margin = window.review_margin
    assert margin.isVisible()
    return margin, sent


def _text(window) -> str:
    return "\n".join(b.text + b.body for b in window.draft.blocks)


def _layer(window):
    return [(s.cursor.selectedText(), s.format) for s in window.editor.layers[LAYER]]


def _comment(margin, author):
    return next(c for c in margin.cards if c.is_comment and c.item.author == author)


def _scroll_to(margin, card):
    """The writer scrolls to the card's text: its card is in view."""
    margin.activate(card)
    margin.canvas.repaint()
    assert all(margin.canvas.rect().contains(button) for button in card.buttons.values())


def _revision(margin, kind):
    return next(c for c in margin.cards if not c.is_comment and c.item.kind == kind)


def test_each_comment_is_beside_its_text_and_its_range_is_marked(window, tmp_path, qtbot):
    margin, sent = _open(window, tmp_path, qtbot)
    assert "批注 3 条" in margin.summary.text() and "待处理修订 2 处" in margin.summary.text()
    assert INSERTED not in _text(window) and DELETED in _text(window)   # the draft is the text as sent
    assert window.draft == sent
    margin.canvas.repaint()
    first = _comment(margin, "李主任")
    assert first.cursor.selectedText() == COMMENTED
    # level with its line in the editor (the first card has nothing above to push it down)
    assert first.rect.top() == margin.canvas.anchor_y(first)
    spanning = _comment(margin, "王审稿")
    assert spanning.cursor.selectedText().startswith(SPAN_START)
    assert spanning.cursor.selectedText().endswith(SPAN_END) and "\u2029" in spanning.cursor.selectedText()
    assert spanning.rect.top() >= margin.canvas.anchor_y(spanning) and spanning.rect.top() > first.rect.bottom()
    marks = dict(_layer(window))
    assert marks[COMMENTED].background().color() == COMMENT_BG
    assert marks[DELETED].fontStrikeOut()
    insertion = _revision(margin, "ins")
    assert not insertion.cursor.hasSelection()    # inserted text is not in the draft: a place
    assert window.draft.blocks[insertion.cursor.blockNumber()].body.find("更是一种行动。") >= 0
    # the marks are not text: copying the whole draft gives the text as sent
    assert INSERTED not in window.copy_all()


def test_clicking_a_card_selects_its_text_and_typing_elsewhere_keeps_it(window, tmp_path, qtbot):
    margin, _sent = _open(window, tmp_path, qtbot)
    margin.canvas.repaint()
    card = _comment(margin, "李主任")
    qtbot.mouseClick(margin.canvas, Qt.LeftButton, pos=card.rect.center())
    assert window.editor.textCursor().selectedText() == COMMENTED
    assert margin.active is card
    window.editor.focus_block(0, 0)
    type_text(window.editor, "同志们，")
    window.editor.focus_block(3, 2)
    type_text(window.editor, "要")
    qtbot.wait(10)
    assert card.cursor.selectedText() == COMMENTED
    assert dict(_layer(window))[DELETED].fontStrikeOut()
    margin.canvas.repaint()
    assert card.rect.top() == margin.canvas.anchor_y(card)


def test_hovering_a_mark_shows_its_card(window, tmp_path, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    margin, _sent = _open(window, tmp_path, qtbot)
    for card, expected in ((_comment(margin, "李主任"), "“本色”前后是否再斟酌？"), (_revision(margin, "del"), DELETED)):
        margin.activate(card)
        inside = QTextCursor(card.cursor)
        inside.setPosition(card.cursor.selectionStart() + 1)
        point = window.editor.cursorRect(inside).center()
        assert margin.card_at(window.editor.cursorForPosition(point).position()) is card
        QApplication.sendEvent(window.editor.viewport(),
                               QHelpEvent(QEvent.ToolTip, point, window.editor.viewport().mapToGlobal(point)))
        assert expected in QToolTip.text() and card.item.author in QToolTip.text()
    assert margin.card_at(0) is None      # the first words of the draft carry no mark
    QToolTip.hideText()


def test_a_section_moved_keeps_its_comment(window, tmp_path, qtbot):
    margin, _sent = _open(window, tmp_path, qtbot)
    spanning = _comment(margin, "王审稿")
    window.editor.focus_block(spanning.cursor.blockNumber() + 1, 0)   # 坚持对党绝对忠诚 (二级)
    assert window.logic.move_down()
    qtbot.wait(10)
    text = spanning.cursor.selectedText()
    assert not spanning.lost and text.startswith(SPAN_START) and text.endswith(SPAN_END)
    assert _comment(margin, "李主任").cursor.selectedText() == COMMENTED


def test_a_moved_heading_takes_its_comment_along(window, tmp_path, qtbot):
    margin, _sent = _open(window, tmp_path, qtbot)
    card = _comment(margin, "张科长")
    before = card.cursor.blockNumber()
    window.editor.focus_block(before, 0)
    assert window.logic.move_up()
    qtbot.wait(10)
    assert card.cursor.selectedText() == MOVED and card.cursor.blockNumber() < before and not card.lost
    window.act["undo"].trigger()
    qtbot.wait(10)
    assert card.cursor.selectedText() == MOVED and card.cursor.blockNumber() == before


def test_deleting_the_commented_words_does_not_move_the_comment_elsewhere(window, tmp_path, qtbot):
    margin, _sent = _open(window, tmp_path, qtbot)
    card = _comment(margin, "张科长")
    marked = len(window.editor.layers[LAYER])
    window.editor.setTextCursor(card.cursor)
    qtbot.keyClick(window.editor, Qt.Key_Backspace)
    qtbot.wait(10)
    assert MOVED not in _text(window)
    assert card.lost and "原文已删改" in card.body() and len(window.editor.layers[LAYER]) == marked - 1
    window.act["undo"].trigger()
    qtbot.wait(10)
    assert not card.lost and card.cursor.selectedText() == MOVED


def test_accept_and_reject_from_the_cards_undo_brings_the_marks_back(window, tmp_path, qtbot):
    margin, sent = _open(window, tmp_path, qtbot)
    card = _revision(margin, "ins")
    _scroll_to(margin, card)
    qtbot.mouseClick(margin.canvas, Qt.LeftButton, pos=card.buttons["accept"].center())
    assert INSERTED in _text(window)
    assert [c.item.kind for c in margin.cards if not c.is_comment] == ["del"]
    assert "接受 1 处修订" in window.editor.undo_name()
    assert _comment(margin, "李主任").cursor.selectedText() == COMMENTED   # comments stay
    deletion = _revision(margin, "del")
    assert deletion.cursor.selectedText() == DELETED
    _scroll_to(margin, deletion)
    qtbot.mouseClick(margin.canvas, Qt.LeftButton, pos=deletion.buttons["reject"].center())
    assert DELETED in _text(window) and not window.draft.review.revisions
    assert not margin.reject_all.isEnabled()
    window.act["undo"].trigger()
    assert len(window.draft.review.revisions) == 1 and _revision(margin, "del").cursor.selectedText() == DELETED
    window.act["undo"].trigger()
    assert window.draft == sent and len(window.draft.review.revisions) == 2
    assert _revision(margin, "ins") is not None and dict(_layer(window))[DELETED].fontStrikeOut()
    window.act["redo"].trigger()
    assert INSERTED in _text(window) and len(window.draft.review.revisions) == 1


def test_accept_all_and_reject_all(window, tmp_path, qtbot):
    margin, sent = _open(window, tmp_path, qtbot)
    qtbot.mouseClick(margin.accept_all, Qt.LeftButton)
    assert INSERTED in _text(window) and DELETED not in _text(window)
    assert not window.draft.review.revisions and len([c for c in margin.cards if c.is_comment]) == 3
    window.act["undo"].trigger()
    assert window.draft == sent
    qtbot.mouseClick(margin.reject_all, Qt.LeftButton)
    assert window.draft == sent and not window.draft.review.revisions


def test_deciding_after_the_text_was_edited(window, tmp_path, qtbot, ui):
    margin, _sent = _open(window, tmp_path, qtbot)
    window.editor.focus_block(0, 0)
    type_text(window.editor, "改")                       # elsewhere: the decision is merged
    deletion = _revision(margin, "del")
    _scroll_to(margin, deletion)
    qtbot.mouseClick(margin.canvas, Qt.LeftButton, pos=deletion.buttons["accept"].center())
    assert DELETED not in _text(window) and window.draft.blocks[0].text.startswith("改")
    assert _comment(margin, "李主任").cursor.selectedText() == COMMENTED
    insertion = _revision(margin, "ins")
    window.editor.setTextCursor(insertion.cursor)        # the writer types where the reviewer inserted
    type_text(window.editor, "要")
    _scroll_to(margin, insertion)
    qtbot.mouseClick(margin.canvas, Qt.LeftButton, pos=insertion.buttons["accept"].center())
    assert any("已改动" in m for m in ui.messages("show_error")) and INSERTED not in _text(window)
    window.act["undo"].trigger()                         # the typing
    window.act["undo"].trigger()                         # the accepted deletion: marks back
    assert DELETED in _text(window) and len(window.draft.review.revisions) == 2


def test_a_reviewed_draft_saved_and_opened_again_has_its_marks(window, tmp_path, qtbot, ui):
    margin, sent = _open(window, tmp_path, qtbot)
    deletion = _revision(margin, "del")
    _scroll_to(margin, deletion)
    qtbot.mouseClick(margin.canvas, Qt.LeftButton, pos=deletion.buttons["accept"].center())
    target = tmp_path / "存稿.draft"
    ui.answers["ask_save_path"] = str(target)
    assert window.files.save_as()
    assert "随草稿保存" in window.statusBar().currentMessage() and not ui.messages("show_info")
    window.session.modified = False
    assert window.files.open_path(tmp_path / "审阅稿.docx")     # another file in between
    window.session.modified = False
    assert window.files.open_path(target), ui.calls
    assert window.session.path == target and DELETED not in _text(window)
    assert [c.item.kind for c in margin.cards if not c.is_comment] == ["ins"]
    assert _comment(margin, "李主任").cursor.selectedText() == COMMENTED
    _scroll_to(margin, _revision(margin, "ins"))
    qtbot.mouseClick(margin.canvas, Qt.LeftButton, pos=_revision(margin, "ins").buttons["accept"].center())
    assert INSERTED in _text(window) and not window.draft.review.revisions


def test_a_comment_marked_done_is_kept_greyed_and_not_sent_back(window, tmp_path, qtbot, ui):
    from drafter.corpus.docx_review import read_review

    margin, sent = _open(window, tmp_path, qtbot)
    card = _comment(margin, "李主任")
    _scroll_to(margin, card)
    assert set(card.buttons) == {"resolve"}
    qtbot.mouseClick(margin.canvas, Qt.LeftButton, pos=card.buttons["resolve"].center())
    assert window.draft.review.comments_done == {card.item.id: True} and card.item.resolved
    assert "批注 2 条" in margin.summary.text() and window.isWindowModified() and window.draft == sent
    assert dict(_layer(window))[COMMENTED].background().color() != COMMENT_BG
    exported = tmp_path / "送回.docx"
    ui.answers["ask_save_path"] = str(exported)
    assert window.files.export("print")
    assert [c.author for c in read_review(exported).review.comments] == ["王审稿", "张科长"]
    target = tmp_path / "存稿.draft"
    ui.answers["ask_save_path"] = str(target)
    assert window.files.save_as()
    window.session.modified = False
    plain = tmp_path / "另一篇.txt"
    plain.write_text("今天召开会议。\n", "utf-8")
    assert window.files.open_path(plain)
    window.session.modified = False
    assert window.files.open_path(target)
    card = _comment(margin, "李主任")
    assert card.item.resolved and "批注 2 条" in margin.summary.text()
    _scroll_to(margin, card)
    qtbot.mouseClick(margin.canvas, Qt.LeftButton, pos=card.buttons["resolve"].center())
    assert not card.item.resolved and "批注 3 条" in margin.summary.text()


def test_opening_a_draft_without_marks_takes_the_margin_away(window, tmp_path, qtbot):
    margin, _sent = _open(window, tmp_path, qtbot)
    assert window.editor.layers[LAYER]
    window.session.modified = False
    plain = tmp_path / "讲话.txt"
    plain.write_text("今天召开全县安全生产工作会议。\n一、认清形势\n", "utf-8")
    assert window.files.open_path(plain)
    assert not margin.isVisible() and not window.editor.layers[LAYER] and not margin.cards


@pytest.mark.skipif(not fodt.available(), reason="LibreOffice (soffice) not installed")
def test_a_file_reviewed_in_libreoffice_shows_its_comments_beside_their_text(window, tmp_path, qtbot):
    from tests.corpus.test_docx_review_lo import REVIEW, _made_by_libreoffice

    reviewed, sent = _made_by_libreoffice(tmp_path)
    assert window.files.open_path(reviewed)
    margin = window.review_margin
    comments = [c for c in margin.cards if c.is_comment]
    assert [c.item.author for c in comments] == [author for _n, _u, author, _d, _t in REVIEW.comments]
    assert comments[0].cursor.selectedText() == COMMENTED
    assert comments[2].cursor.selectedText() == "带头强化理论武装"
    assert dict(_layer(window))[DELETED].fontStrikeOut()
    _scroll_to(margin, _revision(margin, "ins"))
    qtbot.mouseClick(margin.canvas, Qt.LeftButton, pos=_revision(margin, "ins").buttons["accept"].center())
    assert INSERTED in _text(window)
    window.act["undo"].trigger()
    assert INSERTED not in _text(window) and len(window.draft.review.revisions) == 2


def test_cards_never_overlap_and_the_active_one_stands_at_its_line():
    from drafter.gui.comments import _stack
    from drafter.gui.comments_cards import GAP

    assert _stack([200, 245, 660], [75, 75, 75], None, -10**6) == [200, 200 + 75 + GAP, 660]
    assert _stack([200, 245, 660], [75, 75, 75], 2, -10**6) == [200, 281, 660]     # room: nothing moves up
    tops = _stack([200, 245, 260], [75, 75, 75], 2, -10**6)
    assert tops[2] == 260 and tops[1] == 260 - GAP - 75 and tops[0] == tops[1] - GAP - 75
    assert _stack([-50, 10], [40, 40], None, 30) == [30, 76]      # below the cards listed at the top
