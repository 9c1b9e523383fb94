"""The draft's own fields (title, speaker, date, occasion, salutation) and the numbering
style of each outline level."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from drafter.core.markers import DEFAULT_STYLES, STYLE_CHOICES
from drafter.core.model import MAX_LEVEL, Draft
from drafter.core.vocab import DRAFT_FIELDS, FIELD_LABELS

_HINTS = {"title": "如：市长在全市经济工作会议上的讲话", "speaker": "如：张三", "date": "如：2024年1月19日",
          "occasion": "如：全市经济工作会议", "salutation": "如：同志们："}
FIELDS = [(key, FIELD_LABELS[key], _HINTS[key]) for key in DRAFT_FIELDS]


class DraftForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.draft = Draft()
        self.edits: dict[str, QLineEdit] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(24, 8, 24, 4)
        for n, (key, label, hint) in enumerate(FIELDS):
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            edit.textEdited.connect(lambda text, k=key: self._edited(k, text))
            self.edits[key] = edit
            if key == "title":
                font = QFont()
                font.setPointSize(15)
                font.setBold(True)
                edit.setFont(font)
                layout.addWidget(QLabel(label), 0, 0)
                layout.addWidget(edit, 0, 1, 1, 5)
            else:
                row, col = 1 + (n - 1) // 2, ((n - 1) % 2) * 3
                layout.addWidget(QLabel(label), row, col)
                layout.addWidget(edit, row, col + 1, 1, 2)

    def set_draft(self, draft: Draft) -> None:
        self.draft = draft
        for key, edit in self.edits.items():
            edit.setText(getattr(draft, key))
            edit.setCursorPosition(0)

    def _edited(self, key: str, text: str) -> None:
        setattr(self.draft, key, text)
        self.changed.emit()


class NumberingPanel(QGroupBox):
    """One combo per level: 一、 / （一） / 1. / （1） or any other style the editor knows.
    A choice is reported (``style_picked``); the window makes it an undoable edit."""

    style_picked = Signal(int, str)     # level, style

    def __init__(self, parent: QWidget | None = None):
        super().__init__("编号样式", parent)
        self.draft = Draft()
        self.combos: dict[int, QComboBox] = {}
        layout = QFormLayout(self)
        for level in range(1, MAX_LEVEL + 1):
            combo = QComboBox()
            combo.addItems(STYLE_CHOICES)
            combo.currentTextChanged.connect(lambda text, lv=level: self._picked(lv, text))
            self.combos[level] = combo
            layout.addRow(f"第{'一二三四'[level - 1]}级", combo)

    def set_draft(self, draft: Draft) -> None:
        self.draft = draft
        for level, combo in self.combos.items():
            style = draft.numbering.get(level) or DEFAULT_STYLES[level]
            combo.blockSignals(True)
            if combo.findText(style) < 0:
                combo.addItem(style)
            combo.setCurrentText(style)
            combo.blockSignals(False)

    def _picked(self, level: int, style: str) -> None:
        if style and self.draft.numbering.get(level) != style:
            self.style_picked.emit(level, style)
