"""The centre of the window: every block of the draft, one row each, in one scrolling page.

A heading row shows its derived marker (not editable: numbers follow the outline), the
heading sentence and, under it, the run-in body.  A paragraph row is one text box.  Typing
writes straight into the ``Block``; Enter splits a block, Backspace at the start joins it
to the one before, and pasting several lines makes several paragraphs.  Moves, promotions
and deletions are done on the ``Draft`` by the window, which then calls ``rebuild``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from drafter.core.markers import DEFAULT_STYLES, STYLE_CHOICES
from drafter.core.model import Block, Draft
from drafter.core.vocab import ROLE_TITLES
from drafter.gui.highlight import finding_format
from drafter.gui.text_edit import AutoTextEdit

logger = logging.getLogger(__name__)

ROLE_NAMES = ROLE_TITLES

BODY_FAMILIES = ["FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC",
                 "AR PL SungtiL GB", "SimSun", "Noto Sans CJK SC"]
HEADING_FAMILIES = {
    1: ["SimHei", "黑体", "Noto Sans CJK SC", "WenQuanYi Zen Hei"],
    2: ["KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "AR PL KaitiM GB", "Noto Serif CJK SC"],
}
# One style sheet for the whole page (a sheet per row makes building rows slow).
PAGE_STYLE = """
#page { background: white; }
BlockRow { background: transparent; border-left: 3px solid transparent; }
BlockRow[current="true"] { background: #f7f3e6; border-left: 3px solid #b8860b; }
AutoTextEdit { background: transparent; }
QLabel#marker { color: #8a1c1c; padding-top: 3px; }
"""


def block_font(block: Block, size: int = 14) -> QFont:
    font = QFont()
    if block.is_heading:
        font.setFamilies(HEADING_FAMILIES.get(block.level, BODY_FAMILIES))
        font.setPointSize(size + {1: 1, 2: 2}.get(block.level, 0))  # 楷体 looks small
        font.setBold(block.level != 2)
    else:
        font.setFamilies(BODY_FAMILIES)
        font.setPointSize(size)
    return font


class BlockRow(QFrame):
    """One block: marker, heading sentence (or paragraph text) and run-in body."""

    def __init__(self, block: Block, marker: str, font_size: int = 14, parent: QWidget | None = None):
        super().__init__(parent)
        self.block = block
        self._shape = (block.kind, block.level)
        self.setObjectName("headingRow" if block.is_heading else "paragraphRow")
        layout = QHBoxLayout(self)
        indent = (block.level - 1) * 18 if block.is_heading else 0
        layout.setContentsMargins(6 + indent, 2, 6, 2)
        layout.setSpacing(4)
        self.marker = QLabel(marker)
        self.marker.setFont(block_font(block, font_size))
        self.marker.setAlignment(Qt.AlignRight | Qt.AlignTop)
        self.marker.setMinimumWidth(52)
        self.marker.setSizePolicy(QSizePolicy.Minimum, QSizePolicy.Preferred)
        self.marker.setObjectName("marker")
        layout.addWidget(self.marker)
        column = QVBoxLayout()
        column.setSpacing(0)
        column.setContentsMargins(0, 0, 0, 0)
        placeholder = "标题句" if block.is_heading else "正文段落"
        self.text_edit = AutoTextEdit(block.text, placeholder)
        self.text_edit.setFont(block_font(block, font_size))
        self.text_edit.edited.connect(self._text_edited)
        column.addWidget(self.text_edit)
        self.body_edit: AutoTextEdit | None = None
        if block.is_heading:
            self.body_edit = AutoTextEdit(block.body, "（与标题同段的正文，可留空）")
            self.body_edit.setFont(block_font(Block.paragraph(""), font_size))
            self.body_edit.edited.connect(self._body_edited)
            self.body_edit.setVisible(bool(block.body))
            column.addWidget(self.body_edit)
        layout.addLayout(column, 1)
        self.update_tooltip()

    def update_tooltip(self) -> None:
        block = self.block
        kind = f"标题（第 {block.level} 级）" if block.is_heading else "段落"
        self.setToolTip(f"{kind} · {ROLE_NAMES.get(block.role, block.role)}（右键可修改）")

    def set_current(self, current: bool) -> None:
        """The current row is highlighted and shows its (possibly empty) run-in body box;
        other headings show the body box only when there is a body."""
        if bool(self.property("current")) != current:
            self.setProperty("current", current)
            self.style().unpolish(self)
            self.style().polish(self)
        if self.body_edit is not None:
            self.body_edit.setVisible(current or bool(self.block.body))

    @property
    def shape(self) -> tuple[str, int]:
        """What the row was built for; a block of another shape needs a new row."""
        return self._shape

    def sync_text(self) -> None:
        """Show text the model changed behind the row's back (announced counts …)."""
        for edit, value in ((self.text_edit, self.block.text), (self.body_edit, self.block.body)):
            if edit is not None and edit.toPlainText() != value:
                edit.blockSignals(True)
                edit.setPlainText(value)
                edit.blockSignals(False)
        if self.body_edit is not None and self.block.body:
            self.body_edit.setVisible(True)

    def edit(self, part: str) -> AutoTextEdit:
        return self.body_edit if part == "body" and self.body_edit is not None else self.text_edit

    def _text_edited(self, text: str) -> None:
        self.block.text = text

    def _body_edited(self, text: str) -> None:
        self.block.body = text


class DraftEditor(QScrollArea):
    changed = Signal()              # text typed into a block
    structure_changed = Signal()    # blocks split, joined or pasted in
    current_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, font_size: int = 14):
        super().__init__(parent)
        self.font_size = font_size
        self.draft = Draft()
        self.rows: list[BlockRow] = []
        self._highlighted: BlockRow | None = None
        self.marks: dict[object, tuple[BlockRow, str, QTextCursor]] = {}   # see mark_findings
        self.current = 0
        self.current_part = "text"
        self.setWidgetResizable(True)
        self.page = QWidget()
        self.page.setObjectName("page")
        self.page.setStyleSheet(PAGE_STYLE)
        self.column = QVBoxLayout(self.page)
        self.column.setContentsMargins(24, 12, 24, 24)
        self.column.setSpacing(2)
        self.column.addStretch(1)
        self.setWidget(self.page)

    # ----- building -------------------------------------------------------------------
    def set_draft(self, draft: Draft) -> None:
        self.draft = draft
        self.current = 0
        self.marks = {}
        self.rebuild()

    def rebuild(self, focus: int | None = None, part: str = "text", position: int = -1) -> None:
        """Bring the rows in line with the draft after a structural change.  A row whose
        block is still there (same object, same kind and level) is kept and moved; only
        new or reshaped blocks get new rows, so moving a section costs little."""
        self.page.setUpdatesEnabled(False)
        try:
            old = {id(row.block): row for row in self.rows}
            markers = self.draft.markers()
            rows: list[BlockRow] = []
            for i, block in enumerate(self.draft.blocks):
                row = old.get(id(block))
                if row is not None and row.block is block and row.shape == (block.kind, block.level):
                    del old[id(block)]
                    row.sync_text()
                    if row.marker.text() != markers[i]:
                        row.marker.setText(markers[i])
                else:
                    row = BlockRow(block, markers[i], self.font_size)
                    self._connect(row)
                rows.append(row)
            for row in old.values():
                self.column.removeWidget(row)
                row.hide()
                row.setParent(None)
                row.deleteLater()
            for i, row in enumerate(rows):
                item = self.column.itemAt(i)
                if item is None or item.widget() is not row:
                    if self.column.indexOf(row) >= 0:
                        self.column.removeWidget(row)
                    self.column.insertWidget(i, row)
                    row.show()  # the layout would only show it on the next event-loop pass
            self.rows = rows
        finally:
            self.page.setUpdatesEnabled(True)
        if self.rows:
            target = min(focus if focus is not None else self.current, len(self.rows) - 1)
            self.current = max(target, 0)
            if focus is not None:
                self.focus_block(self.current, part, position)

    def refresh_markers(self) -> None:
        for row, marker in zip(self.rows, self.draft.markers()):
            row.marker.setText(marker)

    def _connect(self, row: BlockRow) -> None:
        for part, edit in (("text", row.text_edit), ("body", row.body_edit)):
            if edit is None:
                continue
            edit.edited.connect(lambda _text: self.changed.emit())
            edit.focused.connect(lambda r=row, p=part: self._row_focused(r, p))
            edit.split_requested.connect(lambda pos, r=row, p=part: self.split(self.rows.index(r), p, pos))
            edit.join_requested.connect(lambda r=row, p=part: self.join(self.rows.index(r), p))
            edit.leave_requested.connect(lambda step, r=row, p=part: self.step(self.rows.index(r), p, step))
            edit.menu_builder = lambda menu, r=row: self._block_menu(menu, r)
            edit.lines_pasted.connect(lambda lines, r=row, p=part, e=edit:
                                      self.paste_lines(self.rows.index(r), p, e.textCursor().position(), lines))

    # ----- current block --------------------------------------------------------------
    def _row_focused(self, row: BlockRow, part: str | None = None) -> None:
        if part is not None:
            self.current_part = part
        index = self.rows.index(row)
        if self._highlighted is not None and self._highlighted is not row and self._highlighted in self.rows:
            self._highlighted.set_current(False)
        self._highlighted = row
        row.set_current(True)
        if index != self.current:
            self.current = index
            self.current_changed.emit(index)

    def current_index(self) -> int:
        return min(self.current, len(self.draft.blocks) - 1)

    def focus_block(self, index: int, part: str = "text", position: int = -1) -> None:
        if not 0 <= index < len(self.rows):
            return
        self.current = index
        row = self.rows[index]
        edit = row.edit(part)
        edit.setFocus(Qt.OtherFocusReason)
        edit.set_cursor(position)
        self._row_focused(row, "body" if edit is row.body_edit else "text")
        # let the layout settle before scrolling to a freshly built row
        QTimer.singleShot(0, lambda r=row: self.ensureWidgetVisible(r, 0, 60) if r in self.rows else None)
        self.current_changed.emit(index)

    def _span_cursor(self, index: int, start: int, end: int | None) -> tuple[str, QTextCursor]:
        """The part ("text"/"body") and a cursor selecting ``start:end`` of block ``index``'s
        ``text + body``; a span running from the heading sentence into the body is cut at
        the sentence's end."""
        row = self.rows[index]
        head = len(row.block.text)
        part = "body" if start >= head and row.body_edit is not None and row.block.body else "text"
        offset = head if part == "body" else 0
        edit = row.edit(part)
        length = len(edit.toPlainText())
        begin = min(max(start - offset, 0), length)
        stop = min(max((end if end is not None else start) - offset, begin), length)
        cursor = QTextCursor(edit.document())
        cursor.setPosition(begin)
        cursor.setPosition(stop, QTextCursor.KeepAnchor)
        return part, cursor

    def select_span(self, index: int, start: int | None, end: int | None) -> bool:
        """Select characters ``start:end`` of block ``index``'s ``text + body`` (a finding's
        span) and scroll to them.  No span: put the cursor at the block's start."""
        if not 0 <= index < len(self.rows):
            return False
        if start is None:
            self.focus_block(index, "text", 0)
            return True
        part, cursor = self._span_cursor(index, start, end)
        self._select(self.rows[index], part, cursor)
        return True

    def _select(self, row: BlockRow, part: str, cursor: QTextCursor) -> None:
        self.focus_block(self.rows.index(row), part, cursor.selectionStart())
        edit = row.edit(part)
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()
        QTimer.singleShot(0, lambda r=row, e=edit: self._scroll_to_cursor(r, e) if r in self.rows else None)

    def mark_findings(self, marks: list[tuple[object, int, int, int | None, str]]) -> None:
        """Underline the spans of findings: (key, block index, start, end, severity) each.
        The underlines move with the text as the user types; ``select_mark(key)`` selects a
        span where it is now.  An empty list clears them."""
        for row in self.rows:
            for edit in (row.text_edit, row.body_edit):
                if edit is not None and edit.extraSelections():
                    edit.setExtraSelections([])
        self.marks = {}
        per_edit: dict[int, tuple[AutoTextEdit, list]] = {}
        for key, index, start, end, severity in marks:
            if not 0 <= index < len(self.rows) or start is None:
                continue
            part, cursor = self._span_cursor(index, start, end)
            if not cursor.hasSelection():
                continue
            row = self.rows[index]
            self.marks[key] = (row, part, cursor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = finding_format(severity)
            per_edit.setdefault(id(row.edit(part)), (row.edit(part), []))[1].append(selection)
        for edit, selections in per_edit.values():
            edit.setExtraSelections(selections)

    def select_mark(self, key: object) -> bool:
        """Select a marked finding's span where the text now has it; False when its row is
        gone or its text was deleted."""
        mark = self.marks.get(key)
        if mark is None:
            return False
        row, part, cursor = mark
        if row not in self.rows or cursor.isNull() or not cursor.hasSelection():
            return False
        self._select(row, part, QTextCursor(cursor))
        return True

    def _scroll_to_cursor(self, row: BlockRow, edit: AutoTextEdit) -> None:
        """Scroll the page so the selected text (not only the top of a long paragraph) shows."""
        rect = edit.cursorRect()
        point = edit.viewport().mapTo(self.page, rect.center())
        self.ensureVisible(point.x(), point.y(), 0, max(60, self.viewport().height() // 3))

    # ----- per-block settings (context menu) -----------------------------------------
    def _block_menu(self, menu, row: BlockRow) -> None:
        block = row.block
        roles = menu.addMenu("所属部分")
        for role, name in ROLE_NAMES.items():
            action = roles.addAction(name)
            action.setCheckable(True)
            action.setChecked(block.role == role)
            action.triggered.connect(lambda _c=False, r=row, v=role: self.set_role(self.rows.index(r), v))
        if not block.is_heading:
            return
        styles = menu.addMenu("本条编号样式")
        level_style = self.draft.numbering.get(block.level) or DEFAULT_STYLES[block.level]
        choices = [(None, f"跟随第{'一二三四'[block.level - 1]}级（{level_style}）")]
        choices += [(style, style) for style in STYLE_CHOICES]
        for style, label in choices:
            action = styles.addAction(label)
            action.setCheckable(True)
            action.setChecked(block.style == style)
            action.triggered.connect(lambda _c=False, r=row, v=style: self.set_style(self.rows.index(r), v))

    def set_role(self, index: int, role: str) -> None:
        """Which part of the speech a block belongs to (for phrase suggestions and checks)."""
        block = self.draft.blocks[index]
        if block.role != role:
            block.role = role
            self.rows[index].update_tooltip()
            self.changed.emit()
            self.current_changed.emit(index)

    def set_style(self, index: int, style: str | None) -> None:
        """A numbering style for this heading only (一是 under one point, 一要 under another);
        None follows the level's style."""
        block = self.draft.blocks[index]
        if block.style != style:
            block.style = style
            self.refresh_markers()
            self.structure_changed.emit()

    def step(self, index: int, part: str, direction: int) -> None:
        """Move the cursor into the text box before (-1, at its end) or after (+1, at its
        start) the one at ``index``/``part``."""
        boxes = [(i, p) for i, row in enumerate(self.rows)
                 for p, edit in (("text", row.text_edit), ("body", row.body_edit))
                 if edit is not None and (p == "text" or edit.isVisibleTo(self) or row.block.body
                                          or i == index)]
        here = boxes.index((index, part)) if (index, part) in boxes else None
        if here is None or not 0 <= here + direction < len(boxes):
            return
        target, target_part = boxes[here + direction]
        self.focus_block(target, target_part, -1 if direction < 0 else 0)

    def insert_text(self, text: str) -> None:
        """Type ``text`` at the cursor of the block being edited."""
        if not self.rows:
            return
        row = self.rows[self.current_index()]
        edit = row.edit(self.current_part)
        edit.setFocus(Qt.OtherFocusReason)
        edit.insertPlainText(text)

    # ----- text-level structure -------------------------------------------------------
    def split(self, index: int, part: str, position: int) -> None:
        """Enter: the text after the cursor becomes a new paragraph after this block."""
        block = self.draft.blocks[index]
        value = getattr(block, part)
        setattr(block, part, value[:position])
        rest = value[position:]
        if block.is_heading and part == "text" and block.body:
            rest, block.body = rest + block.body, ""
        self.draft.insert(index + 1, Block.paragraph(rest, block.role))
        self.rebuild(index + 1, "text", 0)
        self.structure_changed.emit()

    def join(self, index: int, part: str) -> None:
        """Backspace at the start of a paragraph: append it to the block before."""
        block = self.draft.blocks[index]
        if block.is_heading or index == 0:
            return
        before = self.draft.blocks[index - 1]
        target = "body" if before.is_heading else "text"
        joined_at = len(getattr(before, target))
        setattr(before, target, getattr(before, target) + block.text)
        del self.draft.blocks[index]
        self.rebuild(index - 1, target, joined_at)
        self.structure_changed.emit()

    def paste_lines(self, index: int, part: str, position: int, lines: list[str]) -> None:
        """Several pasted lines: the first joins the text at the cursor, each further line
        becomes a paragraph, and the text after the cursor follows the last one."""
        block = self.draft.blocks[index]
        value = getattr(block, part)
        before, after = value[:position], value[position:]
        setattr(block, part, before + lines[0])
        new = [Block.paragraph(line, block.role) for line in lines[1:]]
        last = len(new[-1].text)
        new[-1].text += after
        self.draft.blocks[index + 1:index + 1] = new
        self.rebuild(index + len(new), "text", last)
        self.structure_changed.emit()
