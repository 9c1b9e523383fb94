"""A draft written back as the lines of a plain-text speech (the inverse of the parser).

Title, subtitle (——occasion), speaker and date lines, the salutation, then one line per block:
a heading is its derived marker, its heading sentence and its run-in body; a paragraph is its
text.  ``parse_lines(render_lines(draft))`` gives the draft back (the parser's round-trip
property, tested with hypothesis).
"""

from __future__ import annotations

from drafter.core.model import Draft


def render_lines(draft: Draft, indent: str = "") -> list[str]:
    """The lines of ``draft`` as plain text; ``indent`` (e.g. "　　") starts every body line."""
    lines: list[str] = []
    if draft.title:
        lines.append(draft.title)
    if draft.occasion:
        lines.append("——" + draft.occasion)
    if draft.speaker:
        lines.append(draft.speaker)
    if draft.date:
        lines.append(f"（{draft.date}）")
    if lines:
        lines.append("")
    if draft.salutation:
        lines.append(draft.salutation)
    for block, marker in zip(draft.blocks, draft.markers()):
        if block.is_heading:
            lines.append(indent + marker + block.text + block.body)
        else:
            lines.append(indent + block.text)
    return lines


def render_text(draft: Draft, indent: str = "") -> str:
    return "\n".join(render_lines(draft, indent)) + "\n"
