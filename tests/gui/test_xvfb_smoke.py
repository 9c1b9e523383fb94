"""The editor as a user drives it, from outside the process: a real X server (Xvfb), keys
sent by xdotool, the clipboard read with xclip.  Ctrl+A, Ctrl+C gives the whole speech with
its numbers; a move (Alt+↓) and Ctrl+Z bring the text back exactly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.core.storage import save_draft
from drafter.export.text import draft_to_text
from tests.editing.helpers import sample_draft

TOOLS = ("Xvfb", "xdotool", "xclip")
pytestmark = pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS),
                                reason="needs Xvfb, xdotool and xclip (apt packages xvfb xdotool xclip)")


def _wait(predicate, timeout: float = 20.0, what: str = ""):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _run(env, *args: str) -> str:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=20, check=False).stdout


@pytest.fixture
def display(tmp_path):
    number = 90 + os.getpid() % 400
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10, "Xvfb")
    yield f":{number}"
    server.terminate()
    server.wait(10)


def test_select_all_copy_move_and_undo_from_outside(display, tmp_path):
    path = tmp_path / "smoke.draft"
    save_draft(path, sample_draft())
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", DRAFTER_HOME=str(tmp_path / "home"))
    editor = subprocess.Popen([sys.executable, "-m", "drafter.cli", "open", str(path)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        window = _wait(lambda: _run(env, "xdotool", "search", "--name", "smoke.draft").split(),
                       30, "the editor window")[0]
        _run(env, "xdotool", "windowfocus", "--sync", window)
        _run(env, "xdotool", "mousemove", "--window", window, "700", "450", "click", "1")

        def clipboard_other_than(before: str) -> str:
            text = _run(env, "xclip", "-o", "-selection", "clipboard")
            return text if text and text != before else ""

        def copy_all(before: str = "") -> str:
            """Ctrl+A, Ctrl+C; the clipboard once it holds something other than ``before``."""
            _run(env, "xdotool", "key", "--clearmodifiers", "ctrl+a", "ctrl+c")
            return _wait(lambda: clipboard_other_than(before), 10, "the clipboard")

        original = draft_to_text(sample_draft())
        assert copy_all() == original
        _run(env, "xdotool", "key", "--clearmodifiers", "ctrl+Home", "Down", "alt+Down")   # 一、 below 二、
        moved = copy_all(original)
        assert moved.index("一、关于今年任务") < moved.index("二、关于去年工作")
        assert "*" in _run(env, "xdotool", "getwindowname", window)        # modified
        _run(env, "xdotool", "key", "--clearmodifiers", "ctrl+z")
        assert copy_all(moved) == original
    finally:
        editor.terminate()       # SIGTERM: the editor keeps a recovery copy and quits
        _, errors = editor.communicate(timeout=20)
    assert "Traceback" not in errors
