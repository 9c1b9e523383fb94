"""Mark what the writer still has to fill in (*, **, XX, X月X日, ××, {{ }}, 【】 …) in yellow, so
a placeholder left from last year's speech or a template is seen before the draft goes up.
The spans are the placeholder check's own (``core.placeholders``, from the patterns in
``core.vocab``), so what is marked is what 审校 reports.
``finding_format`` underlines the spans of 审校 findings (extra selections of the editor)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat

from drafter.core.placeholders import placeholder_spans


class PlaceholderHighlighter(QSyntaxHighlighter):
    def __init__(self, document):
        super().__init__(document)
        self.format = QTextCharFormat()
        self.format.setBackground(QColor("#ffe58a"))
        self.format.setToolTip("待填写")

    def highlightBlock(self, text: str) -> None:  # Qt override
        for start, end, _certain, _what in placeholder_spans(text):
            self.setFormat(start, end - start, self.format)


FINDING_COLOURS = {"error": "#d0021b", "warning": "#e08a00", "info": "#4a7fb5"}


def finding_format(severity: str) -> QTextCharFormat:
    """A wavy underline for a 审校 finding's span, coloured by severity."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
    fmt.setUnderlineColor(QColor(FINDING_COLOURS.get(severity, FINDING_COLOURS["info"])))
    return fmt
