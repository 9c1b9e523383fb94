from drafter.checks import CheckOptions, run_checks
from drafter.checks.base import content
from drafter.core.model import Block, Draft
from tests.checks.conftest import draft_of

ONLY = CheckOptions(only={"announcement"})


def test_placeholder_count_in_the_corpus_gets_the_right_number(corpus):
    draft = corpus["000"]
    parts = sum(1 for b in draft.blocks if b.is_heading and b.level == 1)
    found = run_checks(draft, ONLY)
    said = [f for f in found if "方面意见" in f.message]
    assert len(said) == 1
    finding = said[0]
    assert finding.severity == "error"
    assert content(draft, finding.block)[finding.start:finding.end] == "*"
    assert f"其后实际有 {parts} 项" in finding.message
    assert finding.suggestion == "改为“讲两方面意见”"


def test_wrong_count_is_an_error_with_the_right_one():
    draft = draft_of("同志们：\n今天开会。下面，我讲三点意见：\n一、认清形势\n很好。\n二、明确任务\n很重。\n")
    [finding] = run_checks(draft, ONLY)
    assert finding.severity == "error"
    assert "说的是 3 项" in finding.message and "实际有 2 项" in finding.message
    assert finding.suggestion == "改为“讲两点意见”"
    assert content(draft, finding.block)[finding.start:finding.end] == "三"


def test_span_in_a_run_in_body_counts_the_heading():
    draft = Draft(blocks=[Block.heading(1, "明确任务。", "今年要做好三项工作："),
                          Block.heading(2, "抓项目。"), Block.heading(2, "抓投资。")])
    [finding] = run_checks(draft, ONLY)
    assert content(draft, 0)[finding.start:finding.end] == "三"


def test_counts_that_agree_are_not_reported(corpus):
    draft = draft_of("同志们：\n今天开会。下面，我讲两点意见：\n一、认清形势\n很好。\n二、明确任务\n"
                     "要做到“两个维护”，坚定“四个自信”。\n")
    assert run_checks(draft, ONLY) == []
    for name in ("001", "002", "003", "004"):
        assert run_checks(corpus[name], ONLY) == [], name


def test_a_text_that_stops_early_gets_a_note_not_an_error():
    cut = draft_of("同志们：\n今天开会。下面，我讲三点意见：\n一、认清形势\n今年以来，全县经济运行总体平稳，但")
    [finding] = run_checks(cut, ONLY)
    assert finding.severity == "info" and "未写完" in finding.message
    fragment = draft_of("同志们：\n今天开会。下面，我讲三点意见：\n一、认清形势\n今年以来，全县经济运行总体平稳。\n")
    assert [f.severity for f in run_checks(fragment, ONLY)] == ["info"]
    more = draft_of("同志们：\n今天开会。下面，我讲两点意见：\n一、认清形势\n很好。\n二、明确任务\n很重。\n三、强化保障\n有力。\n")
    assert [f.severity for f in run_checks(more, ONLY)] == ["error"]


def test_a_quoted_count_whose_items_follow_its_colon_in_one_sentence():
    # 要突出“六个严抓”：严抓……，严抓…… — the issue's own form, items run on after the colon
    text = ("在全县2025年作风建设大会上的讲话\n同志们：\n今天召开全县作风建设大会。\n一、关于纪律建设\n"
            "要突出“六个严抓”：严抓政治纪律，严抓组织纪律，严抓廉洁纪律，严抓群众纪律，严抓工作纪律。\n"
            "二、关于工作落实\n要突出“三个严抓”：严抓项目，严抓招商，确保全年目标完成。\n"
            "同志们，让我们团结一心，奋力开创全县发展新局面！\n")
    found = run_checks(draft_of(text), ONLY)
    assert [(f.severity, f.suggestion) for f in found] == [
        ("error", "改为“突出“五个严抓””"), ("error", "改为“突出“两个严抓””")]
    right = text.replace("六个严抓", "五个严抓").replace("三个严抓", "两个严抓")
    assert run_checks(draft_of(right), ONLY) == []
