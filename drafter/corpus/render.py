"""The one plain-text rendering of a draft: for the .txt export, for tests, for the miner.

Title, the byline lines (subtitle ——在……上的讲话, speaker with office, date in （）), a blank
line, the salutation, then one line per block: a heading is its marker, its heading sentence
and its run-in body; a paragraph is its text.  The marker is the derived one, which for an
imported speech is the marker as written (the parser keeps restarts and gaps with
``Block.start``).  ``parse_lines(render_lines(draft))`` gives the draft back (tested with
hypothesis).
"""

from __future__ import annotations

from drafter.core.model import Draft
from drafter.core.vocab import SPEAKER_ROLE

#: Two full-width spaces, the indent of Chinese text pasted into a plain editor.
INDENT = "\u3000\u3000"


def speaker_line(draft: Draft) -> str:
    """山西省副省长 张吉福: the office (``fields[speaker_role]``) and the speaker."""
    role = draft.fields.get(SPEAKER_ROLE, "").strip()
    speaker = draft.speaker.strip()
    if role and speaker:
        return f"{role} {speaker}"
    return speaker or role


def byline_lines(draft: Draft) -> list[str]:
    """The subtitle (——在……上的讲话), the speaker line and the date line, the date in
    full-width brackets."""
    lines = [draft.subtitle()] if draft.subtitle() else []
    if speaker_line(draft):
        lines.append(speaker_line(draft))
    date = draft.date.strip().strip("（）() ")
    if date and not (lines and date in lines[0]):  # a report's subtitle holds the date
        lines.append(f"（{date}）")
    return lines


def render_lines(draft: Draft, indent: str = "") -> list[str]:
    """The lines of ``draft`` as plain text; ``indent`` (e.g. INDENT) starts every body line."""
    lines: list[str] = []
    if draft.title.strip():
        lines.append(draft.title.strip())
    lines.extend(byline_lines(draft))
    if lines:
        lines.append("")
    if draft.salutation.strip():
        lines.append(draft.salutation.strip())
    for block, marker in zip(draft.blocks, draft.markers()):
        text = marker + block.text + block.body if block.is_heading else block.text
        lines.append(indent + " ".join(text.splitlines()))
    return lines


def render_text(draft: Draft, indent: str = "") -> str:
    return "\n".join(render_lines(draft, indent)) + "\n"
