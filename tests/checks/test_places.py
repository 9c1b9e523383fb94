from drafter.checks import CheckOptions, run_checks
from drafter.checks.base import content
from drafter.core.model import Block, Draft
from tests.checks.conftest import corpus_file

ONLY = {"place"}


def spans(draft, found):
    return [content(draft, f.block)[f.start:f.end] for f in found if f.block is not None]


def test_city_word_in_a_county_draft():
    draft = Draft(blocks=[Block.paragraph("今年以来，我县经济平稳。"),
                          Block.paragraph("我市经济总量居全省前列，全县上下要再接再厉。")])
    found = run_checks(draft, CheckOptions(only=ONLY, place="临江县"))
    assert spans(draft, found) == ["我市"]
    assert found[0].severity == "warning" and found[0].suggestion == "改为“我县”"
    assert "临江县" in found[0].message


def test_place_from_the_draft_fields():
    draft = Draft(fields={"城市": "临江市"}, blocks=[Block.paragraph("全县上下要再接再厉，全省排名第三，我省经济向好。")])
    found = run_checks(draft, CheckOptions(only=ONLY))
    assert spans(draft, found) == ["全县"]


def test_another_place_name_is_reported_once_a_block():
    draft = Draft(blocks=[Block.paragraph("临江市全市上下，要学习长春市的经验，长春市的做法值得借鉴，"
                                          "吸取河南村镇银行事件教训。"),
                          Block.paragraph("临江市的文明城市创建工作成效明显。")])
    found = run_checks(draft, CheckOptions(only=ONLY, place="临江市"))
    assert spans(draft, found) == ["长春市"]
    assert "长春市" in found[0].message and "临江市" in found[0].message


def test_without_a_place_the_minority_level_is_reported():
    draft = Draft(blocks=[Block.paragraph("全市上下团结一心，我市经济稳中向好，全市人民共同努力。"),
                          Block.paragraph("我县要抓好项目建设，全市要加快发展。")])
    found = run_checks(draft, CheckOptions(only=ONLY))
    assert spans(draft, found) == ["我县"]
    assert any(f.block is None and f.severity == "info" for f in found)


def test_corpus_county_speech_against_city_and_county(corpus):
    draft = corpus["001"]
    text = "".join(content(draft, i) for i in range(len(draft.blocks)))
    county_words = text.count("我县") + text.count("全县")
    as_city = run_checks(draft, CheckOptions(only=ONLY, place="临江市"))
    assert county_words and len([f for f in as_city if f.block is not None]) == county_words
    as_county = run_checks(draft, CheckOptions(only=ONLY, place="临江县"))
    assert [f for f in as_county if f.block is not None] == []


def test_corpus_city_speech_names_other_places(corpus):
    assert corpus_file("004").exists()
    draft = corpus["004"]
    found = run_checks(draft, CheckOptions(only=ONLY, place="临江市"))
    names = spans(draft, found)
    assert "长春市" in names and "文明城市" not in names
    for f, name in zip(found, names):
        # another city is a likely leftover; a county or town may lie within the city
        assert f.severity == ("warning" if name.endswith("市") else "info"), name


def test_name_outside_the_dictionary_before_an_organ():
    draft = Draft(blocks=[Block.paragraph("在市委、市政府的领导下，通化市委、临江市政府要通力合作，"
                                          "通过市政府协调，以及市委督办。")])
    found = run_checks(draft, CheckOptions(only=ONLY, place="临江市"))
    assert spans(draft, found) == ["通化市"]


def test_place_from_the_title():
    draft = Draft(title="在临江市政府全体会议上的讲话",
                  blocks=[Block.paragraph("全县上下要再接再厉，全市上下要团结一心。")])
    found = run_checks(draft, CheckOptions(only=ONLY))
    assert spans(draft, found) == ["全县"] and "临江市" in found[0].message
