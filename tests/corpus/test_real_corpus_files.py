"""Schema of the real-speech test corpus (tests/data/real/): every text has a well-formed, hand-checked
expectation whose strings really occur in the text, and the phrase-harvest list points into real speeches."""

import datetime
import re
from pathlib import Path

import pytest
import yaml

from drafter.core.vocab import ROLES

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
YAMLS = sorted(REAL.glob("[0-9][0-9][0-9]_*.yaml"))
TEXTS = sorted(REAL.glob("[0-9][0-9][0-9]_*.txt"))
MINIMUM = 24

LEVELS = {"国家", "省", "市", "县", "区", "乡镇", "部门"}
TOP_KEYS = {"id", "text", "source", "genre", "occasion", "occasion_group", "level", "place", "expected"}
EXPECTED_KEYS = {"title", "speaker", "speaker_role", "date", "occasion", "salutation", "front_matter",
                 "dropped", "headings", "inline_lists", "roles", "closing_start", "announcements"}
HARVEST_KINDS = {"排比", "对偶", "数字概括", "提纲", "四字格"}


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def text_of(doc):
    return (REAL / doc["text"]).read_text(encoding="utf-8")


def line_starts(text):
    return [line.strip() for line in text.split("\n")]


@pytest.fixture(params=YAMLS, ids=lambda p: p.stem[:3])
def doc(request):
    return load(request.param), request.param


def test_the_corpus_has_enough_texts_each_with_an_expectation():
    assert len(YAMLS) >= MINIMUM
    assert {p.stem for p in YAMLS} == {p.stem for p in TEXTS}


def test_top_level_keys_ids_and_files(doc):
    data, path = doc
    assert TOP_KEYS <= set(data), TOP_KEYS - set(data)
    assert data["id"] == path.stem[:3]
    assert data["text"] == path.stem + ".txt"
    assert data["level"] in LEVELS
    assert isinstance(data["occasion"], str) and data["occasion"]
    assert isinstance(data["occasion_group"], str) and data["occasion_group"]
    assert text_of(data).strip(), "empty text"


def test_source_is_noted(doc):
    source = doc[0]["source"]
    assert source.get("url") or (source.get("repo") and source.get("path") and source.get("commit"))
    assert source.get("site") and source.get("retrieved")
    assert isinstance(source.get("complete"), bool)
    if not source["complete"]:
        assert source.get("note"), "a truncated text says where it stops"


def test_expected_fields(doc):
    data, _ = doc
    expected = data["expected"]
    assert EXPECTED_KEYS <= set(expected), EXPECTED_KEYS - set(expected)
    if expected["date"] is not None:
        datetime.date.fromisoformat(expected["date"])
    for key in ("title", "speaker", "speaker_role", "occasion", "salutation", "closing_start"):
        assert expected[key] is None or (isinstance(expected[key], str) and expected[key])


def test_strings_of_the_expectation_occur_in_the_text(doc):
    data, _ = doc
    expected, text = data["expected"], text_of(data)
    for fragment in expected["dropped"] + expected["front_matter"]:
        assert fragment in text, fragment
    for key in ("salutation",):
        assert expected[key] is None or expected[key] in text
    if expected["speaker"]:
        assert expected["speaker"] in re.sub(r"\s+", "", text)
    for formula in expected["announcements"]["formulae"]:
        assert formula in text, formula
    for extra in expected.get("watermarks", []) + expected.get("wrong_formulations", []):
        assert extra in text, extra


def test_headings_start_a_paragraph_and_levels_nest(doc):
    data, _ = doc
    expected, lines = data["expected"], line_starts(text_of(data))
    previous = 0
    for heading in expected["headings"]:
        assert isinstance(heading["level"], int) and 1 <= heading["level"] <= previous + 1
        previous = heading["level"]
        assert isinstance(heading["marker"], str) and heading["start"]
        assert any(line.startswith(heading["marker"] + heading["start"]) for line in lines), heading
    level_one = [h for h in expected["headings"] if h["level"] == 1]
    assert len(expected["roles"]) == len(level_one)
    assert set(expected["roles"]) <= set(ROLES)


def test_closing_and_announcements(doc):
    data, _ = doc
    expected, text = data["expected"], text_of(data)
    if expected["closing_start"]:
        assert any(line.startswith(expected["closing_start"]) for line in line_starts(text))
    for count in expected["announcements"]["counts"]:
        assert count["text"] in text
        assert count["count"] is None or (isinstance(count["count"], int) and count["count"] > 0)
        assert isinstance(count["items_in_text"], int) and count["items_in_text"] >= 0
    for inline in expected["inline_lists"]:
        assert inline["family"] and inline["count"] >= 1
        for marker in inline["markers"]:
            assert marker in text


def test_harvest_list_points_into_real_speeches():
    harvest = load(REAL / "harvest.yaml")
    speeches = {load(p)["id"]: load(p) for p in YAMLS}
    covered = set()
    for entry in harvest["entries"]:
        assert entry["kind"] in HARVEST_KINDS, entry
        assert entry["speech"] in speeches, entry
        assert entry["text"] in text_of(speeches[entry["speech"]]), entry
        for member in entry.get("members", []):
            assert member in text_of(speeches[entry["speech"]]), member
        covered.add(entry["speech"])
    assert len(covered) >= 6
