"""The main window: outline on the left, the draft in the centre, menus and toolbar.

The window owns one ``Session`` (the draft and its file) and one ``EditorLogic``
(drafter/editing) whose view is the centre ``DocumentEditor``: every outline edit is a
logic call, every change comes back as one undo step.  File handling (open, save,
conflicts, locks, autosave, recovery) lives in ``FileActions`` (file_actions.py).
Docks: 素材 (side_panel.py) and 审校 (checks_panel.py), tabbed on the right.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from drafter.core.journal import FLUSH_SECONDS
from drafter.core.model import Draft
from drafter.editing.logic import EditorLogic
from drafter.editing.session import Session
from drafter.editing.stats import draft_stats
from drafter.gui import dialogs, settings
from drafter.gui.docks import LazyDock
from drafter.gui.document_editor import DocumentEditor
from drafter.gui.draft_form import DraftForm, NumberingPanel
from drafter.gui.file_actions import FileActions
from drafter.gui.find_replace import FindBar
from drafter.gui.outline_view import OutlineView

logger = logging.getLogger(__name__)

APP_TITLE = "Drafter 讲话稿起草助手"


class MainWindow(QMainWindow):
    def __init__(self, autosave_seconds: float = FLUSH_SECONDS, font_size: int = 14, load_materials: bool = True):
        """``load_materials``: read the phrase bank and templates when the side panel first
        shows (tests that do not need them pass False and call ``side.load()`` themselves)."""
        super().__init__()
        self.load_materials = load_materials
        self.session = Session()
        self.settings = settings.load()
        self.files = FileActions(self)
        self.setAcceptDrops(True)
        self._build_widgets(font_size)
        self._build_actions()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._stats_timer = QTimer(self, singleShot=True, interval=300)
        self._stats_timer.timeout.connect(self._text_settled)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(int(autosave_seconds * 1000))
        self.autosave_timer.timeout.connect(self.files.autosave_now)
        self.autosave_timer.start()
        self.resize(1200, 800)
        self.set_session(self.session)

    # ----- widgets --------------------------------------------------------------------
    def _build_widgets(self, font_size: int) -> None:
        self.outline = OutlineView()
        self.outline.block_activated.connect(lambda i: self.editor.focus_block(i))
        self.outline.section_dropped.connect(lambda i, to: self.logic.move_section(i, to))
        self.numbering = NumberingPanel()
        self.numbering.style_picked.connect(self._numbering_changed)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        left_layout.addWidget(QLabel("提纲"))
        left_layout.addWidget(self.outline, 1)
        left_layout.addWidget(self.numbering)

        self.form = DraftForm()
        self.form.changed.connect(lambda: self._edited(False))
        self.editor = DocumentEditor(font_size=font_size)
        self.logic = EditorLogic(self.session, self.editor)
        self.editor.logic = self.logic
        self.editor.copy_fonts = self.font_set
        self.editor.edited.connect(self._edited)
        self.editor.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.editor.steps_changed.connect(self._steps_changed)
        self.editor.meta_changed.connect(self._meta_changed)
        self.editor.current_changed.connect(self.outline.select_block)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.form)
        self._review_margin = None
        self.text_row = QHBoxLayout()        # the editor, and the 批注栏 beside it when there is one
        self.text_row.addWidget(self.editor, 1)
        centre_layout.addLayout(self.text_row, 1)
        self.find_bar = FindBar(self.editor)
        self.find_bar.replaced_all.connect(lambda needle, text: self.logic.replace_all(needle, text))
        self.find_bar.hide()
        centre_layout.addWidget(self.find_bar)

        self.editor.current_changed.connect(self._current_changed)
        # Right-hand docks, tabbed; each panel is built when first shown or used (docks.py).
        self.dock = LazyDock("素材", "materialDock", self._build_side, self)
        self.checks_dock = LazyDock("审校", "checksDock", self._build_checks, self)
        self.tabifyDockWidget(self.dock, self.checks_dock)
        self.dock.raise_()

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(centre)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 800])
        self.setCentralWidget(self.splitter)

    @property
    def review_margin(self):
        """批注栏 (gui/comments.py): built when a draft with a reviewer's marks first shows."""
        if self._review_margin is None:
            from drafter.gui.comments import ReviewMargin

            self._review_margin = ReviewMargin(self.editor, self.apply_review)
            self.text_row.addWidget(self._review_margin)
        return self._review_margin

    def _build_side(self):
        from drafter.gui.library_panel import insert_into
        from drafter.gui.side_panel import SidePanel  # templates and phrase bank: after the first paint

        side = SidePanel()
        side.phrases.insert_requested.connect(self.editor.insert_text)
        side.library.insert_requested.connect(lambda pieces: insert_into(self.editor, pieces))
        side.templates.draft_made.connect(self.files.new_from_draft)
        if self.draft.blocks:
            side.phrases.set_role(self.draft.blocks[self.editor.current_block()].role)
        if self.load_materials:
            QTimer.singleShot(0, side, side.load)
        return side

    def _build_checks(self):
        from drafter.gui.checks_panel import ChecksPanel  # the check modules: when 审校 is first used

        checks = ChecksPanel(self.settings)
        checks.set_draft(self.draft, self._source_path())
        checks.finding_activated.connect(self.show_finding)
        checks.sync_requested.connect(self.sync_from_checks)
        checks.listed.connect(lambda _shown: self.editor.mark_findings(checks.marks()))
        return checks

    @property
    def side(self):
        return self.dock.panel

    @property
    def checks(self):
        return self.checks_dock.panel

    def _action(self, text: str, slot, shortcut=None, icon=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        f = self.files
        self.act = {
            "new": self._action("新建", f.new_draft, QKeySequence.New, sp.SP_FileIcon, "新建空白讲话稿"),
            "open": self._action("打开…", f.open_dialog, QKeySequence.Open, sp.SP_DialogOpenButton,
                                 "打开草稿、Word 或文本文件"),
            "save": self._action("保存", f.save, QKeySequence.Save, sp.SP_DialogSaveButton, "保存草稿"),
            "save_as": self._action("另存为…", f.save_as, QKeySequence.SaveAs, None, "保存到新位置"),
            "export_print": self._action("导出 Word（印发稿）…", lambda: f.export("print"), "Ctrl+E", None,
                                         "按公文格式导出 .docx"),
            "export_large": self._action("导出 Word（大字版）…", lambda: f.export("read-aloud"), None, None,
                                         "导出供讲话人念稿的大字版 .docx"),
            "export_text": self._action("导出纯文本…", f.export_text, None, None, "导出为 .txt"),
            "quit": self._action("退出", self.close, QKeySequence.Quit),
            "undo": self._action("撤销", self.editor.undo_step, QKeySequence.Undo, None, "撤销上一步（文字、粘贴、结构调整都可撤销）"),
            "redo": self._action("重做", self.editor.redo_step, QKeySequence.Redo, None, "重做（Ctrl+Y 或 Ctrl+Shift+Z）"),
            "cut": self._action("剪切", self.editor.cut, None, None, "剪切所选（含编号的纯文本）"),
            "copy": self._action("复制", self.editor.copy, None, None, "复制所选（含编号的纯文本）"),
            "paste": self._action("粘贴", self.editor.paste, None, None, "粘贴；多行带编号的文字自动识别为标题"),
            "paste_plain": self._action("粘贴为纯文本", self.editor.paste_plain, "Ctrl+Shift+V", None,
                                        "粘贴，每行一段，不识别提纲"),
            "select_all": self._action("全选", self.editor.selectAll, None, None, "选中全文"),
            "heading": self._action("插入同级标题", lambda: self.logic.insert_heading(), "Ctrl+Return", None,
                                    "在本节之后插入同级标题"),
            "child": self._action("插入下级标题", lambda: self.logic.insert_heading(child=True), "Ctrl+Shift+Return",
                                  None, "在本节末尾插入下一级标题"),
            "paragraph": self._action("插入段落", lambda: self.logic.insert_paragraph(), "Ctrl+Alt+Return", None,
                                      "在当前段之后插入段落"),
            "up": self._action("上移", lambda: self.logic.move_up(), "Alt+Up", sp.SP_ArrowUp, "本节（连同下级内容）上移"),
            "down": self._action("下移", lambda: self.logic.move_down(), "Alt+Down", sp.SP_ArrowDown,
                                 "本节（连同下级内容）下移"),
            "promote": self._action("升级", lambda: self.logic.promote(), "Alt+Left", sp.SP_ArrowLeft, "标题升一级"),
            "demote": self._action("降级", lambda: self.logic.demote(), "Alt+Right", sp.SP_ArrowRight, "标题降一级"),
            "to_heading": self._action("设为标题", lambda: self.logic.to_heading(), None, None, "把当前段落改为标题"),
            "to_paragraph": self._action("设为正文", lambda: self.logic.to_paragraph(), None, None,
                                         "把当前标题改为普通段落"),
            "delete": self._action("删除本节", lambda: self.logic.delete_section(), "Ctrl+Shift+Delete",
                                   sp.SP_TrashIcon, "删除当前标题及其下全部内容，或当前段落"),
            "copy_all": self._action("复制全文", self.copy_all, None, None,
                                     "把整篇讲话稿（含编号）作为纯文本复制到剪贴板"),
            "find": self._action("查找…", lambda: self.find_bar.open(), QKeySequence.Find, None, "在草稿中查找"),
            "replace": self._action("替换…", lambda: self.find_bar.open(replace=True), "Ctrl+H", None,
                                    "查找并替换（如 XX市 → 本市名称）"),
            "sync": self._action("同步宣布的数目", self.sync_counts, None, sp.SP_BrowserReload,
                                 "把“讲三点意见”等数目改为与后文条数一致"),
            "checks": self._action("审校", self.run_checks, "F7", sp.SP_DialogApplyButton,
                                   "检查占位符、编号、宣布的数目、规范表述、地名、排比、篇幅"),
            "compare": self._action("比较版本…", self.compare_versions, "Ctrl+Shift+D", None,
                                    "与某一轮次（第一稿、征求意见稿……）或另一文件比较，可导出带修订的 Word"),
            "review": self._action("审阅稿的修订与批注…", self.review_marks, None, None,
                                   "逐条或全部接受、拒绝从 Word 审阅稿读入的修订，查看批注"),
            "environment": self._action("运行环境", self.show_environment, None, None,
                                        "版本、数据文件夹、Word 字体和各项功能是否正常（同 drafter doctor）"),
            "about": self._action("关于", self.about),
        }
        a = self.act
        menu = self.menuBar().addMenu("文件(&F)")
        for key in ("new", "open"):
            menu.addAction(a[key])
        self.recent_menu = menu.addMenu("最近打开")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        for key in ("save", "save_as", None, "export_print", "export_large", "export_text"):
            menu.addSeparator() if key is None else menu.addAction(a[key])
        fonts_menu = menu.addMenu("Word 字体方案")
        fonts_menu.aboutToShow.connect(lambda: self._fill_font_menu(fonts_menu))   # when first opened
        menu.addSeparator()
        menu.addAction(a["quit"])
        menu = self.menuBar().addMenu("编辑(&E)")
        for key in ("undo", "redo", None, "cut", "copy", "paste", "paste_plain", "select_all", "copy_all", None,
                    "find", "replace", None, "heading", "child", "paragraph", None, "up", "down",
                    "promote", "demote", None, "to_heading", "to_paragraph", "delete", None, "sync"):
            menu.addSeparator() if key is None else menu.addAction(a[key])
        view = self.menuBar().addMenu("视图(&V)")
        toggle = self.dock.toggleViewAction()
        toggle.setText("素材面板（常用表述、结构模板）")
        view.addAction(toggle)
        toggle = self.checks_dock.toggleViewAction()
        toggle.setText("审校面板")
        view.addAction(toggle)
        tools = self.menuBar().addMenu("工具(&T)")
        tools.addAction(a["checks"])
        tools.addAction(a["compare"])
        tools.addAction(a["review"])
        menu = self.menuBar().addMenu("帮助(&H)")
        menu.addAction(a["environment"])
        menu.addAction(a["about"])
        bar = QToolBar("工具栏")
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        for key in ("new", "open", "save", None, "export_print", None, "heading", "child", "paragraph",
                    None, "up", "down", "promote", "demote", "delete", None, "sync", "checks"):
            bar.addSeparator() if key is None else bar.addAction(a[key])
        self.addToolBar(bar)

    def _fill_font_menu(self, menu) -> None:
        """The Word font sets, each checkable (the export modules load when the menu opens)."""
        from drafter.export.fonts import FONT_SETS

        if menu.actions():
            return
        group = QActionGroup(menu)
        for name, font_set in FONT_SETS.items():
            action = menu.addAction(font_set.label)
            action.setCheckable(True)
            action.setChecked(name == self.font_set)
            action.triggered.connect(lambda _checked=False, n=name: self.set_font_set(n))
            group.addAction(action)

    @property
    def font_set(self) -> str:
        return str(self.settings.get("font_set") or "gb2312")

    def set_font_set(self, name: str) -> None:
        self.settings["font_set"] = name
        self.editor.copy_fonts = name
        settings.save(self.settings)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self.settings.get("recent", []) if Path(p).exists()]
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.files.open_path(Path(p)))
        if not recent:
            self.recent_menu.addAction("（无）").setEnabled(False)

    # ----- session --------------------------------------------------------------------
    @property
    def draft(self) -> Draft:
        return self.session.draft

    def set_session(self, session: Session) -> None:
        """Show ``session`` (the previous one must already be closed or handed over)."""
        self.session = session
        self.logic.session = session
        if session.path is not None or session.origin is not None:
            settings.remember_recent(self.settings, str(session.path or session.origin))
        self.form.set_draft(self.draft)
        self.numbering.set_draft(self.draft)
        self.editor.set_draft(self.draft)
        if self._review_margin is not None or self.draft.review is not None:
            self.review_margin.set_draft(self.draft)
        self.outline.set_draft(self.draft)
        if self.checks_dock.built:
            self.checks.set_draft(self.draft, self._source_path())
        self._update_stats(announcements=False)
        self._stats_timer.start()           # the announced counts a moment later
        self.update_title()

    def update_title(self) -> None:
        name = self.session.display_name()
        flag = "（只读）" if self.session.read_only else ""
        self.setWindowTitle(f"{name}{flag}[*] — {APP_TITLE}")
        self.setWindowModified(self.session.modified)

    # ----- changes --------------------------------------------------------------------
    def _edited(self, structural: bool) -> None:
        """Every change of the draft passes here once (the session's one edit hook)."""
        self.session.edited()
        if not self.isWindowModified():
            self.setWindowModified(True)
        if self.checks_dock.built:
            self.checks.draft_edited()
        if structural:
            self.outline.refresh(self.editor.markers)
            self.outline.select_block(self.editor.current_block())
        self._stats_timer.start()           # counts and announced numbers once typing pauses

    def _text_settled(self) -> None:
        self.outline.refresh(self.editor.markers)   # heading sentences typed into
        self._update_stats()
        if self.windowTitle() and not self.session.path:
            self.update_title()

    def _meta_changed(self) -> None:
        self.form.set_draft(self.draft)
        self.numbering.set_draft(self.draft)

    def _steps_changed(self) -> None:
        undo, redo = self.editor.undo_name(), self.editor.redo_name()
        self.act["undo"].setText(f"撤销“{undo}”" if undo else "撤销")
        self.act["undo"].setEnabled(bool(undo))
        self.act["redo"].setText(f"重做“{redo}”" if redo else "重做")
        self.act["redo"].setEnabled(bool(redo))

    def _current_changed(self, index: int) -> None:
        if 0 <= index < len(self.draft.blocks) and self.dock.built:
            self.side.phrases.set_role(self.draft.blocks[index].role)

    def _numbering_changed(self, level: int, style: str) -> None:
        self.logic.set_numbering(level, style)

    def _update_stats(self, announcements: bool = True) -> None:
        stats = draft_stats(self.draft, int(self.settings.get("check_rate") or 0) or None)
        text = f"字数 {stats.chars:,}　约 {stats.minutes_label}"
        off = []
        if announcements:   # a moment after the window shows (its rule lists load on first use)
            from drafter.core.announce import find_announcements

            off = [a for a in find_announcements(self.draft) if not a.in_sync]
        if off:
            text += f"　宣布数目不符 {len(off)} 处"
        self.status_label.setText(text)

    def copy_all(self) -> str:
        """The whole speech with its numbers on the clipboard (as Ctrl+A, Ctrl+C)."""
        cursor = self.editor.textCursor()
        self.editor.selectAll()
        self.editor.copy()
        self.editor.setTextCursor(cursor)
        text = QApplication.clipboard().text()
        self.statusBar().showMessage(f"已复制全文（{len(text)} 字符）", 4000)
        return text

    # ----- 审校 -------------------------------------------------------------------------
    def run_checks(self) -> list | None:
        """Show the 审校 panel and check the draft as it is now."""
        self.checks_dock.show()
        self.checks_dock.raise_()
        self.checks.source_path = self._source_path()
        findings = self.checks.run()
        if findings is not None:
            self.statusBar().showMessage(f"审校完成：{self.checks.summary.text()}", 6000)
        return findings

    def compare_versions(self) -> None:
        """工具 → 比较版本 (gui/compare_view.py)."""
        from drafter.gui.compare_view import CompareDialog  # the comparison and Word writer: when first used

        CompareDialog(self.draft, self.session.path, self, restore=self.restore_round).exec()

    def review_marks(self) -> None:
        """工具 → 审阅稿的修订与批注 (gui/compare_view.py)."""
        from drafter.gui.compare_view import ReviewDialog  # when first used

        ReviewDialog(self.draft, self.apply_review, self).exec()

    def apply_review(self, result: Draft, label: str) -> None:
        """Accepted or rejected revisions as one undoable step; the pending list follows."""
        from drafter.gui.comments import keep_review_in_step
        from drafter.gui.compare_view import replace_text

        before = self.draft.review
        if self.logic.text_edit(label, lambda draft: replace_text(draft, result)):
            keep_review_in_step(self.editor, before, result.review)   # undo brings the marks back
        self.draft.review = result.review
        self.review_margin.set_draft(self.draft)

    def restore_round(self, restored: Draft, name: str) -> None:
        """The text of a round as the draft's text, one undoable step."""
        from drafter.gui.compare_view import replace_text

        self.logic.text_edit(f"恢复轮次“{name}”", lambda draft: replace_text(draft, restored))

    def _source_path(self) -> Path | None:
        """The file the draft is (or was imported from), so 查重 skips its own library copy."""
        return self.session.path or self.session.origin

    def show_finding(self, shown) -> None:
        """Select a finding's span in the editor."""
        if shown.block is None:
            field = shown.finding.field
            if field in self.form.edits:   # 标题未填完：“XX”（XX市…）: go to the field
                self.form.edits[field].setFocus()
                self.form.edits[field].selectAll()
            self.statusBar().showMessage(shown.finding.message, 8000)
            return
        index = self.checks.index_of(shown)
        if index is None:
            self.statusBar().showMessage("该段已删除，请重新审校（F7）", 6000)
            return
        f = shown.finding
        if not self.editor.select_mark(id(shown)):   # the underline follows typing; offsets do not
            self.editor.select_span(index, f.start, f.end)
        self.outline.select_block(index)
        self.statusBar().showMessage(f.message, 8000)

    def sync_counts(self) -> None:
        changed = self.logic.sync_counts()
        if not changed:
            dialogs.show_info(self, "宣布的数目与后文条数一致，无需修改。")
            return
        lines = "\n".join(f"“{a.phrase}” → {a.actual}" for a in changed)
        dialogs.show_info(self, f"已修改 {len(changed)} 处（Ctrl+Z 可撤销）：\n{lines}")

    def sync_from_checks(self) -> None:
        self.sync_counts()
        self.run_checks()

    def show_environment(self) -> None:
        """帮助 → 运行环境: the report of ``drafter doctor``."""
        from drafter import diagnostics  # package metadata and font probing: only when asked

        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            text = diagnostics.format_report(diagnostics.report())
        finally:
            QApplication.restoreOverrideCursor()
        dialogs.show_text(self, text, "运行环境")

    def about(self) -> None:
        from drafter import __version__
        dialogs.show_info(self, f"Drafter 讲话稿起草助手 {__version__}\n离线运行，草稿不离开本机。", "关于")

    # ----- window events --------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosave_timer.stop()
        self.session.close()
        event.accept()

    def changeEvent(self, event) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == QEvent.ActivationChange and self.isActiveWindow():
            QTimer.singleShot(0, self, self.files.check_disk)

    def dragEnterEvent(self, event) -> None:  # Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # Qt override
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            QTimer.singleShot(0, self, lambda: self.files.open_path(Path(urls[0])))
