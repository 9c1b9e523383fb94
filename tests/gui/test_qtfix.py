"""The None/True/False reserve for PySide6 builds that drop references on void calls."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

from drafter.gui import qtfix
from drafter.gui.app import make_app


def test_many_void_calls_do_not_exhaust_none():
    make_app()
    broken = qtfix.install()
    assert broken == qtfix.leaks_none()
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20_000):        # more than None's whole count at start-up on Python 3.11
        probe.setObjectName("x")
    qtfix.top_up()
    if broken:   # the reserve is back to its full size, far from zero
        assert sys.getrefcount(None) >= qtfix.reserve_level(None) - 100 > 1_000_000
    else:        # a correct PySide6 keeps its references
        assert sys.getrefcount(None) >= before - 100
