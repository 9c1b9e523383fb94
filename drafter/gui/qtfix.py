"""Work around PySide6 builds that drop a reference to None (and True/False) on each call.

PySide6/shiboken6 6.12.0 on Python 3.11 returns ``None`` from every void method
(``setVisible``, ``setFocus``, ``processEvents`` …) without taking a reference to it.  On
Python 3.12+ None is immortal and nothing happens; on 3.11 its reference count falls by
one per call, and after a few thousand calls the interpreter aborts with "none_dealloc:
deallocating None" — the editor would die within minutes of typing, losing the draft.
(6.11.2 is correct; the project should exclude 6.12.0, see the GUI notes.)

``install()`` measures whether the running PySide6 has the defect, and only then keeps a
large, never-freed stock of references to None, True and False, topped up from a timer and
from the editor's busiest paths (``top_up``).  On a correct PySide6 it does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, QTimer

logger = logging.getLogger(__name__)

_STOCK = {None: 2_000_000, True: 200_000, False: 200_000}
_keepers: dict[object, list] = {}
_target: dict[object, int] = {}
_timer: QTimer | None = None
_broken: bool | None = None


def leaks_none(calls: int = 200) -> bool:
    """True when a void PySide6 call loses a reference to None."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= calls // 2


def top_up() -> None:
    """Give back every reference lost since the last call (cheap when none was)."""
    for obj, keeper in _keepers.items():
        missing = _target[obj] - sys.getrefcount(obj)
        if missing > 0:
            keeper.extend([obj] * missing)


def reserve_level(obj: object) -> int:
    """The reference count ``top_up`` restores ``obj`` to (0 when no reserve is kept)."""
    return _target.get(obj, 0)


def install() -> bool:
    """Start the workaround if this PySide6 needs it; returns whether it does."""
    global _broken, _timer
    if _broken is not None:
        return _broken
    _broken = sys.version_info < (3, 12) and leaks_none()
    if not _broken:
        return False
    import PySide6

    logger.warning("PySide6 %s loses references to None on Python %s; keeping a reserve",
                   PySide6.__version__, sys.version.split()[0])
    for obj, stock in _STOCK.items():
        keeper = [obj] * stock
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(keeper))  # never freed, even at exit
        _keepers[obj] = keeper
        _target[obj] = sys.getrefcount(obj)
    _timer = QTimer()
    _timer.setInterval(200)
    _timer.timeout.connect(top_up)
    _timer.start()
    return True
