"""Layout numbers of the profiles and the font sets' coverage."""

from __future__ import annotations

import pytest

from drafter.core.errors import DrafterError
from drafter.export.fonts import FONT_SETS, covered, get_font_set, missing_characters
from drafter.export.profiles import PRINT, READ_ALOUD, condensing, get_profile, mm


def test_millimetres_to_twips():
    assert (mm(210), mm(297)) == (11906, 16838)
    assert (mm(37), mm(35), mm(28), mm(26)) == (2098, 1984, 1587, 1474)


def test_print_grid_numbers():
    assert PRINT.text_width == 8845 and PRINT.text_height == 12756
    assert PRINT.line_pitch == 579  # 28.95 pt
    assert PRINT.lines_per_page * PRINT.line_pitch <= PRINT.text_height


def test_condensing_never_expands_and_fits():
    assert condensing(100_000, 10, 16) == 0
    for width in range(8000, 8960, 37):  # narrower than 28 uncondensed characters
        spacing = condensing(width, 28, 16, slack=0)
        assert spacing <= 0
        assert 28 * (320 + spacing) <= width < 28 * (321 + spacing)


def test_read_aloud_is_bigger_and_looser():
    assert READ_ALOUD.body_pt >= 18
    assert READ_ALOUD.line_pitch > PRINT.line_pitch
    assert READ_ALOUD.text_width // (READ_ALOUD.body_pt * 20 + READ_ALOUD.char_spacing) < PRINT.chars_per_line
    assert all(READ_ALOUD.heading_bold.values()) and READ_ALOUD.keep_heading_with_next


def test_lookup_by_name():
    assert get_profile("read-aloud") is READ_ALOUD and get_profile(PRINT) is PRINT
    assert get_font_set("windows").fang == "仿宋"
    with pytest.raises(DrafterError, match="可选：print、read-aloud"):
        get_profile("huge")
    with pytest.raises(DrafterError, match="gb2312、windows、founder"):
        get_font_set("x")


def test_coverage():
    gb = FONT_SETS["gb2312"]
    assert missing_characters("讲话稿——“引号”、（括号）…·Ａa1 \n", gb) == []
    assert missing_characters("朱镕基镕𠮷", gb) == ["镕", "𠮷"]  # distinct, in order
    assert covered("镕", "gbk") and not covered("𠮷", "gbk")
    assert missing_characters("朱镕基", FONT_SETS["founder"]) == []
