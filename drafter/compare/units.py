"""The paragraphs two drafts are compared by: what the printed page shows.

A draft is turned into *units*, one per paragraph of its print layout
(``export.docx_writer.body_paragraphs``): the title block, the salutation and one unit per
block.  A unit keeps its runs (a run-in heading is the heading sentence with its derived
marker, then the body in its own character style), the block it renders, and a *key* that
leaves the marker out, so a heading renumbered by a move still matches itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.core.model import Draft
from drafter.export.docx_writer import body_paragraphs


@dataclass(frozen=True)
class Unit:
    style: str                                  # paragraph style id in the .docx
    runs: tuple[tuple[str, str | None], ...]    # (text, character style or None)
    block: int | None                           # index of the block, None for the title block
    level: int                                  # heading level, 0 for other paragraphs
    heading: str                                # heading sentence without marker ("" if none)
    key: tuple                                  # what must be equal for two units to be "the same"

    @property
    def text(self) -> str:
        return "".join(text for text, _style in self.runs)

    @property
    def is_heading(self) -> bool:
        return self.level > 0


def units_of(draft: Draft) -> list[Unit]:
    """One unit for each paragraph of the print layout of ``draft``, in order."""
    units = []
    for style, runs, index in body_paragraphs(draft, "print"):
        runs = tuple((text, char_style) for text, char_style in runs if text)
        block = draft.blocks[index] if index is not None else None
        if block is not None and block.is_heading:
            key = ("heading", block.level, block.text, block.body)
            units.append(Unit(style, runs, index, block.level, block.text, key))
        else:
            text = "".join(t for t, _s in runs)
            units.append(Unit(style, runs, index, 0, "", ("text", style, text)))
    return units
