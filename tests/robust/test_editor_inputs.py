"""The editor against hostile files: it starts, and opening refuses with the reason."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from drafter.core.errors import DrafterError
from drafter.editing.session import Session
from tests.robust import hostile

ROOT = Path(__file__).resolve().parents[2]

START_EDITOR = textwrap.dedent("""
    from drafter.gui.app import make_app
    from drafter.gui.main_window import MainWindow
    app = make_app()
    window = MainWindow()          # loads the phrase bank, the user's phrase files included
    window.show()
    print("started")
""")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "symlink-loop"])
def test_editor_starts_with_a_hostile_user_phrase_file(tmp_path, kind):
    home = tmp_path / "home"
    (home / "phrases").mkdir(parents=True)
    hostile.FILE_KINDS[kind](home / "phrases" / "user.yaml")
    env = dict(os.environ, DRAFTER_HOME=str(home), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", START_EDITOR], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0 and "started" in done.stdout, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("case", ["deep-draft", "bomb-image", "40000-parts", "fifo", "sparse-3GB"])
def test_opening_in_the_editor_refuses_with_the_reason(tmp_path, case):
    suffix = ".draft" if case in ("deep-draft", "fifo", "sparse-3GB") else ".docx"
    path = tmp_path / f"hostile{suffix}"
    make = {"deep-draft": hostile.deep_draft, "fifo": hostile.fifo, "sparse-3GB": hostile.sparse,
            "bomb-image": lambda p: hostile.zip_bomb(p, "word/media/image1.png"),
            "40000-parts": hostile.many_parts}[case]
    reason = make(path)
    with pytest.raises(DrafterError) as info:
        Session.open(path)
    assert info.value.path == str(path) and reason in info.value.reason
