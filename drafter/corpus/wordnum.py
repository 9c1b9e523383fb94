"""Word's automatic list numbering, computed the way Word shows it.

A paragraph is numbered when its properties (or its style's, following ``basedOn``) carry
``w:numPr`` (``w:numId`` and ``w:ilvl``).  ``word/numbering.xml`` maps the numId to a
``w:num``, which points to a ``w:abstractNum`` with up to nine ``w:lvl``: each has a start
value, a format (``w:numFmt``: decimal, chineseCounting, ideographTraditional, …) and a text
(``w:lvlText``: ``%1、``, ``（%1）``, ``%1.``, ``第%1章``).  Counters run per abstract list; a
level restarts after any shallower level advances; ``w:lvlOverride/w:startOverride`` on a num
restarts its list where that num is first used.

``Numbering.label(numId, ilvl)`` gives the label the next paragraph of that list shows
("一、", "（二）", "3.") and advances the counters.  A missing numbering part, a numId or an
abstract list that is not defined, or ``numStyleLink`` chains that loop give "" and a note in
``problems`` — never an exception.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from drafter.core.numerals import to_chinese

GAN = "甲乙丙丁戊己庚辛壬癸"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
MAX_LINKS = 8


def _val(el, tag: str) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt``."""
    if fmt in ("none", "bullet"):
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting") and 0 < n < 1000:
        return to_chinese(n)
    if fmt in ("ideographTraditional", "ideographZodiac") and 0 < n <= len(GAN):
        return GAN[n - 1]
    if fmt == "ideographDigital":
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """The lists of one document (``numbering.xml`` parsed by python-docx, or None)."""

    def __init__(self, root, styles=None):
        self.root = root
        self.styles = styles          # style id -> style element (for numStyleLink)
        self.problems: list[str] = []
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, overrides)
        self.abstracts: dict[str, object] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[tuple[str, int]] = set()
        if root is None:
            return
        for el in root.findall(qn("w:abstractNum")):
            self.abstracts[el.get(qn("w:abstractNumId"))] = el
        for el in root.findall(qn("w:num")):
            overrides = {}
            for override in el.findall(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None and start.lstrip("-").isdigit():
                    overrides[int(override.get(qn("w:ilvl"), "0"))] = int(start)
            self.nums[el.get(qn("w:numId"))] = (_val(el, "w:abstractNumId") or "", overrides)

    def _abstract(self, abstract_id: str, depth: int = 0):
        """The abstract list, following numStyleLink to the list its style names (cycles cut)."""
        el = self.abstracts.get(abstract_id)
        if el is None or depth > MAX_LINKS:
            if depth > MAX_LINKS:
                self.problems.append("编号定义互相引用（循环），已按无编号读取")
            return None, abstract_id
        link = _val(el, "w:numStyleLink")
        if link and self.styles is not None:
            style = self.styles.get(link)
            num_pr = style.find(qn("w:pPr") + "/" + qn("w:numPr")) if style is not None else None
            num_id = _val(num_pr, "w:numId") if num_pr is not None else None
            target = self.nums.get(num_id or "")
            if target and target[0] != abstract_id:
                return self._abstract(target[0], depth + 1)
        return el, abstract_id

    def label(self, num_id: str | None, ilvl: int) -> str:
        if not num_id or num_id == "0":
            return ""
        if self.root is None:
            self.problems.append("文档使用了 Word 自动编号，但缺少编号定义（numbering.xml），编号未能还原")
            return ""
        entry = self.nums.get(num_id)
        if entry is None:
            self.problems.append(f"自动编号 {num_id} 没有定义，编号未能还原")
            return ""
        abstract, key = self._abstract(entry[0])
        if abstract is None:
            return ""
        ilvl = max(0, min(8, ilvl))
        levels = {int(lvl.get(qn("w:ilvl"), "0")): lvl for lvl in abstract.findall(qn("w:lvl"))}
        counters = self.counters.setdefault(key, [0] * 9)
        starts = [int(s) if (s := _val(levels.get(k), "w:start")) and s.lstrip("-").isdigit() else 1
                  for k in range(9)]
        override = entry[1].get(ilvl)
        if override is not None and (num_id, ilvl) not in self.started:
            counters[ilvl] = override - 1
        self.started.add((num_id, ilvl))
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else starts[ilvl]
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        lvl = levels.get(ilvl)
        if lvl is None:
            return ""
        text = _val(lvl, "w:lvlText") or ""
        legal = lvl.find(qn("w:isLgl")) is not None
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                fmt = "decimal" if legal and k != ilvl else _val(levels.get(k), "w:numFmt") or "decimal"
                text = text.replace(token, format_number(counters[k] or starts[k], fmt))
        if (_val(lvl, "w:numFmt") or "") in ("bullet", "none"):
            return ""
        return text
