"""What an edit changed, as the window needs it: the run of blocks that differ.

``snapshot`` records the draft before an edit; ``diff`` compares it with the draft after and
returns one ``Change`` — blocks ``start:old_end`` of the old list are replaced by ``blocks``
(the Draft's own objects) — so the window rewrites only that stretch of its document and a
move of one section in a long speech stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.core.model import Block, Draft
from drafter.core.vocab import DRAFT_FIELDS as META


def block_state(block: Block) -> tuple:
    return (id(block), block.kind, block.text, block.body, block.level, block.role, block.style)


@dataclass
class Snapshot:
    blocks: list[tuple]
    numbering: dict[int, str]
    meta: dict[str, str]


def snapshot(draft: Draft) -> Snapshot:
    return Snapshot([block_state(b) for b in draft.blocks], dict(draft.numbering),
                    {k: getattr(draft, k) for k in META})


@dataclass
class Change:
    start: int                 # first block replaced
    old_end: int               # one past the last old block replaced
    blocks: list[Block]        # what stands there now
    focus: int                 # the block the cursor goes to
    offset: int | None = None  # and where in it (None: its start)
    numbering: tuple[dict, dict] | None = None   # the levels' numbering styles (before, after)
    meta: dict[str, tuple[str, str]] = field(default_factory=dict)   # field: (before, after)

    @property
    def empty(self) -> bool:
        return self.start == self.old_end and not self.blocks and not self.numbering and not self.meta


def diff(before: Snapshot, draft: Draft, focus: int, offset: int | None = None) -> Change:
    old = before.blocks
    new = [block_state(b) for b in draft.blocks]
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < limit - start and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    meta = {k: (v, getattr(draft, k)) for k, v in before.meta.items() if getattr(draft, k) != v}
    numbering = (before.numbering, dict(draft.numbering)) if before.numbering != draft.numbering else None
    return Change(start, len(old) - tail, draft.blocks[start:len(new) - tail], focus, offset, numbering, meta)
