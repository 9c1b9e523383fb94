"""Mark what the writer still has to fill in (**, XX, ××, {{ }}, 【】) in yellow, so a
placeholder left from last year's speech or a template is seen before the draft goes up."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat

PLACEHOLDER = re.compile(r"\*{2,}|＊{2,}|[XＸ×]{2,}|\{\{.*?\}\}|【[^】]*】")


class PlaceholderHighlighter(QSyntaxHighlighter):
    def __init__(self, document):
        super().__init__(document)
        self.format = QTextCharFormat()
        self.format.setBackground(QColor("#ffe58a"))
        self.format.setToolTip("待填写")

    def highlightBlock(self, text: str) -> None:  # Qt override
        for match in PLACEHOLDER.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.format)
