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
import shutil
import subprocess
import sys
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


#: The font Word and WPS draw in when a font of a set is missing (w:altName in the font table):
#: the Windows font of the same design, so a machine without 仿宋_GB2312 shows 仿宋, not 宋体.
FALLBACKS = {
    "仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体", "方正小标宋_GBK": "宋体",
    "方正仿宋_GBK": "仿宋", "方正楷体_GBK": "楷体", "方正黑体_GBK": "黑体", "方正书宋_GBK": "宋体",
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
    return [ch for ch in dict.fromkeys(text) if not ch.isspace() and not covered(ch, font_set.charset)]


#: Other names the same fonts go by: Windows lists its Chinese fonts by their English names.
FONT_ALIASES = {
    "仿宋": "FangSong", "楷体": "KaiTi", "黑体": "SimHei", "宋体": "SimSun",
    "仿宋_GB2312": "FangSong_GB2312", "楷体_GB2312": "KaiTi_GB2312",
    "方正小标宋简体": "FZXiaoBiaoSong-B05S", "方正小标宋_GBK": "FZXiaoBiaoSong-B05",
}


def _windows_families() -> set[str]:
    import winreg  # Windows only

    names: set[str] = set()
    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            key = winreg.OpenKey(hive, key_path)
        except OSError:
            continue
        with key:
            index = 0
            while True:
                try:
                    value_name = winreg.EnumValue(key, index)[0]
                except OSError:
                    break
                index += 1
                base = value_name.split(" (")[0]  # "SimSun & NSimSun (TrueType)"
                names.update(part.strip() for part in base.split("&"))
    return names


def installed_families() -> set[str] | None:
    """Family names of the fonts installed here (every localized name), or None where they
    cannot be listed."""
    try:
        if sys.platform == "win32":
            return _windows_families()
        fc_list = shutil.which("fc-list")
        if not fc_list:
            return None
        out = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, timeout=20,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def missing_fonts(font_set: FontSet, families: set[str]) -> list[str]:
    """The fonts ``font_set`` names that are not among ``families``."""
    names = (font_set.title, font_set.kai, font_set.hei, font_set.fang, font_set.song)
    missing = []
    for name in dict.fromkeys(names):
        if name not in families and FONT_ALIASES.get(name) not in families:
            missing.append(name)
    return missing


def describe_missing(missing: list[str]) -> str:
    """仿宋_GB2312（以仿宋代替）、黑体: the missing fonts with the font Word draws in instead."""
    return "、".join(f"{name}（以{FALLBACKS[name]}代替）" if name in FALLBACKS else name for name in missing)


def substitution_note(font_set: FontSet) -> str | None:
    """A note for the user when fonts of ``font_set`` are not installed here (the file is fine:
    it names the fonts, and opens as intended where they are installed)."""
    families = installed_families()
    if families is None:
        return None
    missing = missing_fonts(font_set, families)
    if not missing:
        return None
    return (f"提示：本机未安装 {describe_missing(missing)}；文件照常导出，在本机用 Word/WPS 打开时以代替的字体显示，"
            "在装有这些字体的电脑上显示正常")
