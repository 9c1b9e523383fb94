"""The draft's place from a title naming a place the division data does not hold (临江县, the
name trials and templates use), and the level from the speaker's office."""

from drafter.checks import CheckOptions, run_checks
from drafter.checks.ownplace import own_place
from tests.checks.conftest import draft_of

SPEECH = ("{title}\n{byline}\n同志们：\n今天，我们召开全县安全生产工作会议。全市上下要紧盯市委确定的目标。\n"
          "一、认清形势\n今年以来，形势总体平稳。\n")


def test_a_county_the_data_does_not_know_is_found_in_the_title_and_its_wrong_words_reported():
    draft = draft_of(SPEECH.format(title="在临江县2025年安全生产工作会议上的讲话", byline="县长 王明"))
    own = own_place(draft, None, None)
    assert (own.name, own.key) == ("临江县", "县")
    found = [f for f in run_checks(draft, CheckOptions(only={"place"})) if f.severity == "error"]
    assert [f.suggestion for f in found] == ["改为“全县上下”"]  # 紧盯市委确定的目标 names the superior: fine


def test_titles_without_a_place_name_no_place_and_the_office_gives_the_level():
    for title in ("在全市经济工作会议上的讲话", "在市政府全体会议上的讲话", "在全县2024年经济工作会议上的讲话"):
        own = own_place(draft_of(SPEECH.format(title=title, byline="")), None, None)
        assert own is None or own.name is None, (title, own)
    draft = draft_of(SPEECH.format(title="在安全生产工作会议上的讲话", byline="县长 王明"))
    assert own_place(draft, None, None).key == "县"
