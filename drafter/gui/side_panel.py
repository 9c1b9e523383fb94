"""The right-hand panel: structure templates, the phrase bank and the library (library_panel.py).

Templates (``drafter.templates``) start a new draft after asking for their fields; the
phrase bank (``drafter.phrasebank``) is searched as the user types, and a phrase goes in
at the cursor — a frame with slots (以{X}体现忠诚、以{X}成就事业…) is filled first.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drafter.core.errors import DrafterError
from drafter.core.vocab import ROLE_TITLES as ROLE_NAMES
from drafter.gui import dialogs
from drafter.gui.library_panel import LibraryPanel
from drafter.miner import induce_into
from drafter.templates import form_fields, preview_text, render
from drafter.templates import user_dir as user_templates_dir

logger = logging.getLogger(__name__)

DATA_ROLE = Qt.UserRole


class TemplatePanel(QWidget):
    draft_made = Signal(object)      # a rendered Draft

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.templates: list = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemDoubleClicked.connect(lambda _item: self.use_selected())
        layout.addWidget(self.list, 2)
        self.details = QTextBrowser()
        layout.addWidget(self.details, 3)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a33;")
        self.problems.hide()
        layout.addWidget(self.problems)
        self.use_button = QPushButton("用此模板新建…")
        self.use_button.clicked.connect(self.use_selected)
        layout.addWidget(self.use_button)
        self.induce_button = QPushButton("从讲话稿库生成模板…")
        self.induce_button.setToolTip("选一个存放往年讲话稿的文件夹：同一类讲话有两篇以上的，各归纳出一个模板")
        self.induce_button.clicked.connect(lambda _checked=False: self.induce_from_folder())
        layout.addWidget(self.induce_button)

    def load(self) -> None:
        from drafter.templates import load_templates

        self.templates, errors = load_templates()
        self.list.clear()
        for template in self.templates:
            item = QListWidgetItem(template.name)
            item.setToolTip(template.occasion)
            self.list.addItem(item)
        if errors:
            self.problems.setText(f"{len(errors)} 个模板文件有误，未载入：\n"
                                  + "\n".join(e.message for e in errors[:3]))
            self.problems.show()
        self.use_button.setEnabled(bool(self.templates))
        if self.templates:
            self.list.setCurrentRow(0)

    def induce_from_folder(self, folder: str | None = None) -> list:
        """从讲话稿库生成模板: one template per occasion of the speeches in a folder, into the
        user's templates folder; the list reloads and shows them."""
        folder = folder or dialogs.ask_folder(self, "选择存放讲话稿的文件夹")
        if not folder:
            return []
        try:
            written, notices = induce_into([Path(folder)], user_templates_dir())
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return []
        self.load()
        names = "、".join(p.stem for p in written)
        skipped = f"\n\n未生成（同类只有一篇）：\n" + "\n".join(notices[:5]) if notices else ""
        dialogs.show_info(self, f"已生成 {len(written)} 个模板：{names}{skipped}")
        return written

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self.templates):
            self.details.clear()
            return
        t = self.templates[row]
        parts = []
        for part in t.parts:
            head = preview_text(t, part.heading) if part.heading else "（不设标题）"
            guide = f"<br><span style='color:#666'>{part.guidance}</span>" if part.guidance else ""
            parts.append(f"<li><b>{ROLE_NAMES.get(part.role, part.role)}</b>：{head}{guide}</li>")
        self.details.setHtml(f"<p><b>{t.name}</b><br>适用：{t.occasion}</p><ol>{''.join(parts)}</ol>")

    def use_selected(self) -> bool:
        row = self.list.currentRow()
        if not 0 <= row < len(self.templates):
            return False
        template = self.templates[row]
        values = dialogs.ask_values(self, "填写模板字段", f"模板：{template.name}", form_fields(template))
        if values is None:
            return False
        try:
            draft = render(template, {k: v for k, v in values.items() if v})
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return False
        self.draft_made.emit(draft)
        return True


