"""Every named edit of the draft, applied to the model and handed to the window as one
``Change`` (Mu's logic/view split: the window is the ``EditorView`` below; tests pass a
plain object instead).

Each method runs on the block the view says the cursor is in, changes the Draft, and calls
``view.apply_change(change, name)`` once: the window rewrites that stretch of its document
as one undo step named ``name`` (撤销“下移本节”).  A refused edit changes nothing and
says why through ``view.message``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from drafter.core.model import Block, Draft
from drafter.editing import outline_ops
from drafter.editing.changes import Change, diff, snapshot
from drafter.editing.find import replace_all
from drafter.editing.session import Session


class EditorView(Protocol):
    def current_block(self) -> int: ...
    def apply_change(self, change: Change, name: str) -> None: ...
    def confirm(self, question: str) -> bool: ...
    def message(self, text: str) -> None: ...


#: Step names as the Edit menu shows them (撤销“…”).
NAMES = {
    "up": "上移本节", "down": "下移本节", "promote": "升级", "demote": "降级",
    "heading": "插入同级标题", "child": "插入下级标题", "paragraph": "插入段落",
    "to_heading": "设为标题", "to_paragraph": "设为正文", "delete": "删除本节",
    "replace_all": "全部替换", "sync": "同步宣布的数目", "move": "移动本节", "insert": "插入表述",
    "repair": "调整标题层级", "role": "修改所属部分", "style": "修改编号样式", "numbering": "修改编号样式",
    "template": "插入模板",
}

REFUSALS = {
    "promote": "已是最高一级，无法升级",
    "demote": "无法降级：前面需有同级标题作为上级，且最多四级",
    "to_heading": "已是标题",
    "to_paragraph": "已是正文",
}


class EditorLogic:
    def __init__(self, session: Session, view: EditorView):
        self.session = session
        self.view = view

    @property
    def draft(self) -> Draft:
        return self.session.draft

    def edit(self, key: str, operation: Callable[[Draft, int], int | bool | None],
             index: int | None = None, refusal: str | None = None) -> bool:
        """Run ``operation(draft, index)``: it returns the block to focus (an int), True to
        keep the cursor's block, or False/None when it refuses."""
        index = self.view.current_block() if index is None else index
        before = snapshot(self.draft)
        result = operation(self.draft, index)
        if result is False or result is None:
            self.view.message(refusal or REFUSALS.get(key, "无法执行此操作"))
            return False
        focus = index if result is True else int(result)
        fixed = outline_ops.repair_levels(self.draft)   # part of the same step
        change = diff(before, self.draft, focus)
        if change.empty:
            return False
        self.view.apply_change(change, NAMES.get(key, key))
        if fixed:
            self.view.message(f"已将 {fixed} 个缺少上级的标题提升一级，编号已重排（可撤销）")
        return True

    def text_edit(self, name: str, operation: Callable[[Draft], tuple[int, int] | None]) -> bool:
        """An edit of the text across paragraphs (delete, cut, paste, Enter, a join):
        ``operation(draft)`` returns where the caret goes (block, offset), None to refuse."""
        before = snapshot(self.draft)
        place = operation(self.draft)
        if place is None:
            return False
        fixed = outline_ops.repair_levels(self.draft)
        change = diff(before, self.draft, place[0], place[1])
        if change.empty:
            return False
        self.view.apply_change(change, name)
        if fixed:
            self.view.message(f"已将 {fixed} 个缺少上级的标题提升一级，编号已重排（可撤销）")
        return True

    # ----- the outline ----------------------------------------------------------------
    def move_up(self) -> bool:
        return self.edit("up", outline_ops.move_up)

    def move_down(self) -> bool:
        return self.edit("down", outline_ops.move_down)

    def promote(self) -> bool:
        return self.edit("promote", outline_ops.promote)

    def demote(self) -> bool:
        return self.edit("demote", outline_ops.demote)

    def to_heading(self) -> bool:
        return self.edit("to_heading", outline_ops.to_heading)

    def to_paragraph(self) -> bool:
        return self.edit("to_paragraph", outline_ops.to_paragraph)

    def insert_heading(self, child: bool = False) -> bool:
        return self.edit("child" if child else "heading",
                         lambda d, i: outline_ops.insert_heading(d, i, child=child))

    def insert_paragraph(self) -> bool:
        return self.edit("paragraph", outline_ops.insert_paragraph)

    def delete_section(self) -> bool:
        index = self.view.current_block()
        draft = self.draft
        block = draft.blocks[index]
        size = draft.section_end(index) - index
        if block.is_heading and size > 1:
            label = draft.markers()[index] + (block.text[:20] or "（空标题）")
            if not self.view.confirm(f"删除“{label}”及其下 {size - 1} 段内容？（可用 Ctrl+Z 撤销）"):
                return False
        return self.edit("delete", lambda d, i: outline_ops.delete(d, i)[1], index)

    def move_section(self, index: int, to: int) -> bool:
        """Move the section at ``index`` to stand before block ``to`` (a drag in the outline)."""
        if not self.draft.blocks[index].is_heading:
            return False
        return self.edit("move", lambda d, i: d.move_section(i, to), index)

    def set_role(self, index: int, role: str) -> bool:
        """The part a block belongs to, set by the writer: on a heading, for its whole section;
        kept as the writer's choice (``role_fixed``) when the draft is labelled again or saved."""
        def change(d: Draft, i: int) -> bool:
            end = d.section_end(i) if d.blocks[i].is_heading else i + 1
            for block in d.blocks[i:end]:
                block.role = role
            d.blocks[i].role_fixed = True
            return True
        return self.edit("role", change, index)

    def set_style(self, index: int, style: str | None) -> bool:
        def change(d: Draft, i: int) -> bool:
            d.blocks[i].style = style
            return True
        return self.edit("style", change, index)

    def set_numbering(self, level: int, style: str) -> bool:
        def change(d: Draft, i: int) -> bool:
            d.numbering[level] = style
            return True
        return self.edit("numbering", change, 0)

    # ----- text -----------------------------------------------------------------------
    def replace_all(self, needle: str, replacement: str) -> int:
        counted = []

        def run(d: Draft, i: int) -> bool:
            counted.append(replace_all(d, needle, replacement))
            return bool(counted[0])
        if not needle or not self.edit("replace_all", run, refusal=f"未找到“{needle}”"):
            return 0
        self.view.message(f"已替换 {counted[0]} 处（Ctrl+Z 可撤销）")
        return counted[0]

    def sync_counts(self) -> list:
        from drafter.core.announce import sync_announcements  # rule lists (YAML): on first use

        changed = []

        def run(d: Draft, i: int) -> bool:
            changed.extend(sync_announcements(d))
            return bool(changed)
        self.edit("sync", run, refusal="宣布的数目与后文条数一致，无需修改")
        return changed

    def insert_blocks(self, blocks: list[Block], key: str = "template") -> bool:
        """Blocks (a template part, a pasted speech) after the cursor's block."""
        def run(d: Draft, i: int) -> int:
            copies = [Block(b.kind, b.text, b.body, b.level, b.role, b.style) for b in blocks]
            if len(d.blocks) == 1 and not d.blocks[0].text and not d.blocks[0].body:
                d.blocks[:] = copies
                return len(copies) - 1
            d.blocks[i + 1:i + 1] = copies
            return i + len(copies)
        return bool(blocks) and self.edit(key, run)
