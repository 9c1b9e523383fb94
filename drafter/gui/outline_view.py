"""The outline on the left: the draft's headings as a tree, each with its derived number.
A click goes to the heading; dragging a heading onto another moves its section there (the
window makes the move, one undo step, and the tree is rebuilt from the draft)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from drafter.core.model import Draft
from drafter.core.vocab import SPEAKING_RATE, spoken_chars

INDEX_ROLE = Qt.UserRole


def heading_label(marker: str, text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"{marker}{text}" if text else f"{marker}（空标题）"


def section_ends(draft: Draft, heads: list[int]) -> dict[int, int]:
    """One past the last block of each heading's section (``Draft.section_end`` for all)."""
    ends: dict[int, int] = {}
    open_: list[int] = []
    for i in heads:
        level = draft.blocks[i].level
        while open_ and draft.blocks[open_[-1]].level >= level:
            ends[open_.pop()] = i
        open_.append(i)
    for i in open_:
        ends[i] = len(draft.blocks)
    return ends


class OutlineView(QTreeWidget):
    block_activated = Signal(int)   # index of the heading block the user picked
    section_dropped = Signal(int, int)   # heading index, block it should now stand before

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        self.items: dict[int, QTreeWidgetItem] = {}
        self.draft: Draft | None = None
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def set_draft(self, draft: Draft) -> None:
        self.draft = draft
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the tree from the draft (one pass over the blocks)."""
        draft = self.draft
        current = self.selected_block()
        self.setUpdatesEnabled(False)
        self.blockSignals(True)
        self.clear()
        self.items = {}
        if draft is not None:
            markers = draft.markers()
            upto = [0]     # characters before each block, so a section's length is one subtraction
            for b in draft.blocks:
                upto.append(upto[-1] + spoken_chars(b.text) + spoken_chars(b.body))
            heads = draft.headings()
            ends = section_ends(draft, heads)
            stack: list[tuple[int, QTreeWidgetItem]] = []  # (level, item)
            for i in heads:
                block = draft.blocks[i]
                while stack and stack[-1][0] >= block.level:
                    stack.pop()
                item = QTreeWidgetItem([heading_label(markers[i], block.text)])
                item.setData(0, INDEX_ROLE, i)
                chars = upto[ends[i]] - upto[i]
                minutes = chars / SPEAKING_RATE
                item.setToolTip(0, f"{block.text}\n本节 {chars} 字，约 {minutes:.1f} 分钟")
                if stack:
                    stack[-1][1].addChild(item)
                else:
                    self.addTopLevelItem(item)
                stack.append((block.level, item))
                self.items[i] = item
        self.expandAll()
        self.blockSignals(False)
        self.setUpdatesEnabled(True)
        if current is not None:
            self.select_block(current)

    def item_texts(self) -> list[str]:
        """The labels in outline order (what the user sees)."""
        return [self.items[i].text(0) for i in sorted(self.items)]

    def selected_block(self) -> int | None:
        items = self.selectedItems()
        return items[0].data(0, INDEX_ROLE) if items else None

    def select_block(self, index: int) -> None:
        """Highlight the heading whose section holds block ``index``."""
        if self.draft is None or not self.draft.blocks:
            return
        index = min(index, len(self.draft.blocks) - 1)
        heading = index if self.draft.blocks[index].is_heading else self.draft.parent_of(index)
        self.blockSignals(True)
        self.clearSelection()
        item = self.items.get(heading) if heading is not None else None
        if item is not None:
            item.setSelected(True)
            self.scrollToItem(item)
        self.blockSignals(False)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.block_activated.emit(item.data(0, INDEX_ROLE))

    def drop_target(self, item: QTreeWidgetItem | None, position: QAbstractItemView.DropIndicatorPosition) -> int | None:
        """The block a dragged section should stand before when dropped at ``item``."""
        draft = self.draft
        if draft is None:
            return None
        if item is None:
            return len(draft.blocks)
        index = item.data(0, INDEX_ROLE)
        if position == QAbstractItemView.AboveItem:
            return index
        if position == QAbstractItemView.BelowItem and item.childCount() and item.isExpanded():
            return item.child(0).data(0, INDEX_ROLE)
        return draft.section_end(index)

    def dropEvent(self, event) -> None:  # Qt override
        source = self.selected_block()
        target = self.drop_target(self.itemAt(event.position().toPoint()), self.dropIndicatorPosition())
        event.setDropAction(Qt.IgnoreAction)   # the tree is rebuilt from the draft, not moved by Qt
        event.accept()
        if source is not None and target is not None:
            self.section_dropped.emit(source, target)
