"""The tracked-changes .docx: resolving its revisions as Word does gives NEW (accept all) and
OLD (reject all), checked on the XML; moves are moves, every revision has author and date."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.compare import compare_drafts
from drafter.core.model import Block, Draft
from drafter.corpus.docx_review import resolve, revisions
from drafter.corpus.documents import parse_file
from drafter.export.tracked import tracked_docx_bytes
from tests.compare.conftest import marks_of, printed
from tests.compare.edits import REAL, SPEECHES, edit_every_way, edit_paragraphs


def expected(draft: Draft, comparison) -> list[tuple[str, str]]:
    """The paragraphs a resolved document must have: the draft's, plus the empty paragraph
    that ends a document whose last paragraph is a revision (its mark cannot be one)."""
    tail = [("Normal", "")] if comparison.ops and comparison.ops[-1].kind not in ("equal", "changed") else []
    return printed(draft) + tail


def test_accept_all_gives_new_and_reject_all_gives_old(speech):
    new, _moved = edit_every_way(speech)
    comparison = compare_drafts(speech, new)
    marks = marks_of(tracked_docx_bytes(comparison, new, "审稿人", "2026-11-20T08:00:00Z"))
    assert resolve(marks, accept=True) == expected(new, comparison)
    assert resolve(marks, accept=False) == expected(speech, comparison)


@pytest.mark.parametrize("source", REAL, ids=lambda p: p.name[:3])
def test_real_speech_openings_with_paragraph_edits_resolve_exactly(source):
    old = parse_file(source)
    new = edit_paragraphs(old)
    comparison = compare_drafts(old, new)
    assert comparison.changed and not comparison.shares_little()
    marks = marks_of(tracked_docx_bytes(comparison, new))
    assert resolve(marks, accept=True) == expected(new, comparison)
    assert resolve(marks, accept=False) == expected(old, comparison)


def test_revisions_carry_author_date_and_moves_are_named(speech):
    new, _moved = edit_every_way(speech)
    comparison = compare_drafts(speech, new)
    data = tracked_docx_bytes(comparison, new, "办公室 李四", "2026-11-20T08:00:00Z")
    found = revisions(marks_of(data))
    kinds = {r.kind for r in found}
    assert {"ins", "del", "moveFrom", "moveTo"} <= kinds
    assert all(r.author == "办公室 李四" and r.date == "2026-11-20T08:00:00Z" for r in found)
    body = Document(io.BytesIO(data)).element.body
    starts_from = [e.get(qn("w:name")) for e in body.iter(qn("w:moveFromRangeStart"))]
    starts_to = [e.get(qn("w:name")) for e in body.iter(qn("w:moveToRangeStart"))]
    assert sorted(starts_from) == sorted(starts_to) and len(starts_to) == len(comparison.moves())
    ends = len(list(body.iter(qn("w:moveFromRangeEnd")))) + len(list(body.iter(qn("w:moveToRangeEnd"))))
    assert ends == 2 * len(starts_to)
    ids = [e.get(qn("w:id")) for e in body.iter() if e.get(qn("w:author"))]
    assert len(ids) == len(set(ids))  # every revision its own id
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"<w:trackRevisions/>" in z.read("word/settings.xml")


def test_deleted_paragraphs_take_their_paragraph_mark_with_them():
    old = parse_file(SPEECHES[1])
    new = old.copy()
    del new.blocks[len(new.blocks) // 2]
    comparison = compare_drafts(old, new)
    data = tracked_docx_bytes(comparison, new)
    marks = marks_of(data)
    deleted = [m for m in marks if m.mark and m.mark[0].kind == "del"]
    assert len(deleted) == 1 and all(p.revisions[0].kind == "del" for p in deleted[0].pieces)
    assert resolve(marks, True) == printed(new)
    assert resolve(marks, False) == printed(old)


def test_identical_drafts_give_a_document_without_revisions():
    old = parse_file(SPEECHES[2])
    comparison = compare_drafts(old, old.copy())
    marks = marks_of(tracked_docx_bytes(comparison, old))
    assert not revisions(marks)
    assert resolve(marks, True) == printed(old)


def test_unrelated_speeches_resolve_exactly():
    old, new = parse_file(SPEECHES[0]), parse_file(SPEECHES[3])
    comparison = compare_drafts(old, new)
    marks = marks_of(tracked_docx_bytes(comparison, new))
    assert resolve(marks, True) == expected(new, comparison)
    assert resolve(marks, False) == expected(old, comparison)


def test_a_paragraph_becoming_a_heading_records_its_old_style():
    old = Draft(title="讲话", blocks=[Block.paragraph("总体要求。要坚持稳中求进。"), Block.paragraph("结束。")])
    new = Draft(title="讲话", blocks=[Block.heading(1, "总体要求。", "要坚持稳中求进。"), Block.paragraph("结束。")])
    comparison = compare_drafts(old, new)
    marks = marks_of(tracked_docx_bytes(comparison, new))
    changed = [m for m in marks if m.style_change is not None]
    assert len(changed) == 1 and changed[0].old_style == "Normal" and changed[0].style == "Heading1"
    assert resolve(marks, True) == printed(new)
    assert resolve(marks, False) == printed(old)


_WORDS = st.sampled_from(["发展", "推进", "经济", "项目", "建设", "改革", "创新", "民生", "安全", "要", "，", "。", "全市", "坚持"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=12).map("".join)


@st.composite
def _drafts(draw):
    blocks = []
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.booleans()):
            blocks.append(Block.heading(draw(st.integers(1, 2)), draw(_TEXT), draw(st.one_of(st.just(""), _TEXT))))
        else:
            blocks.append(Block.paragraph(draw(_TEXT)))
    if blocks and blocks[0].is_heading and blocks[0].level == 2:
        blocks[0].level = 1
    return Draft(title=draw(st.one_of(st.just(""), _TEXT)), blocks=blocks)


@settings(max_examples=60, deadline=None)
@given(_drafts(), _drafts())
def test_any_two_drafts_resolve_to_new_and_old(old, new):
    comparison = compare_drafts(old, new)
    marks = marks_of(tracked_docx_bytes(comparison, new))
    assert resolve(marks, True) == expected(new, comparison)
    assert resolve(marks, False) == expected(old, comparison)
