"""The 审校 panel: runs the checks on the open draft (``drafter.editing.checking``, shared
with ``drafter check``) and lists the findings.

Findings are grouped by severity (错误/提醒/信息) or by level-1 part; activating one (double
click or Enter) asks the window to select its span in the editor.  A finding keeps the
``Block`` object it was found in (``FindingList``), so it still points at the right paragraph
after sections were moved or paragraphs inserted; the underline follows the typing.

The options (本地地名, 时限, 语速, 查重, 自动复查, grouping) are kept in the editor settings
(``drafter.gui.settings``).  Checks run on demand (运行审校, F7); with 自动复查 on, the cheap
checks run again 1.5 s after the last edit — never the library overlap check (查重), whose
findings from the last full run are carried over while their paragraphs still exist.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.checks import CHECK_NAMES, CheckOptions, Finding
from drafter.checks.base import SEVERITIES, SEVERITY_NAMES, section_head, section_label, where_label
from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.editing.checking import FindingList, Shown
from drafter.gui import dialogs, settings

logger = logging.getLogger(__name__)

FINDING_ROLE = Qt.UserRole
AUTO_DELAY_MS = 1500           # debounce of the automatic re-run (cheap checks only)
GROUPINGS = {"severity": "按级别", "section": "按部分"}
SEVERITY_ICONS = {"error": QStyle.SP_MessageBoxCritical, "warning": QStyle.SP_MessageBoxWarning,
                  "info": QStyle.SP_MessageBoxInformation}


def summary_text(findings: list[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    return "、".join(f"{SEVERITY_NAMES[s]} {counts[s]}" for s in SEVERITIES)


class ChecksPanel(QWidget):
    finding_activated = Signal(object)    # a Shown: select its span in the editor
    sync_requested = Signal()             # 同步宣布的数目
    listed = Signal(list)                 # the Shown findings now listed ([]: none)

    def __init__(self, values: dict[str, object] | None = None, parent: QWidget | None = None):
        """``values``: the editor settings (read and written back on every option change)."""
        super().__init__(parent)
        self.values = values if values is not None else settings.load()
        self.draft: Draft | None = None
        self.list = FindingList()
        self.source_path = None
        self.stale = False
        self.has_run = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._build_options())
        buttons = QHBoxLayout()
        self.run_button = QPushButton("运行审校")
        self.run_button.setToolTip("检查占位符、编号、宣布的数目、规范表述、地名、排比、篇幅（F7）")
        self.run_button.clicked.connect(lambda: self.run())
        self.grouping = QComboBox()
        for key, label in GROUPINGS.items():
            self.grouping.addItem(label, key)
        self.grouping.setCurrentIndex(max(0, self.grouping.findData(self.values.get("check_group"))))
        self.grouping.currentIndexChanged.connect(self._grouping_changed)
        buttons.addWidget(self.run_button, 1)
        buttons.addWidget(self.grouping)
        layout.addLayout(buttons)
        self.summary = QLabel("尚未审校")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setTextElideMode(Qt.ElideRight)   # the whole text is in the tooltip and below
        self.tree.itemActivated.connect(self._item_activated)   # double click or Enter
        self.tree.currentItemChanged.connect(lambda item, _old: self._show_details(item))
        self.tree.setContextMenuPolicy(Qt.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        layout.addWidget(self.tree, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.details.setStyleSheet("QLabel { background: #faf8f0; padding: 4px; }")
        self.details.hide()
        layout.addWidget(self.details)
        actions = QHBoxLayout()
        self.goto_button = QPushButton("定位")
        self.goto_button.clicked.connect(self.activate_current)
        self.sync_button = QPushButton("同步宣布的数目")
        self.sync_button.setToolTip("把“讲三点意见”等数目改为与后文条数一致，然后重新审校")
        self.sync_button.clicked.connect(self.sync_requested.emit)
        actions.addWidget(self.goto_button)
        actions.addWidget(self.sync_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self._auto_timer = QTimer(self, singleShot=True, interval=AUTO_DELAY_MS)
        self._auto_timer.timeout.connect(lambda: self.run(auto=True))
        self._show_details(None)

    # ----- options --------------------------------------------------------------------
    def _build_options(self) -> QFormLayout:
        v = self.values
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.place = QLineEdit(str(v.get("check_place") or ""))
        self.place.setPlaceholderText("如 临江市（空：取草稿字段）")
        self.place.setClearButtonEnabled(True)
        self.place.editingFinished.connect(self._save_options)
        form.addRow("本地地名", self.place)
        self.budget = QDoubleSpinBox()
        self.budget.setRange(0, 600)
        self.budget.setDecimals(0)
        self.budget.setSuffix(" 分钟")
        self.budget.setSpecialValueText("不限")
        self.budget.setValue(float(v.get("check_budget") or 0))
        self.budget.valueChanged.connect(self._save_options)
        form.addRow("讲话时限", self.budget)
        self.rate = QSpinBox()
        self.rate.setRange(60, 600)
        self.rate.setSuffix(" 字/分钟")
        self.rate.setValue(int(v.get("check_rate") or 230))
        self.rate.setToolTip("念稿一般每分钟 220～250 字")
        self.rate.valueChanged.connect(self._save_options)
        form.addRow("语速", self.rate)
        self.use_library = QCheckBox("与讲话稿库查重")
        self.use_library.setChecked(bool(v.get("check_library", True)))
        self.use_library.setToolTip("与“drafter library add”导入的往年讲话比对相同句段（没有库时跳过）")
        self.use_library.toggled.connect(self._save_options)
        self.auto = QCheckBox("修改后自动复查（不含查重）")
        self.auto.setChecked(bool(v.get("check_auto", False)))
        self.auto.toggled.connect(self._save_options)
        checks = QVBoxLayout()
        checks.setSpacing(0)
        checks.addWidget(self.use_library)
        checks.addWidget(self.auto)
        form.addRow("", checks)
        return form

    def _save_options(self, *_args) -> None:
        self.values["check_place"] = self.place.text().strip()
        self.values["check_budget"] = float(self.budget.value())
        self.values["check_rate"] = int(self.rate.value())
        self.values["check_library"] = self.use_library.isChecked()
        self.values["check_auto"] = self.auto.isChecked()
        self.values["check_group"] = self.grouping.currentData()
        settings.save(self.values)
        if not self.auto.isChecked():
            self._auto_timer.stop()

    def options(self, auto: bool = False) -> CheckOptions:
        """The options as set in the panel; ``auto``: the cheap checks only."""
        budget = self.budget.value()
        return CheckOptions(
            place=self.place.text().strip() or None,
            source_path=self.source_path,
            rate=int(self.rate.value()),
            budget_minutes=float(budget) if budget > 0 else None)

    # ----- the draft ------------------------------------------------------------------
    def set_draft(self, draft: Draft, source_path=None) -> None:
        """A new draft is shown: the old findings no longer apply."""
        self.draft = draft
        self.list.set_draft(draft)
        self.source_path = source_path
        self._auto_timer.stop()
        self.stale = False
        self.has_run = False
        self.tree.clear()
        self.summary.setText("尚未审校（F7）")
        self._show_details(None)
        self.listed.emit([])

    def draft_edited(self) -> None:
        """The text or structure changed: the list may be out of date."""
        if not self.has_run:
            return
        if not self.stale:
            self.stale = True
            self.summary.setText(self.summary.text() + "（内容已修改，请重新审校）")
        if self.auto.isChecked():
            self._auto_timer.start()

    # ----- running --------------------------------------------------------------------
    def run(self, auto: bool = False) -> list[Finding] | None:
        """Run the checks and list the findings; None when they could not run."""
        self._auto_timer.stop()
        if self.draft is None:
            return None
        try:
            note = self.list.run(self.options(auto), auto, self.use_library.isChecked(),
                                 settings.load().get("library") or None)
        except DrafterError as exc:
            logger.warning("checks failed: %s", exc)
            dialogs.show_error(self, f"审校未能完成：{exc.message}")
            return None
        self.stale = False
        self.has_run = True
        self._fill()
        self.summary.setText(summary_text(self.list.findings()) + note)
        self.listed.emit(self.shown)
        return self.list.findings()

    @property
    def shown(self) -> list[Shown]:
        return self.list.shown

    def findings(self) -> list[Finding]:
        return self.list.findings()

    def marks(self) -> list[tuple[int, int, int, int | None, str]]:
        """(key, block index, start, end, severity) of every listed finding with a span."""
        return self.list.marks()

    # ----- the list -------------------------------------------------------------------
    def index_of(self, shown: Shown) -> int | None:
        """Where the finding's block is now (None: whole draft or the block was deleted)."""
        return self.list.index_of(shown)

    def _fill(self) -> None:
        draft = self.draft
        derived = draft.markers()
        by_section = self.grouping.currentData() == "section"
        self.tree.clear()
        groups: dict[object, QTreeWidgetItem] = {}
        counts: dict[object, int] = {}
        style = self.style()
        listed = self.shown
        if not by_section:   # errors first, then warnings, then notes; document order within
            rank = {name: i for i, name in enumerate(SEVERITIES)}
            listed = sorted(listed, key=lambda s: rank.get(s.finding.severity, 9))
        where = self.list.positions()
        for s in listed:
            f = s.finding
            index = self.list.index_of(s, where)
            if by_section:
                key = "whole" if s.block is None else section_head(draft, index)
                label = "全文" if key == "whole" else section_label(draft, key, derived)
            else:
                key, label = f.severity, SEVERITY_NAMES.get(f.severity, f.severity)
            group = groups.get(key)
            if group is None:
                group = QTreeWidgetItem([label])
                group.setFlags(Qt.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                if not by_section:
                    group.setIcon(0, style.standardIcon(SEVERITY_ICONS.get(f.severity, QStyle.SP_MessageBoxInformation)))
                groups[key] = group
                counts[key] = 0
                self.tree.addTopLevelItem(group)
            counts[key] += 1
            name = CHECK_NAMES.get(f.check, f.check)
            head = f"{where_label(draft, index, derived)} · {name}"
            item = QTreeWidgetItem([f"{head}\n{f.message}"])
            item.setData(0, FINDING_ROLE, s)
            item.setToolTip(0, f"{head}\n{f.message}" + (f"\n建议：{f.suggestion}" if f.suggestion else ""))
            if by_section:
                item.setIcon(0, style.standardIcon(SEVERITY_ICONS.get(f.severity, QStyle.SP_MessageBoxInformation)))
            group.addChild(item)
        for key, group in groups.items():
            group.setText(0, f"{group.text(0)}（{counts[key]}）")
        self.tree.expandAll()
        if not self.shown:
            empty = QTreeWidgetItem(["未发现问题"])
            empty.setFlags(Qt.ItemIsEnabled)
            self.tree.addTopLevelItem(empty)
        self._show_details(None)

    def items(self) -> list[QTreeWidgetItem]:
        """The finding items in the order listed."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            found += [group.child(j) for j in range(group.childCount())]
        return found

    def group_labels(self) -> list[str]:
        return [self.tree.topLevelItem(i).text(0) for i in range(self.tree.topLevelItemCount())]

    def _grouping_changed(self, _index: int) -> None:
        self._save_options()
        if self.shown:
            self._fill()

    def _show_details(self, item: QTreeWidgetItem | None) -> None:
        shown = item.data(0, FINDING_ROLE) if item is not None else None
        self.goto_button.setEnabled(shown is not None)
        self.sync_button.setVisible(shown is not None and shown.finding.check == "announcement")
        if shown is None:
            self.details.hide()
            return
        f = shown.finding
        text = f"{SEVERITY_NAMES.get(f.severity, f.severity)}（{CHECK_NAMES.get(f.check, f.check)}）：{f.message}"
        if f.suggestion:
            text += f"\n建议：{f.suggestion}"
        self.details.setText(text)
        self.details.show()

    def _item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        shown = item.data(0, FINDING_ROLE)
        if shown is not None:
            self.finding_activated.emit(shown)

    def context_menu(self, item: QTreeWidgetItem | None) -> QMenu | None:
        """定位 and, for an announced count, 同步宣布的数目."""
        shown = item.data(0, FINDING_ROLE) if item is not None else None
        if shown is None:
            return None
        menu = QMenu(self)
        menu.addAction("定位到正文", lambda: self.finding_activated.emit(shown))
        if shown.finding.check == "announcement":
            menu.addAction("同步宣布的数目", self.sync_requested.emit)
        return menu

    def _context_menu(self, pos) -> None:
        menu = self.context_menu(self.tree.itemAt(pos))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def activate_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._item_activated(item)
