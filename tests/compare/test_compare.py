"""Structural comparison on real speeches: sections by heading, moves as moves, words whole."""

from __future__ import annotations

from drafter.compare import CHANGED, DELETED, INSERTED, MOVED_TO, compare_drafts
from drafter.compare.report import comparison_json, summary
from drafter.compare.words import DELETE, EQUAL, INSERT, diff_words, tokens
from drafter.corpus.documents import parse_file
from tests.compare.edits import SPEECHES, edit_every_way


def test_a_speech_compared_with_itself_has_no_changes(speech):
    comparison = compare_drafts(speech, speech.copy())
    assert not comparison.changed
    assert summary(comparison) == "两个版本没有差异。"
    assert comparison.similarity() == 1.0


def test_every_kind_of_edit_is_found(speech):
    new, moved_heading = edit_every_way(speech)
    comparison = compare_drafts(speech, new)
    counts = comparison.counts()
    assert counts[CHANGED] >= 2 and counts[INSERTED] == 1 and counts[DELETED] == 1
    moves = comparison.moves()
    assert len(moves) == 2
    section = next(m for m in moves if m.heading)
    assert section.heading == moved_heading
    # the whole moved section is one move, its heading renumbered to the first of its level
    old_top = next(i for i in speech.headings() if speech.blocks[i].text == moved_heading)
    assert section.paragraphs == speech.section_end(old_top) - old_top
    assert section.old_text != section.new_text and section.new_text.endswith(section.old_text[2:])
    assert not comparison.shares_little()


def test_renumbered_headings_are_matched_not_replaced(speech):
    new, _moved = edit_every_way(speech)
    comparison = compare_drafts(speech, new)
    for op in comparison.ops:
        if op.kind == CHANGED and comparison.new_units[op.new].is_heading:
            old, now = comparison.old_units[op.old], comparison.new_units[op.new]
            assert old.heading and now.heading  # a heading paired with a heading
    # no heading of NEW whose sentence is in OLD is reported as inserted
    old_headings = {u.heading for u in comparison.old_units if u.is_heading}
    inserted = [comparison.new_units[op.new] for op in comparison.ops if op.kind == INSERTED]
    assert not [u for u in inserted if u.is_heading and u.heading in old_headings]


def _boundaries(text: str) -> set[int]:
    cuts, pos = {0}, 0
    for token in tokens(text):
        pos += len(token)
        cuts.add(pos)
    return cuts


def test_changes_inside_a_paragraph_fall_on_word_boundaries(speech):
    new, _moved = edit_every_way(speech)
    comparison = compare_drafts(speech, new)
    checked = 0
    for op in comparison.ops:
        if op.kind not in (CHANGED, MOVED_TO):
            continue
        for style in {s for _k, _t, s in op.segments}:
            segs = [(k, t) for k, t, s in op.segments if s == style]
            old = "".join(t for k, t in segs if k != INSERT)
            new_text = "".join(t for k, t in segs if k != DELETE)
            old_cuts, new_cuts = _boundaries(old), _boundaries(new_text)
            o = n = 0
            for kind, text in segs:
                if kind in (EQUAL, DELETE):
                    assert o in old_cuts and o + len(text) in old_cuts, (kind, text)
                    o += len(text)
                if kind in (EQUAL, INSERT):
                    assert n in new_cuts and n + len(text) in new_cuts, (kind, text)
                    n += len(text)
                checked += 1
    assert checked


def test_word_diff_keeps_words_whole():
    segments = diff_words("要推动经济高质量发展", "要推进经济高质量发展")
    assert (DELETE, "推动") in segments and (INSERT, "推进") in segments
    assert "".join(t for k, t in segments if k != INSERT) == "要推动经济高质量发展"


def test_unrelated_speeches_share_little_and_the_result_is_still_complete():
    old, new = parse_file(SPEECHES[0]), parse_file(SPEECHES[3])
    comparison = compare_drafts(old, new)
    assert comparison.shares_little()
    data = comparison_json(comparison, "a", "b")
    assert data["note"] and "很少" in data["note"]
    kept_new = [op.new for op in comparison.ops if op.new is not None]
    kept_old = [op.old for op in comparison.ops if op.old is not None]
    assert sorted(kept_new) == list(range(len(comparison.new_units)))
    assert sorted(kept_old) == list(range(len(comparison.old_units)))
