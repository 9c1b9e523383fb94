"""讲话稿库 panel, beside 常用表述: search the library of past speeches while writing.

Type words (several words must all appear; quotes make one phrase); hits come ranked
(``drafter.corpus.library``) with the speech's title, date, part in Chinese, numbered heading
path and a snippet with the words marked.  A hit opens its source read-only at that paragraph
(``SourceDialog``), or goes into the draft at the caret: the paragraph, or for a heading its
scaffold (the heading and the headings under it) — through the editor's paste, so one Ctrl+Z
takes it out.  Filters: part, year, place or level.  The library is managed here too: import a
folder (progress, cancel between files), re-import changed files, remove a speech, and choose
the library's location (a SQLite file or ``postgresql://user@host:port/db``, kept in the editor
settings as ``library``).
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressDialog,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from drafter.core.errors import DrafterError
from drafter.core.model import HEADING
from drafter.core.vocab import ROLE_TITLES
from drafter.corpus.library import Hit, Library, exists, expand, open_library, parse_query
from drafter.editing import spans
from drafter.gui import dialogs, settings

logger = logging.getLogger(__name__)

DATA_ROLE = Qt.UserRole
MARK = '<span style="background:#ffe08a">{}</span>'
_WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HAN = "\u4e00-\u9fff“”（）《》"
_NARROW_BY_HAN = re.compile(f"(?<=[{_HAN}])[,;:?!()]|[,;:?!()](?=[{_HAN}])")


def chinese_punctuation(text: str) -> str:
    """Half-width , ; : ? ! ( ) next to Chinese text written full-width, as a draft has them: a
    library speech pasted from a web page often has 充分肯定成绩,清醒认识…"""
    return _NARROW_BY_HAN.sub(lambda m: _WIDE[m.group(0)], text)


def marked(text: str, terms: list[str]) -> str:
    """``text`` as HTML with every occurrence of the query's terms marked."""
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[last:m.start()]))
        out.append(MARK.format(html.escape(m.group(0))))
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def hit_pieces(library: Library, hit: Hit, scaffold: bool) -> list[spans.Piece]:
    """What a hit puts into the draft: its paragraph (a heading with its body), or for a heading
    with ``scaffold`` the heading and every heading under it, texts only."""
    wide = chinese_punctuation
    if not scaffold or not hit.heading:
        rows = [r for r in library.document_blocks(hit.doc_id) if r.idx == hit.block]
        row = rows[0] if rows else None
        if row is not None and row.kind == HEADING:
            return [spans.Piece(wide(row.content[:row.head]), wide(row.content[row.head:]), HEADING, row.level,
                                row.role)]
        return [spans.Piece(wide(hit.text), role=hit.role)]
    rows = library.document_blocks(hit.doc_id)
    start = next(i for i, r in enumerate(rows) if r.idx == hit.block)
    top = rows[start].level
    pieces = []
    for r in rows[start:]:
        if r is not rows[start] and r.kind == HEADING and r.level <= top:
            break
        if r.kind == HEADING:
            pieces.append(spans.Piece(wide(r.content[:r.head] or r.content), "", HEADING, r.level, r.role))
    return pieces


def insert_into(editor, pieces: list[spans.Piece], name: str = "插入讲话稿库段落") -> bool:
    """Put ``pieces`` after the paragraph the caret is in, as one undo step of ``editor``."""
    cursor = editor.textCursor()
    cursor.clearSelection()
    cursor.movePosition(QTextCursor.EndOfBlock)
    editor.setTextCursor(cursor)
    mime = QMimeData()
    mime.setData(spans.MIME_BLOCKS, spans.pieces_to_json([spans.Piece("", whole=False), *pieces]))
    editor.setFocus()
    return editor.paste_mime(mime, name)


class SourceDialog(QDialog):
    """A library speech, read-only, scrolled to one paragraph and that paragraph selected."""

    def __init__(self, parent: QWidget | None, title: str, rows, at: int, terms: list[str]):
        super().__init__(parent)
        self.setWindowTitle(f"讲话稿库：{title}（只读）")
        layout = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        paragraphs = [f"<h3>{html.escape(title)}</h3>"]
        for r in rows:
            text = marked(r.content, terms)
            paragraphs.append(f"<p><b>{html.escape(r.marker)}</b>{text}</p>" if r.kind == HEADING
                              else f"<p>{text}</p>")
        self.view.setHtml("".join(paragraphs))
        layout.addWidget(self.view)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        layout.addWidget(close)
        self.resize(720, 560)
        self.paragraph = next((k for k, r in enumerate(rows) if r.idx == at), 0)
        block = self.view.document().findBlockByNumber(self.paragraph + 1)   # after the title
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.EndOfBlock, QTextCursor.KeepAnchor)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()

    def selected_text(self) -> str:
        return self.view.textCursor().selectedText()


