"""批注栏: a reviewer's comments and pending revisions beside the text they are about.

When the draft was read from a reviewer's .docx (``Draft.review``), a column right of the
editor shows one card per comment (author, date, text) and per pending revision (kind,
author, date, the text inserted or deleted, 接受 / 拒绝), each level with its paragraph as
Word shows them; cards that would overlap are pushed down.  In the editor the commented text
is shaded, text a reviewer deleted is struck through in red and the place of an insertion
underlined in green — extra selections, never part of the draft's text (the draft is the text
as sent; inserted text is not in it).  Clicking a card selects its text.  Accepting or
rejecting (one card, or 全部接受 / 全部拒绝) goes through ``corpus.docx_review.decide`` and
the window's ``apply(result, label)``: one undo step, which also brings the pending marks back.

Where each mark falls is worked out without Qt (``core.review_places``); here those places
become document cursors, which Qt moves with typing elsewhere.  After an edit rewrote a mark's
paragraphs (a move, Enter), a mark whose text went is found again by its text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextEdit, QToolTip, QVBoxLayout, QWidget

from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.core.review import Review
from drafter.core.review_places import Place, place_marks, relocate, shown_texts
from drafter.gui import dialogs
from drafter.gui.comments_cards import GAP, Card, card_height, mark_format, paint_card, place_buttons

logger = logging.getLogger(__name__)

WIDTH = 300
LAYER = "review"


class MarginCanvas(QWidget):
    """The cards, painted level with their text in ``editor``."""

    def __init__(self, margin: ReviewMargin):
        super().__init__(margin)
        self.margin = margin
        self.wanted: dict[int, int] = {}

    def anchor_y(self, card: Card) -> int | None:
        if card.cursor is None:
            return None
        editor = self.margin.editor
        point = QTextCursor(card.cursor)
        point.setPosition(card.cursor.selectionStart())
        top = editor.cursorRect(point).top()
        shift = editor.viewport().mapToGlobal(QPoint(0, 0)).y() - self.mapToGlobal(QPoint(0, 0)).y()
        return top + shift

    def lay_out(self) -> None:
        """Each card's rectangle: level with its text, pushed down below the one above."""
        font = self.font()
        width = self.width() - 2 * GAP
        unplaced = [card for card in self.margin.cards if card.cursor is None or card.lost]
        wanted = sorted(((y, n, card) for n, card in enumerate(self.margin.cards)
                         if (y := self.anchor_y(card)) is not None and not card.lost), key=lambda item: item[:2])
        bottom = GAP
        for card in unplaced:        # the title's, the byline's: at the top
            height = card_height(card, width, font)
            card.rect = QRect(GAP + 4, bottom, width - 4, height)
            place_buttons(card, font)
            bottom += height + GAP
        start = bottom if unplaced else -10**6
        tops = _stack([y for y, _n, _c in wanted], [card_height(c, width, font) for _y, _n, c in wanted],
                      next((k for k, (_y, _n, c) in enumerate(wanted) if c is self.margin.active), None), start)
        for (_y, _n, card), top in zip(wanted, tops):
            card.rect = QRect(GAP + 4, top, width - 4, card_height(card, width, font))
            place_buttons(card, font)
        self.wanted = {id(card): y for y, _n, card in wanted}

    def paintEvent(self, event) -> None:  # Qt override
        self.lay_out()
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.white)
        font = self.font()
        for card in self.margin.cards:
            if card.rect.bottom() < 0 or card.rect.top() > self.height():
                continue
            y = self.wanted.get(id(card))
            if y is not None:        # a leader from the text's line to its card
                painter.setPen(Qt.gray)
                painter.drawLine(0, y + 6, card.rect.left(), card.rect.top() + 8)
            paint_card(painter, card, font, card is self.margin.active)
        painter.end()

    def mousePressEvent(self, event) -> None:  # Qt override
        point = event.position().toPoint()
        for card in self.margin.cards:
            for name, rect in card.buttons.items():
                if rect.contains(point):
                    if name == "resolve":
                        self.margin.resolve(card)
                    else:
                        self.margin.decide([card.item.id], name == "accept")
                    return
            if card.rect.contains(point):
                self.margin.activate(card)
                return
        super().mousePressEvent(event)


