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
from tests.corpus.review_docs import COMMENTED, DELETED, INSERTED, SPAN_END, SPAN_START, reviewed_speech
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
    assert margin.canvas.rect().contains(card.buttons["accept"])


def _revision(margin, kind):
    return next(c for c in margin.cards if not c.is_comment and c.item.kind == kind)


def test_each_comment_is_beside_its_text_and_its_range_is_marked(window, tmp_path, qtbot):
    margin, sent = _open(window, tmp_path, qtbot)
    assert "批注 2 条" in margin.summary.text() and "待处理修订 2 处" in margin.summary.text()
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


def test_a_section_moved_keeps_its_comment(window, tmp_path, qtbot):
    margin, _sent = _open(window, tmp_path, qtbot)
    spanning = _comment(margin, "王审稿")
    window.editor.focus_block(spanning.cursor.blockNumber() + 1, 0)   # 坚持对党绝对忠诚 (二级)
    assert window.logic.move_down()
    qtbot.wait(10)
    text = spanning.cursor.selectedText()
    assert not spanning.lost and text.startswith(SPAN_START) and text.endswith(SPAN_END)
    assert _comment(margin, "李主任").cursor.selectedText() == COMMENTED


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
    assert not window.draft.review.revisions and len([c for c in margin.cards if c.is_comment]) == 2
    window.act["undo"].trigger()
    assert window.draft == sent
    qtbot.mouseClick(margin.reject_all, Qt.LeftButton)
    assert window.draft == sent and not window.draft.review.revisions


def test_deciding_after_the_text_was_edited_says_why_not(window, tmp_path, qtbot, ui):
    margin, _sent = _open(window, tmp_path, qtbot)
    window.editor.focus_block(0, 0)
    type_text(window.editor, "改")
    qtbot.mouseClick(margin.accept_all, Qt.LeftButton)
    assert any("正文已改动" in m for m in ui.messages("show_error"))
    assert INSERTED not in _text(window)


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
