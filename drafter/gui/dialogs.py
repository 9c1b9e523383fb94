"""Every question and message the window puts to the user, as plain functions.

The window calls these through the module (``dialogs.ask_unsaved(...)``), so tests replace
them with ``monkeypatch`` instead of clicking modal boxes.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drafter.core.storage import Recoverable

DRAFT_FILTER = "讲话稿草稿 (*.draft)"
OPEN_FILTER = "讲话稿 (*.draft *.docx *.txt);;草稿 (*.draft);;Word 文档 (*.docx);;文本文件 (*.txt)"
DOCX_FILTER = "Word 文档 (*.docx)"
TEXT_FILTER = "文本文件 (*.txt)"


def show_error(parent: QWidget | None, message: str, title: str = "出错了") -> None:
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, message: str, title: str = "提示") -> None:
    QMessageBox.information(parent, title, message)


def show_text(parent: QWidget | None, text: str, title: str) -> None:
    """A longer text (a report) in a read-only box the user can select and copy from."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    view = QPlainTextEdit(text)
    view.setReadOnly(True)
    view.setMinimumSize(640, 420)
    layout.addWidget(view)
    buttons = QDialogButtonBox(QDialogButtonBox.Close)
    buttons.button(QDialogButtonBox.Close).setText("关闭")
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.exec()


def confirm(parent: QWidget | None, question: str, title: str = "请确认") -> bool:
    answer = QMessageBox.question(parent, title, question, QMessageBox.Yes | QMessageBox.No,
                                  QMessageBox.No)
    return answer == QMessageBox.Yes


def _choose(parent: QWidget | None, title: str, text: str, buttons: list[tuple[str, str, QMessageBox.ButtonRole]],
            icon: QMessageBox.Icon = QMessageBox.Question) -> str:
    box = QMessageBox(icon, title, text, QMessageBox.NoButton, parent)
    made = {}
    for key, label, role in buttons:
        made[box.addButton(label, role)] = key
    box.exec()
    return made.get(box.clickedButton(), buttons[-1][0])


def ask_unsaved(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    return _choose(parent, "尚未保存", f"“{name}”有尚未保存的修改，是否保存？", [
        ("save", "保存", QMessageBox.AcceptRole),
        ("discard", "不保存", QMessageBox.DestructiveRole),
        ("cancel", "取消", QMessageBox.RejectRole),
    ])


def ask_conflict(parent: QWidget | None, message: str) -> str:
    """The file changed on disk: 'overwrite', 'save_as' or 'cancel'."""
    return _choose(parent, "文件已被修改", f"{message}\n\n要覆盖磁盘上的版本、另存为新文件，还是取消？", [
        ("overwrite", "覆盖", QMessageBox.DestructiveRole),
        ("save_as", "另存为…", QMessageBox.AcceptRole),
        ("cancel", "取消", QMessageBox.RejectRole),
    ], QMessageBox.Warning)


def ask_locked(parent: QWidget | None, message: str) -> str:
    """Another Drafter holds the draft: 'read_only' or 'cancel'."""
    return _choose(parent, "草稿已被打开", f"{message}\n\n可以以只读方式打开（修改后需另存为），或不打开。", [
        ("read_only", "以只读方式打开", QMessageBox.AcceptRole),
        ("cancel", "不打开", QMessageBox.RejectRole),
    ], QMessageBox.Warning)


def ask_reload(parent: QWidget | None, name: str, modified: bool) -> str:
    """The file changed on disk while open: 'reload' or 'keep'."""
    lose = "\n重新载入将丢弃您尚未保存的修改。" if modified else ""
    return _choose(parent, "文件已在别处修改", f"“{name}”已被其他程序修改。要载入磁盘上的新版本吗？{lose}", [
        ("reload", "载入新版本", QMessageBox.DestructiveRole if modified else QMessageBox.AcceptRole),
        ("keep", "保留当前内容", QMessageBox.RejectRole),
    ], QMessageBox.Warning)


#: The file dialog's own labels.  Qt 6.11 writes "&Look in:" and "Files of &type:" with
#: mnemonics that the zh_CN translation PySide6 ships does not have, so they stayed English.
FILE_DIALOG_LABELS = {"LookIn": "查找范围(&I)：", "FileName": "文件名称(&N)：", "FileType": "文件类型(&T)：",
                      "Reject": "取消"}


def file_dialog(parent: QWidget | None, title: str, start: str, file_filter: str = "",
                mode: QFileDialog.FileMode | None = None, save: bool = False) -> QFileDialog:
    """A file dialog with every label in Chinese (Qt's own dialog; a native one, where the
    system offers it, speaks the system's language).  ``mode``: an existing file unless said."""
    dialog = QFileDialog(parent, title, start, file_filter)
    mode = QFileDialog.FileMode.ExistingFile if mode is None else mode
    dialog.setFileMode(mode)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    for label, text in FILE_DIALOG_LABELS.items():
        dialog.setLabelText(getattr(QFileDialog.DialogLabel, label), text)
    if QLocale.system().language() != QLocale.Language.Chinese:
        # sizes and dates follow the system's locale ("0 bytes", 27 11 2026): names only
        dialog.setViewMode(QFileDialog.ViewMode.List)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept,
                        "保存(&S)" if save else "选择(&C)" if mode == QFileDialog.FileMode.Directory else "打开(&O)")
    return dialog