class LibraryPanel(QWidget):
    insert_requested = Signal(object)      # list[spans.Piece]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._library: Library | None = None
        self.hits: list[Hit] = []
        self.terms: list[str] = []
        self.source: SourceDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.query = QLineEdit()
        self.query.setPlaceholderText("检索往年讲话，如：安全生产　或　作风建设 廉政")
        self.query.setClearButtonEnabled(True)
        layout.addWidget(self.query)
        filters = QHBoxLayout()
        self.role = QComboBox()
        self.role.addItem("全部部分", None)
        for key, name in ROLE_TITLES.items():
            self.role.addItem(name, key)
        self.year = QLineEdit()
        self.year.setPlaceholderText("年份")
        self.place = QLineEdit()
        self.place.setPlaceholderText("地方/层级")
        self.place.setToolTip("只看某地（临江）或某一级（县、市、省）的讲话")
        self.year.setMaximumWidth(48)
        self.place.setMaximumWidth(80)
        for widget in (self.role, self.year, self.place):
            filters.addWidget(widget)
        layout.addLayout(filters)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)   # rows wrap to the panel's width
        self.results.itemDoubleClicked.connect(lambda _item: self.open_source())
        layout.addWidget(self.results, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        actions = QHBoxLayout()
        self.open_button = self._button(actions, "原文", self.open_source, "只读打开这篇讲话，停在这一段")
        self.insert_button = self._button(actions, "插入", lambda: self.insert_selected(False),
                                          "把这一段插到光标所在段落之后（可撤销）")
        self.scaffold_button = self._button(actions, "提纲", lambda: self.insert_selected(True),
                                            "把这个标题及其下各级标题插到光标所在段落之后（可撤销）")
        manage = QToolButton()
        manage.setText("管理")
        manage.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(manage)
        menu.addAction("导入文件夹…", self.add_folder)
        menu.addAction("重新导入改过的讲话稿", self.reimport)
        menu.addAction("把这篇移出库", self.remove_selected)
        menu.addAction("讲话稿库位置…", self.choose_location)
        manage.setMenu(menu)
        actions.addWidget(manage)
        layout.addLayout(actions)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.role.currentIndexChanged.connect(lambda _i: self.search())
        self.year.editingFinished.connect(self.search)
        self.place.editingFinished.connect(self.search)
        self.results.currentRowChanged.connect(lambda _r: self._enable())
        self._enable()

    def _button(self, row: QHBoxLayout, text: str, slot, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _enable(self) -> None:
        hit = self.selected()
        for button in (self.open_button, self.insert_button):
            button.setEnabled(hit is not None)
        self.scaffold_button.setEnabled(hit is not None and hit.heading)

    # ----- the library ----------------------------------------------------------------------
    @property
    def location(self) -> str | None:
        return settings.load().get("library") or None

    def library(self, create: bool = False) -> Library | None:
        if self._library is None:
            if not create and not exists(self.location):
                self.status.setText("讲话稿库还是空的：点“导入文件夹…”导入往年讲话稿")
                return None
            self._library = open_library(self.location, create=create)
        return self._library

    def close_library(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    # ----- search ---------------------------------------------------------------------------
    def search(self) -> list[Hit]:
        self._timer.stop()
        self.results.clear()
        self.hits = []
        text = self.query.text().strip()
        if not text:
            self.status.setText("输入要找的词，几个词用空格隔开")
            self._enable()
            return []
        try:
            query = parse_query(text)
            library = self.library()
            if library is None:
                return []
            self.hits = library.search(query, limit=50, role=self.role.currentData(),
                                       year=self.year.text().strip() or None,
                                       place=self.place.text().strip() or None)
        except DrafterError as exc:
            self.status.setText(exc.message)
            self._enable()
            return []
        self.terms = query.terms
        for hit in self.hits:
            item = QListWidgetItem()
            item.setData(DATA_ROLE, hit)
            self.results.addItem(item)
            label = QLabel(self._label(hit))
            label.setWordWrap(True)
            label.setTextFormat(Qt.RichText)
            label.setContentsMargins(4, 3, 4, 3)
            self.results.setItemWidget(item, label)
        self._fit_rows()
        self.status.setText(f"找到 {len(self.hits)} 处" if self.hits else f"库中没有“{text}”")
        if self.hits:
            self.results.setCurrentRow(0)
        self._enable()
        return self.hits

    def _fit_rows(self) -> None:
        """Each hit as wide as the list and as tall as its wrapped text (a label's own size hint
        is one long line, which the list cut at its right edge)."""
        width = max(self.results.viewport().width(), 120)
        for row in range(self.results.count()):
            item = self.results.item(row)
            label = self.results.itemWidget(item)
            if label is not None:
                item.setSizeHint(QSize(width, label.heightForWidth(width)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def _label(self, hit: Hit) -> str:
        part = ROLE_TITLES.get(hit.role, hit.role)
        where = " · ".join(x for x in (hit.date, part) if x)
        trail = f"<br><small>{html.escape(hit.trail)}</small>" if hit.trail else ""
        return (f"<b>《{html.escape(hit.title)}》</b> <small>{html.escape(where)}</small>{trail}"
                f"<br>{marked(hit.snippet(self.terms, 50), self.terms)}")

    def selected(self) -> Hit | None:
        item = self.results.currentItem()
        return item.data(DATA_ROLE) if item is not None else None

    # ----- using a hit ----------------------------------------------------------------------
    def open_source(self) -> SourceDialog | None:
        hit = self.selected()
        if hit is None or self._library is None:
            return None
        try:
            rows = self._library.document_blocks(hit.doc_id)
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return None
        self.source = SourceDialog(self, hit.title, rows, hit.block, self.terms)
        self.source.show()
        return self.source

    def insert_selected(self, scaffold: bool) -> bool:
        hit = self.selected()
        if hit is None or self._library is None:
            return False
        try:
            pieces = hit_pieces(self._library, hit, scaffold)
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return False
        self.insert_requested.emit(pieces)
        return True

    # ----- managing the library -------------------------------------------------------------
    def add_folder(self) -> int:
        folder = dialogs.ask_folder(self, "导入讲话稿文件夹")
        return self.import_paths([folder]) if folder else 0

    def reimport(self) -> int:
        try:
            library = self.library()
            paths = [Path(d.path) for d in library.documents()] if library else []
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return 0
        return self.import_paths([p for p in paths if p.is_file()])

    def import_paths(self, targets: list) -> int:
        """Import with a progress dialog; cancelling stops between two files (each file is
        stored whole or not at all).  Returns how many files were added or replaced."""
        expanded = expand(targets)
        progress = QProgressDialog("正在导入讲话稿…", "取消", 0, len(expanded.files), self)
        progress.setWindowTitle("导入讲话稿库")
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(300)
        added = failed = 0
        try:
            library = self.library(create=True)
            results = library.add(expanded)
            for done, result in enumerate(results, 1):
                added += bool(result.added)
                failed += result.error is not None
                progress.setValue(done)
                progress.setLabelText(f"正在导入：{result.path.name}")
                QApplication.processEvents()
                if progress.wasCanceled():
                    results.close()
                    break
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
        finally:
            progress.close()
        skipped = f"，跳过 {len(expanded.skipped)} 个非普通文件" if expanded.skipped else ""
        stopped = "（已取消，库保持完好）" if progress.wasCanceled() else ""
        self.status.setText(f"导入 {added} 篇，{failed} 篇失败{skipped}{stopped}")
        return added

    def remove_selected(self) -> bool:
        hit = self.selected()
        if hit is None or self._library is None:
            return False
        if not dialogs.confirm(self, f"把《{hit.title}》移出讲话稿库？（原文件不删除）"):
            return False
        try:
            self._library.remove([hit.doc_id])
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return False
        self.search()
        return True

    def choose_location(self) -> bool:
        values = dialogs.ask_values(self, "讲话稿库位置", "本机的库文件路径，或单位共用的服务器："
                                    "postgresql://用户@主机:端口/库名（留空为默认位置）",
                                    [("library", "位置", self.location or "")])
        if values is None:
            return False
        stored = settings.load()
        stored["library"] = values["library"]
        settings.save(stored)
        self.close_library()
        self.search()
        return True
