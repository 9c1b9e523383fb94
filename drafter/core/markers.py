"""Marker families of numbered points (DESIGN §3) and numbering styles.

A *numbering style* is written as the marker of the first item: ``"一、"``, ``"第一，"``,
``"（一）"``, ``"1."``, ``"1．"``, ``"一是"``, ``"一要"``, ``"（1）"``, ``"第一部分"``.  The
number of any item is then derived: ``format_marker("（一）", 12) == "（十二）"``.

``match_marker`` recognises a marker at the start of a text.  It only looks at the marker's
own shape; whether a paragraph that starts with one really is a numbered point (一是一、二是二,
1月19日 …) is the parser's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.core.numerals import from_chinese, to_chinese

_CN = "一二三四五六七八九十百千零"

#: family name -> usual depth, in the order of DESIGN §3.
FAMILIES = {
    "part": 1,
    "dun": 1,
    "diyi": 1,
    "paren": 2,
    "arabic": 3,
    "shi": 3,
    "yao": 3,
    "arabic_paren": 4,
    "gan": 2,
}

#: 甲、乙、丙、: the heavenly stems, Word's ideographTraditional numbering (ten at most).
GAN = "甲乙丙丁戊己庚辛壬癸"

# Order matters: more specific shapes first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(rf"(第)([{_CN}]+)(部分|个问题)([：:，,、]?[ 　]?)")),
    ("diyi", re.compile(rf"(第)([{_CN}]+)([，,、：:])")),
    ("dun", re.compile(rf"()([{_CN}]+)(、)")),
    ("paren", re.compile(rf"([（(])([{_CN}]+)([）)])")),
    ("arabic_paren", re.compile(r"([（(])(\d{1,4})([）)])")),
    ("arabic", re.compile(r"()(\d{1,4})([.．、](?!\d))")),
    ("shi", re.compile(rf"()([{_CN}]+)(是)")),
    ("yao", re.compile(rf"()([{_CN}]+)(要)")),
    ("gan", re.compile(r"()([甲乙丙丁戊己庚辛壬癸])(、)")),
]
_BY_FAMILY = dict(_PATTERNS)


@dataclass(frozen=True)
class Marker:
    """A marker as written: ``prefix + number + suffix`` (``（`` ``十二`` ``）``)."""

    family: str
    number: int
    prefix: str
    numeral: str
    suffix: str

    @property
    def text(self) -> str:
        return self.prefix + self.numeral + self.suffix

    @property
    def arabic(self) -> bool:
        return self.numeral.isdigit()

    @property
    def style(self) -> str:
        """The numbering style this marker belongs to (its first item's marker)."""
        return self.with_number(1).text

    def with_number(self, n: int) -> Marker:
        if self.family == "gan":
            numeral = GAN[n - 1] if 1 <= n <= len(GAN) else to_chinese(n)
            return Marker(self.family, n, self.prefix, numeral, self.suffix)
        numeral = str(n) if self.arabic else to_chinese(n)
        return Marker(self.family, n, self.prefix, numeral, self.suffix)


def match_marker(text: str, families: tuple[str, ...] | None = None) -> Marker | None:
    """The marker at the very start of ``text``, or None."""
    for family, pattern in _PATTERNS:
        if families is not None and family not in families:
            continue
        m = pattern.match(text)
        if not m:
            continue
        prefix, numeral, suffix = m.group(1), m.group(2), "".join(m.groups()[2:])
        try:
            number = GAN.index(numeral) + 1 if family == "gan" else \
                int(numeral) if numeral.isdigit() else from_chinese(numeral)
        except ValueError:
            continue
        if number < 1:
            continue
        return Marker(family, number, prefix, numeral, suffix)
    return None


@lru_cache(maxsize=256)
def parse_style(style: str) -> Marker:
    """The marker a numbering style stands for; ValueError if it is not one."""
    marker = match_marker(style)
    if marker is None or marker.text != style:
        raise ValueError(f"不是有效的编号样式：{style!r}")
    return marker


@lru_cache(maxsize=4096)
def format_marker(style: str, n: int) -> str:
    """The marker of item ``n`` in ``style``: ``format_marker("一是", 3) == "三是"``."""
    return parse_style(style).with_number(n).text


def family_of(style: str) -> str:
    return parse_style(style).family


#: Styles offered for each level by default (一、 / （一） / 1. / （1）).
DEFAULT_STYLES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}

#: Every style the editor offers, by family.
STYLE_CHOICES = [
    "第一部分", "一、", "第一，", "（一）", "(一)", "1.", "1．", "1、", "一是", "一要", "（1）", "(1)",
]
