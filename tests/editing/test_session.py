"""The editor's session (Qt-free): opening, naming, saving and recovering one draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.core import journal, storage
from drafter.core.errors import DrafterError, LockedError
from drafter.core.storage import read_draft, save_draft
from drafter.editing.session import Session, check_openable
from tests.editing.helpers import sample_draft
from tests.journal_support import crashed_session


def test_check_openable(tmp_path):
    (tmp_path / "d").mkdir()
    for name, words in (("none.draft", "文件不存在"), ("d", "文件夹"), ("x.pdf", "只支持")):
        if name == "x.pdf":
            (tmp_path / name).write_bytes(b"%PDF")
        with pytest.raises(DrafterError) as caught:
            check_openable(tmp_path / name)
        assert words in caught.value.message and name in caught.value.message
    (tmp_path / "ok.TXT").write_text("同志们：", "utf-8")
    assert check_openable(tmp_path / "ok.TXT") == tmp_path / "ok.TXT"


def test_locked_draft_and_read_only(tmp_path):
    path = tmp_path / "a.draft"
    save_draft(path, sample_draft())
    storage.lock_path(path).write_text('{"host": "另一台电脑", "pid": 1, "time": 0}', "utf-8")
    with pytest.raises(LockedError):
        Session.open(path)
    session = Session.open(path, read_only=True)
    assert session.read_only and session.needs_path and session.draft == sample_draft()
    assert session.display_name() == "a.draft"
    with pytest.raises(DrafterError):
        session.save()                                  # needs a place of its own


def test_suggested_path_is_a_safe_file_name(tmp_path):
    session = Session()
    session.draft.title = '关于"十四五"规划/实施的讲话'
    name = session.suggested_path().name
    assert name.endswith(".draft") and "/" not in name and '"' not in name
    imported = Session(origin=tmp_path / "讲话.docx")
    assert imported.suggested_path() == tmp_path / "讲话.draft"
    assert imported.suggested_path(".docx") == tmp_path / "讲话.docx"


def test_autosave_only_after_changes_and_save_discards_it(tmp_path):
    path = tmp_path / "a.draft"
    save_draft(path, sample_draft())
    session = Session.open(path)
    assert not session.autosave()
    session.draft.blocks[0].text = "改过"
    session.mark_modified()
    assert session.autosave() and not session.autosave()
    item = journal.replay(session.file.journal.path)
    assert item.original == str(path) and item.draft == session.draft
    session.save()
    assert not item.path.exists() and not session.modified
    assert read_draft(path)[0].blocks[0].text == "改过"
    session.close()
    assert storage.read_lock(path) is None


def test_recover_when_the_original_is_gone(tmp_path):
    path = tmp_path / "gone.draft"
    crashed_session(sample_draft(), path)
    [item] = storage.find_recoverable()
    session = Session.recover(item)
    assert session.needs_path and session.modified and session.draft == sample_draft()
    assert session.file.journal.session_id == item.session_id
    session.save(tmp_path / "new.draft")
    assert storage.find_recoverable() == []
    assert Path(tmp_path / "new.draft").exists()
