"""Font sets for Word export: which font each part of a speech is set in.

``gb2312``: the names GB/T 9704 templates use (仿宋_GB2312, 楷体_GB2312, 黑体, 方正小标宋简体).
``windows``: fonts every Chinese Windows has (仿宋, 楷体, 黑体, 宋体); the title is 宋体 in bold,
as 方正小标宋 is not part of Windows.
``founder``: 方正 fonts (方正仿宋_GBK, 方正楷体_GBK, 方正黑体_GBK, 方正小标宋_GBK).

Each set also names the character set its fonts cover, so the exporter can warn about
characters the fonts lack (Word then draws them in a fallback font; nothing is dropped).
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

from drafter.core.errors import DrafterError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FontSet:
    name: str
    label: str
    title: str
    kai: str       # speaker/date line, level 2 headings
    hei: str       # level 1 headings
    fang: str      # body, levels 3-4
    song: str      # page numbers
    charset: str   # Python codec whose repertoire the fonts cover
    title_bold: bool = False


FONT_SETS = {
    "gb2312": FontSet("gb2312", "GB2312 字体（仿宋_GB2312 等）", title="方正小标宋简体",
                      kai="楷体_GB2312", hei="黑体", fang="仿宋_GB2312", song="宋体",
                      charset="gb2312"),
    "windows": FontSet("windows", "Windows 字体（仿宋、楷体、黑体、宋体）", title="宋体",
                       kai="楷体", hei="黑体", fang="仿宋", song="宋体", charset="gbk",
                       title_bold=True),
    "founder": FontSet("founder", "方正字体（方正仿宋_GBK 等）", title="方正小标宋_GBK",
                       kai="方正楷体_GBK", hei="方正黑体_GBK", fang="方正仿宋_GBK",
                       song="方正书宋_GBK", charset="gbk"),
}


def get_font_set(name: str | FontSet) -> FontSet:
    if isinstance(name, FontSet):
        return name
    try:
        return FONT_SETS[name]
    except KeyError:
        raise DrafterError(f"未知的字体方案“{name}”，可选：{'、'.join(FONT_SETS)}") from None


def covered(ch: str, charset: str) -> bool:
    """Whether fonts of ``charset`` have ``ch``.  Punctuation and symbols are judged by GBK:
    Python's GB2312 codec maps a few marks the fonts do have (— U+2014, · U+00B7) elsewhere."""
    try:
        ch.encode(charset)
        return True
    except UnicodeEncodeError:
        pass
    if unicodedata.category(ch)[0] in "PSZ":
        try:
            ch.encode("gbk")
            return True
        except UnicodeEncodeError:
            return False
    return False


def missing_characters(text: str, font_set: FontSet) -> list[str]:
    """Distinct characters of ``text`` outside the font set's repertoire, in order of first
    appearance (whitespace and control characters ignored)."""
    seen: set[str] = set()
    missing: list[str] = []
    for ch in text:
        if ch in seen or ch.isspace():
            continue
        seen.add(ch)
        if not covered(ch, font_set.charset):
            missing.append(ch)
    return missing
