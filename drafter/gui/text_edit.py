"""A plain-text box that grows with its text, for one paragraph or heading of a draft.

Enter does not insert a line break: it asks the editor to split the block at the cursor
(``split_requested``).  Backspace at the very start asks to join it with the block before
(``join_requested``).  Pasting several lines asks the editor to make one block of each line
(``lines_pasted``).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from drafter.gui.highlight import PlaceholderHighlighter


class AutoTextEdit(QTextEdit):
    split_requested = Signal(int)       # cursor position
    join_requested = Signal()
    leave_requested = Signal(int)       # -1: go to the block before, +1: the block after
    lines_pasted = Signal(list)         # the pasted lines; the first goes in at the cursor
    focused = Signal()
    edited = Signal(str)

    def __init__(self, text: str = "", placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.menu_builder = None   # callable(menu) adding block actions to the context menu
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.WidgetWidth)
        self.setFrameShape(QFrame.NoFrame)
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setPlaceholderText(placeholder)
        self.highlighter = PlaceholderHighlighter(self.document())
        self.setPlainText(text)
        self.document().setDocumentMargin(2)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.textChanged.connect(lambda: self.edited.emit(self.toPlainText()))
        self._fit()

    def _fit(self, *_args) -> None:
        height = int(self.document().size().height()) + 2 * self.frameWidth() + 2
        self.setFixedHeight(max(height, self.fontMetrics().lineSpacing() + 8))

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit()

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt override
        super().focusInEvent(event)
        self.focused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.split_requested.emit(self.textCursor().position())
            return
        cursor = self.textCursor()
        if (event.key() == Qt.Key_Backspace and cursor.position() == 0
                and not cursor.hasSelection()):
            self.join_requested.emit()
            return
        if event.modifiers() in (Qt.NoModifier, Qt.KeypadModifier) and not cursor.hasSelection():
            direction = self._leaving(event.key(), cursor)
            if direction:
                self.leave_requested.emit(direction)
                return
        super().keyPressEvent(event)

    def _leaving(self, key: int, cursor: QTextCursor) -> int:
        """Arrow keys run on into the next block, as in one continuous document."""
        at_end = cursor.position() == len(self.toPlainText())
        if key == Qt.Key_Left and cursor.position() == 0:
            return -1
        if key == Qt.Key_Right and at_end:
            return 1
        if key in (Qt.Key_Up, Qt.Key_Down):
            probe = QTextCursor(cursor)
            moved = probe.movePosition(QTextCursor.Up if key == Qt.Key_Up else QTextCursor.Down)
            if not moved:
                return -1 if key == Qt.Key_Up else 1
        return 0

    def insertFromMimeData(self, source: QMimeData) -> None:  # Qt override
        text = source.text().replace("\r\n", "\n").replace("\r", "\n")
        lines = [line.strip() for line in text.split("\n")]
        lines = [line for line in lines if line]
        if len(lines) > 1:
            self.lines_pasted.emit(lines)
            return
        self.insertPlainText(lines[0] if lines else "")

    def context_menu(self):
        """The usual edit menu plus what the editor adds for the block (``menu_builder``)."""
        menu = self.createStandardContextMenu()
        if self.menu_builder is not None:
            menu.addSeparator()
            self.menu_builder(menu)
        return menu

    def contextMenuEvent(self, event) -> None:  # Qt override
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def set_cursor(self, position: int) -> None:
        cursor = self.textCursor()
        if position < 0:
            cursor.movePosition(QTextCursor.End)
        else:
            cursor.setPosition(min(position, len(self.toPlainText())))
        self.setTextCursor(cursor)