def _stack(wanted: list[int], heights: list[int], active: int | None, start: int) -> list[int]:
    """Tops of cards that want to stand at ``wanted`` (sorted): none overlapping, each pushed
    down below the one above it; the active card exactly at its line (the ones above it move
    up only as far as they must), as Word lays out its comments."""
    tops, bottom = list(wanted), start
    for k in range(len(tops)):
        if k == active:
            bottom = max(wanted[k], start)
        tops[k] = max(wanted[k], bottom)
        bottom = tops[k] + heights[k] + GAP
    if active is not None:
        for k in range(active - 1, -1, -1):
            tops[k] = min(tops[k], tops[k + 1] - GAP - heights[k])
    return tops


class ReviewMargin(QWidget):
    """The column; hidden while the draft has no reviewer's marks."""

    def __init__(self, editor: QTextEdit, apply: Callable[[Draft, str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.editor, self.apply = editor, apply
        self.review: Review | None = None
        self.cards: list[Card] = []
        self.active: Card | None = None
        self.setFixedWidth(WIDTH)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.accept_all = QPushButton("全部接受")
        self.reject_all = QPushButton("全部拒绝")
        self.accept_all.clicked.connect(lambda: self.decide(None, True))
        self.reject_all.clicked.connect(lambda: self.decide(None, False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_all)
        buttons.addWidget(self.reject_all)
        buttons.addStretch(1)
        self.canvas = MarginCanvas(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.canvas, 1)     # level with the editor: cards beside their lines
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self._check = QTimer(self, singleShot=True, interval=0)
        self._check.timeout.connect(self._follow_edits)
        self._structural = False
        self._touched: list[int] | None = None       # the stretch of the document edited since
        editor.document().contentsChange.connect(self._contents_changed)
        editor.verticalScrollBar().valueChanged.connect(self.canvas.update)
        editor.document().documentLayout().documentSizeChanged.connect(self.canvas.update)
        editor.edited.connect(self._edited)
        editor.meta_changed.connect(self._meta_changed)
        editor.cursorPositionChanged.connect(self._caret_moved)
        editor.viewport().installEventFilter(self)      # hovering a mark shows its card's text
        self.hide()

    @property
    def draft(self) -> Draft:
        return self.editor.draft

    # ----- building -------------------------------------------------------------------
    def set_draft(self, draft: Draft) -> None:
        """Show ``draft``'s marks (after the editor has shown the draft itself)."""
        self.review = draft.review
        self.active = None
        self.cards = []
        review = self.review
        if review is None or not (review.revisions or review.comments):
            self.editor.set_layer(LAYER, [])
            self.hide()
            return
        places = place_marks(draft, review)
        for c in review.comments:
            self.cards.append(self._card(("comment", c.id), c, places.get(("comment", c.id))))
        for r in review.revisions:
            self.cards.append(self._card(("revision", r.id), r, places.get(("revision", r.id))))
        self.summary.setText(f"审阅稿：{review.summary()}")
        has_revisions = bool(review.revisions)
        self.accept_all.setEnabled(has_revisions)
        self.reject_all.setEnabled(has_revisions)
        self.show()
        self._mark()
        self.canvas.update()

    def _cursor(self, place: Place) -> QTextCursor | None:
        doc = self.editor.document()
        if place.end_block >= doc.blockCount():
            return None
        first, last = doc.findBlockByNumber(place.block), doc.findBlockByNumber(place.end_block)
        cursor = QTextCursor(doc)
        cursor.setPosition(first.position() + min(place.start, first.length() - 1))
        cursor.setPosition(last.position() + min(place.end, last.length() - 1), QTextCursor.KeepAnchor)
        return cursor

    def _card(self, key, item, place: Place | None) -> Card:
        card = Card(key, item)
        if place is not None:
            card.cursor = self._cursor(place)
            self._remember(card)
        return card

    def _remember(self, card: Card) -> None:
        cursor = card.cursor
        card.remembered = cursor.selectedText() if cursor is not None else ""
        if cursor is not None:
            number = self.editor.document().findBlock(cursor.selectionStart()).blockNumber()
            card.block = self.draft.blocks[number] if number < len(self.draft.blocks) else None
        if cursor is not None and not cursor.hasSelection():
            block = cursor.block()
            offset = cursor.position() - block.position()
            card.before = block.text()[max(0, offset - 8):offset]

    # ----- marks in the editor ----------------------------------------------------------
    def _mark(self) -> None:
        selections = []
        for card in self.cards:
            cursor = card.cursor
            if cursor is None or card.lost:
                continue
            shown = QTextCursor(cursor)
            if not shown.hasSelection():     # an insertion point: the character before it
                position = cursor.position()
                block = cursor.block()
                if position > block.position():
                    shown.setPosition(position - 1)
                    shown.setPosition(position, QTextCursor.KeepAnchor)
                elif block.length() > 1:
                    shown.setPosition(position + 1, QTextCursor.KeepAnchor)
                else:
                    continue
            selection = QTextEdit.ExtraSelection()
            selection.cursor = shown
            selection.format = mark_format(card, card is self.active)
            selections.append(selection)
        self.editor.set_layer(LAYER, selections)

    def activate(self, card: Card) -> None:
        """Select the card's text in the editor (as clicking a comment in Word does)."""
        self.active = card
        if card.cursor is not None and not card.lost:
            self.editor.setTextCursor(QTextCursor(card.cursor))
            self.editor.ensureCursorVisible()
            top = self.editor.cursorRect(QTextCursor(card.cursor)).top()
            height = self.editor.viewport().height()
            if not height // 8 <= top <= height // 2:   # its text, and the card beside it, well in view
                bar = self.editor.verticalScrollBar()
                bar.setValue(bar.value() + top - height // 4)
            self.editor.setFocus()
            self.active = card          # the caret move may have picked another card
        self._mark()
        self.canvas.update()

    def _caret_moved(self) -> None:
        if not self.cards:
            return
        position = self.editor.textCursor().position()
        inside = [c for c in self.cards if c.cursor is not None and not c.lost and c.is_comment
                  and c.cursor.selectionStart() <= position <= c.cursor.selectionEnd()]
        active = inside[0] if inside else None
        if active is not self.active and (active is not None or self.active is not None):
            self.active = active
            self._mark()
            self.canvas.update()

    def card_at(self, position: int) -> Card | None:
        """The card whose mark covers document position ``position`` (an insertion's mark is
        the character before its place)."""
        for card in self.cards:
            cursor = card.cursor
            if cursor is None or card.lost:
                continue
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            if (start <= position < end) or (start == end and position in (start - 1, start)):
                return card
        return None

    def eventFilter(self, watched, event) -> bool:  # Qt override
        if event.type() == QEvent.ToolTip and self.cards:
            card = self.card_at(self.editor.cursorForPosition(event.pos()).position())
            if card is not None:
                QToolTip.showText(event.globalPos(), f"{card.header()}\n{card.body()}", self.editor.viewport())
                return True
        return super().eventFilter(watched, event)

    # ----- following the draft ----------------------------------------------------------
    def _edited(self, structural: bool) -> None:
        if self.cards:
            self._structural = self._structural or structural
            self._check.start()

    def _contents_changed(self, position: int, removed: int, added: int) -> None:
        if self.cards:
            lo, hi = position, position + max(removed, added)
            self._touched = [lo, hi] if self._touched is None else [min(self._touched[0], lo), max(self._touched[1], hi)]

    def _meta_changed(self) -> None:
        """Undo or redo of an accept/reject brings the draft's pending marks back or away."""
        if self.draft.review is not self.review:
            self.set_draft(self.draft)

    def _follow_edits(self) -> None:
        """Marks whose paragraphs an edit rewrote are found again by their text."""
        structural, self._structural = self._structural, False
        touched, self._touched = self._touched, None
        texts = None
        moved = False
        for card in self.cards:
            cursor = card.cursor
            if cursor is None or (card.lost and not structural):
                continue
            if not structural and (touched is None or cursor.selectionEnd() < touched[0]
                                   or cursor.selectionStart() > touched[1]):
                continue            # typing elsewhere: Qt has moved its cursor, nothing to look at
            text = cursor.selectedText()
            if card.remembered and not cursor.hasSelection():
                texts = texts if texts is not None else shown_texts(self.draft)
                place = self._in_its_paragraph(card, texts, card.remembered.replace("\u2029", "\n"))
                moved = moved or card.lost != (place is None) or place is not None
                card.lost = place is None
                if place is not None:
                    card.cursor = self._cursor(place)
                    self._remember(card)
            elif card.remembered and text != card.remembered:
                card.remembered = text          # typed into: the comment covers what is there now
            elif not card.remembered and structural and card.before and not self._before_ok(card):
                texts = texts if texts is not None else shown_texts(self.draft)
                place = self._in_its_paragraph(card, texts, card.before)
                if place is not None:
                    card.cursor = self._cursor(Place(place.end_block, place.end, place.end_block, place.end))
                    self._remember(card)
                    moved = True
        if moved:           # else the marks' cursors have followed the text by themselves, and the
            self._mark()    # column follows the document's size (documentSizeChanged)
            self.canvas.update()

    def _in_its_paragraph(self, card: Card, texts: list[str], text: str) -> Place | None:
        """``text`` found again in the paragraph the mark was in, wherever an edit moved that
        paragraph (a mark follows its paragraph; text deleted from it is not looked for elsewhere)."""
        index = next((i for i, block in enumerate(self.draft.blocks) if block is card.block), None)
        if index is None:
            return None
        place = relocate(texts, text, index)
        return place if place is not None and place.block == index else None

    def _before_ok(self, card: Card) -> bool:
        block = card.cursor.block()
        offset = card.cursor.position() - block.position()
        return block.text()[max(0, offset - len(card.before)):offset] == card.before

    # ----- deciding ---------------------------------------------------------------------
    def decide(self, ids: list[str] | None, accept: bool) -> bool:
        from drafter.corpus.docx_review import decide  # the Word reader: when first used

        if self.draft.review is None or not self.draft.review.revisions:
            return False
        try:
            result = decide(self.draft, ids, accept)
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return False
        count = len(self.draft.review.revisions) if ids is None else len(ids)
        self.apply(result, f"{'接受' if accept else '拒绝'} {count} 处修订")
        return True

    def resolve(self, card: Card) -> None:
        """解决 / 重新打开 a comment: a comment marked done is kept (greyed) but not written back
        when the draft is exported to Word; the draft's text is not touched (no undo step: the
        same button opens it again)."""
        review = self.draft.review
        if review is None or not card.is_comment:
            return
        done = not card.item.resolved
        self.draft.review = review.with_comment_done(card.item.id, done)
        self.review = self.draft.review
        card.item = next(c for c in self.review.comments if c.id == card.item.id)
        self.summary.setText(f"审阅稿：{self.review.summary()}")
        self.editor.edited.emit(False)     # the draft changed (saved with it): the window's one edit hook
        self.editor.message("批注已标为已解决，导出 Word 时不再写回" if done else "批注已重新打开")
        self._mark()
        self.canvas.update()

    def card(self, key: tuple[str, str]) -> Card | None:
        return next((c for c in self.cards if c.key == key), None)



def keep_review_in_step(editor, before: Review | None, after: Review | None) -> None:
    """The undo step just made (an accept or reject) also restores the draft's pending
    marks: undo puts ``before`` back, redo ``after`` (the editor restores a step's fields)."""
    step = editor.steps.get(editor.document().availableUndoSteps())
    if step is not None:
        step.meta["review"] = (before, after)
