"""本级用语 and place names: words of another level and other places' names are reported; the
superior's bodies, rankings within the superior's area and the draft's own towns are not."""

import pytest

from drafter.checks import CheckOptions, run_checks
from drafter.checks.base import content
from drafter.checks.divisions import load
from drafter.core.model import Block, Draft
from tests.checks.conftest import corpus_file

ONLY = {"place"}


def spans(draft, found, severities=("error", "warning")):
    return [content(draft, f.block)[f.start:f.end] for f in found
            if f.block is not None and f.severity in severities]


def run(paragraphs, **options):
    draft = Draft(blocks=[Block.paragraph(p, "tasks") for p in paragraphs])
    return draft, run_checks(draft, CheckOptions(only=ONLY, **options))


COUNTY = ("在市委、市政府的坚强领导下，全县上下团结一心，我县地区生产总值增长6.5%，增速居全市第二。",
          "紧盯市委确定的目标任务，认真贯彻全市经济工作会议精神，积极对接市直部门。",
          "各乡镇（街道）、县直各部门要压实责任，并请县政协委员加强民主监督。")


def test_a_sound_county_speech_is_clean():
    draft, found = run(COUNTY, place="临江县")
    assert spans(draft, found) == []


@pytest.mark.parametrize("planted, word, right", [
    ("全市上下要再接再厉。", "全市上下", "全县上下"),
    ("我市经济稳中向好。", "我市", "我县"),
    ("各县区要抓好落实。", "各县区", "各乡镇（街道）"),
    ("市直各部门要主动作为。", "市直各部门", "县直各部门"),
    ("本市的营商环境持续优化。", "本市", "我县"),
])
def test_city_words_left_in_a_county_draft(planted, word, right):
    draft, found = run(COUNTY + (planted,), place="临江县")
    assert spans(draft, found) == [word]
    [f] = [f for f in found if f.block is not None]
    assert f.severity == "error" and f.suggestion == f"改为“{right}”" and "临江县" in f.message
    assert f.source["kind"] == "level_word" and f.source["own_level"] == "县"


CITY = ("在省委、省政府的坚强领导下，全市上下奋力拼搏，我市经济总量居全省第三。",
        "各县（市、区）、各乡镇（街道）要守土尽责，市直各部门要主动服务。县委书记要当好一线总指挥。")


def test_a_sound_city_speech_is_clean():
    draft, found = run(CITY, place="白山市")
    assert spans(draft, found) == []


@pytest.mark.parametrize("planted, word", [
    ("全县上下要再接再厉。", "全县上下"),
    ("在县委的坚强领导下，工作有序推进。", "县委"),
    ("我县经济平稳。", "我县"),
    ("县直各部门要履职尽责。", "县直各部门"),
])
def test_county_words_left_in_a_city_draft(planted, word):
    draft, found = run(CITY + (planted,), place="白山市")
    assert spans(draft, found) == [word]
    assert [f.severity for f in found if f.block is not None] == ["error"]


def test_towns_addressed_alone_in_a_city_draft_are_worth_a_warning():
    draft, found = run(CITY + ("各乡镇要抓好秸秆禁烧。",), place="白山市")
    assert spans(draft, found) == ["各乡镇"]
    assert [f.severity for f in found if f.block is not None] == ["warning"]


PROVINCE = ("在党中央、国务院的坚强领导下，全省上下团结奋斗，我省经济总量迈上新台阶。",
            "各市（州）、各县（市、区）要压实属地责任，省直各部门要加强指导。")


def test_a_sound_province_speech_is_clean():
    draft, found = run(PROVINCE, place="吉林省")
    assert spans(draft, found) == []


@pytest.mark.parametrize("planted, word", [
    ("全市上下要再接再厉。", "全市上下"),
    ("我市要抓好落实。", "我市"),
    ("市委、市政府高度重视。", "市委"),
])
def test_city_words_left_in_a_province_draft(planted, word):
    draft, found = run(PROVINCE + (planted,), place="吉林省")
    assert spans(draft, found)[:1] == [word]


def test_another_place_name_is_an_error_and_a_learning_trip_a_note():
    draft, found = run(COUNTY + ("要把广州市南沙区建设成为开放合作的新高地。",), place="抚松县")
    assert spans(draft, found) == ["广州市南沙区"]
    [f] = [f for f in found if f.block is not None]
    assert f.severity == "error" and f.source["kind"] == "place_name"
    assert f.source["divisions"][0]["code"] == "440115"
    draft, found = run(COUNTY + ("组织干部赴广州市南沙区学习考察。",), place="抚松县")
    assert spans(draft, found) == [] and spans(draft, found, ("info",)) == ["广州市南沙区"]


def test_own_towns_superior_city_and_province_are_not_reported():
    draft, found = run(("白山市委、吉林省委高度重视抚松县的发展，松江河镇、泉阳镇、万良镇要加快发展。",),
                       place="吉林省白山市抚松县")
    assert spans(draft, found) == []
    draft, found = run(("松江镇要加快发展。",), place="抚松县")
    assert spans(draft, found) == ["松江镇"]  # a town of another county


def test_words_that_are_not_places():
    draft, found = run(("并请县政协委员监督，社区委员会配合，健全市场体系，维护安全区域。",
                        "中心城区、新城区、矿区和城关镇都要做好防汛工作。"), place="白山市")
    assert spans(draft, found) == []


