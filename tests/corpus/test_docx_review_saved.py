"""A reviewer's pending marks saved with the draft (.draft version 2): the reviewer's file is
kept beside the draft, the header names it with the decisions made, and opening the draft
brings every revision and comment back — decidable as before.  Drafts without marks stay
version 1; a missing or altered copy opens the text without the marks and says so."""

from __future__ import annotations

import os
import stat

import pytest

from drafter.core import draftfile
from drafter.core.errors import DrafterError
from drafter.core.review_places import place_marks
from drafter.core.storage import read_draft, save_draft
from drafter.corpus.docx_review import decide, read_review
from drafter.corpus.review_store import review_folder
from tests.compare.conftest import printed
from tests.corpus.review_docs import DELETED, INSERTED, reviewed_speech


def _comments(review):
    return [(c.id, c.author, c.date, c.text, c.anchor, c.spot) for c in review.comments]


def _revisions(review):
    return [(r.id, r.kind, r.author, r.date, r.text, r.spot) for r in review.revisions]


def test_pending_marks_come_back_when_the_draft_is_opened(tmp_path):
    path, sent = reviewed_speech(tmp_path)
    draft = read_review(path)
    insertion = next(r for r in draft.review.revisions if r.kind == "ins")
    draft = decide(draft, [insertion.id], accept=True)      # one decided, one still pending
    target = tmp_path / "讲话.draft"
    save_draft(target, draft)
    head = target.read_text("utf-8").split("---")[1]
    assert "drafter: 2" in head and "审阅稿.docx" in head and "'902': true" in head
    assert (review_folder(target) / "审阅稿.docx").read_bytes() == path.read_bytes()

    path.unlink()                                           # the reviewer's file may go: the copy stays
    again, _hash = read_draft(target)
    assert printed(again) == printed(draft) and INSERTED in again.blocks[2].body
    assert _revisions(again.review) == _revisions(draft.review) and _comments(again.review) == _comments(draft.review)
    assert again.review.decisions == {insertion.id: True} and again.review.matches(again)
    assert all(place is not None for place in place_marks(again, again.review).values())
    done = decide(again, None, accept=True)                 # still decidable
    assert DELETED not in "".join(b.text + b.body for b in done.blocks) and not done.review.revisions


def test_a_draft_without_marks_is_still_version_1_and_old_files_open(tmp_path):
    _path, sent = reviewed_speech(tmp_path)
    text = draftfile.dumps(sent)
    assert text.startswith("---\ndrafter: 1\n") and "review" not in text.split("---")[1]
    assert draftfile.loads(text).review is None


def test_a_missing_or_altered_copy_opens_the_text_and_says_why(tmp_path):
    path, _sent = reviewed_speech(tmp_path)
    draft = read_review(path)
    target = tmp_path / "讲话.draft"
    save_draft(target, draft)
    copy = review_folder(target) / "审阅稿.docx"
    copy.write_bytes(copy.read_bytes() + b"\0")
    again, _hash = read_draft(target)
    assert again.review is None and printed(again) == printed(draft)
    assert any("与保存时不同" in d for d in again.doubts)
    copy.unlink()
    again, _hash = read_draft(target)
    assert again.review is None and any("未找到或无法读取审阅稿副本" in d for d in again.doubts)


def test_a_damaged_review_header_is_refused_with_its_line(tmp_path):
    path, _sent = reviewed_speech(tmp_path)
    target = tmp_path / "讲话.draft"
    save_draft(target, read_review(path))
    text = target.read_text("utf-8").replace("file: 审阅稿.docx", "file: ../../etc/passwd")
    with pytest.raises(DrafterError, match="review") as caught:
        draftfile.loads(text, str(target))
    assert caught.value.line == 2


def test_a_draft_edited_after_reading_keeps_its_comments_its_text_and_its_decisions(tmp_path):
    path, _sent = reviewed_speech(tmp_path)
    draft = read_review(path)
    draft.blocks[0].text = "（改）" + draft.blocks[0].text
    target = tmp_path / "讲话.draft"
    save_draft(target, draft)
    again, _hash = read_draft(target)
    assert again.blocks[0].text.startswith("（改）") and len(again.review.comments) == 3
    assert not again.review.matches(again)           # not the text the marks were read against
    done = decide(again, None, accept=True)          # merged where the writer did not edit
    text = "".join(b.text + b.body for b in done.blocks)
    assert done.blocks[0].text.startswith("（改）") and INSERTED in text and DELETED not in text


def test_the_copy_is_no_more_readable_than_the_draft(tmp_path):
    path, _sent = reviewed_speech(tmp_path)
    target = tmp_path / "讲话.draft"
    target.write_text("")
    os.chmod(target, 0o600)
    save_draft(target, read_review(path))
    assert stat.S_IMODE((review_folder(target) / "审阅稿.docx").stat().st_mode) == 0o600
    assert stat.S_IMODE(review_folder(target).stat().st_mode) == 0o700
