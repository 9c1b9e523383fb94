"""Copying in the editor and quitting: the process ends cleanly and the text stays copied.

PySide6 frees clipboard data made in Python a second time while the application is torn
down; the editor hands Qt its own copy on quit (gui/app.py release_clipboard)."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from drafter.core.storage import save_draft
from drafter.gui.app import make_app
from drafter.gui.main_window import MainWindow
from tests.editing.helpers import sample_draft

app = make_app()
window = MainWindow(autosave_seconds=3600, load_materials=False)
window.show()
save_draft(sys.argv[1], sample_draft())
assert window.files.open_path(sys.argv[1])
window.editor.selectAll()
window.editor.copy()
copied = QApplication.clipboard().text()
print("COPIED", len(copied))
window.session.modified = False
QTimer.singleShot(0, app.quit)
app.exec()
print("AFTER", QApplication.clipboard().text() == copied)
"""


def test_copy_then_quit_exits_cleanly_with_the_text_still_copied(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DRAFTER_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "讲话.draft")], capture_output=True, text=True, timeout=120,
                            env=env, cwd=os.getcwd())
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert "COPIED 0" not in result.stdout and "AFTER True" in result.stdout, result.stdout + result.stderr
