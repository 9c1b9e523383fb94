"""Typing, the clipboard and the context menu of the one-document editor.

Edits inside one paragraph are Qt's own (fast, and consecutive typing undoes as one step).
Whatever crosses a paragraph boundary — Enter, Backspace at a paragraph's start, Delete at
its end, deleting, cutting, typing or an input method's commit over a selection of several
paragraphs, pasting several lines, a drag — is done on the Draft by ``drafter.editing.spans``
and shown through ``apply_change``: one undo step, Word's merge rule, numbers re-derived.

Copy puts plain text with the markers on the clipboard (Ctrl+A, Ctrl+C: the whole speech as
复制全文 writes it) and the blocks themselves for pasting back here.  Pasting text from
elsewhere: one line goes in at the caret; several lines that look like an outline become
headings (the parser decides), other lines paragraphs.  Binary data, HTML without text and
more than ``MAX_PASTE_CHARS`` characters are refused with a message.
"""

from __future__ import annotations

import atexit
import logging

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QKeySequence, QTextCursor, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from drafter.core.markers import DEFAULT_STYLES, STYLE_CHOICES
from drafter.core.vocab import DRAFT_FIELDS, ROLE_TITLES
from drafter.editing import spans
from drafter.editing.logic import EditorLogic
from drafter.gui.document_view import TYPING, DocumentView

logger = logging.getLogger(__name__)

MAX_HTML_CHARS = 20 * spans.MAX_PASTE_CHARS
_CLIPBOARD_DATA: list[QMimeData] = []    # the copy made here last


def _hand_clipboard_to_qt() -> None:
    """At exit, while Python still runs: if the clipboard holds our copy, its text goes into a
    copy Qt makes itself.  Left to Qt's own clean-up, a QMimeData made in Python is destroyed
    after the interpreter has gone, and the process crashes on its way out; this way the user's
    copied text outlives the program as usual."""
    app = QApplication.instance()
    if app is not None and _CLIPBOARD_DATA:
        clipboard = app.clipboard()
        if clipboard.mimeData() is _CLIPBOARD_DATA[0]:
            clipboard.setText(clipboard.text())
    _CLIPBOARD_DATA.clear()


atexit.register(_hand_clipboard_to_qt)
BIG_PASTE_CHARS = 100_000      # a wait cursor while this much text goes in (about 0.4 s a 100,000)


