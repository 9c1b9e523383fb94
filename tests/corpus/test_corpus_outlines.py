"""The five corpus speeches against their hand-checked outlines (tests/corpus/expected/*.yaml)."""

import json
from pathlib import Path

import pytest
import yaml

from drafter.cli import main
from drafter.core.model import ROLES
from drafter.corpus.documents import parse_file

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "resources" / "corpus"
EXPECTED = sorted((Path(__file__).parent / "expected").glob("*.yaml"))


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_every_corpus_speech_has_an_expected_outline():
    assert {load(p)["file"] for p in EXPECTED} == {p.name for p in CORPUS.glob("*.txt")}


@pytest.fixture(params=EXPECTED, ids=lambda p: p.stem)
def case(request):
    expected = load(request.param)
    return expected, parse_file(CORPUS / expected["file"])


def test_points_levels_and_markers(case):
    expected, draft = case
    points = [[b.level, b.source_marker, b.text[:14]] for b in draft.blocks if b.is_heading]
    assert points == expected["points"]


def test_title_salutation_and_numbering(case):
    expected, draft = case
    assert (draft.title or None) == expected["title"]
    assert (draft.salutation or None) == expected["salutation"]
    used = {b.level for b in draft.blocks if b.is_heading}
    assert {level: draft.numbering[level] for level in used} == expected["numbering"]


def test_roles_of_level_one_parts(case):
    expected, draft = case
    parts = [[b.source_marker, b.role] for b in draft.blocks if b.is_heading and b.level == 1]
    assert parts == expected["parts"]


def test_opening_and_closing(case):
    expected, draft = case
    roles = [b.role for b in draft.blocks]
    opening, closing = expected["opening_paragraphs"], expected["closing_paragraphs"]
    assert roles[:opening] == ["opening"] * opening
    assert roles[opening] != "opening"
    assert roles[-closing:] == ["closing"] * closing
    assert roles[-closing - 1] != "closing"
    assert set(roles) <= set(ROLES)


def test_every_block_has_the_role_of_its_part(case):
    _, draft = case
    for index, block in enumerate(draft.blocks):
        if block.is_heading and block.level == 1:
            end = draft.section_end(index)
            # a closing paragraph may follow the last part's points
            inside = [b.role for b in draft.blocks[index:end] if b.role != "closing"]
            sub_roles = {b.role for b in draft.blocks[index:end] if b.is_heading and b.level == 2}
            assert set(inside) <= {block.role} | sub_roles


def test_derived_markers_reproduce_the_source(case):
    # The corpus numbers its points without gaps, so the derived numbering must give back
    # every marker exactly as written (this checks levels, parents and per-heading styles).
    _, draft = case
    derived = draft.markers()
    for block, marker in zip(draft.blocks, derived):
        if block.is_heading:
            assert marker == block.source_marker


def test_json_through_the_command_line(case, capsys):
    expected, draft = case
    assert main(["parse", str(CORPUS / expected["file"]), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"title", "speaker", "date", "occasion", "salutation", "dropped", "revisions", "comments",
                        "doubts", "blocks"}
    assert out["title"] == expected["title"] and out["salutation"] == expected["salutation"]
    heads = [[b["level"], b["marker"], b["text"][:14]] for b in out["blocks"] if b["kind"] == "heading"]
    assert heads == expected["points"]
    for item in out["blocks"]:
        keys = {"kind", "text", "role"} if item["kind"] == "paragraph" else \
            {"kind", "level", "marker", "text", "body", "role"}
        assert set(item) == keys
    assert len(out["blocks"]) == len(draft.blocks)
