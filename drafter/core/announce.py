"""Counts a speech announces (下面，我讲三点意见 / 要做好五项工作 / 要突出“六个严抓”) and the
items that follow them, so the number said can be kept in step with the number given.

An announcement is a trigger verb, a count (a Chinese number, or a placeholder such as ``*``
or ``X`` left by the writer) and a measure word, closing its clause (followed by ：。； or the
end of the paragraph); a quoted numbered concept in mid-sentence (做到“两个维护”，) is not one.  Its items are the inline points (一要……二要……) in the rest of its own paragraph, or the clauses
after a quoted count's colon that repeat its name (突出“六个严抓”：严抓……，严抓……。), else the next
run of sibling headings after it, inside the section it stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.core.formulae import names as formula_names
from drafter.core.model import Draft
from drafter.core.numerals import count_word, from_chinese

_COUNT = r"(?P<count>[一二两三四五六七八九十]+|[*＊]+|[XxＸ×]+)"
_PATTERN = re.compile(
    r"(?:讲|谈|做好|抓好|突出|强调|强化|解决|建立|把握|落实|提出|抓住|实现|坚持|推进|做到|处理好|把握好|聚焦|狠抓|部署|明确)"
    r"(?:以下|如下|好以下|好如下|这)?(?P<open>[“\"「])?" + _COUNT + r"(?P<measure>个方面|方面|点|项|个|种|条|件|大)"
    # the announcement closes its clause: 讲三点意见： / 突出“六个严抓”： — while a numbered
    # concept inside a sentence (做到“两个维护”，……) is a fixed formulation, never a count to sync
    r"[^，。；：、“”\"「」\s]{0,8}?(?(open)[”\"」])(?=(?(open)[：:]|(?:[：:。；;]|$)))"
)
_INLINE = re.compile(r"(?<![一二三四五六七八九十])([一二三四五六七八九十]+)(是|要)")


@dataclass
class Announcement:
    block: int          # index of the block that says the count
    part: str           # "text" or "body" of that block
    start: int          # span of the count within that part
    end: int
    announced: int | None  # None for a placeholder such as *
    actual: int | None     # items found after it; None when none can be found
    phrase: str

    @property
    def in_sync(self) -> bool:
        return self.actual is None or self.announced == self.actual


def _announced(count: str) -> int | None:
    try:
        return from_chinese(count)
    except ValueError:
        return None


def _heading_items(draft: Draft, index: int) -> int:
    """Sibling headings in the first run of headings after block ``index``, within its scope."""
    blocks = draft.blocks
    here = blocks[index]
    if here.is_heading:
        scope_level, scope_end = here.level, draft.section_end(index)
    else:
        parent = draft.parent_of(index)
        scope_level = blocks[parent].level if parent is not None else 0
        scope_end = draft.section_end(parent) if parent is not None else len(blocks)
    first = next((i for i in range(index + 1, scope_end) if blocks[i].is_heading), None)
    if first is None or blocks[first].level <= scope_level:
        return 0
    level = blocks[first].level
    return sum(1 for i in range(first, scope_end)
               if blocks[i].is_heading and blocks[i].level == level)


def _inline_items(rest: str) -> int:
    """Consecutive inline points 一要/一是, 二要/二是 … in ``rest``."""
    expected, kind = 1, None
    for m in _INLINE.finditer(rest):
        try:
            n = from_chinese(m.group(1))
        except ValueError:
            continue
        if n == expected and (kind is None or m.group(2) == kind):
            kind = m.group(2)
            expected += 1
    return expected - 1


#: One item of a list after a colon: up to the next ，、；; (the list ends at 。！？ or a line end).
_LIST_ITEM = re.compile(r"[^，、；;。！？!?]+")


def _named_items(value: str, m: re.Match) -> int:
    """Items after a quoted count's colon that repeat its name: 突出“六个严抓”：严抓政治纪律，
    严抓组织纪律，…… — the clauses, up to the end of the sentence, each starting with 严抓."""
    name = value[m.end("measure"):m.end()].strip("”\"」")
    rest = value[m.end():]
    if not m.group("open") or len(name) < 2 or rest[:1] not in ("：", ":"):
        return 0
    count = 0
    for item in _LIST_ITEM.finditer(rest, 1):
        if not item.group(0).lstrip().startswith(name):
            break
        count += 1
        if item.end() >= len(rest) or rest[item.end()] in "。！？!?":
            break
    return count


def _is_formula(value: str, m: re.Match, names: frozenset[str]) -> bool:
    """坚持“两个毫不动摇”, 落实“六稳”: the number is part of a fixed formula's name."""
    said = value[m.start("count"):m.end()].strip("“”\"「」")
    return any(said.startswith(name) or name.startswith(said) for name in names if name[:1] == said[:1])


def find_announcements(draft: Draft, formulae: frozenset[str] | None = None) -> list[Announcement]:
    """Every announced count with the items it announces.  ``formulae``: names of fixed
    numbered formulae, never counts (default: the shipped list).  A quoted count (突出“六个严抓”)
    announces only when a colon follows it."""
    names = formula_names() if formulae is None else formulae
    found = []
    for index, block in enumerate(draft.blocks):
        for part in ("text", "body"):
            value = getattr(block, part)
            for m in _PATTERN.finditer(value):
                if _is_formula(value, m, names):
                    continue
                rest = value[m.end():] + ("" if part == "body" else block.body)
                actual = _inline_items(rest)
                if actual < 2:
                    actual = max(actual, _named_items(value, m))
                if actual < 2:
                    actual = _heading_items(draft, index) or actual or None
                found.append(Announcement(index, part, m.start("count"), m.end("count"),
                                          _announced(m.group("count")), actual, m.group(0)))
    return found


def sync_announcements(draft: Draft) -> list[Announcement]:
    """Rewrite every announced count that disagrees with its items.  Returns those changed."""
    changed = [a for a in find_announcements(draft) if not a.in_sync]
    # right to left so earlier spans stay valid
    for a in sorted(changed, key=lambda a: (a.block, a.part, -a.start)):
        block = draft.blocks[a.block]
        value = getattr(block, a.part)
        setattr(block, a.part, value[:a.start] + count_word(a.actual) + value[a.end:])
    return changed

