"""Planted faults: a sound county speech (parsed from text, as a file would be) comes out clean; each
fault planted into it is found with the right severity, and only that fault."""

import pytest

from drafter.checks import CheckOptions, run_checks
from drafter.checks.base import content
from drafter.corpus.parser import parse_text

SPEECH = """在全县经济工作会议上的讲话
县长 张明
（2024年2月20日）
同志们：
今天，我们召开全县经济工作会议，主要任务是深入贯彻中央、省委和市委经济工作会议精神，总结去年工作，部署今年任务。刚才，县发展改革局、县财政局作了发言，讲得很好。下面，我讲三点意见。
一、客观看待成绩，坚定发展信心
过去一年，在市委、市政府的坚强领导下，全县上下坚持稳中求进工作总基调，地区生产总值增长6.2%，增速居全市第二位。我们坚持“两个毫不动摇”，民营经济活力持续增强。这些成绩的取得，是全县广大干部群众团结奋斗的结果。
二、突出工作重点，推动高质量发展
今年，要重点做好以下四项工作：一是抓项目建设，全年实施重点项目120个；二是抓产业升级，做强农产品加工主导产业；三是抓乡村振兴，巩固拓展脱贫攻坚成果同乡村振兴有效衔接；四是抓民生保障，办好十件民生实事。
（一）狠抓项目建设。要坚持项目为王，各乡镇（街道）、县直各部门要盯紧项目，积极对接市直部门，争取更多项目纳入省市盘子。
（二）狠抓产业升级。要坚持创新、协调、绿色、开放、共享的新发展理念，推动产业链延链补链强链。
（三）狠抓改革创新。要深化“放管服”改革，持续优化营商环境。
三、强化作风建设，确保任务落实
全县各级领导干部要增强“四个意识”，即政治意识、大局意识、核心意识、看齐意识，坚定“四个自信”，做到“两个维护”，严格落实中央八项规定精神，以钉钉子精神抓好落实。
同志们，做好今年经济工作意义重大。让我们在市委、市政府的坚强领导下，凝心聚力，真抓实干，奋力谱写临江县高质量发展新篇章！
"""

PLACE = "临江县"


def findings(text: str, place: str = PLACE):
    draft = parse_text(text)
    return draft, [f for f in run_checks(draft, CheckOptions(place=place)) if f.severity != "info"]


def test_the_sound_speech_is_clean():
    _draft, found = findings(SPEECH)
    assert found == []


def _span(draft, f):
    return content(draft, f.block)[f.start:f.end] if f.block is not None and f.start is not None else None


@pytest.mark.parametrize("old, new, check, severity, span", [
    # wrong-level words in a county draft
    ("全县上下坚持", "全市上下坚持", "place", "error", "全市上下"),
    ("各乡镇（街道）、县直各部门要盯紧项目", "各县区、县直各部门要盯紧项目", "place", "error", "各县区"),
    ("奋力谱写临江县高质量发展新篇章", "奋力谱写我市高质量发展新篇章", "place", "error", "我市"),
    # another place's name
    ("奋力谱写临江县高质量", "奋力谱写广州市南沙区高质量", "place", "error", "广州市南沙区"),
    # a placeholder in a field and in the text
    ("（2024年2月20日）", "（2024年X月X日）", "placeholder", "error", None),
    ("全年实施重点项目120个", "全年实施重点项目**个", "placeholder", "error", "**"),
    # a numbering gap inside a list
    ("（三）狠抓改革创新", "（四）狠抓改革创新", "numbering", "error", None),
    # a count that disagrees with the items it announces
    ("重点做好以下四项工作", "重点做好以下五项工作", "announcement", "error", "五"),
    ("下面，我讲三点意见。", "下面，我讲四点意见。", "announcement", "error", "四"),
    # an outdated formulation in a current-tasks part
    ("巩固拓展脱贫攻坚成果同乡村振兴有效衔接", "坚决打赢脱贫攻坚战", "formulation", "warning", "打赢脱贫攻坚战"),
    # a formula with a wrong member
    ("核心意识、看齐意识", "核心意识、服务意识", "formulation", "error", "服务意识"),
])
def test_a_planted_fault_is_found(old, new, check, severity, span):
    assert old in SPEECH
    draft, found = findings(SPEECH.replace(old, new, 1))
    assert [(f.check, f.severity) for f in found] == [(check, severity)], found
    if span is not None:
        assert _span(draft, found[0]) == span


@pytest.mark.parametrize("place, words", [
    ("白山市", {"全县上下", "全县广大", "全县各级", "县直各部门"}),
])
def test_the_same_speech_taken_for_a_city_reports_the_county_words(place, words):
    draft, found = findings(SPEECH, place)
    assert words <= {_span(draft, f) for f in found if f.check == "place"}


def test_an_outdated_formulation_looking_back_is_only_a_note():
    text = SPEECH.replace("民营经济活力持续增强。", "民营经济活力持续增强，打赢脱贫攻坚战取得决定性成果。")
    draft = parse_text(text)
    found = [f for f in run_checks(draft, CheckOptions(place=PLACE)) if f.check == "formulation"]
    assert [(f.severity, _span(draft, f)) for f in found] == [("info", "打赢脱贫攻坚战")]
    assert found[0].source["since"] == "2021-02-25" and found[0].source["action"] == "rewrite"
