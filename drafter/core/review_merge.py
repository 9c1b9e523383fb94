"""A reviewer's decision applied to a draft the writer has edited since reading it.

Accepting or rejecting revisions turns the text the marks were read against (``base``) into
``result``.  When the writer has edited the draft meanwhile (``current``), the paragraphs the
decision changes are changed in ``current`` only where the writer left them as they were in
``base``; the writer's edits elsewhere stay, block for block (the same Block objects, so the
editor's marks follow them).  A paragraph both changed is a conflict: refused with a message
naming it — nothing the writer typed is ever overwritten.  The draft's fields (title,
speaker …) merge the same way.  Pure Python (difflib over paragraph keys).
"""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from drafter.core.errors import DrafterError
from drafter.core.model import Block, Draft
from drafter.core.vocab import DRAFT_FIELDS


def _key(block: Block) -> tuple:
    return (block.kind, block.level, block.text, block.body)


def _kept(base: list[tuple], current: list[tuple]) -> dict[int, int]:
    """base paragraph -> the same, unchanged paragraph in current."""
    mapping: dict[int, int] = {}
    matcher = SequenceMatcher(None, base, current, autojunk=False)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            mapping.update({i1 + n: j1 + n for n in range(i2 - i1)})
    return mapping


def _where(base: list[Block], index: int) -> str:
    if not base:
        return "正文"
    block = base[min(index, len(base) - 1)]
    return f"第 {min(index, len(base) - 1) + 1} 段“{(block.text + block.body)[:16]}……”"


def merge_decision(base: Draft, current: Draft, result: Draft) -> Draft:
    """``current`` with the change ``base`` → ``result`` made where the writer did not edit."""
    merged = current.copy()
    merged.blocks = list(current.blocks)         # the writer's own Block objects stay
    for name in (*DRAFT_FIELDS, "numbering", "fields"):
        before, mine, theirs = getattr(base, name), getattr(current, name), getattr(result, name)
        if theirs != before:
            if mine != before and mine != theirs:
                raise DrafterError(f"修订改动的“{name}”在读入审阅稿后也改过，无法自动合并；可先撤销该处改动")
            setattr(merged, name, theirs if not isinstance(theirs, dict) else dict(theirs))
    old = [_key(b) for b in base.blocks]
    kept = _kept(old, [_key(b) for b in current.blocks])
    hunks = [op for op in SequenceMatcher(None, old, [_key(b) for b in result.blocks], autojunk=False).get_opcodes()
             if op[0] != "equal"]
    for _tag, i1, i2, j1, j2 in reversed(hunks):   # from the end: earlier places stay valid
        if i1 < i2:
            if not all(i in kept for i in range(i1, i2)) or kept[i2 - 1] - kept[i1] != i2 - 1 - i1:
                raise DrafterError(f"{_where(base.blocks, i1)}在读入审阅稿后已改动，这处修订无法自动合并；"
                                   "可先撤销该处改动，或逐段对照修改")
            start, end = kept[i1], kept[i1] + (i2 - i1)
        else:                                       # paragraphs inserted between i1 - 1 and i1
            before = kept.get(i1 - 1, -1) if i1 > 0 else -1
            after = kept.get(i1, len(current.blocks)) if i1 < len(old) else len(current.blocks)
            if (i1 > 0 and i1 - 1 not in kept) or (i1 < len(old) and i1 not in kept) or after != before + 1:
                raise DrafterError(f"{_where(base.blocks, i1)}附近在读入审阅稿后已改动，这处修订无法自动合并；"
                                   "可先撤销该处改动，或逐段对照修改")
            start = end = before + 1
        merged.blocks[start:end] = [replace(b) for b in result.blocks[j1:j2]]
    return merged
