"""Chinese numerals, both ways.

Covers what speeches use: 一 … 九十九 (and on to 九千九百九十九, so that a list's 100th item
reads and prints like its 99th), 〇/零, and 两 as a count word (两点意见).
``to_chinese(12) == "十二"``; ``from_chinese("二十一") == 21``.
"""

from __future__ import annotations

from functools import lru_cache

DIGITS = "〇一二三四五六七八九"

#: Characters that can open a Chinese number right after a marker (一是一、二是二, 一、二季度);
#: 千 is left out: 一是千方百计…… opens a point far more often than a list's 1000th item does.
NUMERAL_CHARS = "〇零一二两三四五六七八九十百"

#: The largest number read or written: items of a list go no further (一千零一、 / 1001.).
MAX_NUMBER = 9999


def to_chinese(n: int) -> str:
    """Write ``n`` (0–9999) the way documents number points: 十, 十一, 二十, 一百零五, 一千零一十."""
    if not 0 <= n <= MAX_NUMBER:
        raise ValueError(f"number out of range: {n}")
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return DIGITS[tens] + "十" + (DIGITS[ones] if ones else "")
    unit, name = (1000, "千") if n >= 1000 else (100, "百")
    lead, rest = divmod(n, unit)
    text = DIGITS[lead] + name
    if rest == 0:
        return text
    if rest * 10 < unit:
        text += "零"  # 一百零五, 一千零五十
    if 10 <= rest < 20:
        return text + "一" + to_chinese(rest)  # 一百一十二, 一千零一十
    return text + to_chinese(rest)


def count_word(n: int) -> str:
    """A count before a measure word: 2 is 两 (两点意见), otherwise as ``to_chinese``."""
    return "两" if n == 2 else to_chinese(n)


_UNITS = {"十": 10, "百": 100, "千": 1000}


def _value(text: str) -> int:
    """The value of a numeral written with 十/百/千 (no checking of its form)."""
    total, digit = 0, None
    for ch in text:
        if ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        elif ch in DIGITS:
            if digit is not None:
                raise ValueError
            digit = DIGITS.index(ch)
        elif ch == "零":
            if digit is not None:
                raise ValueError
        else:
            raise ValueError
    return total + (digit or 0)


@lru_cache(maxsize=4096)
def from_chinese(text: str) -> int:
    """Read a Chinese number (〇/零, 一 … 九千九百九十九, 两).  Raises ValueError otherwise:
    only the way ``to_chinese`` writes it is read, and 一百十二 for 一百一十二."""
    if text in ("零", "〇"):
        return 0
    if text == "两":
        return 2
    try:
        n = _value(text)
    except ValueError:
        n = -1
    if 0 < n <= MAX_NUMBER and text in (to_chinese(n), to_chinese(n).replace("百一十", "百十")):
        return n
    raise ValueError(f"not a Chinese number: {text!r}")
