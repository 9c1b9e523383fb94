"""Where the placeholders are in a text (``core.vocab.PLACEHOLDERS``): one rule for the
placeholder check and the editor's yellow marks, so what is marked is what 审校 reports.

The first pattern that claims a span wins; a ``×`` between digits (3×4) is a product, not a
placeholder.
"""

from __future__ import annotations

from drafter.core.vocab import PLACEHOLDERS


def placeholder_spans(text: str) -> list[tuple[int, int, bool, str]]:
    """(start, end, certain, what) of every placeholder in ``text``, without overlaps."""
    taken: list[tuple[int, int]] = []
    found = []
    for pattern, certain, what in PLACEHOLDERS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if what.startswith("“X”") and _is_product(text, m.start(), m.end()):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), certain, what))
    return found


def _is_product(text: str, start: int, end: int) -> bool:
    """3×4 or 5G×: a multiplication sign between digits is not a placeholder."""
    before = text[start - 1:start]
    after = text[end:end + 1]
    return text[start:end] == "×" and before.isdigit() and after.isdigit()
