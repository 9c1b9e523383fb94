"""Mark what the writer still has to fill in (*, **, XX, X月X日, ××, {{ }}, 【】) in yellow, so a
placeholder left from last year's speech or a template is seen before the draft goes up."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat

PLACEHOLDER = re.compile(r"[*＊]+|[XＸ×]{2,}|(?<![A-Za-z])[XＸ](?=[年月日号个项家市县区])"
                         r"|\{\{.*?\}\}|【[^】]*】")


class PlaceholderHighlighter(QSyntaxHighlighter):
    def __init__(self, document):
        super().__init__(document)
        self.format = QTextCharFormat()
        self.format.setBackground(QColor("#ffe58a"))
        self.format.setToolTip("待填写")

    def highlightBlock(self, text: str) -> None:  # Qt override
        for match in PLACEHOLDER.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.format)
