"""The outline on the left: the draft's headings as a tree, each with its derived number.
A click goes to the heading; dragging a heading onto another moves its section there (the
window makes the move, one undo step, and the tree follows the draft).

The tree is brought in line with the draft in place (``refresh``): each heading Block keeps
its item, so after a move only the items whose place changed are taken out and put back and
only labels that changed are set — a move in a long speech does not rebuild the tree.  A
section's length (the tooltip) is counted when the pointer rests on it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from drafter.core.model import Block, Draft
from drafter.core.vocab import SPEAKING_RATE, spoken_chars

ROOT = 0    # the key of the top level among the items' children


def heading_label(marker: str, text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"{marker}{text}" if text else f"{marker}（空标题）"


class OutlineView(QTreeWidget):
    block_activated = Signal(int)   # index of the heading block the user picked
    section_dropped = Signal(int, int)   # heading index, block it should now stand before

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setUniformRowHeights(True)
        self.setExpandsOnDoubleClick(False)
        self.items: dict[int, QTreeWidgetItem] = {}     # heading index -> its item
        self.draft: Draft | None = None
        # the tree as this view made it (Qt never moves items itself: drops are ignored)
        self._entries: dict[int, tuple[Block, QTreeWidgetItem, str]] = {}   # id(block) -> block, item, label
        self._kids: dict[int, list[QTreeWidgetItem]] = {}                   # id(parent item) -> children
        self._index: dict[int, int] = {}                                    # id(item) -> heading index
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def set_draft(self, draft: Draft) -> None:
        self.draft = draft
        self.blockSignals(True)
        self.clear()
        self.blockSignals(False)
        self._entries, self._kids, self._index = {}, {}, {}
        self.refresh()

    def refresh(self, markers: list[str] | None = None) -> None:
        """Bring the tree in line with the draft (``markers``: the draft's, when the caller
        has them).  One pass over the blocks; Qt is only asked to change what changed."""
        draft = self.draft
        blocks = draft.blocks if draft is not None else []
        if markers is None or len(markers) != len(blocks):
            markers = draft.markers() if draft is not None else []
        current = self.selected_block()
        entries: dict[int, tuple[Block, QTreeWidgetItem, str]] = {}
        kids: dict[int, list[QTreeWidgetItem]] = {ROOT: []}
        items: dict[int, QTreeWidgetItem] = {}
        stack: list[tuple[int, QTreeWidgetItem]] = []   # (level, item)
        relabel = []
        for i, block in enumerate(blocks):
            if not block.is_heading:
                continue
            label = heading_label(markers[i], block.text)
            entry = self._entries.get(id(block))
            if entry is not None and entry[0] is block:
                item = entry[1]
                if entry[2] != label:
                    relabel.append((item, label))
            else:
                item = QTreeWidgetItem([label])
            entries[id(block)] = (block, item, label)
            items[i] = item
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            kids[id(stack[-1][1]) if stack else ROOT].append(item)
            kids[id(item)] = []
            stack.append((block.level, item))
        known = {id(entry[1]): entry[1] for entry in self._entries.values()}
        known.update((key, item) for key, item in ((id(i), i) for i in items.values()))
        self.blockSignals(True)     # (no setUpdatesEnabled: turning it back on repaints it all)
        try:
            inserted = self._rearrange(kids, known)
            self._kids = kids
            for item, label in relabel:
                item.setText(0, label)
            self._expand(inserted)
        finally:
            self.blockSignals(False)
        self._entries = entries     # items of headings that are gone are freed here
        self.items = items
        self._index = {id(item): i for i, item in items.items()}
        if current is not None:
            self.select_block(current)

    def _rearrange(self, kids: dict[int, list[QTreeWidgetItem]], known: dict[int, QTreeWidgetItem]) -> list:
        """Each item's children as ``kids`` says (ROOT: the top level); returns the items put
        back, whose subtrees need opening again.  Per parent only the run between its
        unchanged first and last children is taken out and put back; everything is taken
        out before anything is put back, so an item that changes parent is free when its new
        parent takes it.  Headings that are gone (not in ``kids``) give up their children."""
        changes = []
        for key in kids.keys() | self._kids.keys():
            old, new = self._kids.get(key, []), kids.get(key, [])
            if len(old) == len(new) and all(a is b for a, b in zip(old, new)):
                continue
            head = 0
            while head < min(len(old), len(new)) and old[head] is new[head]:
                head += 1
            tail = 0
            while tail < min(len(old), len(new)) - head and old[-1 - tail] is new[-1 - tail]:
                tail += 1
            changes.append((known.get(key), head, len(old) - tail, new[head:len(new) - tail]))
        for parent, head, end, _new in changes:
            for k in range(end - 1, head - 1, -1):
                if parent is None:
                    self.takeTopLevelItem(k)
                else:
                    parent.takeChild(k)
        inserted = []
        for parent, head, _end, new in changes:
            if not new:
                continue
            if parent is None:
                self.insertTopLevelItems(head, new)
            else:
                parent.insertChildren(head, new)
                inserted.append(parent)
            inserted.extend(new)
        return inserted

    def _expand(self, items: list[QTreeWidgetItem]) -> None:
        """These items and everything under them open (an item put back comes back closed)."""
        todo = list(items)
        while todo:
            item = todo.pop()
            children = self._kids.get(id(item))
            if children:
                item.setExpanded(True)
                todo.extend(children)

    def item_texts(self) -> list[str]:
        """The labels in outline order (what the user sees)."""
        return [self.items[i].text(0) for i in sorted(self.items)]

    def index_of(self, item: QTreeWidgetItem) -> int | None:
        """The heading block an item stands for."""
        return self._index.get(id(item))

    def selected_block(self) -> int | None:
        items = self.selectedItems()
        return self.index_of(items[0]) if items else None

    def select_block(self, index: int) -> None:
        """Highlight the heading whose section holds block ``index``."""
        if self.draft is None or not self.draft.blocks:
            return
        index = min(index, len(self.draft.blocks) - 1)
        heading = index if self.draft.blocks[index].is_heading else self.draft.parent_of(index)
        item = self.items.get(heading) if heading is not None else None
        selected = self.selectedItems()
        if item is not None and len(selected) == 1 and selected[0] is item:
            return
        self.blockSignals(True)
        self.clearSelection()
        if item is not None:
            item.setSelected(True)
            self.scrollToItem(item)
        self.blockSignals(False)

    def section_tip(self, index: int) -> str:
        """The tooltip of heading ``index``: its sentence, and its section's length and time."""
        draft = self.draft
        block = draft.blocks[index]
        chars = sum(spoken_chars(b.text) + spoken_chars(b.body)
                    for b in draft.blocks[index:draft.section_end(index)])
        return f"{block.text}\n本节 {chars} 字，约 {chars / SPEAKING_RATE:.1f} 分钟"

    def viewportEvent(self, event) -> bool:  # Qt override
        if event.type() == QEvent.ToolTip:
            item = self.itemAt(event.pos())
            index = self.index_of(item) if item is not None else None
            if index is not None and index < len(self.draft.blocks):
                item.setToolTip(0, self.section_tip(index))
        return super().viewportEvent(event)

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        index = self.index_of(item)
        if index is not None:
            self.block_activated.emit(index)

    def drop_target(self, item: QTreeWidgetItem | None, position: QAbstractItemView.DropIndicatorPosition) -> int | None:
        """The block a dragged section should stand before when dropped at ``item``."""
        draft = self.draft
        if draft is None:
            return None
        if item is None:
            return len(draft.blocks)
        index = self.index_of(item)
        if index is None:
            return None
        if position == QAbstractItemView.AboveItem:
            return index
        if position == QAbstractItemView.BelowItem and item.childCount() and item.isExpanded():
            return self.index_of(item.child(0))
        return draft.section_end(index)

    def dropEvent(self, event) -> None:  # Qt override
        source = self.selected_block()
        target = self.drop_target(self.itemAt(event.position().toPoint()), self.dropIndicatorPosition())
        event.setDropAction(Qt.IgnoreAction)   # the tree follows the draft, Qt does not move items
        event.accept()
        if source is not None and target is not None:
            self.section_dropped.emit(source, target)
