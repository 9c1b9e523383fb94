"""Logging to a file in the user data folder."""

from __future__ import annotations

import logging
import logging.handlers

from drafter.core import paths

_configured = False


def setup_logging(level: int = logging.INFO) -> str:
    """Send log records to ``<data folder>/logs/drafter.log``; returns the file's path."""
    global _configured
    path = paths.log_dir() / "drafter.log"
    if not _configured:
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1 << 20, backupCount=3,
                                                       encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root = logging.getLogger()
        root.addHandler(handler)
        root.setLevel(level)
        _configured = True
    return str(path)
