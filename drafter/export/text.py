"""Plain text export, for pasting into a mail, a chat or another editor: the one plain-text
renderer (``drafter.corpus.render``), with an optional two-character full-width indent."""

from __future__ import annotations

from drafter.core.model import Draft
from drafter.corpus.render import INDENT, render_text


def draft_to_text(draft: Draft, indent: bool = False) -> str:
    return render_text(draft, INDENT if indent else "")
