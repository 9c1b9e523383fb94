"""The false alarms a new user met on published speeches, each in the shape it came in, and the
leftovers that went unreported."""

import datetime as dt

from drafter.checks import CheckOptions, run_checks
from drafter.checks.base import content
from drafter.checks.divisions import load
from drafter.checks.ownplace import own_place
from drafter.core.model import Block, Draft
from drafter.corpus.parser import parse_text


def loud(draft, **options):
    return [f for f in run_checks(draft, CheckOptions(**options)) if f.severity != "info"]


def test_two_separate_shi_lists_are_not_disorder():
    text = ("同志们：\n一、关于项目建设\n今年要抓好项目。\n"
            "一是抓谋划。多谋划项目。\n二是抓开工。早开工。\n三是抓投资。多投资。\n"
            "四是抓服务。优服务。\n五是抓要素。保要素。\n六是抓考核。严考核。\n"
            "同时，要统筹好以下几方面。\n"
            "一是统筹资金。用好资金。\n二是统筹土地。用好土地。\n三是统筹人才。用好人才。\n"
            "二、关于作风建设\n要转变作风。\n")
    draft = parse_text(text)
    assert [f for f in loud(draft, only={"numbering"})] == []
    gap = parse_text(text.replace("三是统筹人才", "四是统筹人才"))
    [f] = loud(gap, only={"numbering"})
    assert f.severity == "error" and "缺少" in f.message


def test_a_fixed_formula_is_no_announcement_and_is_never_corrected():
    draft = parse_text("同志们：\n要坚持“两个毫不动摇”。\n一、甲\n甲。\n二、乙\n乙。\n三、丙\n丙。\n")
    assert loud(draft, only={"announcement"}) == []
    draft = Draft(blocks=[Block.paragraph("坚持两个毫不动摇，落实“六稳”“六保”。"),
                          Block.heading(1, "甲"), Block.heading(1, "乙"), Block.heading(1, "丙")])
    assert loud(draft, only={"announcement", "formulation"}) == []


def test_the_six_precisions_are_no_unbalanced_parallel():
    draft = Draft(blocks=[Block.paragraph(
        "要坚持“六个精准”，做到扶持对象精准、项目安排精准、资金使用精准、措施到户精准、因村派人精准、"
        "脱贫成效精准，确保扶贫资源真正用在扶贫对象身上、真正用在贫困地区。")])
    assert loud(draft, only={"parallel", "formulation"}, today=dt.date(2018, 6, 1)) == []


def test_a_2018_speech_may_still_say_decisive_victory():
    draft = parse_text("同志们：\n2018年是贯彻党的十九大精神的开局之年。2017年，全县经济稳中向好。"
                       "今年要决胜全面建成小康社会，坚决打赢脱贫攻坚战。\n")
    assert loud(draft, only={"formulation"}) == []
    later = parse_text("同志们：\n2024年是实现“十四五”规划目标任务的关键一年。今年要决胜全面建成小康社会。\n")
    [f] = loud(later, only={"formulation"})
    assert "决胜全面建成小康社会" in f.message and "2024" in f.message


def test_part_of_an_invitation_is_no_place_name():
    draft = Draft(blocks=[Block.paragraph("现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员和列席人员提出意见。")])
    assert loud(draft, only={"place"}, place="临江县") == []
    assert loud(draft, only={"place"}, place="景县") == []


def test_a_county_draft_with_city_words_and_another_citys_district():
    draft = Draft(fields={"单位": "临江县"}, blocks=[
        Block.paragraph("全市上下要紧盯市委确定的目标，奋力冲刺全年任务。", "tasks"),
        Block.paragraph("要把广州市南沙区打造成为对外开放的新高地。", "tasks")])
    found = loud(draft, only={"place"})
    assert [content(draft, f.block)[f.start:f.end] for f in found] == ["全市上下", "广州市南沙区"]
    assert all(f.severity == "error" for f in found)


def test_own_place_from_a_title_naming_the_province_and_the_text():
    data = load()
    draft = Draft(title="在福建省南靖首届兰花节开幕式上的讲话", blocks=[
        Block.paragraph("我代表南靖县五套班子和全县人民表示欢迎。这一年，我县全县上下齐心协力，南靖县经济发展。")])
    own = own_place(draft, None, data)
    assert (own.name, own.key) == ("南靖县", "县")
    assert [d.name for d in own.chain] == ["福建省", "漳州市", "南靖县"]
    assert loud(draft, only={"place"}) == []


def test_a_point_run_into_the_paragraph_before_is_no_gap():
    text = ("同志们：\n一、关于项目\n要抓项目。\n一是抓谋划。多谋划。\n二是抓开工。早开工。三是抓投资，多投资。\n"
            "四是抓服务。优服务。\n二、关于作风\n要转变。\n")
    assert loud(parse_text(text), only={"numbering"}) == []
    [f] = loud(parse_text(text.replace("三是抓投资，多投资。", "")), only={"numbering"})
    assert "缺少“三是”" in f.message


def test_a_speech_without_a_date_is_dated_by_the_events_it_names():
    old = parse_text("同志们：\n要深入学习贯彻党的十九大精神，确保“十三五”规划圆满收官，决胜全面建成小康社会。\n")
    assert loud(old, only={"formulation"}) == []
    new = parse_text("同志们：\n要深入学习贯彻党的二十大精神，决胜全面建成小康社会。\n")
    assert [f.severity for f in loud(new, only={"formulation"})] == ["warning"]


def test_a_county_speaking_at_the_citys_meeting_is_a_county_speech():
    draft = Draft(title="在全市经济工作会议上的交流发言", blocks=[Block.paragraph(
        "今年以来，我县认真贯彻全市经济工作会议精神，我县经济增速居全市第一，全县上下干劲十足。")])
    assert loud(draft, only={"place"}) == []
