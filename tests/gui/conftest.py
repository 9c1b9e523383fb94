"""GUI test set-up: the window's dialogs are replaced by scripted answers.

``answers`` maps a dialog function name (see drafter/gui/dialogs.py) to what the user
"clicks"; every call is recorded in ``calls`` so a test can see what was asked.  Any real
QMessageBox that would still pop up fails the test instead of blocking it.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QMessageBox

from drafter.gui import dialogs
from drafter.gui.app import make_app, release_clipboard
from drafter.gui.main_window import MainWindow
from tests.editing.helpers import sample_draft  # noqa: F401 - shared with the GUI tests


class Dialogs:
    def __init__(self):
        self.answers: dict[str, object] = {}
        self.calls: list[tuple[str, tuple]] = []

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def messages(self, name: str) -> list[str]:
        return [" ".join(str(a) for a in args) for n, args in self.calls if n == name]


@pytest.fixture
def ui(monkeypatch) -> Dialogs:
    log = Dialogs()
    defaults = {"show_error": None, "show_info": None, "confirm": True, "ask_unsaved": "cancel",
                "ask_conflict": "cancel", "ask_locked": "cancel", "ask_open_path": None,
                "ask_save_path": None, "ask_recover": ("later", None), "ask_values": None, "ask_reload": "keep",
                "show_text": None, "ask_folder": None}

    def fake(name):
        def answer(parent, *args, **kwargs):
            log.calls.append((name, args))
            value = log.answers.get(name, defaults[name])
            return value(*args) if callable(value) else value
        return answer

    for name in defaults:
        monkeypatch.setattr(dialogs, name, fake(name))

    def no_box(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(no_box))
    return log


@pytest.fixture(scope="session", autouse=True)
def clipboard_released():
    """What the editor copied is handed back to Qt before the interpreter exits, as the app
    does on quit (else PySide6 crashes at exit: pytest would end with a segmentation fault)."""
    yield
    if QApplication.instance() is not None:
        release_clipboard()


@pytest.fixture
def window(qtbot, ui) -> MainWindow:
    make_app()
    win = MainWindow(autosave_seconds=3600, load_materials=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.session.modified = False  # let teardown close without asking
    win.close()


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key (QTest.keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for char in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))
