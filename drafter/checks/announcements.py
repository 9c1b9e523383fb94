"""Announced counts (下面，我讲三点意见 / 要做好五项工作) that disagree with the items that
follow, found by ``drafter.core.announce.find_announcements``."""

from __future__ import annotations

from drafter.checks.base import ERROR, Finding
from drafter.core.announce import find_announcements
from drafter.core.model import Draft
from drafter.core.numerals import count_word


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
        if a.announced is None:
            message = f"宣布的数目未填写：“{a.phrase}”，其后实际有 {a.actual} 项"
        else:
            message = f"宣布的数目与实际不符：“{a.phrase}”说的是 {a.announced} 项，其后实际有 {a.actual} 项"
        found.append(Finding("announcement", ERROR, a.block, offset + a.start, offset + a.end,
                             message, f"改为“{fixed}”"))
    return found
