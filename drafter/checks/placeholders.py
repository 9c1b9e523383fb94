"""Unfilled placeholders a writer left for facts to come: ``**``, a lone ``*`` standing for a
digit, ``XX``/``××``, ``X月X日``, template slots ``{{ }}`` / ``{X}``, editor's notes in
``【】``, ``（略）``/``（待补充）``, ``某某``, ``□□``."""

from __future__ import annotations

import re

from drafter.checks.base import ERROR, WARNING, Finding, around, content
from drafter.core.model import Draft

_NUMERIC_AFTER = "年月日号时个项条点万亿千百元%％名人家次届批吨亩户所座台辆倍"

#: (pattern, severity, what it is).  Order matters: the first pattern that claims a span wins.
_PATTERNS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"\{\{.*?\}\}|\{%.*?%\}"), ERROR, "模板字段未填写"),
    (re.compile(r"\{[A-Za-z_\u4e00-\u9fff]{1,10}\}"), ERROR, "句式空位未填写"),
    (re.compile(r"【[^】\n]{0,40}】"), ERROR, "方括号【】中的批注或待填内容"),
    (re.compile(r"[*＊]{2,}(?:[.．][*＊]+)?|[*＊][.．][*＊]+"), ERROR, "占位符"),
    (re.compile(r"[*＊]"), ERROR, "“*”代替数字或文字"),
    (re.compile(r"(?<![A-Za-z])[XxＸｘ×]{2,}(?![A-Za-z])"), ERROR, "占位符"),
    (re.compile(rf"(?<![A-Za-z0-9０-９])[XxＸｘ×](?=[{_NUMERIC_AFTER}])"), ERROR, "“X”代替数字"),
    (re.compile(r"(?<=[第约近共超])[XxＸｘ×](?![A-Za-z0-9])"), ERROR, "“X”代替数字"),
    (re.compile(r"[（(](?:此处)?(?:略|待补充|待定|待填|待核|待核实|数据待核|待更新|略去|删节)[）)]"),
     ERROR, "待补充的省略标记"),
    (re.compile(r"TODO|待填写|待补充"), ERROR, "待补充的标记"),
    (re.compile(r"[□○]{2,}"), ERROR, "占位符"),
    (re.compile(r"某某"), WARNING, "“某某”可能是未替换的占位"),
]


_HEADER_FIELDS = (("title", "标题"), ("speaker", "讲话人"), ("date", "日期"), ("occasion", "会议"),
                  ("salutation", "称呼"))


def _matches(text: str):
    """(start, end, severity, what) of every placeholder in ``text``, without overlaps."""
    taken: list[tuple[int, int]] = []
    for pattern, severity, what in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if what.startswith("“X”") and _is_product(text, m.start(), m.end()):
                continue
            taken.append((m.start(), m.end()))
            yield m.start(), m.end(), severity, what


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


def _is_product(text: str, start: int, end: int) -> bool:
    """3×4 or 5G×: a multiplication sign between digits is not a placeholder."""
    before = text[start - 1:start]
    after = text[end:end + 1]
    return text[start:end] == "×" and before.isdigit() and after.isdigit()
