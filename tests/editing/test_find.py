"""查找替换 matching on the Draft (no window)."""

from __future__ import annotations

from drafter.core.model import Block, Draft
from drafter.editing.find import Match, find_all, next_match, replace_all


def draft() -> Draft:
    return Draft(title="XX市市长在全市会议上的讲话", speaker="XX市市长",
                 blocks=[Block.paragraph("今年以来，XX市经济运行平稳。"),
                         Block.heading(1, "关于XX市发展。", "XX市要XX。"),
                         Block.paragraph("没有占位。")])


def test_find_all_in_reading_order():
    assert find_all(draft(), "XX") == [Match(0, 5, 7), Match(1, 2, 4), Match(1, 8, 10), Match(1, 12, 14)]
    assert find_all(draft(), "") == []


def test_a_match_may_run_from_the_heading_sentence_into_its_body():
    d = draft()
    assert find_all(d, "发展。XX") == [Match(1, 5, 10)]
    assert replace_all(d, "发展。XX", "建设。临江") == 1
    assert (d.blocks[1].text, d.blocks[1].body) == ("关于XX市建设。", "临江市要XX。")


def test_replace_all_covers_fields_and_bodies():
    d = draft()
    assert replace_all(d, "XX市", "临江市") == 5
    assert d.title.startswith("临江市") and d.speaker == "临江市市长"
    assert d.blocks[1].body == "临江市要XX。"
    assert not find_all(d, "XX市")


def test_next_match_wraps_both_ways():
    matches = find_all(draft(), "XX")
    assert next_match(matches, 1, 3) == matches[2]
    assert next_match(matches, 2, 0) == matches[0]
    assert next_match(matches, 0, 5, backwards=True) == matches[-1]
    assert next_match([], 0, 0) is None
