"""查找替换: a bar under the draft (Ctrl+F / Ctrl+H), the usual way a writer turns last
year's speech into this year's (XX市 → 临江市, 2023年 → 2024年).

Matching is ``drafter.editing.find`` on the Draft; the bar selects each match in the editor.
Replacing one match is an ordinary edit; 全部替换 is one undo step (Ctrl+Z).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from drafter.editing.find import Match, find_all, next_match


class FindBar(QWidget):
    replaced_all = Signal(str, str)     # needle, replacement: the window does it (one undo step)

    def __init__(self, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("查找")
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(lambda _t: self.update_count())
        self.replace_edit = QLineEdit()
        self.replace_edit.setPlaceholderText("替换为")
        self.count = QLabel()
        buttons = [("上一个", lambda: self.find_next(backwards=True)), ("下一个", self.find_next),
                   ("替换", self.replace_one), ("全部替换", self.replace_everything), ("关闭", self.close_bar)]
        layout.addWidget(self.find_edit, 2)
        layout.addWidget(self.replace_edit, 2)
        for label, slot in buttons:
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, s=slot: s())
            layout.addWidget(button)
        layout.addWidget(self.count)

    def open(self, replace: bool = False) -> None:
        self.show()
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.find_edit.selectAll()
        self.update_count()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()

    def keyPressEvent(self, event) -> None:  # Qt override
        if event.key() == Qt.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def update_count(self) -> int:
        n = len(find_all(self.editor.draft, self.find_edit.text()))
        self.count.setText(f"共 {n} 处" if self.find_edit.text() else "")
        return n

    def find_next(self, backwards: bool = False) -> Match | None:
        matches = find_all(self.editor.draft, self.find_edit.text())
        cursor = self.editor.textCursor()
        qblock = cursor.document().findBlock(cursor.selectionStart() if backwards else cursor.selectionEnd())
        position = (cursor.selectionStart() if backwards else cursor.selectionEnd()) - qblock.position()
        match = next_match(matches, qblock.blockNumber(), position, backwards)
        if match is None:
            self.count.setText("未找到")
            return None
        self.editor.select_span(match.block, match.start, match.end)
        return match

    def replace_one(self) -> bool:
        """Replace the selected match, then go to the next one."""
        needle = self.find_edit.text()
        cursor = self.editor.textCursor()
        if needle and cursor.selectedText() == needle:
            cursor.insertText(self.replace_edit.text())
            self.update_count()
            self.find_next()
            return True
        self.find_next()
        return False

    def replace_everything(self) -> None:
        if self.find_edit.text():
            self.replaced_all.emit(self.find_edit.text(), self.replace_edit.text())
            self.update_count()
