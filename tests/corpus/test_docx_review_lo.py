"""Round trip of a reviewer's .docx made by LibreOffice itself — comments and tracked changes
alike — from a real speech (resources/corpus/001): LibreOffice writes the .docx from its own
markup (tests/compare/fodt.py), Drafter reads it (nothing accepted), exports it again, and
LibreOffice reads Drafter's file back with the same comments and revisions."""

from __future__ import annotations

import re

import pytest

from drafter.core.review_places import place_marks, shown_texts
from drafter.corpus.docx_review import read_review
from drafter.corpus.parser import parse_text
from drafter.export import export_draft
from drafter.export.text import draft_to_text
from tests.compare import fodt
from tests.compare.conftest import printed
from tests.compare.edits import SPEECHES
from tests.corpus.review_docs import COMMENTED, DELETED, INSERT_AFTER, INSERTED, SPAN_END, SPAN_START

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not fodt.available(), reason="LibreOffice (soffice) not installed")]

DATE = "2026-11-20T09:30:00Z"
REVIEW = fodt.Review(
    comments=[(COMMENTED, None, "李主任", DATE, "“本色”前后是否再斟酌？"),
              (SPAN_START, SPAN_END, "王审稿", DATE, "标题与第一条衔接要顺。"),
              ("带头强化理论武装", None, "张科长", DATE, "理论武装一段：\n请补充本县做法。")],
    insertions=[(INSERT_AFTER, INSERTED, "张科长", DATE)],
    deletions=[(DELETED, "王审稿", DATE)])


def _made_by_libreoffice(tmp_path):
    """(the reviewed .docx LibreOffice wrote, the speech as sent)."""
    text = draft_to_text(parse_text(SPEECHES[1].read_text("utf-8")))
    sent = parse_text(text)
    source = tmp_path / "审阅稿.fodt"
    source.write_text(fodt.fodt(text.split("\n"), REVIEW), "utf-8")
    return fodt.convert(source, "docx", tmp_path), sent


def _key(review):
    revisions = sorted((r.kind, r.author, r.date[:19], r.text) for r in review.revisions)
    comments = [(c.author, c.text, c.anchor) for c in review.comments]
    return revisions, comments


def test_a_speech_reviewed_in_libreoffice_round_trips_with_its_comments(tmp_path):
    reviewed, sent = _made_by_libreoffice(tmp_path)
    draft = read_review(reviewed)
    assert printed(draft) == printed(sent)            # the text as sent: nothing accepted
    review = draft.review
    revisions, comments = _key(review)
    assert revisions == [("del", "王审稿", DATE[:19], DELETED), ("ins", "张科长", DATE[:19], INSERTED)]
    assert [(a, t) for a, t, _anchor in comments] == [(a, t) for _n, _u, a, _d, t in REVIEW.comments]
    assert comments[0][2] == COMMENTED and comments[2][2] == "带头强化理论武装"
    assert comments[1][2].startswith(SPAN_START) and comments[1][2].endswith(SPAN_END) and "\n" in comments[1][2]
    accepted = "".join(b.text + b.body for b in review.accepted.blocks)
    assert INSERTED in accepted and DELETED not in accepted

    # each comment is found at its text in the draft the editor shows
    texts, places = shown_texts(draft), place_marks(draft, review)
    for c in review.comments:
        place = places[("comment", c.id)]
        shown = "\n".join([texts[place.block][place.start:], *texts[place.block + 1:place.end_block]]) \
            if place.end_block > place.block else texts[place.block][place.start:place.end]
        assert shown.startswith(c.anchor.split("\n")[0])

    again = tmp_path / "再导出.docx"
    export_draft(draft, again)
    back = read_review(again)
    assert printed(back) == printed(draft) and _key(back.review) == _key(review)
    assert printed(back.review.accepted) == printed(review.accepted)

    # LibreOffice reads Drafter's file: the same comments (author, text) and tracked changes
    flat = fodt.convert(again, "fodt", tmp_path / "lo").read_text("utf-8")
    authors = re.findall(r"<office:annotation\b.*?<dc:creator>(.*?)</dc:creator>", flat, re.S)
    assert authors == ["李主任", "王审稿", "张科长"]
    for _n, _u, _a, _d, text in REVIEW.comments:
        assert all(line in flat for line in text.split("\n"))
    regions = re.findall(r"<text:changed-region.*?</text:changed-region>", flat, re.S)
    kinds = sorted((("ins" if "<text:insertion" in r else "del"), re.search(r"<dc:creator>(.*?)<", r).group(1))
                   for r in regions)
    assert kinds == [("del", "王审稿"), ("ins", "张科长")]
    assert len(re.findall(r"<office:annotation-end", flat)) == 3
