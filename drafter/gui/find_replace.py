"""查找替换: a bar under the draft (Ctrl+F / Ctrl+H), the usual way a writer turns last
year's speech into this year's (XX市 → 临江市, 2023年 → 2024年).

``find_all`` and ``replace_all`` work on the Draft (no Qt); the bar moves the cursor to
each match and selects it.  Replacing everything is one step that "撤销调整" can undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from drafter.core.model import Draft
from drafter.core.vocab import DRAFT_FIELDS

META = DRAFT_FIELDS


@dataclass(frozen=True)
class Match:
    block: int
    part: str      # "text" or "body"
    start: int
    end: int


def find_all(draft: Draft, needle: str) -> list[Match]:
    """Every occurrence of ``needle`` in the blocks, in reading order."""
    found: list[Match] = []
    if not needle:
        return found
    for i, block in enumerate(draft.blocks):
        for part in ("text", "body"):
            value = getattr(block, part)
            start = value.find(needle)
            while start >= 0:
                found.append(Match(i, part, start, start + len(needle)))
                start = value.find(needle, start + len(needle))
    return found


def replace_all(draft: Draft, needle: str, replacement: str) -> int:
    """Replace in the blocks and the title, speaker, date, occasion and salutation."""
    if not needle:
        return 0
    count = 0
    for key in META:
        value = getattr(draft, key)
        count += value.count(needle)
        setattr(draft, key, value.replace(needle, replacement))
    for block in draft.blocks:
        for part in ("text", "body"):
            value = getattr(block, part)
            count += value.count(needle)
            setattr(block, part, value.replace(needle, replacement))
    return count


def next_match(matches: list[Match], block: int, part: str, position: int, backwards: bool = False) -> Match | None:
    """The first match after (or before) a cursor, wrapping around."""
    if not matches:
        return None
    order = {"text": 0, "body": 1}
    here = (block, order[part], position)
    if backwards:
        before = [m for m in matches if (m.block, order[m.part], m.end) < here]
        return before[-1] if before else matches[-1]
    after = [m for m in matches if (m.block, order[m.part], m.start) >= here]
    return after[0] if after else matches[0]


class FindBar(QWidget):
    replaced_all = Signal(str, str)     # needle, replacement: the window does it (undoable)

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
                   ("替换", self.replace_one), ("全部替换", self.replace_everything), ("关闭", self.hide)]
        layout.addWidget(self.find_edit, 2)
        layout.addWidget(self.replace_edit, 2)
        for label, slot in buttons:
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, s=slot: s())
            layout.addWidget(button)
        layout.addWidget(self.count)

    def open(self, replace: bool = False) -> None:
        self.show()
        selected = self._current_edit().textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.find_edit.selectAll()
        self.update_count()

    def keyPressEvent(self, event) -> None:  # Qt override
        if event.key() == Qt.Key_Escape:
            self.hide()
            self.editor.focus_block(self.editor.current_index(), self.editor.current_part, -1)
            return
        super().keyPressEvent(event)

    def _current_edit(self):
        row = self.editor.rows[self.editor.current_index()]
        return row.edit(self.editor.current_part)

    def update_count(self) -> int:
        n = len(find_all(self.editor.draft, self.find_edit.text()))
        self.count.setText(f"共 {n} 处" if self.find_edit.text() else "")
        return n

    def find_next(self, backwards: bool = False) -> Match | None:
        matches = find_all(self.editor.draft, self.find_edit.text())
        if not self.editor.rows:
            return None
        cursor = self._current_edit().textCursor()
        position = cursor.selectionStart() if backwards else cursor.selectionEnd()
        match = next_match(matches, self.editor.current_index(), self.editor.current_part, position, backwards)
        if match is None:
            self.count.setText("未找到")
            return None
        self.editor.focus_block(match.block, match.part, match.start)
        edit = self.editor.rows[match.block].edit(match.part)
        cursor = edit.textCursor()
        cursor.setPosition(match.start)
        cursor.setPosition(match.end, QTextCursor.KeepAnchor)
        edit.setTextCursor(cursor)
        return match

    def replace_one(self) -> bool:
        """Replace the selected match, then go to the next one."""
        needle = self.find_edit.text()
        edit = self._current_edit()
        if needle and edit.textCursor().selectedText() == needle:
            edit.textCursor().insertText(self.replace_edit.text())
            self.update_count()
            self.find_next()
            return True
        self.find_next()
        return False

    def replace_everything(self) -> None:
        if self.find_edit.text():
            self.replaced_all.emit(self.find_edit.text(), self.replace_edit.text())
            self.update_count()
