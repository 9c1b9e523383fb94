"""On real published speeches (tests/data/real, gathered by the team with their sources) the checks
must stay quiet: no errors, and at most one warning per three speeches — both as a new user runs
them (no --place) and with the place each speech's expectation file records.  The shipped templates
and phrase bank must come out clean as well."""

from pathlib import Path

import pytest
import yaml

from drafter.checks import CheckOptions, run_checks
from drafter.core.announce import find_announcements
from drafter.core.model import Block, Draft
from drafter.corpus.documents import load_document
from drafter.phrasebank import load_phrases
from drafter.templates import load_templates, render

REAL = Path(__file__).resolve().parents[2] / "tests" / "data" / "real"
TEXTS = sorted(REAL.glob("[0-9][0-9][0-9]_*.txt"))


def expectation(path: Path) -> dict:
    meta = path.with_suffix(".yaml")
    return yaml.safe_load(meta.read_text(encoding="utf-8")) if meta.is_file() else {}


@pytest.fixture(scope="module")
def drafts():
    return {p.name: load_document(p) for p in TEXTS}


@pytest.mark.parametrize("with_place", [False, True])
def test_published_speeches_are_quiet(drafts, with_place):
    assert len(TEXTS) >= 20
    errors, warnings = [], []
    for path in TEXTS:
        place = expectation(path).get("place") if with_place else None
        for f in run_checks(drafts[path.name], CheckOptions(place=place or None)):
            if f.severity == "error":
                errors.append((path.name, f.check, f.message))
            elif f.severity == "warning":
                warnings.append((path.name, f.check, f.message))
    assert errors == []
    assert len(warnings) * 3 <= len(TEXTS), warnings


def test_the_formulae_the_speeches_quote_are_not_announcements(drafts):
    for path in TEXTS:
        said = {a.phrase for a in find_announcements(drafts[path.name])}
        for formula in (expectation(path).get("expected", {}).get("announcements") or {}).get("formulae") or []:
            assert not any(str(formula) in phrase for phrase in said), (path.name, formula)


@pytest.mark.parametrize("place", ["临江县", "白山市", "抚松县", "吉林省"])
def test_shipped_templates_come_out_clean(place):
    """Every template made into a draft for a county, a city and a province: only the 【】 slots the
    writer fills in are reported (as placeholders); nothing else."""
    templates, problems = load_templates()
    assert templates and not problems
    for template in templates:
        given = {"place": place, "speaker": "张三", "date": "2024年3月1日"}
        given.update({f.key: "上半年" for f in template.fields if f.key not in {*given, "level"} and not f.default})
        draft = render(template, given)
        found = [f for f in run_checks(draft, CheckOptions(place=place))
                 if f.severity != "info" and f.check != "placeholder"]
        assert found == [], (template.id, place, found)


def test_shipped_phrase_bank_comes_out_clean():
    """Every phrase as a paragraph of its own part: every check must be silent, placeholders and
    level words included (the phrases are level-neutral: a county's and a city's draft may both
    use them)."""
    loaded = load_phrases()
    phrases = loaded[0] if isinstance(loaded, tuple) else loaded
    assert len(phrases) > 100
    only = {"placeholder", "numbering", "announcement", "formulation", "parallel", "place"}
    noisy = []
    for phrase in phrases:
        draft = Draft(date="2024年3月1日", blocks=[Block.paragraph(phrase.text, (phrase.roles or ["other"])[0])])
        for place in ("临江县", "白山市"):
            noisy += [(phrase.id, f.message) for f in run_checks(draft, CheckOptions(only=only, place=place))
                      if f.severity != "info" and not _marked_outdated(phrase, f)]
    assert noisy == []


def _marked_outdated(phrase, finding) -> bool:
    """An entry the bank itself marks outdated (常态化疫情防控: 过时任务……回顾时才用) is rightly
    reported by the dated-formulation check: the two lists agree."""
    return finding.check == "formulation" and "过时" in finding.message and "过时" in phrase.note
