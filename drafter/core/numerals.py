"""Chinese numerals, both ways.

Covers what speeches use: 一 … 九十九 (and on to 九百九十九), 〇/零, and 两 as a count
word (两点意见).  ``to_chinese(12) == "十二"``; ``from_chinese("二十一") == 21``.
"""

from __future__ import annotations

DIGITS = "〇一二三四五六七八九"
_DIGIT_VALUE = {ch: i for i, ch in enumerate(DIGITS)}
_DIGIT_VALUE.update({"零": 0, "两": 2})

#: Characters that can appear in a Chinese number we read.
NUMERAL_CHARS = "〇零一二两三四五六七八九十百"


def to_chinese(n: int) -> str:
    """Write ``n`` (0–999) the way documents number points: 十, 十一, 二十, 一百零五."""
    if not 0 <= n <= 999:
        raise ValueError(f"number out of range: {n}")
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return DIGITS[tens] + "十" + (DIGITS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    text = DIGITS[hundreds] + "百"
    if rest == 0:
        return text
    if rest < 10:
        return text + "零" + DIGITS[rest]
    if rest < 20:
        return text + "一" + to_chinese(rest)  # 一百一十二
    return text + to_chinese(rest)


def count_word(n: int) -> str:
    """A count before a measure word: 2 is 两 (两点意见), otherwise as ``to_chinese``."""
    return "两" if n == 2 else to_chinese(n)


def from_chinese(text: str) -> int:
    """Read a Chinese number (一 … 九百九十九, 两, 〇/零).  Raises ValueError otherwise."""
    if not text or any(ch not in NUMERAL_CHARS for ch in text):
        raise ValueError(f"not a Chinese number: {text!r}")
    total = 0
    current = None  # pending digit
    seen_unit = 1000
    for ch in text:
        if ch in _DIGIT_VALUE:
            if current is not None:
                raise ValueError(f"not a Chinese number: {text!r}")
            current = _DIGIT_VALUE[ch]
        else:
            unit = 10 if ch == "十" else 100
            if unit >= seen_unit:
                raise ValueError(f"not a Chinese number: {text!r}")
            seen_unit = unit
            total += (1 if current is None else current) * unit
            current = None
    if current is not None:
        total += current
    if text[-1] == "零" and len(text) > 1 or (len(text) > 1 and text[0] in "〇零"):
        raise ValueError(f"not a Chinese number: {text!r}")
    return total
