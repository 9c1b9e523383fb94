"""比较版本: the current draft against one of its rounds or another file, changes listed and
marked, with a list to step through; save a round, export the comparison with tracked changes.

``ReviewDialog`` lists a reviewer's pending revisions and comments and accepts or rejects them.
Thin over Qt-free logic: rounds (``core/rounds.py``), the comparison (``compare/``), its list
and marked text (``compare/report.py``) and the tracked-changes writer (``export/tracked.py``).
The window opens it from 工具 → 比较版本 (Ctrl+Shift+D) with the draft and its file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drafter.compare import compare_drafts
from drafter.compare.report import change_entries, comparison_html, describe, little_in_common_note, summary
from drafter.core import rounds
from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.core.review import KIND_NAMES
from drafter.core.storage import atomic_write
from drafter.core.vocab import DRAFT_FIELDS
from drafter.corpus.documents import load_document
from drafter.corpus.docx_review import decide
from drafter.export import check_target
from drafter.export.tracked import tracked_docx_bytes
from drafter.gui import dialogs

logger = logging.getLogger(__name__)

OTHER_FILE = "其他文件……"


def replace_text(draft: Draft, source: Draft) -> tuple[int, int]:
    """Make ``draft``'s text (blocks, title block, numbering) that of ``source``; returns where
    the caret goes, for ``EditorLogic.text_edit``."""
    draft.blocks[:] = [replace(b) for b in source.blocks]
    for name in DRAFT_FIELDS:
        setattr(draft, name, getattr(source, name))
    draft.numbering = dict(source.numbering)
    draft.fields = dict(source.fields)
    return 0, 0


class CompareDialog(QDialog):
    """``restore(draft, name)``, given by the window, puts a round's text into the editor as
    one undoable step; without it the dialog offers no restore."""

    def __init__(self, draft: Draft, path: Path | None, parent: QWidget | None = None,
                 restore: Callable[[Draft, str], None] | None = None):
        super().__init__(parent)
        self.restore_callback = restore
        self.round_name: str | None = None
        self.setWindowTitle("比较版本")
        self.resize(1100, 720)
        self.draft, self.path = draft, path
        self.new: Draft = draft           # the current draft, or a round chosen as 新版
        self.new_label = "当前草稿"
        self.old_label = ""
        self.old: Draft | None = None
        self.comparison = None
        self.entries: list[dict] = []

        self.source = QComboBox()
        self.source.activated.connect(self._source_chosen)
        save_round = QPushButton("把当前文字存为轮次……")
        save_round.clicked.connect(self.save_round)
        save_round.setEnabled(path is not None)
        top = QHBoxLayout()
        top.addWidget(QLabel("旧版："))
        top.addWidget(self.source, 1)
        self.target = QComboBox()
        self.target.activated.connect(self._target_chosen)
        top.addWidget(QLabel("新版："))
        top.addWidget(self.target, 1)
        top.addWidget(save_round)

        self.summary = QLabel("请选择要比较的旧版。")
        self.summary.setWordWrap(True)
        self.changes = QListWidget()
        self.changes.currentRowChanged.connect(self.show_change)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.changes)
        splitter.addWidget(self.text)
        splitter.setSizes([380, 720])

        self.previous = QPushButton("上一处")
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next = QPushButton("下一处")
        self.next.clicked.connect(lambda: self.step(1))
        self.restore = QPushButton("恢复为此轮次")
        self.restore.setToolTip("把草稿恢复为所选轮次的文字（可撤销；当前文字先另存为一个轮次）")
        self.restore.clicked.connect(self.restore_round)
        self.export = QPushButton("导出带修订的 Word……")
        self.export.clicked.connect(self.export_tracked)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        for button in (self.previous, self.next):
            bottom.addWidget(button)
        bottom.addStretch(1)
        if restore is not None:
            bottom.addWidget(self.restore)
        bottom.addWidget(self.export)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.fill_sources()
        self._enable()

    # ----- sources ----------------------------------------------------------------------
    def fill_sources(self) -> None:
        self.source.clear()
        self.source.addItem("（请选择）", None)
        if self.path is not None:
            try:
                found = rounds.list_rounds(self.path)
            except DrafterError as exc:
                dialogs.show_error(self, exc.message)
                found = []
            for r in reversed(found):
                self.source.addItem(f"轮次：{r.name}（{r.saved[:16].replace('T', ' ')}，{r.chars:,} 字）", r.name)
        self.source.addItem(OTHER_FILE, OTHER_FILE)
        self.target.clear()
        self.target.addItem("当前草稿", None)
        for name in self._names():
            self.target.addItem(f"轮次：{name}", name)

    def _target_chosen(self, index: int) -> None:
        """新版: the current draft (default) or a round, to compare two rounds."""
        name = self.target.itemData(index)
        try:
            self.new = rounds.open_round(self.path, name) if name else self.draft
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return
        self.new_label = f"轮次“{name}”" if name else "当前草稿"
        if self.old is not None:
            self.set_old(self.old, self.old_label)

    def _source_chosen(self, index: int) -> None:
        choice = self.source.itemData(index)
        try:
            if choice == OTHER_FILE:
                chosen = dialogs.ask_open_path(self, str(self.path.parent) if self.path else "")
                if not chosen:
                    return
                old = load_document(chosen)
                if old.review is not None and old.review.revisions and old.review.accepted is not None:
                    old = old.review.accepted  # a reviewer's file: the version the reviewer made
                self.set_old(old, Path(chosen).name)
                self.round_name = None
            elif choice:
                self.set_old(rounds.open_round(self.path, choice), f"轮次“{choice}”")
                self.round_name = choice
            self._enable()
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)

    def save_round(self) -> None:
        values = dialogs.ask_values(self, "保存轮次", "把草稿当前的文字存为一个轮次（只读保存，可随时比较或恢复）。",
                                    [("name", "轮次名称", rounds.USUAL_NAMES[len(self._names()) % len(rounds.USUAL_NAMES)])])
        if not values:
            return
        try:
            rounds.save_round(self.path, self.draft, values["name"])
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return
        self.fill_sources()

    def _names(self) -> list[str]:
        return [self.source.itemData(i) for i in range(self.source.count())
                if self.source.itemData(i) not in (None, OTHER_FILE)]

    # ----- comparison -------------------------------------------------------------------
    def set_old(self, old: Draft, label: str) -> None:
        """Compare ``old`` (a round or a file) with 新版 (the current draft unless a round was
        chosen) and show the result."""
        self.old, self.old_label = old, label
        self.comparison = compare_drafts(old, self.new)
        text = f"{label} → {self.new_label}：{summary(self.comparison)}"
        note = little_in_common_note(self.comparison)
        self.summary.setText(text + ("\n" + note if note else ""))
        self.changes.clear()
        self.entries = change_entries(self.comparison, collapse_moves=True)
        for entry in self.entries:
            self.changes.addItem(describe(entry))
        self.text.setHtml(comparison_html(self.comparison))
        self._enable()
        if self.changes.count():
            self.changes.setCurrentRow(0)

    def show_change(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.text.scrollToAnchor(f"op-{self.entries[row]['op']}")
        self._enable()

    def step(self, delta: int) -> None:
        row = self.changes.currentRow() + delta
        if 0 <= row < self.changes.count():
            self.changes.setCurrentRow(row)

    def _enable(self) -> None:
        row, count = self.changes.currentRow(), self.changes.count()
        self.previous.setEnabled(row > 0)
        self.next.setEnabled(0 <= row < count - 1)
        self.export.setEnabled(self.comparison is not None)
        self.restore.setEnabled(self.round_name is not None and self.comparison is not None
                                and self.comparison.changed and self.new is self.draft)

    def restore_round(self) -> None:
        if self.round_name is None or self.restore_callback is None:
            return
        if not dialogs.confirm(self, f"把草稿恢复为轮次“{self.round_name}”的文字？\n当前文字会先另存为一个轮次，"
                                     "恢复后也可用“撤销”退回。"):
            return
        try:
            restored = rounds.restore_round(self.path, self.round_name, self.draft)
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return
        self.restore_callback(restored, self.round_name)
        self.accept()

    def export_tracked(self) -> None:
        suggested = str(self.path.with_suffix("")) + "（修订）.docx" if self.path else "修订.docx"
        target = dialogs.ask_save_path(self, suggested, "Word 文档 (*.docx)", "导出带修订的 Word")
        if not target:
            return
        try:
            check_target(Path(target))
            atomic_write(target, tracked_docx_bytes(self.comparison, self.new),
                         like=rounds.strictest_source([self.path]))   # no more readable than the draft
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return
        dialogs.show_info(self, f"已导出：{target}\n在 Word 或 WPS 中“接受所有修订”即得当前草稿，“拒绝所有修订”即得旧版。")


class ReviewDialog(QDialog):
    """审阅稿: a reviewer's pending revisions and comments (``Draft.review``), accepted or
    rejected one by one or all at once through ``corpus.docx_review.decide``; ``apply(draft,
    label)``, given by the window, puts the result into the editor as one undoable step."""

    def __init__(self, draft: Draft, apply: Callable[[Draft, str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("审阅稿的修订与批注")
        self.resize(900, 600)
        self.draft, self.apply = draft, apply
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.revisions = QListWidget()
        self.revisions.setSelectionMode(QListWidget.ExtendedSelection)
        self.comments = QListWidget()
        buttons = QHBoxLayout()
        for label, accept, every in (("接受所选", True, False), ("拒绝所选", False, False),
                                     ("全部接受", True, True), ("全部拒绝", False, True)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, a=accept, e=every: self.decide(a, e))
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("修订（可多选）："))
        layout.addWidget(self.revisions, 2)
        layout.addWidget(QLabel("批注（再导出 Word 时写回，已解决的除外）："))
        layout.addWidget(self.comments, 1)
        layout.addLayout(buttons)
        self.fill()

    def fill(self) -> None:
        review = self.draft.review
        self.revisions.clear()
        self.comments.clear()
        if review is None:
            self.summary.setText("当前草稿不是从带修订或批注的 Word 文件打开的。")
            return
        self.summary.setText(f"{Path(review.source).name}：{review.summary()}")
        for r in review.revisions:
            item = QListWidgetItem(f"〔{KIND_NAMES.get(r.kind, r.kind)}〕{r.author or '（未署名）'} "
                                   f"{r.date[:10]}：“{r.text[:30]}”（第 {r.paragraph} 段：{r.context}……）")
            item.setData(Qt.UserRole, r.id)
            self.revisions.addItem(item)
        for c in review.comments:
            done = "（已解决）" if c.resolved else ""
            self.comments.addItem(f"{c.author}{done}：{c.text} —— 关于“{c.anchor[:30]}”（第 {c.paragraph} 段）")

    def decide(self, accept: bool, every: bool) -> None:
        if self.draft.review is None or not self.draft.review.revisions:
            return
        ids = None if every else [item.data(Qt.UserRole) for item in self.revisions.selectedItems()]
        if ids == []:
            dialogs.show_info(self, "请先在列表中选择修订。")
            return
        try:
            result = decide(self.draft, ids, accept)
        except DrafterError as exc:
            dialogs.show_error(self, exc.message)
            return
        count = len(self.draft.review.revisions) if ids is None else len(ids)
        self.apply(result, f"{'接受' if accept else '拒绝'} {count} 处修订")
        self.fill()
