"""Unfilled placeholders a writer left for facts to come: ``**``, a lone ``*`` standing for a
digit, ``XX``/``××``, ``X月X日``, template slots ``{{ }}`` / ``{X}``, editor's notes in
``【】``, ``（略）``/``（待补充）``, ``某某``, ``□□``."""

from __future__ import annotations

from drafter.checks.base import ERROR, WARNING, Finding, around, content
from drafter.core.model import Draft
from drafter.core.placeholders import placeholder_spans
from drafter.core.vocab import DRAFT_FIELDS, FIELD_LABELS

_HEADER_FIELDS = tuple((key, FIELD_LABELS[key]) for key in DRAFT_FIELDS)


def _matches(text: str):
    """(start, end, severity, what) of every placeholder in ``text``, without overlaps (the
    rule the editor's marks use too: ``core.placeholders``)."""
    for start, end, certain, what in placeholder_spans(text):
        yield start, end, ERROR if certain else WARNING, what


def check(draft: Draft, options) -> list[Finding]:
    found = []
    for attr, label in _HEADER_FIELDS:  # the title block: 日期“2024年X月X日” is as unfinished
        value = getattr(draft, attr)
        hits = list(_matches(value))
        if hits:  # one finding a field: 2024年X月X日 is one unfinished date, not two
            severity = ERROR if any(h[2] == ERROR for h in hits) else WARNING
            marks = "、".join(dict.fromkeys(f"“{value[h[0]:h[1]]}”" for h in hits))
            found.append(Finding("placeholder", severity, None, None, None,
                                 f"{label}未填完：{marks}（{value}）", "填写实际内容或删去", attr))
    blocks = []
    for index in range(len(draft.blocks)):
        text = content(draft, index)
        for start, end, severity, what in _matches(text):
            blocks.append(Finding("placeholder", severity, index, start, end,
                                  f"{what}：“{text[start:end]}”（{around(text, start, end)}）",
                                  "填写实际内容或删去"))
    blocks.sort(key=lambda f: (f.block, f.start))
    return found + blocks
