"""The round trips users take, on the real code path: a speech is imported (parsed), the draft
is exported to .docx and to .txt, and the export is opened again (``load_document``) — title,
speaker (with office), date, meeting, salutation, outline, markers and roles come back."""

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from drafter.corpus.documents import load_document, parse_file
from drafter.corpus.parser import parse_lines
from drafter.corpus.render import render_lines
from drafter.export import export_draft
from tests.corpus.realcorpus import REAL
from tests.corpus.test_properties import outlines


def fields(draft):
    return (draft.title, draft.speaker, draft.fields.get("speaker_role", ""), draft.date, draft.occasion,
            draft.salutation)


def outline(draft):
    return [(b.kind, b.level, m, b.text, b.body, b.role) for b, m in zip(draft.blocks, draft.markers())]


def round_trip(draft, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("speech" + suffix)
        export_draft(draft, path)
        return load_document(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(), st.sampled_from([".docx", ".txt"]))
def test_import_export_import(draft, suffix):
    imported = parse_lines(render_lines(draft))  # what the user opened
    assume(imported.blocks)  # an empty speech is refused on export, with a message
    back = round_trip(imported, suffix)
    assert fields(back) == fields(imported)
    assert outline(back) == outline(imported)
    assert back.markers() == imported.markers()


REAL_TEXTS = sorted(REAL.glob("[0-9][0-9][0-9]_*.txt"))


@pytest.mark.parametrize("source", REAL_TEXTS, ids=lambda p: p.stem[:3])
@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_real_speeches_round_trip(source, suffix):
    imported = parse_file(source)
    back = round_trip(imported, suffix)
    assert fields(back) == fields(imported)
    assert back.markers() == imported.markers()
    assert [b.text + b.body for b in back.blocks] == [b.text + b.body for b in imported.blocks]
