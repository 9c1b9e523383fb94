"""Mark what the writer still has to fill in (*, **, XX, X月X日, ××, {{ }}, 【】 …) in yellow, so
a placeholder left from last year's speech or a template is seen before the draft goes up.
The spans are the placeholder check's own (``core.placeholders``, from the patterns in
``core.vocab``), so what is marked is what 审校 reports.
``finding_format`` underlines the spans of 审校 findings (extra selections of the editor)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat

from drafter.core.placeholders import placeholder_spans

SEEN_LIMIT = 5000       # paragraphs whose placeholders are remembered


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Yellow under placeholders.  While a whole draft is being loaded (``defer``) nothing is
    marked; ``catch_up`` then marks the paragraphs that have placeholders from the top, a few
    at a time between events, so a long draft shows at once and its marks follow within
    moments.  Edited paragraphs are always marked as they change."""

    CHUNK = 25      # paragraphs looked at per step of the catch-up

    def __init__(self, document):
        super().__init__(document)
        self.format = QTextCharFormat()
        self.format.setBackground(QColor("#ffe58a"))
        self.format.setToolTip("待填写")
        self.deferred = False
        self.pending = False
        self._round = 0
        self._seen: dict[str, list[tuple[int, int]]] = {}

    def highlightBlock(self, text: str) -> None:  # Qt override
        if self.deferred:
            return
        for start, end in self.spans(text):
            self.setFormat(start, end - start, self.format)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The placeholders of a paragraph; remembered, since a move or an undo writes the
        same paragraphs again."""
        found = self._seen.get(text)
        if found is None:
            found = [(start, end) for start, end, _certain, _what in placeholder_spans(text)]
            if len(self._seen) >= SEEN_LIMIT:
                self._seen.clear()
            self._seen[text] = found
        return found

    def defer(self) -> None:
        self.deferred = True

    def catch_up(self) -> None:
        self.deferred = False
        self.pending = True
        self._round += 1
        self._step(self.document().begin(), self._round)

    def _step(self, block, round_: int) -> None:
        if round_ != self._round:
            return      # another draft was loaded meanwhile
        for _ in range(self.CHUNK):
            if not block.isValid():
                self.pending = False
                return
            if self.spans(block.text()):
                self.rehighlightBlock(block)
            block = block.next()
        QTimer.singleShot(0, self, lambda: self._step(block, round_))


FINDING_COLOURS = {"error": "#d0021b", "warning": "#e08a00", "info": "#4a7fb5"}


def finding_format(severity: str) -> QTextCharFormat:
    """A wavy underline for a 审校 finding's span, coloured by severity."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
    fmt.setUnderlineColor(QColor(FINDING_COLOURS.get(severity, FINDING_COLOURS["info"])))
    return fmt
