"""Logging to a file in the user data folder.

Logging never stops the program or prints a traceback: when the log file cannot be opened
(the data folder is unusable, the disk is full) records go nowhere, and ``logging`` is told
not to report failures of its handlers on stderr (``raiseExceptions = False``).
"""

from __future__ import annotations

import logging

from drafter.core import paths
from drafter.core.errors import DrafterError

_handler: logging.Handler | None = None
_handler_path: str | None = None


def setup_logging(level: int = logging.INFO) -> str | None:
    """Send log records to ``<data folder>/logs/drafter.log``; returns the file's path, or
    None when no log file can be written.  Calling it again after the data folder changed
    moves the log there."""
    global _handler, _handler_path
    logging.raiseExceptions = False  # a failing handler must not print tracebacks
    root = logging.getLogger()
    root.setLevel(level)
    try:
        path = str(paths.log_dir() / "drafter.log")
    except DrafterError:
        path = None
    if _handler_path == path and _handler is not None:
        return path
    if _handler is not None:
        root.removeHandler(_handler)
        try:
            _handler.close()
        except (OSError, ValueError):  # its file already broken
            pass
        _handler, _handler_path = None, None
    if path is None:
        return None
    try:
        from logging.handlers import RotatingFileHandler  # ~4 ms of imports: not at start-up

        handler = RotatingFileHandler(path, maxBytes=1 << 20, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    _handler, _handler_path = handler, path
    return path
