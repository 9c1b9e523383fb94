"""Chinese numerals, both ways.

Covers what speeches use: 一 … 九十九 (and on to 九百九十九), 〇/零, and 两 as a count
word (两点意见).  ``to_chinese(12) == "十二"``; ``from_chinese("二十一") == 21``.
"""

from __future__ import annotations

DIGITS = "〇一二三四五六七八九"

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


def _reverse_table() -> dict[str, int]:
    table = {to_chinese(n): n for n in range(1000)}
    table.update({"零": 0, "两": 2})
    for n in range(110, 120):  # 一百十二 is also written
        table["一百" + to_chinese(n - 100)] = n
    return table


_REVERSE = _reverse_table()


def from_chinese(text: str) -> int:
    """Read a Chinese number (〇/零, 一 … 九百九十九, 两).  Raises ValueError otherwise."""
    try:
        return _REVERSE[text]
    except KeyError:
        raise ValueError(f"not a Chinese number: {text!r}") from None
