"""The centre of the window: the whole draft as one QTextDocument, one paragraph a Block.

The Draft stays the model every other part reads.  Each paragraph carries its Block as user
data and its kind, level, role and numbering style in its paragraph format (doc_format.py),
so the document's own undo brings structure back with the text.  The model follows the
document incrementally: ``contentsChange`` names the stretch that changed and only those
paragraphs are read again — never the whole draft per keystroke.

Edits that change structure (outline buttons, Enter, deleting or pasting across paragraphs)
are made on the Draft by ``drafter.editing`` and come back as one ``Change``; ``apply_change``
rewrites that stretch of the document inside one edit block, so each is one undo step, named
for the Edit menu (撤销“下移本节”).  This class is the ``EditorView`` the logic talks to.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QPainter, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from drafter.core.model import HEADING, Block, Draft
from drafter.editing.changes import Change
from drafter.gui import dialogs
from drafter.gui.doc_format import MARKER_COLOUR, P_HEAD, Formats, read_block_format
from drafter.gui.doc_writer import BlockData, move_paragraphs, refit, rewrite, write_draft
from drafter.gui.highlight import PlaceholderHighlighter, finding_format

logger = logging.getLogger(__name__)

TYPING = "键入"


@dataclass
class Step:
    """What one undo step did besides the text: its name and the draft's own fields and
    numbering styles before and after (they live outside the document)."""

    name: str
    meta: dict[str, tuple[str, str]] = field(default_factory=dict)
    numbering: tuple[dict, dict] | None = None


class DocumentView(QTextEdit):
    edited = Signal(bool)          # the model follows a change; True when the outline changed
    current_changed = Signal(int)  # the block the caret is in
    steps_changed = Signal()       # undo/redo names or availability
    status = Signal(str)           # a short note for the status bar
    meta_changed = Signal()        # title, speaker … or numbering styles changed by undo/redo

    def __init__(self, font_size: int = 14, parent: QWidget | None = None):
        super().__init__(parent)
        self.formats = Formats(font_size)
        self.draft = Draft()
        self.markers: list[str] = []
        self.steps: dict[int, Step] = {}       # undo count after a step -> the step
        self.marks: dict[object, QTextCursor] = {}
        self.layers: dict[str, list] = {}       # extra selections by who drew them (findings, review)
        self.current = 0
        self._quiet = False                     # the document is being written from the model
        self._replaying = False                 # undo/redo: whatever changes, refresh the outline
        self._pending: Step | None = None
        self._typing_name = TYPING
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(24)
        self.highlighter = PlaceholderHighlighter(self.document())
        self.document().contentsChange.connect(self._contents_changed)
        self.document().undoCommandAdded.connect(self._step_added)
        self.cursorPositionChanged.connect(self._cursor_moved)

    # ----- the narrow view the editing logic talks to ---------------------------------------
    def current_block(self) -> int:
        return min(self.textCursor().blockNumber(), len(self.draft.blocks) - 1)

    def confirm(self, question: str) -> bool:
        return dialogs.confirm(self, question)

    def message(self, text: str) -> None:
        self.status.emit(text)

    def apply_change(self, change: Change, name: str, join: bool = False) -> None:
        """Rewrite blocks ``change.start:change.old_end`` of the document as ``change.blocks``
        (already in the Draft) in one undo step named ``name``."""
        doc = self.document()
        draft = self.draft
        start, old_end = change.start, change.old_end
        count = len(change.blocks)
        new = list(change.blocks)
        if old_end == start or not new:    # always rewrite at least one paragraph
            if old_end < doc.blockCount():
                new.append(draft.blocks[start + count])
                old_end += 1
            else:
                start -= 1
                new.insert(0, draft.blocks[start])
        markers = draft.markers()
        cursor = QTextCursor(doc)
        self._pending = Step(name, dict(change.meta), change.numbering)
        self._quiet = True
        if join:
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        try:
            if not move_paragraphs(doc, self.formats, draft, start, old_end, new, markers):
                rewrite(doc, self.formats, cursor, start, old_end, new, markers)
            refit(doc, self.formats, draft, markers, cursor, self.markers, (start, start + len(new), old_end))
        finally:
            cursor.endEditBlock()
            self._quiet = False
            self._pending = None
        if doc.blockCount() != len(draft.blocks):   # never expected: rebuild from the model
            logger.error("document out of step (%d paragraphs, %d blocks)", doc.blockCount(), len(draft.blocks))
            self.set_draft(draft)
        self.markers = markers
        self.viewport().update()
        self.focus_block(change.focus, change.offset or 0)
        if change.meta or change.numbering:
            self.meta_changed.emit()
        self.edited.emit(True)

    # ----- building -----------------------------------------------------------------------
    def set_draft(self, draft: Draft) -> None:
        """Show ``draft``: the document is written afresh and its undo history starts empty."""
        self.draft = draft
        doc = self.document()
        self._quiet = True
        self.highlighter.defer()
        doc.setUndoRedoEnabled(False)
        try:
            markers = write_draft(doc, self.formats, draft)
        finally:
            doc.setUndoRedoEnabled(True)
            self._quiet = False
        self.highlighter.catch_up()
        self.markers = markers
        self.steps = {}
        self.marks = {}
        self.set_layer("findings", [])
        cursor = self.textCursor()
        cursor.setPosition(0)
        self.setTextCursor(cursor)
        self.current = 0
        self.current_changed.emit(0)
        self.steps_changed.emit()

    # ----- the model follows the document ---------------------------------------------------
    def _contents_changed(self, position: int, removed: int, added: int) -> None:
        if self._quiet:
            return
        doc = self.document()
        old_count, new_count = len(self.draft.blocks), doc.blockCount()
        first = doc.findBlock(position)
        last = doc.findBlock(min(position + added, max(doc.characterCount() - 1, 0)))
        if not first.isValid() or not last.isValid():
            first, last = doc.begin(), doc.lastBlock()
        a, b = first.blockNumber(), last.blockNumber()
        old_b = b - (new_count - old_count)
        if old_b < a - 1 or old_b >= old_count:
            first, last, a, b, old_b = doc.begin(), doc.lastBlock(), 0, new_count - 1, old_count - 1
        shape = [(x.kind, x.level, x.style) for x in self.draft.blocks[a:old_b + 1]]
        claimed: set[int] = set()
        fresh = []
        qblock = first
        while qblock.isValid():
            fresh.append(self._read(qblock, claimed))
            if qblock == last:
                break
            qblock = qblock.next()
        self.draft.blocks[a:old_b + 1] = fresh
        structural = self._replaying or shape != [(x.kind, x.level, x.style) for x in fresh]
        if structural:
            self.markers = self.draft.markers()
            self.viewport().update()
        self.edited.emit(structural)

    def _read(self, qblock, claimed: set[int]) -> Block:
        data = qblock.userData()
        block = data.block if isinstance(data, BlockData) and id(data.block) not in claimed else None
        if block is None:
            block = Block()
            qblock.setUserData(BlockData(block))
        claimed.add(id(block))
        block.kind, block.level, block.role, block.style = read_block_format(qblock.blockFormat())
        text = qblock.text()
        if block.kind == HEADING:
            head = 0
            for run in qblock.textFormats():
                if run.start != head or run.format.property(P_HEAD) is not True:
                    break
                head = run.start + run.length
            block.text, block.body = text[:head], text[head:]
        else:
            block.text, block.body = text, ""
        return block

    # ----- undo ---------------------------------------------------------------------------
    def _step_added(self) -> None:
        count = self.document().availableUndoSteps()
        for key in [k for k in self.steps if k >= count]:
            del self.steps[key]
        self.steps[count] = self._pending or Step(self._typing_name)
        self.steps_changed.emit()

    def undo_name(self) -> str | None:
        count = self.document().availableUndoSteps()
        if not count:
            return None
        key = max((k for k in self.steps if k <= count), default=None)
        return self.steps[key].name if key is not None else TYPING

    def redo_name(self) -> str | None:
        if not self.document().isRedoAvailable():
            return None
        count = self.document().availableUndoSteps()
        key = min((k for k in self.steps if k > count), default=None)
        return self.steps[key].name if key is not None else TYPING

    def undo_step(self) -> bool:
        doc = self.document()
        if not doc.isUndoAvailable():
            self.message("没有可撤销的操作")
            return False
        count = doc.availableUndoSteps()
        key = max((k for k in self.steps if k <= count), default=None)
        self._replaying = True
        try:
            doc.undo()
        finally:
            self._replaying = False
        if key is not None:
            self._restore(self.steps[key], 0)
        self.steps_changed.emit()
        return True

    def redo_step(self) -> bool:
        doc = self.document()
        if not doc.isRedoAvailable():
            self.message("没有可重做的操作")
            return False
        count = doc.availableUndoSteps()
        key = min((k for k in self.steps if k > count), default=None)
        self._replaying = True
        try:
            doc.redo()
        finally:
            self._replaying = False
        if key is not None:
            self._restore(self.steps[key], 1)
        self.steps_changed.emit()
        return True

    def _restore(self, step: Step, side: int) -> None:
        """The fields and numbering styles as they were before (0) or after (1) ``step``."""
        if not step.meta and step.numbering is None:
            return
        for key, values in step.meta.items():
            setattr(self.draft, key, values[side])
        if step.numbering is not None:
            self.draft.numbering = dict(step.numbering[side])
        self.markers = self.draft.markers()
        self.viewport().update()
        self.meta_changed.emit()
        self.edited.emit(True)

    # ----- caret and selection ------------------------------------------------------------
    def _cursor_moved(self) -> None:
        index = self.textCursor().blockNumber()
        if index != self.current:
            self.current = index
            self.current_changed.emit(index)

    def current_index(self) -> int:
        return self.current_block()

    def focus_block(self, index: int, offset: int = 0) -> None:
        """Put the caret in block ``index`` at ``offset`` (-1: its end) and show it."""
        doc = self.document()
        index = max(0, min(index, doc.blockCount() - 1))
        qblock = doc.findBlockByNumber(index)
        length = qblock.length() - 1
        offset = length if offset < 0 else min(offset, length)
        cursor = self.textCursor()
        cursor.setPosition(qblock.position() + offset)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()
        self._cursor_moved()

    def select_span(self, index: int, start: int | None, end: int | None) -> bool:
        """Select characters ``start:end`` of block ``index`` (offsets into text + body)."""
        if not 0 <= index < self.document().blockCount():
            return False
        if start is None:
            self.focus_block(index, 0)
            return True
        qblock = self.document().findBlockByNumber(index)
        length = qblock.length() - 1
        cursor = self.textCursor()
        cursor.setPosition(qblock.position() + min(start, length))
        cursor.setPosition(qblock.position() + min(max(end if end is not None else start, start), length),
                           QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()
        return True

    # ----- 审校 underlines ----------------------------------------------------------------
    def mark_findings(self, marks: list[tuple[object, int, int, int | None, str]]) -> None:
        """Wavy underlines under findings' spans: (key, block, start, end, severity) each.
        The underlines are cursors of the document, so they move with the text."""
        doc = self.document()
        self.marks = {}
        selections = []
        for key, index, start, end, severity in marks:
            if not 0 <= index < doc.blockCount() or start is None:
                continue
            qblock = doc.findBlockByNumber(index)
            length = qblock.length() - 1
            cursor = QTextCursor(doc)
            cursor.setPosition(qblock.position() + min(start, length))
            cursor.setPosition(qblock.position() + min(end if end is not None else start, length),
                               QTextCursor.KeepAnchor)
            if not cursor.hasSelection():
                continue
            self.marks[key] = cursor
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = finding_format(severity)
            selections.append(selection)
        self.set_layer("findings", selections)

    def set_layer(self, name: str, selections: list) -> None:
        """Extra selections drawn by one part (审校 underlines, a reviewer's marks): each part
        replaces its own and keeps the others'."""
        self.layers[name] = selections
        self.setExtraSelections([s for layer in self.layers.values() for s in layer])

    def select_mark(self, key: object) -> bool:
        cursor = self.marks.get(key)
        if cursor is None or not cursor.hasSelection():
            return False
        self.setTextCursor(QTextCursor(cursor))
        self.ensureCursorVisible()
        self.setFocus()
        return True

    # ----- numbers painted in the indent --------------------------------------------------
    def paintEvent(self, event) -> None:  # Qt override
        super().paintEvent(event)
        if not self.markers:
            return
        doc = self.document()
        layout = doc.documentLayout()
        dx = self.horizontalScrollBar().value()
        dy = self.verticalScrollBar().value()
        area = event.rect()        # a keystroke repaints its own paragraph only
        top_y, bottom = area.top() + dy, area.bottom()
        painter = QPainter(self.viewport())
        painter.setPen(MARKER_COLOUR)
        qblock = self._block_at(top_y)
        count = len(self.markers)
        while qblock.isValid():
            rect = layout.blockBoundingRect(qblock)
            top = rect.top() - dy
            if top > bottom:
                break
            n = qblock.blockNumber()
            marker = self.markers[n] if n < count else ""
            line = qblock.layout().lineAt(0) if marker else None
            if line is not None and line.isValid():
                level = self.draft.blocks[n].level if n < len(self.draft.blocks) else 1
                painter.setFont(self.formats.head_fonts[min(max(level, 1), 4)])
                x = rect.left() + qblock.blockFormat().leftMargin() + self.formats.indent - dx
                painter.drawText(QPointF(x, top + line.y() + line.ascent()), marker)
            qblock = qblock.next()
        painter.end()

    def _block_at(self, y: float):
        """The paragraph at document height ``y`` (a binary search over the laid-out
        paragraphs: cheaper than Qt's hit test, which also finds the character)."""
        doc = self.document()
        layout = doc.documentLayout()
        low, high = 0, doc.blockCount() - 1
        while low < high:
            mid = (low + high) // 2
            if layout.blockBoundingRect(doc.findBlockByNumber(mid)).bottom() < y:
                low = mid + 1
            else:
                high = mid
        return doc.findBlockByNumber(low)
