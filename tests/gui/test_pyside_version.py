"""Guard against PySide6 builds that lose a reference to None on every void call.

PySide6 6.12.0 on Python 3.11 does (the interpreter aborts with "deallocating None" after a
few thousand calls, i.e. minutes of typing); pyproject.toml excludes it.  This test fails if
such a build is installed anyway."""

import sys

from PySide6.QtCore import QObject


def test_void_calls_keep_their_reference_to_none():
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(5_000):
        probe.setObjectName("probe")
    assert sys.getrefcount(None) >= before - 100
