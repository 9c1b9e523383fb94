"""The recovery journal: cheap appends, replay onto the saved state, damaged tails refused."""

from __future__ import annotations

import multiprocessing
import random

import pytest

from drafter.core import draftfile, journal, storage
from drafter.core.model import Block, Draft
from tests.journal_support import crashed_session


def typed(base: Draft, text: str) -> Draft:
    draft = draftfile.loads(draftfile.dumps(base))
    draft.blocks[-1].text += text
    return draft


def base_draft() -> Draft:
    return Draft(title="讲话", blocks=[Block.heading(1, "关于形势"), Block.paragraph("今天")])


def test_splice_finds_the_change():
    assert journal.splice("abcdef", "abXYef") == (2, 2, "XY")
    assert journal.splice("aaa", "aaaa") == (3, 0, "a")
    assert journal.splice("", "同志们") == (0, 0, "同志们")
    rng = random.Random(7)
    for _ in range(300):
        old = "".join(rng.choice("ab同志") for _ in range(rng.randint(0, 12)))
        new = "".join(rng.choice("ab同志") for _ in range(rng.randint(0, 12)))
        p, d, s = journal.splice(old, new)
        assert old[:p] + s + old[p + d:] == new


def test_every_edit_is_a_small_append_and_replays(tmp_path):
    path = tmp_path / "稿.draft"
    storage.save_draft(path, base_draft())
    handle = storage.DraftFile(path)
    draft = handle.open()
    sizes = []
    for ch in "我们召开全市经济工作会议":
        draft.blocks[-1].text += ch
        assert handle.autosave(draft)
        sizes.append(handle.journal.path.stat().st_size)
    assert not handle.autosave(draft)  # nothing changed: nothing written
    growth = [b - a for a, b in zip(sizes, sizes[1:])]
    assert max(growth) < 120, growth  # bytes per typed character, not a copy of the draft
    handle.journal._last = None  # forget: as after a crash, only the file counts
    journal._open_here.clear()
    [item] = storage.find_recoverable()
    assert item.original == str(path) and item.edits == len("我们召开全市经济工作会议")
    assert item.draft == draft and item.problem is None
    assert item.base_text == draftfile.dumps(base_draft())


def test_save_clears_and_next_edit_starts_on_the_saved_text(tmp_path):
    path = tmp_path / "稿.draft"
    storage.save_draft(path, base_draft())
    handle = storage.DraftFile(path)
    draft = handle.open()
    draft.title = "改"
    handle.autosave(draft)
    first = handle.journal.path
    handle.save(draft)
    assert not first.exists()
    draft.blocks.append(Block.paragraph("保存后再写"))
    handle.autosave(draft)
    journal._open_here.clear()
    [item] = storage.find_recoverable()
    assert item.base_text == draftfile.dumps(storage.read_draft(path)[0]) and item.draft == draft
    handle.close()
    assert storage.find_recoverable() == []


def test_sessions_of_this_process_are_not_offered_while_open(tmp_path):
    log = journal.Journal(None)
    log.record(base_draft())
    assert storage.find_recoverable() == []
    log.discard()
    assert not log.path.exists()


def test_two_crashed_sessions_of_one_draft_are_both_kept(tmp_path):
    path = tmp_path / "稿.draft"
    storage.save_draft(path, base_draft())
    first = crashed_session([typed(base_draft(), "第一次")], path, base_draft())
    second = crashed_session([typed(base_draft(), "第二次")], path, base_draft())
    assert first != second
    found = storage.find_recoverable()
    assert sorted(r.draft.blocks[-1].text for r in found) == ["今天第一次", "今天第二次"]
    assert {r.original for r in found} == {str(path)}


def test_untitled_session(tmp_path):
    drafts = [typed(base_draft(), "一"), typed(base_draft(), "一二")]
    crashed_session(drafts)
    [item] = storage.find_recoverable()
    assert item.original is None and item.draft == drafts[-1] and item.title == "讲话"


def _journal_with_edits(tmp_path, n: int):
    drafts, draft = [], base_draft()
    for i in range(n):
        draft = typed(draft, f"第{i}字")
        drafts.append(draft)
    return crashed_session(drafts, tmp_path / "稿.draft", base_draft()), drafts


