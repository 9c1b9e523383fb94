"""Announced counts (下面，我讲三点意见 / 要做好五项工作) that disagree with the items that
follow, found by ``drafter.core.announce.find_announcements``."""

from __future__ import annotations

from drafter.checks.base import ERROR, INFO, Finding, content
from drafter.core.announce import find_announcements
from drafter.core.model import Draft
from drafter.core.numerals import count_word

_ENDINGS = "。！？!?”」』…）)；;：:"


#: A fragment shorter than this with no closing may simply stop before its last points.
FRAGMENT_CHARS = 1200


def ends_mid_sentence(draft: Draft) -> bool:
    """The text stops inside a sentence (a copy cut short, a draft still being written)."""
    for index in range(len(draft.blocks) - 1, -1, -1):
        text = content(draft, index).strip()
        if text:
            return text[-1] not in _ENDINGS
    return False


def stops_early(draft: Draft, announced: int, actual: int) -> bool:
    """Fewer items than announced because the text stops before its end: it ends inside a
    sentence, or it is a short fragment with no closing part (同志们，…… / 让我们……) that has
    not got past the first half of the points it announced."""
    if actual >= announced:
        return False
    if ends_mid_sentence(draft):
        return True
    has_closing = any(b.role == "closing" for b in draft.blocks)
    return not has_closing and draft.char_count() < FRAGMENT_CHARS and actual * 2 <= announced


def check(draft: Draft, options) -> list[Finding]:
    found = []
    for a in find_announcements(draft):
        if a.in_sync and a.announced is not None:
            continue
        if a.actual is None:
            continue  # a placeholder with no items after it: the placeholder check reports it
        offset = len(draft.blocks[a.block].text) if a.part == "body" else 0
        value = getattr(draft.blocks[a.block], a.part)
        said = value[a.start:a.end]
        right = count_word(a.actual)
        fixed = a.phrase.replace(said, right, 1)
        severity = ERROR
        if a.announced is None:
            message = f"宣布的数目未填写：“{a.phrase}”，其后实际有 {a.actual} 项"
        else:
            message = f"宣布的数目与实际不符：“{a.phrase}”说的是 {a.announced} 项，其后实际有 {a.actual} 项"
            if stops_early(draft, a.announced, a.actual):
                severity = INFO  # the other items may simply be unwritten yet
                message += "；全文似未写完（在句中结束，或是没有结束语的片段），写完后请再核对"
        found.append(Finding("announcement", severity, a.block, offset + a.start, offset + a.end,
                             message, f"改为“{fixed}”",
                             source={"kind": "announcement", "phrase": a.phrase, "announced": a.announced,
                                     "actual": a.actual}))
    return found
