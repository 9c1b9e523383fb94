"""Numbering among sibling headings, as the draft prints them (``Draft.markers()``).

An imported speech prints its markers as written (the reader keeps a skipped or restarted
number in ``Block.start`` and a heading's own style): there a point can be missing
(一、二、四、), repeated (（二）（二）), out of order, or start at another number.  Numbers of
headings the writer moved, promoted or inserted are derived, so the check never reads a number
an edit has made stale; what it reports is what the exported text would show.  Siblings
numbered in two families (一是 … 二要) or two styles of one family (1. … 2、) are reported too.
"""

from __future__ import annotations

import re

from drafter.checks.base import ERROR, WARNING, Finding, content, quote
from drafter.core.markers import Marker, family_of, format_marker, match_marker
from drafter.core.model import Draft
from drafter.core.numerals import from_chinese, to_chinese

FAMILY_NAMES = {"part": "“第一部分”", "dun": "“一、”", "diyi": "“第一，”", "paren": "“（一）”",
                "arabic": "“1.”", "shi": "“一是”", "yao": "“一要”", "arabic_paren": "“（1）”", "gan": "“甲、”"}


def _groups(draft: Draft) -> list[list[int]]:
    groups = [draft.children(None)]
    groups += [draft.children(i) for i in draft.headings()]
    return [g for g in groups if g]


def lists(draft: Draft, group: list[int], printed: list[str] | None = None) -> list[list[int]]:
    """The separate lists among one parent's headings: a point numbered 1 after a point numbered 2
    or more (一是……六是, then 一是 again), or 1 in another family (一是……四是, 一要……), starts a
    new list; points the parser already put under different parents never meet here."""
    printed = draft.markers() if printed is None else printed
    result: list[list[int]] = []
    previous: Marker | None = None
    for index in group:
        marker = _written(printed, index)
        starts = (marker is not None and previous is not None and marker.number == 1
                  and (previous.number >= 2 or marker.family != previous.family))
        if not result or starts:
            result.append([])
        result[-1].append(index)
        if marker is not None:
            previous = marker
    return result


def check(draft: Draft, options) -> list[Finding]:
    found: list[Finding] = []
    printed = draft.markers()
    for group in _groups(draft):
        for items in lists(draft, group, printed):
            found += _check_written(draft, items, printed)
            found += _check_styles(draft, items, printed)
    for index in range(len(draft.blocks)):
        found += _check_inline(draft, index)
    found.sort(key=lambda f: (f.block, f.check))
    return found


def _written(printed: list[str], index: int) -> Marker | None:
    marker = printed[index]
    return match_marker(marker) if marker else None


def _check_written(draft: Draft, group: list[int], printed: list[str]) -> list[Finding]:
    """Gaps, repeats and disorder among markers as written in an imported file."""
    found = []
    expected = 1
    previous: Marker | None = None
    for index in group:
        marker = _written(printed, index)
        if marker is None:
            previous = None
            continue
        if previous is not None and marker.family != previous.family:
            expected = marker.number + 1  # reported by the style check; restart the count
            previous = marker
            continue
        n = marker.number
        title = quote(draft.blocks[index].text, 20)
        if n == expected:
            pass
        elif previous is not None and n == previous.number:
            found.append(Finding("numbering", ERROR, index, None, None,
                                 f"编号重复：“{marker.text}{title}”与上一条同为“{previous.text}”",
                                 f"改为“{marker.with_number(expected).text}”"))
        elif n > expected and _inline_before(draft, group, index, marker, expected, n):
            pass  # 三是 run into the paragraph before: the point is there, only not on a line of its own
        elif n > expected:
            missing = "、".join(f"“{marker.with_number(k).text}”" for k in range(expected, min(n, expected + 3)))
            if n - expected > 3:
                missing += "等"
            where = "开头" if expected == 1 else f"“{marker.with_number(expected - 1).text}”之后"
            found.append(Finding("numbering", ERROR, index, None, None,
                                 f"编号不连续：{where}缺少{missing}，直接到了“{marker.text}{title}”",
                                 f"改为“{marker.with_number(expected).text}”"))
        else:
            found.append(Finding("numbering", ERROR, index, None, None,
                                 f"编号顺序颠倒：“{marker.text}{title}”出现在“{marker.with_number(expected - 1).text}”之后",
                                 f"改为“{marker.with_number(expected).text}”"))
        if n >= expected:
            expected = n + 1
        elif previous is not None and n == previous.number:
            expected += 1  # the repeat stands for the missing number: 一 一 三 is one slip
        previous = marker
    return found


