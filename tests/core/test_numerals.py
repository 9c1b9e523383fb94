import pytest

from drafter.core.markers import FAMILIES, format_marker, match_marker, parse_style
from drafter.core.numerals import count_word, from_chinese, to_chinese

STYLES = ["第一部分", "第一个问题：", "一、", "第一，", "第一、", "（一）", "(一)", "1.", "1．", "1、",
          "一是", "一要", "（1）", "(1)"]


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
                                     (99, "九十九"), (100, "一百"), (105, "一百零五"), (110, "一百一十"),
                                     (999, "九百九十九"), (1000, "一千"), (1001, "一千零一"),
                                     (1010, "一千零一十"), (1105, "一千一百零五"), (9999, "九千九百九十九")])
def test_known_numerals(n, text):
    assert to_chinese(n) == text
    assert from_chinese(text) == n


def test_numerals_round_trip_0_to_9999():
    for n in range(10000):
        assert from_chinese(to_chinese(n)) == n


@pytest.mark.parametrize("text", ["", "十十", "二二", "百十", "abc", "千一", "一千千", "零一", "五零", "一百一", "一千零零一"])
def test_not_numerals(text):
    with pytest.raises(ValueError):
        from_chinese(text)


def test_one_hundred_and_twelve_is_also_written_without_its_one():
    assert from_chinese("一百十二") == 112 and to_chinese(112) == "一百一十二"


def test_two_as_count_word():
    assert from_chinese("两") == 2
    assert count_word(2) == "两"
    assert count_word(6) == "六"


@pytest.mark.parametrize("style", STYLES)
def test_markers_round_trip_1_to_1200_in_every_family(style):
    first = parse_style(style)
    assert first.family in FAMILIES
    for n in range(1, 1201):
        text = format_marker(style, n)
        marker = match_marker(text + "关于全市经济社会发展工作")
        assert marker is not None, text
        assert (marker.family, marker.number, marker.text, marker.style) == (first.family, n, text, style)


def test_every_family_is_covered():
    # 甲、乙、 (ten stems, Word's ideographTraditional) is read from Word files, not offered
    assert {parse_style(s).family for s in STYLES} | {"gan"} == set(FAMILIES)


def test_heavenly_stems_from_word_numbering():
    for n, stem in enumerate("甲乙丙丁戊己庚辛壬癸", 1):
        marker = match_marker(stem + "、关于经济工作")
        assert (marker.family, marker.number, marker.text) == ("gan", n, stem + "、")
        assert format_marker("甲、", n) == stem + "、"


@pytest.mark.parametrize("text, family, number", [
    ("（十二）加强组织领导", "paren", 12), ("(三)攻坚克难抓落实", "paren", 3),
    ("第五，要切实筑牢廉洁底线", "diyi", 5), ("第二部分 形势", "part", 2),
    ("第一个问题：关于形势", "part", 1), ("六要严抓旅游安全", "yao", 6), ("十是抓好营商环境工作", "shi", 10),
    ("3．要在改革创新上求突破", "arabic", 3), ("（4）加强监督", "arabic_paren", 4), ("二十一、其他", "dun", 21),
])
def test_markers_as_written(text, family, number):
    marker = match_marker(text)
    assert (marker.family, marker.number) == (family, number)


@pytest.mark.parametrize("text", ["2023年以来", "1.5亿元", "第一次全体会议", "今天，我们召开", "（注）"])
def test_not_markers(text):
    assert match_marker(text) is None


def test_bad_style():
    with pytest.raises(ValueError):
        parse_style("一、关于")
