"""Logging to a file in the user data folder."""

from __future__ import annotations

import logging
import logging.handlers

from drafter.core import paths

_handler: logging.Handler | None = None
_handler_path: str | None = None


def setup_logging(level: int = logging.INFO) -> str:
    """Send log records to ``<data folder>/logs/drafter.log``; returns the file's path.
    Calling it again after the data folder changed moves the log there."""
    global _handler, _handler_path
    path = str(paths.log_dir() / "drafter.log")
    root = logging.getLogger()
    if _handler_path != path:
        if _handler is not None:
            root.removeHandler(_handler)
            _handler.close()
        _handler = logging.handlers.RotatingFileHandler(path, maxBytes=1 << 20, backupCount=3,
                                                        encoding="utf-8")
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(_handler)
        _handler_path = path
    root.setLevel(level)
    return path
