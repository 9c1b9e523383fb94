"""A superior's body in a draft of a lower level: named as the source of guidance, decisions or
support it is right (在市委的坚强领导下, 全市经济工作会议精神); named as the owner of the draft's own
work — its departments addressed, its meeting convened as the one now held — it is a leftover from
the superior's speech the draft was copied from (acceptance finding H2)."""

from drafter.checks import CheckOptions, run_checks
from drafter.corpus.parser import parse_text

#: A county's economic work meeting, written the way such openings are, with every legitimate way
#: of naming the city above it.
COUNTY = """在南靖县2025年经济工作会议上的讲话
县长 王明
（2025年1月20日）
同志们：
今天，我们召开全县经济工作会议，主要任务是深入贯彻中央、省委经济工作会议和全市经济工作会议精神，传达学习市政府第三次全体会议精神，总结去年工作，部署今年任务。
一、过去一年的工作
过去一年，在市委、市政府的坚强领导下，全县上下紧盯市委确定的目标任务，地区生产总值增长6.2%，增速居全市第二位。在4月23日的市政府常务会议上，市长专门就我县项目建设作了部署。前不久，市委召开全市项目建设推进会议，我县作了交流发言。
二、今年的重点任务
要主动对接市直各部门，争取更多项目列入全市盘子。在市政府各部门的大力支持下，我县争取上级资金3.2亿元。县直各部门要抓好落实。
同志们，让我们在市委、市政府的坚强领导下，奋力谱写南靖县高质量发展新篇章！
"""


def place_findings(text, place=None):
    draft = parse_text(text)
    return [f for f in run_checks(draft, CheckOptions(only={"place"}, place=place)) if f.severity != "info"]


def test_the_superior_named_as_the_source_of_guidance_is_not_reported():
    assert place_findings(COUNTY) == []
    assert place_findings(COUNTY, place="南靖县") == []


def test_a_city_meeting_convened_as_ours_and_the_city_departments_addressed_are_reported():
    leftover = (COUNTY
                .replace("今天，我们召开全县经济工作会议", "今天，我们召开市政府第三次全体会议")
                .replace("县直各部门要抓好落实", "市政府各部门要抓好落实，本市各单位要主动作为"))
    found = place_findings(leftover)
    assert [(f.severity, f.suggestion) for f in found] == [
        ("error", "改为“县政府第三次全体会议”"),
        ("error", "改为“县政府各部门”"),
        ("error", "改为“我县”"),
    ]
    assert "作为本次召开的会议" in found[0].message and "南靖县" in found[0].message
    assert found[0].source["word"] == "市政府第三次全体会议"


def test_this_meeting_named_by_the_superior_word_is_reported_in_each_form():
    for sentence, right in (
            ("这次全市经济工作会议的主要任务是部署今年工作。", "全县经济工作会议"),
            ("本次市政府常务会议要研究三件事。", "县政府常务会议"),
            ("今天召开的市委常委会议，主要是研究部署下一步工作。", "县委常委会议"),
            ("市政府第三次全体会议的主要任务是分析形势。", "县政府第三次全体会议")):
        found = place_findings(COUNTY.replace("县直各部门要抓好落实。", sentence))
        assert [f.suggestion for f in found] == [f"改为“{right}”"], sentence


def test_the_superior_meeting_just_held_and_cited_is_its_own():
    for sentence in ("市委刚刚召开的这次全市经济工作会议，对今年工作作出了全面部署。",
                     "我们要认真贯彻这次全市经济工作会议精神。",
                     "这次市政府常务会议明确了今年的十件民生实事。"):
        assert place_findings(COUNTY.replace("县直各部门要抓好落实。", sentence)) == [], sentence


def test_a_county_speaking_at_the_city_meeting_names_that_meeting_as_this_one():
    speech = """在全市经济工作会议上的交流发言
南靖县县长 王明
各位领导，同志们：
根据会议安排，我就我县经济工作作个发言。这次全市经济工作会议的主要任务是贯彻中央和省委部署，我县将认真抓好落实。
今年以来，我县地区生产总值增长6.2%，我县项目建设稳步推进。
"""
    assert place_findings(speech) == []
    with_deputies = speech.replace("根据会议安排，", "刚才，各位副市长作了很好的讲话。根据会议安排，")
    assert place_findings(with_deputies) == []  # the city's deputies are at the city's meeting


def test_the_same_class_one_level_up_a_province_meeting_in_a_city_draft():
    city = """在白山市2025年安全生产工作会议上的讲话
同志们：
今天，我们召开省政府常务会议，主要任务是部署安全生产工作。省政府各部门要切实负起责任。
全市上下要认真贯彻省委、省政府决策部署，传达学习省政府常务会议精神。
"""
    found = place_findings(city)
    assert [(f.severity, f.suggestion) for f in found] == [
        ("error", "改为“市政府常务会议”"), ("error", "改为“市政府各部门”")]


def test_the_superior_deputies_addressed_as_the_speaker_own_team():
    # the city mayor's 节后收心会 pasted into a county draft (the tester's copy.txt)
    leftover = COUNTY.replace("前不久，市委召开全市项目建设推进会议，我县作了交流发言。",
                              "刚才，各位副市长就各自分管领域工作讲了很好的意见，我都赞同。")
    [found] = place_findings(leftover)
    assert (found.severity, found.suggestion) == ("error", "改为“各位副县长”")
    assert "副职领导" in found.message
    # a province's own: 各位副省长结合分管工作，作了很好的讲话 (tests/data/real/006)
    province = "在全省安全生产工作会议上的讲话\n同志们：\n刚才，各位副省长结合分管工作，作了很好的讲话。全省上下要抓好落实。\n"
    assert place_findings(province) == []
