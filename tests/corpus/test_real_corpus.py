"""The reader on the real-speech corpus (tests/data/real): the targets of issue 9.

The per-text figures and the misses are printed by ``python bench/report_reader.py``."""

import pytest

from tests.corpus.realcorpus import cases, evaluate, summarise

CASES = cases()


@pytest.fixture(scope="module")
def results():
    return [evaluate(path) for path in CASES]


def test_the_corpus_is_there():
    assert len(CASES) >= 24


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem[:3])
def test_no_chrome_and_no_invented_marker(path):
    result = evaluate(path)
    assert result.chrome_in_body == []
    assert result.invented == []


def test_fields(results):
    summary = summarise(results)
    for key, accuracy in summary.field_accuracy.items():
        assert accuracy >= 0.9, (key, [r.wrong_fields for r in results if not r.fields[key]])


def test_dropped_lines_are_kept(results):
    assert summarise(results).dropped_recall >= 0.95


def test_headings_and_closings(results):
    summary = summarise(results)
    assert summary.heading_precision >= 0.95
    assert summary.heading_f1 >= 0.85
    assert summary.closing_accuracy >= 0.9


def test_level_one_roles(results):
    assert summarise(results).role_accuracy >= 0.9