class DocumentEditor(DocumentView):
    def __init__(self, font_size: int = 14, parent: QWidget | None = None):
        super().__init__(font_size, parent)
        self.logic: EditorLogic | None = None     # set by the window
        self.plain_paste = False
        self.copy_fonts = "gb2312"      # the Word font set of the rich text copied (the window's choice)

    # ----- where a selection is, as (block, offset) ----------------------------------------
    def _place(self, position: int) -> tuple[int, int]:
        qblock = self.document().findBlock(position)
        return qblock.blockNumber(), position - qblock.position()

    def _span(self, cursor: QTextCursor | None = None) -> tuple[int, int, int, int]:
        cursor = cursor or self.textCursor()
        a, x = self._place(cursor.selectionStart())
        b, y = self._place(cursor.selectionEnd())
        return a, x, b, y

    def _spans_paragraphs(self, cursor: QTextCursor) -> bool:
        if not cursor.hasSelection():
            return False
        doc = self.document()
        return doc.findBlock(cursor.selectionStart()) != doc.findBlock(cursor.selectionEnd())

    def _text_edit(self, name: str, operation) -> bool:
        return self.logic is not None and self.logic.text_edit(name, operation)

    def replace_selection(self, pieces: list[spans.Piece], name: str) -> bool:
        a, x, b, y = self._span()
        return self._text_edit(name, lambda d: spans.replace_span(d, a, x, b, y, pieces))

    # ----- keys ---------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # Qt override
        if event.matches(QKeySequence.Undo):
            self.undo_step()
            return
        if event.matches(QKeySequence.Redo) or (
                event.key() == Qt.Key_Y and event.modifiers() == Qt.ControlModifier):
            self.redo_step()
            return
        if event.matches(QKeySequence.Cut):
            self.cut()
            return
        if event.matches(QKeySequence.Paste):
            self.paste()
            return
        cursor = self.textCursor()
        key = event.key()
        if key in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            self._enter()
            return
        if not cursor.hasSelection():
            if key == Qt.Key_Backspace and cursor.atBlockStart() and not event.modifiers() & Qt.ControlModifier:
                self._backspace_at_start()
                return
            if key == Qt.Key_Delete and cursor.atBlockEnd() and cursor.block().next().isValid():
                a, x = self._place(cursor.position())
                self._text_edit("删除", lambda d: spans.replace_span(d, a, x, a + 1, 0, []))
                return
        elif self._spans_paragraphs(cursor):
            text = event.text()
            if key in (Qt.Key_Backspace, Qt.Key_Delete):
                self.replace_selection([], "删除")
                return
            if text and text.isprintable() and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
                self.replace_selection([spans.Piece(text, whole=False)], TYPING)
                return
        self._typing_name = "删除" if key in (Qt.Key_Backspace, Qt.Key_Delete) else TYPING
        try:
            super().keyPressEvent(event)
        finally:
            self._typing_name = TYPING

    def _enter(self) -> None:
        cursor = self.textCursor()
        a, x, b, y = self._span(cursor)

        def split(d):
            if (a, x) != (b, y):
                a2, x2 = spans.replace_span(d, a, x, b, y, [])
                return spans.split_block(d, a2, x2)
            return spans.split_block(d, a, x)
        self._text_edit("分段", split)

    def _backspace_at_start(self) -> None:
        """At the start of a heading Backspace takes its number away (it becomes a paragraph,
        as in Word); at the start of a paragraph it joins the one before."""
        index = self.textCursor().blockNumber()
        if self.logic is None:
            return
        if self.draft.blocks[index].is_heading:
            self.logic.to_paragraph()
            return
        self._text_edit("删除", lambda d: spans.join_with_previous(d, index))

    def inputMethodEvent(self, event) -> None:  # Qt override
        cursor = self.textCursor()
        if event.commitString() and self._spans_paragraphs(cursor):
            self.replace_selection([spans.Piece(event.commitString(), whole=False)], TYPING)
            event.accept()
            return
        super().inputMethodEvent(event)

    # ----- clipboard -----------------------------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:  # Qt override
        cursor = self.textCursor()
        mime = QMimeData()
        _CLIPBOARD_DATA[:] = [mime]      # see _hand_clipboard_to_qt
        # the rich text's fonts and the text rendering: loaded at the first copy
        from drafter.editing.rich_copy import draft_html, pieces_html
        from drafter.export.fonts import FONT_SETS
        from drafter.export.text import draft_to_text

        a, x, b, y = self._span(cursor)
        pieces = spans.pieces_for_span(self.draft, a, x, b, y)
        fonts = FONT_SETS.get(self.copy_fonts, FONT_SETS["gb2312"])
        everything = cursor.selectionStart() == 0 and cursor.selectionEnd() >= self.document().characterCount() - 1
        if everything:
            text, html = draft_to_text(self.draft), draft_html(self.draft, fonts)
        else:
            text = spans.pieces_text(self.draft, a, pieces, x == 0)
            html = pieces_html(self.draft, a, pieces, spans.piece_markers(self.draft, a, pieces, x == 0), fonts)
        mime.setText(text)
        mime.setHtml(html)          # Word and WPS paste headings in their typefaces
        mime.setData(spans.MIME_BLOCKS, spans.pieces_to_json(pieces))
        return mime

    def cut(self) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        self.copy()
        if self._spans_paragraphs(cursor):
            self.replace_selection([], "剪切")
            return
        self._typing_name = "剪切"
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self._typing_name = TYPING

    def paste_plain(self) -> None:
        """Paste without recognising headings: each line a paragraph."""
        self.plain_paste = True
        try:
            self.paste()
        finally:
            self.plain_paste = False

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # Qt override
        return source.hasText() or source.hasHtml() or source.hasFormat(spans.MIME_BLOCKS)

    def insertFromMimeData(self, source: QMimeData) -> None:  # Qt override
        self.paste_mime(source)

    def paste_mime(self, source: QMimeData, name: str = "粘贴") -> bool:
        pieces = None
        if source.hasFormat(spans.MIME_BLOCKS):
            pieces = spans.pieces_from_json(source.data(spans.MIME_BLOCKS))
        parsed = None
        if pieces is None:
            text = self._mime_text(source)
            if text is None:
                return False
            from drafter.corpus.parser import parse_text  # the reader: loaded at the first paste

            parse = None if self.plain_paste else parse_text
            pieces, parsed = spans.pieces_from_text(text, parse)
        cursor = self.textCursor()
        if len(pieces) == 1 and not pieces[0].whole and not self._spans_paragraphs(cursor):
            self._typing_name = name
            cursor.beginEditBlock()
            cursor.insertText(pieces[0].text)
            cursor.endEditBlock()
            self._typing_name = TYPING
            self.ensureCursorVisible()
            return True
        a, x, b, y = self._span(cursor)
        big = sum(len(p.content) for p in pieces) > BIG_PASTE_CHARS

        def paste(d):
            place = spans.replace_span(d, a, x, b, y, pieces)
            if parsed is not None:
                for key in DRAFT_FIELDS:
                    if getattr(parsed, key) and not getattr(d, key):
                        setattr(d, key, getattr(parsed, key))
            return place
        if big:
            QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            done = self._text_edit(name, paste)
        finally:
            if big:
                QApplication.restoreOverrideCursor()
        if done:
            self.ensureCursorVisible()  # the pasted text is where the writer looks next
        if done and parsed is not None:
            heads = sum(1 for p in pieces if p.kind == "heading")
            self.message(f"已粘贴 {len(pieces)} 段，识别出 {heads} 个标题（编号按本稿样式；Ctrl+Z 撤销）")
        return done

    def _mime_text(self, source: QMimeData) -> str | None:
        """The text to paste, or None after saying why there is none."""
        if source.hasText():
            text = source.text()
        elif source.hasHtml():
            html = source.html()
            if len(html) > MAX_HTML_CHARS:
                self.message(f"剪贴板中的内容太大（{len(html):,} 字符），未粘贴")
                return None
            text = QTextDocumentFragment.fromHtml(html).toPlainText()
        else:
            self.message("剪贴板中没有可粘贴的文字（可能是图片或其他数据），未粘贴")
            return None
        text = spans.clean_pasted(text)
        if len(text) > spans.MAX_PASTE_CHARS:
            self.message(f"粘贴的文字太长（{len(text):,} 字，上限 {spans.MAX_PASTE_CHARS:,} 字），未粘贴；"
                         "请分段粘贴或用“文件 → 打开”导入")
            return None
        if not text.strip():
            self.message("剪贴板中没有可粘贴的文字，未粘贴")
            return None
        return text

    def insert_text(self, text: str, name: str = "插入表述") -> None:
        """A phrase from the side panel at the caret, one undo step."""
        self.setFocus()
        self.paste_mime(_text_mime(text), name)

    # ----- drag and drop within the draft -----------------------------------------------------
    def dropEvent(self, event) -> None:  # Qt override
        source = event.mimeData()
        if source.hasUrls() and not source.hasText():
            event.ignore()     # files: the window opens them
            return
        drop = self.cursorForPosition(event.position().toPoint()).position()
        cursor = self.textCursor()
        inside = event.source() is self and cursor.hasSelection()
        if inside and cursor.selectionStart() <= drop <= cursor.selectionEnd():
            event.ignore()
            return
        event.setDropAction(Qt.CopyAction)     # Qt must not remove the dragged text itself
        event.accept()
        if not inside:
            target = self.textCursor()
            target.setPosition(drop)
            self.setTextCursor(target)
            self.paste_mime(source, "拖放")
            return
        self.move_selection(drop)

    def move_selection(self, drop: int) -> bool:
        """Move the selected text to ``drop`` (a position outside it): one step, 拖放."""
        a, x, b, y = self._span()
        pieces = spans.pieces_for_span(self.draft, a, x, b, y)
        to_block, to_offset = self._place(drop)
        after = drop > self.textCursor().selectionEnd()

        def move(d):
            if after:       # insert first: the selection's places stay valid
                to_b, to_x = spans.replace_span(d, to_block, to_offset, to_block, to_offset, pieces)
                spans.replace_span(d, a, x, b, y, [])
                return (to_b - (b - a), to_x) if to_b > b else (a, x + to_x - y)
            spans.replace_span(d, a, x, b, y, [])
            return spans.replace_span(d, to_block, to_offset, to_block, to_offset, pieces)
        return self._text_edit("拖放", move)

    # ----- context menu ---------------------------------------------------------------------
    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        undo, redo = self.undo_name(), self.redo_name()
        menu.addAction(f"撤销“{undo}”" if undo else "撤销", self.undo_step).setEnabled(bool(undo))
        menu.addAction(f"重做“{redo}”" if redo else "重做", self.redo_step).setEnabled(bool(redo))
        menu.addSeparator()
        has = self.textCursor().hasSelection()
        menu.addAction("剪切", self.cut).setEnabled(has)
        menu.addAction("复制", self.copy).setEnabled(has)
        menu.addAction("粘贴", self.paste)
        menu.addAction("粘贴为纯文本（不识别提纲）", self.paste_plain)
        menu.addAction("全选", self.selectAll)
        if self.logic is not None and self.draft.blocks:
            menu.addSeparator()
            self._block_menu(menu, self.current_block())
        return menu

    def contextMenuEvent(self, event) -> None:  # Qt override
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _block_menu(self, menu: QMenu, index: int) -> None:
        block = self.draft.blocks[index]
        roles = menu.addMenu("所属部分")
        for role, name in ROLE_TITLES.items():
            action = roles.addAction(name)
            action.setCheckable(True)
            action.setChecked(block.role == role)
            action.triggered.connect(lambda _c=False, v=role: self.logic.set_role(index, v))
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
            action.triggered.connect(lambda _c=False, v=style: self.logic.set_style(index, v))


def _text_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime
