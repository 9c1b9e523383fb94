"""Length and speaking time: the whole speech and each level-1 part with its share, against
a time budget.  A read speech goes at about 220–250 characters a minute (``rate``)."""

from __future__ import annotations

import math

from drafter.checks.base import INFO, WARNING, Finding, marker_of, quote
from drafter.core.model import Draft
from drafter.core.vocab import speaking_minutes, spoken_chars

_minutes = speaking_minutes


def _fmt(minutes: float) -> str:
    if minutes < 1:
        return "不到 1 分钟"
    return f"约 {minutes:.0f} 分钟" if minutes >= 10 else f"约 {minutes:.1f} 分钟"


def check(draft: Draft, options) -> list[Finding]:
    rate = max(1, int(options.rate))
    chars = [spoken_chars(b.text + b.body) for b in draft.blocks]
    total = sum(chars)
    if total == 0:
        return []
    budget = options.budget_minutes
    found = []
    minutes = _minutes(total, rate)
    message = f"全文 {total:,} 字，按每分钟 {rate} 字计，讲话时间{_fmt(minutes)}"
    if budget:
        message += f"（时限 {budget:g} 分钟）"
    over = budget is not None and minutes > budget
    suggestion = None
    if over:
        cut = math.ceil(total - budget * rate)
        message += f"，超出约 {minutes - budget:.1f} 分钟"
        suggestion = f"压缩约 {cut:,} 字（全文不超过 {int(budget * rate):,} 字）"
    found.append(Finding("length", WARNING if over else INFO, None, None, None, message, suggestion))
    derived = draft.markers()
    for index in (i for i, b in enumerate(draft.blocks) if b.is_heading and b.level == 1):
        part = sum(chars[index:draft.section_end(index)])
        share = part / total
        label = marker_of(draft, index, derived) + quote(draft.blocks[index].text, 20)
        message = (f"“{label}”{part:,} 字，{_fmt(_minutes(part, rate))}，占全文 {share:.0%}")
        severity, suggestion = INFO, None
        if budget:
            allowed = budget * share
            message += f"，按比例应在 {allowed:.1f} 分钟内"
            if over:
                severity = WARNING
                cut = math.ceil(part - part * budget * rate / total)
                suggestion = f"按比例压缩约 {max(0, cut):,} 字"
        found.append(Finding("length", severity, index, None, None, message, suggestion))
    return found