def test_truncated_journal_recovers_up_to_its_last_complete_entry(tmp_path):
    path, drafts = _journal_with_edits(tmp_path, 6)
    data = path.read_bytes()
    ends = [i + 1 for i, b in enumerate(data) if b == ord("\n")]
    assert len(ends) == 7  # header (the saved draft as base) + 6 edits
    for cut in range(ends[0], len(data)):
        path.write_bytes(data[:cut])
        item = journal.replay(path)
        complete = sum(1 for end in ends if end <= cut)
        assert item.draft == (drafts[complete - 2] if complete >= 2 else base_draft())  # never half
        assert (item.problem is None) == (cut in ends)
        if item.problem:
            assert "不完整" in item.problem


def test_corrupt_entry_stops_the_replay_and_is_reported(tmp_path):
    path, drafts = _journal_with_edits(tmp_path, 6)
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace("第".encode(), "弟".encode(), 1)  # checksum no longer matches
    path.write_bytes(b"\n".join(lines))
    item = journal.replay(path)
    assert item.draft == drafts[1]
    assert "第 4 条记录已损坏" in item.problem and "4 条记录未恢复" in item.problem
    # a splice outside the text is refused too, even with a good checksum
    lines[3] = journal.encode_record({"t": "edit", "p": 10 ** 6, "d": 0, "s": "x"}).rstrip(b"\n")
    path.write_bytes(b"\n".join(lines))
    assert journal.replay(path).draft == drafts[1]


def test_corrupt_header_is_an_error_naming_the_journal(tmp_path):
    path, _ = _journal_with_edits(tmp_path, 2)
    path.write_bytes(b"garbage\n" + path.read_bytes())
    found, errors = journal.find_recoverable()
    assert found == [] and len(errors) == 1 and errors[0].path == str(path)
    assert "开头已损坏" in errors[0].reason


def test_adopted_journal_continues_and_names_this_process(tmp_path):
    path, drafts = _journal_with_edits(tmp_path, 3)
    [item] = storage.find_recoverable()
    handle = storage.DraftFile()
    handle.adopt(item)
    more = typed(item.draft, "恢复后继续")
    handle.autosave(more)
    assert storage.find_recoverable() == []   # ours now, and open
    journal._open_here.clear()
    [again] = storage.find_recoverable()
    assert again.path == item.path and again.draft == more


def test_long_sessions_are_compacted(tmp_path, monkeypatch):
    monkeypatch.setattr(journal, "COMPACT_BYTES", 2000)
    log = journal.Journal(None)
    draft = base_draft()
    for i in range(300):
        draft = typed(draft, "字")
        log.record(draft)
    assert log.path.stat().st_size < 2000 + 4 * len(draftfile.dumps(draft))
    journal._open_here.clear()
    assert journal.replay(log.path).draft == draft


def _hold(ready, done):
    log = journal.Journal(None)
    log.record(base_draft())
    ready.set()
    done.wait(10)


def test_journal_of_a_running_drafter_is_not_offered():
    ctx = multiprocessing.get_context("fork")
    ready, done = ctx.Event(), ctx.Event()
    child = ctx.Process(target=_hold, args=(ready, done))
    child.start()
    try:
        assert ready.wait(10)
        assert storage.find_recoverable() == []
    finally:
        done.set()
        child.join()
    assert len(storage.find_recoverable()) == 1  # it died without closing: a crash


@pytest.fixture(autouse=True)
def _forget_open_sessions():
    yield
    journal._open_here.clear()


def test_recovery_copies_of_the_old_format_become_journals(tmp_path):
    import json

    from drafter.core import paths

    folder = paths.recovery_dir()
    old = typed(base_draft(), "升级前的文字")
    (folder / "0123456789abcdef.draft").write_text(draftfile.dumps(old), "utf-8")
    (folder / "0123456789abcdef.json").write_text(json.dumps(
        {"original": str(tmp_path / "稿.draft"), "saved_at": 1700000000.0, "title": "讲话"}), "utf-8")
    [item] = storage.find_recoverable()
    assert item.draft == old and item.original == str(tmp_path / "稿.draft") and item.saved_at == 1700000000.0
    assert sorted(p.suffix for p in folder.iterdir()) == [".journal"]
    storage.discard_recoverable(item)
    assert storage.find_recoverable() == []