class PhrasePanel(QWidget):
    insert_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = None
        self.role: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.query = QLineEdit()
        self.query.setPlaceholderText("搜索常用表述，如：实干 落实")
        self.query.setClearButtonEnabled(True)
        layout.addWidget(self.query)
        row = QHBoxLayout()
        self.category = QComboBox()
        self.category.addItem("全部类别", None)
        self.by_role = QCheckBox("只看适合当前部分的")
        row.addWidget(self.category, 1)
        row.addWidget(self.by_role)
        layout.addLayout(row)
        self.noted = QCheckBox("也列出需斟酌的条目")
        self.noted.setToolTip("已过时的提法、一时一地的事实、原文未写明内容的数字概括；条目上写明原因")
        layout.addWidget(self.noted)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.itemDoubleClicked.connect(lambda _item: self.insert_selected())
        layout.addWidget(self.results, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.insert_button = QPushButton("插入到光标处")
        self.insert_button.clicked.connect(self.insert_selected)
        layout.addWidget(self.insert_button)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.category.currentIndexChanged.connect(lambda _i: self.search())
        self.by_role.toggled.connect(lambda _c: self.search())
        self.noted.toggled.connect(lambda _c: self.search())

    def load(self) -> None:
        from drafter.phrasebank import CATEGORIES, PhraseIndex, load_phrases

        phrases, errors = load_phrases()
        self.index = PhraseIndex(phrases)
        for name in CATEGORIES:
            self.category.addItem(name, name)
        note = f"共 {len(phrases)} 条" + (f"；{len(errors)} 处有误未载入" if errors else "")
        self.status.setText(note)
        self.search()

    def set_role(self, role: str | None) -> None:
        if role == self.role:
            return          # the caret moved within the same part: nothing to redo
        self.role = role
        self.by_role.setText(f"只看适合“{ROLE_NAMES.get(role, '当前部分')}”的")
        if self.by_role.isChecked():
            self.search()

    def search(self) -> list:
        if self.index is None:
            return []
        role = self.role if self.by_role.isChecked() else None
        hits = self.index.search(self.query.text(), self.category.currentData(), role, limit=200,
                                 noted=self.noted.isChecked())
        self.results.clear()
        for phrase in hits:
            label = phrase.frame or phrase.text
            item = QListWidgetItem(f"{label}\n    {phrase.category} · 出现 {phrase.frequency} 次"
                                   + (" · 可填充" if phrase.frame else "")
                                   + (f" · 需斟酌：{phrase.note}" if phrase.note else ""))
            note = f"\n注意：{phrase.note}" if phrase.note else ""
            if phrase.members:
                note = f"\n即：{'、'.join(phrase.members)}" + (f"（{phrase.scope}）" if phrase.scope else "") + note
            item.setToolTip(f"{phrase.text}\n来源：{phrase.source_label()}{note}")
            item.setData(DATA_ROLE, phrase)
            self.results.addItem(item)
        return hits

    def insert_selected(self) -> bool:
        item = self.results.currentItem()
        if item is None:
            return False
        phrase = item.data(DATA_ROLE)
        text = phrase.text
        if phrase.frame and phrase.slots:
            values = dialogs.ask_values(self, "填充句式", f"句式：{phrase.frame}",
                                        [(s, s, "") for s in phrase.slots])
            if values is None:
                return False
            from drafter.phrasebank import fill

            try:
                text = fill(phrase, values)
            except DrafterError as exc:
                dialogs.show_error(self, exc.message)
                return False
        self.insert_requested.emit(text)
        return True


class SidePanel(QTabWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.templates = TemplatePanel()
        self.phrases = PhrasePanel()
        self.library = LibraryPanel()
        self.addTab(self.phrases, "常用表述")
        self.addTab(self.library, "讲话稿库")
        self.addTab(self.templates, "结构模板")
        self._loaded = False

    def load(self) -> None:
        """Read the templates and the phrase bank (once; a bad file is reported, not fatal)."""
        if self._loaded:
            return
        self._loaded = True
        for panel in (self.templates, self.phrases):
            try:
                panel.load()
            except (DrafterError, OSError) as exc:
                logger.warning("side panel: %s", exc)
                message = exc.message if isinstance(exc, DrafterError) else str(exc)
                panel.setEnabled(False)
                panel.setToolTip(f"无法载入：{message}")
