"""Plain text export, for pasting into a mail, a chat or another editor.

One paragraph a line: the title, the speaker and date lines, a blank line, the salutation,
then each block with its marker written out (a run-in heading and its body on one line).
With ``indent`` every body paragraph and heading starts with two full-width spaces, as
Chinese text pasted into a plain editor usually does.
"""

from __future__ import annotations

import logging

from drafter.core.model import Draft
from drafter.export.docx_writer import byline_lines

logger = logging.getLogger(__name__)

INDENT = "\u3000\u3000"


def draft_to_text(draft: Draft, indent: bool = False) -> str:
    lead = INDENT if indent else ""
    lines: list[str] = []
    if draft.title.strip():
        lines.append(draft.title.strip())
    lines.extend(byline_lines(draft))
    if lines:
        lines.append("")
    if draft.salutation.strip():
        lines.append(draft.salutation.strip())
    for block, marker in zip(draft.blocks, draft.markers()):
        if block.is_heading:
            text = marker + block.text + block.body
        else:
            text = block.text
        lines.append(lead + " ".join(text.splitlines()))
    return "\n".join(lines) + "\n"