def test_place_from_fields_title_and_text():
    draft = Draft(fields={"城市": "白山市"}, blocks=[Block.paragraph("全县上下要再接再厉，全省排名第三，我省经济向好。")])
    assert spans(draft, run_checks(draft, CheckOptions(only=ONLY))) == ["全县上下"]
    draft = Draft(title="在全县经济工作会议上的讲话", blocks=[Block.paragraph("全县上下要再接再厉，我市经济平稳。")])
    found = run_checks(draft, CheckOptions(only=ONLY))
    assert spans(draft, found) == ["我市"] and "标题" in found[-1].message
    draft = Draft(blocks=[Block.paragraph("全市上下团结一心，我市经济稳中向好，全市人民共同努力。"),
                          Block.paragraph("我县要抓好项目建设，全市要加快发展。")])
    found = run_checks(draft, CheckOptions(only=ONLY))
    assert spans(draft, found) == ["我县"] and found[-1].severity == "warning"  # the level is only guessed


def test_without_a_place_the_check_says_it_was_skipped():
    draft = Draft(blocks=[Block.paragraph("要坚持稳中求进工作总基调，推动高质量发展。")])
    [f] = run_checks(draft, CheckOptions(only=ONLY))
    assert f.block is None and f.source == {"skipped": True} and "未检查" in f.message


@pytest.mark.parametrize("body, words", [
    (None, "不存在"),
    ("110000\t\t北京市\n这不是区划数据\n", "第 2 行"),
    ("\x00\x01" * 100, "第 1 行"),
])
def test_missing_or_damaged_division_data(tmp_path, body, words):
    path = tmp_path / "divisions.tsv"
    if body is not None:
        path.write_text(body, encoding="utf-8")
    draft, found = run(COUNTY + ("全市上下要再接再厉。",), place="临江县", divisions=path)
    [skip] = [f for f in found if f.block is None]
    assert skip.severity == "warning" and "divisions.tsv" in skip.message and words in skip.message
    assert skip.source["skipped"] and skip.source["file"].endswith("divisions.tsv")
    assert spans(draft, found) == ["全市上下"]  # level words are still checked


def test_shipped_division_data_has_source_and_date():
    data = load()
    assert len(data) > 40000 and "民政部" in data.note and "2025-12-31" in data.note
    assert [d.name for d in data.ancestors(data.by_name["抚松县"][0].code)] == ["白山市", "吉林省"]


def test_corpus_county_speech_against_city_and_county(corpus):
    draft = corpus["001"]
    text = "".join(content(draft, i) for i in range(len(draft.blocks)))
    assert text.count("我县") + text.count("全县")
    as_city = spans(draft, run_checks(draft, CheckOptions(only=ONLY, place="白山市")))
    assert as_city and all(w.startswith(("我县", "全县", "县")) for w in as_city)
    assert spans(draft, run_checks(draft, CheckOptions(only=ONLY, place="临江县"))) == []


def test_corpus_city_speech_names_other_places(corpus):
    assert corpus_file("004").exists()
    draft = corpus["004"]
    found = run_checks(draft, CheckOptions(only=ONLY, place="白山市"))
    assert "文明城市" not in spans(draft, found, ("error", "warning", "info"))


TOWN = ("在县委、县政府的坚强领导下，全镇上下团结一心，我镇经济总量居全县前列。",
        "各村（社区）要压实责任，镇党委、镇政府要抓好统筹，在全县各乡镇中争先进位。")


def test_a_sound_town_speech_is_clean_and_county_words_are_reported():
    draft, found = run(TOWN, place="松江河镇")
    assert spans(draft, found) == []
    draft, found = run(TOWN + ("全县上下要再接再厉，我县要抓好落实，各乡镇要守土尽责。",), place="松江河镇")
    assert spans(draft, found) == ["全县上下", "我县", "各乡镇"]
    assert {f.severity for f in found if f.block is not None} == {"error"}


def test_a_department_speaks_in_its_governments_words():
    draft = Draft(fields={"单位": "县应急管理局"}, blocks=[Block.paragraph("全县应急管理系统要守牢底线，我市要再接再厉。")])
    found = run_checks(draft, CheckOptions(only=ONLY))
    assert spans(draft, found) == ["我市"] and "县级部门" in found[-1].message


def test_a_market_is_no_city():
    draft, found = run(("要开拓上海市场、北京市场，发展区块链产业。",), place="抚松县")
    assert spans(draft, found, ("error", "warning", "info")) == []


def test_a_county_template_checked_as_a_city_reports_its_county_words():
    from drafter.templates import load_templates, render

    template = next(t for t in load_templates()[0] if t.id == "anquan-shengchan")
    draft = render(template, {"place": "抚松县", "speaker": "张三", "date": "2024年3月1日"})
    assert [f for f in run_checks(draft, CheckOptions(only=ONLY)) if f.severity != "info"] == []
    found = run_checks(draft, CheckOptions(only=ONLY, place="白山市"))  # --place wins over the fields
    assert {"全县", "县直各部门"} <= set(spans(draft, found))


def test_a_rules_file_adds_place_names(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("names: [浑江新区]\n", encoding="utf-8")
    draft, found = run(("要把浑江新区建设成为产业高地。",), place="抚松县", rules=rules)
    assert spans(draft, found) == ["浑江新区"]
    draft, found = run(("要把浑江新区建设成为产业高地。",), place="抚松县")
    assert spans(draft, found) == []
