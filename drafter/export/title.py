"""Breaking a long title into lines as GB/T 9704 asks: 回行时词意完整、排列对称、长短适宜, the lines
forming a trapezoid (上短下长, 正梯形) or a diamond, never one orphan character.

Speech titles are formulaic (××同志在全市××暨××会议上的讲话, 关于××的报告), so the places a
title may break are found from its own shape, without a dictionary: after a comma or 、, around
暨/和/与, before 在 and after the meeting's name (…会议／上的讲话), between the speaker and 在.
A break never falls inside quotation marks or brackets, inside a number, or inside the closing
上的讲话; among the allowed places the most even split wins, a shorter first line preferred.
"""

from __future__ import annotations

import math
import re

#: Title characters a line holds: 156 mm of 22 pt type.
TITLE_CHARS_PER_LINE = 20

_OPEN, _CLOSE = "“‘《（(〔【「", "”’》）)〕】」"
_ENDINGS = ("上的讲话", "上的报告", "上的致辞", "上的发言", "上的总结讲话", "上的主持词", "上的工作报告",
            "的讲话", "的报告", "的致辞", "讲话", "报告", "致辞")
_MEETING_ENDS = ("会议", "大会", "座谈会", "推进会", "部署会", "动员会", "调度会", "观摩会", "开幕式",
                 "签约仪式", "培训班", "全会", "年会", "论坛")
_JOINERS = "暨和与及"


def _protected(title: str) -> set[int]:
    """Break positions (between title[i-1] and title[i]) that would split a unit."""
    banned: set[int] = set()
    depth = 0
    for i, ch in enumerate(title):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth:
            banned.add(i + 1)
        if depth and ch in _OPEN:
            banned.add(i + 1)
    for m in re.finditer(r"[0-9０-９A-Za-z.%．]+", title):
        banned.update(range(m.start() + 1, m.end()))
    for ending in _ENDINGS:
        if title.endswith(ending):
            start = len(title) - len(ending)
            banned.update(range(start + 1, len(title)))
            break
    return banned


def _strength(title: str, i: int) -> int | None:
    """How good a break before title[i] is (0 best), or None when it is no place to break."""
    before, after = title[:i], title[i:]
    if before[-1] in "，、：；" or after.startswith("——"):
        return 0
    if any(before.endswith(end) for end in _MEETING_ENDS) and after.startswith(("上", "的", "暨")):
        return 0
    if after[0] in _JOINERS:  # 暨 and 和 begin the next line …
        return 1
    if before[-1] in _JOINERS:  # … rather than end this one
        return 2
    if after[0] == "在" or before.endswith(("同志", "在")):
        return 1
    if any(before.endswith(end) for end in _MEETING_ENDS):
        return 2
    if before.endswith(("工作", "建设", "发展", "全市", "全县", "全区", "全省", "全州", "全国")) \
            and not after.startswith(("会", "大会", "推进会", "部署会", "动员会", "调度会", "座谈会")):
        return 3
    return None


def width(text: str) -> float:
    """Width in full-width cells: Latin letters and digits take half a cell."""
    return sum(0.5 if ch.isascii() else 1 for ch in text)


def title_lines(title: str, capacity: int = TITLE_CHARS_PER_LINE) -> list[str]:
    """``title`` as the lines it is set in (one line when it fits).  A natural break on one
    more line is preferred to a break inside a word."""
    title = title.strip()
    if width(title) <= capacity:
        return [title]
    count = math.ceil(width(title) / capacity)
    banned = _protected(title)
    places = {i: s for i in range(2, len(title) - 1)
              if i not in banned and (s := _strength(title, i)) is not None}
    for lines in (count, count + 1):
        best = _best_split(title, lines, capacity, places)
        if best:
            return best
    # no natural place fits: the most even split that splits no unit, else any split
    anywhere = {i: 6 for i in range(2, len(title) - 1) if i not in banned}
    best = _best_split(title, count, capacity, anywhere)
    if best is None:
        best = _best_split(title, count, capacity, {i: 6 for i in range(1, len(title))})
    return best or [title]


def _best_split(title: str, count: int, capacity: int, places: dict[int, int]) -> list[str] | None:
    """The split into ``count`` lines of at most ``capacity`` at ``places`` with the least cost:
    squared distance of each line from the even length, three per unit of break strength, and
    a first line longer than the even length (an inverted trapezoid) weighs more.  Dynamic
    programming over break positions: linear in the places times the lines."""
    even = width(title) / count
    cuts = [0, *sorted(places), len(title)]
    strength = {0: 0, len(title): 0, **places}
    # best[k][j]: (cost, previous cut index) of k lines ending at cuts[j]
    best: list[dict[int, tuple[float, int]]] = [{0: (0.0, -1)}]
    for k in range(1, count + 1):
        row: dict[int, tuple[float, int]] = {}
        for j in range(1, len(cuts)):
            if (k == count) != (j == len(cuts) - 1):
                continue
            for i, (cost, _) in best[k - 1].items():
                length = width(title[cuts[i]:cuts[j]])
                if length <= 0 or length > capacity:
                    continue
                step = (length - even) ** 2 + 3 * strength[cuts[j]]
                if k == 1 and length > even:
                    step += 2 * (length - even)
                if length <= 1:
                    step += 100
                if j not in row or cost + step < row[j][0]:
                    row[j] = (cost + step, i)
        best.append(row)
    end = len(cuts) - 1
    if end not in best[count]:
        return None
    lines, j = [], end
    for k in range(count, 0, -1):
        i = best[k][j][1]
        lines.append(title[cuts[i]:cuts[j]])
        j = i
    return lines[::-1]
