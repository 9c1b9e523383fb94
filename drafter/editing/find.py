"""查找替换 matching on the Draft (no Qt): every occurrence in reading order, the next one
after a cursor, and replacing everything (blocks and the title-block fields)."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.core.model import Draft
from drafter.core.vocab import DRAFT_FIELDS

META = DRAFT_FIELDS


@dataclass(frozen=True)
class Match:
    block: int
    start: int     # offsets into the block's text + body, as the checks' spans
    end: int


def find_all(draft: Draft, needle: str) -> list[Match]:
    """Every occurrence of ``needle`` in the blocks, in reading order (a match may run from a
    heading sentence into its run-in body: they are one paragraph)."""
    found: list[Match] = []
    if not needle:
        return found
    for i, block in enumerate(draft.blocks):
        value = block.text + block.body
        start = value.find(needle)
        while start >= 0:
            found.append(Match(i, start, start + len(needle)))
            start = value.find(needle, start + len(needle))
    return found


def replace_all(draft: Draft, needle: str, replacement: str) -> int:
    """Replace in the blocks and the title, speaker, date, occasion and salutation; a match
    running across a heading sentence's end keeps the sentence where it was cut."""
    if not needle:
        return 0
    count = 0
    for key in META:
        value = getattr(draft, key)
        count += value.count(needle)
        setattr(draft, key, value.replace(needle, replacement))
    for block in draft.blocks:
        whole = block.text + block.body
        n = whole.count(needle)
        if not n:
            continue
        count += n
        if block.is_heading and (block.text.count(needle) + block.body.count(needle)) == n:
            block.text = block.text.replace(needle, replacement)
            block.body = block.body.replace(needle, replacement)
        elif block.is_heading:
            new = whole.replace(needle, replacement)
            cut = min(len(block.text), len(new))
            block.text, block.body = new[:cut], new[cut:]
        else:
            block.text = whole.replace(needle, replacement)
    return count


def next_match(matches: list[Match], block: int, position: int, backwards: bool = False) -> Match | None:
    """The first match after (or before) a cursor at ``position`` in ``block``, wrapping."""
    if not matches:
        return None
    here = (block, position)
    if backwards:
        before = [m for m in matches if (m.block, m.end) < here]
        return before[-1] if before else matches[-1]
    after = [m for m in matches if (m.block, m.start) >= here]
    return after[0] if after else matches[0]