def _chosen(dialog: QFileDialog) -> str | None:
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]


def ask_open_path(parent: QWidget | None, start: str = "") -> str | None:
    return _chosen(file_dialog(parent, "打开讲话稿", start, OPEN_FILTER))


def ask_folder(parent: QWidget | None, title: str) -> str | None:
    return _chosen(file_dialog(parent, title, "", mode=QFileDialog.FileMode.Directory))


def ask_save_path(parent: QWidget | None, suggested: str, file_filter: str = DRAFT_FILTER,
                  title: str = "保存草稿") -> str | None:
    """The path to write, the suffix added when left out; replacing a file is asked here
    (after the suffix is added; Qt's own question has an English title)."""
    while True:
        dialog = file_dialog(parent, title, suggested, file_filter, QFileDialog.FileMode.AnyFile, save=True)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        path = _chosen(dialog)
        if not path:
            return None
        suffix = Path(suggested).suffix
        if suffix and not Path(path).suffix:
            path += suffix
        if not Path(path).exists() or _choose(parent, "确认另存为", f"“{Path(path).name}”已存在。\n要替换它吗？", [
                ("replace", "替换", QMessageBox.DestructiveRole), ("again", "另选位置", QMessageBox.RejectRole),
        ], QMessageBox.Warning) == "replace":
            return path
        suggested = path


def describe_recoverable(item: Recoverable) -> str:
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(item.saved_at))
    title = item.title or "（无标题）"
    where = item.original or "从未保存过的新稿"
    text = f"{title}\n    原文件：{where}\n    最后修改于：{when}"
    if item.problem:
        text += f"\n    注意：{item.problem}"
    return text


class RecoveryDialog(QDialog):
    """Lists autosaved drafts left by a crash; the user recovers one or discards them."""

    def __init__(self, items: list[Recoverable], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("恢复未保存的草稿")
        self.items = items
        self.action = "later"
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Drafter 未正常关闭，以下每次编辑都有未保存的修改。\n"
                                "选择一份恢复（恢复后请保存），或丢弃；暂不处理的下次仍会列出。"))
        self.list = QListWidget()
        for item in items:
            QListWidgetItem(describe_recoverable(item), self.list)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        recover = QPushButton("恢复所选")
        discard = QPushButton("丢弃所选")
        discard_all = QPushButton("全部丢弃")
        later = QPushButton("暂不处理")
        buttons.addButton(recover, QDialogButtonBox.AcceptRole)
        buttons.addButton(discard, QDialogButtonBox.DestructiveRole)
        buttons.addButton(discard_all, QDialogButtonBox.DestructiveRole)
        buttons.addButton(later, QDialogButtonBox.RejectRole)
        recover.clicked.connect(lambda: self._done("recover"))
        discard.clicked.connect(lambda: self._done("discard_one"))
        discard_all.clicked.connect(lambda: self._done("discard"))
        later.clicked.connect(lambda: self._done("later"))
        layout.addWidget(buttons)
        self.resize(560, 300)

    def _done(self, action: str) -> None:
        self.action = action
        self.accept()

    def chosen(self) -> Recoverable | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None


def ask_recover(parent: QWidget | None, items: list[Recoverable]) -> tuple[str, Recoverable | None]:
    """('recover', item), ('discard', item) for the chosen one, ('discard', None) for all, or
    ('later', None)."""
    dialog = RecoveryDialog(items, parent)
    dialog.exec()
    if dialog.action == "discard_one":
        return "discard", dialog.chosen()
    return dialog.action, dialog.chosen() if dialog.action == "recover" else None


def value_form(parent: QWidget | None, title: str, intro: str,
               fields: list[tuple[str, str, str]]):
    """The dialog of ``ask_values`` and its line edits by key.  Each label stands above its box
    and each box is as wide as the dialog (at least 28 characters), so a meeting name such as
    全县2025年安全生产暨森林防灭火工作会议 or a date such as 2026年11月27日 reads in full."""
    from PySide6.QtWidgets import QFormLayout, QLineEdit

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    if intro:
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.WrapAllRows)
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    edits: dict[str, QLineEdit] = {}
    for key, label_text, default in fields:
        edit = QLineEdit(default)
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("中" * 28))
        edit.setCursorPosition(0)
        edits[key] = edit
        row_label = QLabel(label_text)
        row_label.setWordWrap(True)
        form.addRow(row_label, edit)
    layout.addLayout(form)
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Ok).setText("确定")
    buttons.button(QDialogButtonBox.Cancel).setText("取消")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    hint = dialog.sizeHint()
    dialog.resize(max(560, hint.width()), hint.height())
    return dialog, edits


def ask_values(parent: QWidget | None, title: str, intro: str,
               fields: list[tuple[str, str, str]]) -> dict[str, str] | None:
    """A form of (key, label, default) fields; the values typed, or None on cancel."""
    dialog, edits = value_form(parent, title, intro, fields)
    if dialog.exec() != QDialog.Accepted:
        return None
    return {key: edit.text().strip() for key, edit in edits.items()}
