"""Autosave and recovery: a Drafter killed mid-edit leaves a copy the next one offers back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from drafter.core import journal, storage
from drafter.core.storage import read_draft, save_draft
from drafter.gui.app import make_app
from drafter.gui.main_window import MainWindow
from tests.gui.conftest import sample_draft, type_text
from tests.journal_support import crashed_session

CRASHING_EDITOR = textwrap.dedent("""
    import os, sys
    from drafter.gui.app import make_app
    from drafter.gui.main_window import MainWindow
    from tests.gui.conftest import type_text
    app = make_app()
    window = MainWindow(autosave_seconds=0.05)
    window.show()
    if sys.argv[1] != "-":
        assert window.files.open_path(__import__("pathlib").Path(sys.argv[1]))
    window.editor.focus_block(0)
    window.editor.focus_block(0, -1)
    type_text(window.editor, "（崩溃前输入的文字）")
    window.form.edits["title"].end(False)
    type_text(window.form.edits["title"], "（修改稿）")
    # let the autosave timer fire, then die without any clean-up.  (No processEvents()
    # loop: PySide6 6.12 on Python 3.11 drops a reference to None on every call.)
    from PySide6.QtCore import QTimer
    from drafter.core.draftfile import dumps

    def die_once_autosaved():
        if not window.session.dirty_since_autosave:
            sys.stdout.write(dumps(window.draft))
            sys.stdout.flush()
            os._exit(9)

    check = QTimer(interval=10)
    check.timeout.connect(die_once_autosaved)
    check.start()
    app.exec()
""")


def crash_while_editing(path: Path | None) -> str:
    """Run an editor in another process that types, autosaves and is killed; returns the
    draft it had in memory (as draft-file text)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", CRASHING_EDITOR, str(path) if path else "-"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 9, done.stderr
    return done.stdout


def test_recover_saved_draft_after_crash(qtbot, ui, tmp_path):
    path = tmp_path / "讲话.draft"
    save_draft(path, sample_draft())
    in_memory = crash_while_editing(path)
    found = storage.find_recoverable()
    assert [r.original for r in found] == [str(path)] and found[0].problem is None
    assert read_draft(path)[0] == sample_draft()      # the file itself was never touched

    make_app()
    window = MainWindow(autosave_seconds=3600)
    qtbot.addWidget(window)
    ui.answers["ask_recover"] = lambda items: ("recover", items[0])
    assert window.files.offer_recovery()
    from drafter.core.draftfile import dumps
    assert dumps(window.draft) == in_memory
    assert window.draft.title.endswith("（修改稿）")
    assert window.session.path == path and window.session.modified
    # the dead process's lock was taken over; saving goes to the original and drops the copy
    assert window.files.save()
    assert dumps(read_draft(path)[0]) == in_memory
    assert storage.find_recoverable() == []
    window.close()


def test_recover_never_saved_draft_after_crash(qtbot, ui, tmp_path):
    in_memory = crash_while_editing(None)
    [item] = storage.find_recoverable()
    assert item.original is None and item.title == "（修改稿）"
    make_app()
    window = MainWindow(autosave_seconds=3600)
    qtbot.addWidget(window)
    ui.answers["ask_recover"] = lambda items: ("recover", items[0])
    assert window.files.offer_recovery()
    from drafter.core.draftfile import dumps
    assert dumps(window.draft) == in_memory
    assert window.session.needs_path
    ui.answers["ask_save_path"] = str(tmp_path / "恢复.draft")
    assert window.files.save()
    assert storage.find_recoverable() == []
    window.close()


def test_discard_and_later(qtbot, ui, tmp_path):
    draft = sample_draft()
    crashed_session(draft)
    make_app()
    window = MainWindow(autosave_seconds=3600)
    qtbot.addWidget(window)
    ui.answers["ask_recover"] = ("later", None)
    assert not window.files.offer_recovery()
    assert len(storage.find_recoverable()) == 1
    ui.answers["ask_recover"] = ("discard", None)
    assert not window.files.offer_recovery()
    assert storage.find_recoverable() == []
    assert not window.files.offer_recovery()          # nothing left: no dialog at all
    assert ui.names() == ["ask_recover", "ask_recover"]
    window.close()


def test_autosave_timer_writes_copy_only_when_changed(qtbot, ui, tmp_path):
    make_app()
    window = MainWindow(autosave_seconds=0.02)
    qtbot.addWidget(window)
    qtbot.wait(60)
    assert storage.find_recoverable() == []           # nothing typed, nothing written
    type_text(window.editor, "草稿")
    qtbot.waitUntil(lambda: not window.session.dirty_since_autosave, timeout=5000)
    item = journal.replay(window.session.file.journal.path)
    assert item.draft == window.draft
    ui.answers["ask_unsaved"] = "discard"
    window.close()
    assert not item.path.exists() and storage.find_recoverable() == []


def test_autosave_failure_is_reported_not_raised(window, monkeypatch):
    from drafter.core.errors import DrafterError

    def broken(*_args, **_kwargs):
        raise DrafterError("保存失败：磁盘已满")

    monkeypatch.setattr(journal, "atomic_write", broken)
    type_text(window.editor, "字")
    assert not window.files.autosave_now()
    assert "自动保存失败" in window.statusBar().currentMessage()


TERMINATED_EDITOR = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from drafter.gui import app as editor
    from drafter.core.draftfile import dumps
    from tests.gui.conftest import type_text

    app, window = editor.start(Path(sys.argv[1]), autosave_seconds=3600)

    def edit_then_get_killed():
        window.editor.focus_block(0)
        type_text(window.editor, "（关机前输入）")
        sys.stdout.write(dumps(window.draft))
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGTERM)

    QTimer.singleShot(300, edit_then_get_killed)
    sys.exit(app.exec())
""")


def test_sigterm_keeps_unsaved_work_for_recovery(tmp_path):
    path = tmp_path / "讲话.draft"
    save_draft(path, sample_draft())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", TERMINATED_EDITOR, str(path)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    [item] = storage.find_recoverable()
    from drafter.core.draftfile import dumps
    assert dumps(item.draft) == done.stdout
    assert "（关机前输入）" in done.stdout
    assert read_draft(path)[0] == sample_draft()
