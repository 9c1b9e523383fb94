from drafter.checks import CheckOptions, run_checks
from drafter.checks.length import spoken_chars
from drafter.core.model import Block, Draft

ONLY = {"length"}


def speech():
    return Draft(blocks=[Block.paragraph("同" * 100), Block.heading(1, "甲" * 10, "乙" * 290),
                         Block.paragraph("丙" * 200), Block.heading(1, "丁 " * 100)])


def test_total_and_each_part_with_its_share():
    draft = speech()
    found = run_checks(draft, CheckOptions(only=ONLY, rate=100))
    total = found[0]
    assert total.block is None and total.severity == "info" and "全文 700 字" in total.message
    parts = found[1:]
    assert [f.block for f in parts] == [1, 3]
    assert "500 字" in parts[0].message and "占全文 71%" in parts[0].message
    assert "100 字" in parts[1].message  # spaces are not read aloud
    assert "约 5.0 分钟" in parts[0].message


def test_over_budget_warns_with_how_much_to_cut():
    found = run_checks(speech(), CheckOptions(only=ONLY, rate=100, budget_minutes=5))
    assert [f.severity for f in found] == ["warning"] * 3
    assert "超出约 2.0 分钟" in found[0].message and found[0].suggestion == "压缩约 200 字（全文不超过 500 字）"
    assert found[1].suggestion == "按比例压缩约 143 字"


def test_within_budget_only_informs():
    found = run_checks(speech(), CheckOptions(only=ONLY, rate=250, budget_minutes=5))
    assert {f.severity for f in found} == {"info"}


def test_corpus_speech_total_matches_its_text(corpus):
    draft = corpus["004"]
    [total, *parts] = run_checks(draft, CheckOptions(only=ONLY))
    chars = sum(spoken_chars(b.text + b.body) for b in draft.blocks)
    assert f"全文 {chars:,} 字" in total.message
    assert len(parts) == sum(1 for b in draft.blocks if b.is_heading and b.level == 1)