#: 一是/二要 starting a clause inside a paragraph: the points of an inline list (……。一是抓好排查。二是……).
_INLINE = re.compile(r"(?:^|(?<=[。；！？：]))([一二三四五六七八九十]{1,3})([是要])")


def _check_inline(draft: Draft, index: int) -> list[Finding]:
    """A gap inside an inline list of one paragraph (一是……二是……四是): the points of a list
    start again at 一, and only a list of three or more points written in this paragraph is judged."""
    text = content(draft, index)
    series: dict[str, list[tuple[int, re.Match]]] = {}
    found = []
    for m in _INLINE.finditer(text):
        try:
            n = from_chinese(m.group(1))
        except ValueError:
            continue
        points = series.setdefault(m.group(2), [])
        if n == 1:
            points.clear()
        elif not points:
            continue  # a list that began in another paragraph: not judged here
        if points and n > points[-1][0] + 1 and len(points) >= 2:
            last = points[-1][0]
            missing = "、".join(f"“{to_chinese(k)}{m.group(2)}”" for k in range(last + 1, min(n, last + 4)))
            found.append(Finding("numbering", ERROR, index, m.start(), m.end(),
                                 f"编号不连续：“{to_chinese(last)}{m.group(2)}”之后缺少{missing}，"
                                 f"直接到了“{m.group(0)}”", f"改为“{to_chinese(last + 1)}{m.group(2)}”"))
        points.append((n, m))
    return found


def _inline_before(draft: Draft, group: list[int], index: int, marker: Marker, expected: int, n: int) -> bool:
    """Whether each missing point (三是 between 二是 and 四是) stands inside the text since the
    previous point of the list — run into a paragraph, where the reader could not make it a point."""
    position = group.index(index)
    start = group[position - 1] if position else max(0, index - 1)
    text = "".join(content(draft, i) for i in range(start, index))
    return all(marker.with_number(k).text.rstrip("，、. ．") in text for k in range(expected, n))


def _style(draft: Draft, index: int, printed: list[str]) -> str | None:
    marker = _written(printed, index)
    if marker is not None:
        return marker.style
    try:
        family_of(draft.style_of(index))
    except ValueError:
        return None
    return draft.style_of(index)


def _check_styles(draft: Draft, group: list[int], printed: list[str]) -> list[Finding]:
    """Siblings numbered in another family, or in another style of the same family."""
    styles = [(i, _style(draft, i, printed)) for i in group]
    styles = [(i, s) for i, s in styles if s is not None]
    if len(styles) < 2:
        return []
    first = styles[0][1]
    family = family_of(first)
    found = []
    for position, (index, style) in enumerate(styles[1:], start=2):
        if style == first:
            continue
        title = quote(draft.blocks[index].text, 20)
        shown = _shown(printed, index, style, position)
        expected = format_marker(first, position)
        if family_of(style) != family:
            found.append(Finding("numbering", ERROR, index, None, None,
                                 f"同级编号混用：“{shown}{title}”用的是{FAMILY_NAMES[family_of(style)]}式，"
                                 f"而同级第一条用的是{FAMILY_NAMES[family]}式（“{format_marker(first, 1)}”）",
                                 f"改为“{expected}”"))
        else:
            found.append(Finding("numbering", WARNING, index, None, None,
                                 f"同级编号写法不一致：“{shown}{title}”与同级第一条“{format_marker(first, 1)}”的标点不同",
                                 f"改为“{expected}”"))
    return found


def _shown(printed: list[str], index: int, style: str, position: int) -> str:
    marker = _written(printed, index)
    return marker.text if marker is not None else format_marker(style, position)
