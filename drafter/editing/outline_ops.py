"""Edits the editor's buttons make, on the Draft model (no Qt).

Each takes the index of the block the cursor is in and returns the index the cursor should
go to afterwards.  Headings move, promote and demote with their whole section
(``Draft.move_up`` …); a paragraph moves one block at a time.
"""

from __future__ import annotations

import re

from drafter.core.model import MAX_LEVEL, Block, Draft
from drafter.core.vocab import DRAFT_FIELDS

_SENTENCE_END = re.compile(r"[。；！？：]")


def _section_level(draft: Draft, index: int) -> int:
    """Level of the heading the block at ``index`` belongs to (0 at top level)."""
    block = draft.blocks[index]
    if block.is_heading:
        return block.level
    parent = draft.parent_of(index)
    return draft.blocks[parent].level if parent is not None else 0


def insert_heading(draft: Draft, index: int, child: bool = False) -> int:
    """A new heading after the section the cursor is in: a sibling of that section's
    heading, or with ``child`` the last heading one level down inside it."""
    if not draft.blocks:
        draft.blocks.append(Block.heading(1, ""))
        return 0
    block = draft.blocks[index]
    heading = index if block.is_heading else draft.parent_of(index)
    if heading is None:
        level, at = 1, index + 1
        role = block.role
    else:
        level = draft.blocks[heading].level
        role = draft.blocks[heading].role
        if child:
            level = min(level + 1, MAX_LEVEL)
        at = draft.section_end(heading)
    draft.insert(at, Block.heading(level, "", role=role))
    return at


def insert_paragraph(draft: Draft, index: int) -> int:
    role = draft.blocks[index].role if draft.blocks else "other"
    at = index + 1 if draft.blocks else 0
    draft.insert(at, Block.paragraph("", role))
    return at


def delete(draft: Draft, index: int) -> tuple[list[Block], int]:
    """Delete a heading with its section, or one paragraph.  The draft keeps at least one
    (empty) paragraph so there is always somewhere to type."""
    removed = draft.delete_section(index)
    if not draft.blocks:
        draft.blocks.append(Block.paragraph(""))
    return removed, min(index, len(draft.blocks) - 1)


def move_up(draft: Draft, index: int) -> int:
    if draft.blocks[index].is_heading:
        return draft.move_up(index)
    if index == 0:
        return index
    draft.blocks[index - 1], draft.blocks[index] = draft.blocks[index], draft.blocks[index - 1]
    return index - 1


def move_down(draft: Draft, index: int) -> int:
    if draft.blocks[index].is_heading:
        return draft.move_down(index)
    if index >= len(draft.blocks) - 1:
        return index
    draft.blocks[index + 1], draft.blocks[index] = draft.blocks[index], draft.blocks[index + 1]
    return index + 1


def promote(draft: Draft, index: int) -> bool:
    return draft.blocks[index].is_heading and draft.promote(index)


def demote(draft: Draft, index: int) -> bool:
    return draft.blocks[index].is_heading and draft.demote(index)


def to_heading(draft: Draft, index: int) -> bool:
    """Make a paragraph a heading one level below the section it is in; its first sentence
    becomes the heading sentence and the rest the run-in body."""
    block = draft.blocks[index]
    if block.is_heading:
        return False
    level = min(_section_level(draft, index) + 1, MAX_LEVEL)
    match = _SENTENCE_END.search(block.text)
    cut = match.end() if match else len(block.text)
    draft.blocks[index] = Block.heading(level, block.text[:cut], block.text[cut:], block.role)
    return True


def to_paragraph(draft: Draft, index: int) -> bool:
    """Make a heading an ordinary paragraph (heading sentence and body joined).  The
    headings under it stay where they are and renumber."""
    block = draft.blocks[index]
    if not block.is_heading:
        return False
    draft.blocks[index] = Block.paragraph(block.text + block.body, block.role)
    return True


def _is_empty(draft: Draft) -> bool:
    return all(not b.text.strip() and not b.body.strip() for b in draft.blocks)


def insert_draft(draft: Draft, index: int, other: Draft) -> int:
    """Put the blocks of ``other`` (a pasted speech, parsed) after block ``index``.  Into an
    empty draft the pasted one comes whole: title, speaker, date, salutation and numbering
    styles too.  Returns the index of the last inserted block."""
    blocks = [Block(b.kind, b.text, b.body, b.level, b.role, b.style) for b in other.blocks]
    if not blocks:
        return index
    if _is_empty(draft):
        for key in DRAFT_FIELDS:
            if getattr(other, key) and not getattr(draft, key):
                setattr(draft, key, getattr(other, key))
        draft.numbering = dict(other.numbering)
        draft.blocks = blocks
        return len(blocks) - 1
    draft.blocks[index + 1:index + 1] = blocks
    return index + len(blocks)


def repair_levels(draft: Draft) -> int:
    """Give every heading a parent one level up: a level-3 heading left without its level-2
    parent (after a cut or a drag) moves up with everything under it, siblings stay siblings.
    Returns the number of headings whose level changed."""
    changed = 0
    stack: list[tuple[int, int]] = []   # (level as found, level now) of the open headings
    for block in draft.blocks:
        if not block.is_heading:
            continue
        found = block.level
        while stack and stack[-1][0] >= found:
            stack.pop()
        parent = stack[-1][1] if stack else 0
        level = min(found, parent + 1)
        if level != found:
            block.level = level
            changed += 1
        stack.append((found, level))
    return changed
