"""Logging to a file in the user data folder.

Logging never stops the program or prints a traceback: when the log file cannot be opened
(the data folder is unusable, the disk is full) records go nowhere, and ``logging`` is told
not to report failures of its handlers on stderr (``raiseExceptions = False``).

The file is kept under ``MAX_BYTES``: when it is full it becomes ``drafter.log.1`` (older ones
move up to ``.3``) and a new one begins — as ``logging.handlers.RotatingFileHandler`` does, but
without importing ``logging.handlers`` (sockets, pickle, queues), which every command paid for at
start-up (issue 15).
"""

from __future__ import annotations

import logging
import os

from drafter.core import paths
from drafter.core.errors import DrafterError

MAX_BYTES = 1 << 20
BACKUPS = 3

_handler: logging.Handler | None = None
_handler_path: str | None = None


class RotatingFile(logging.FileHandler):
    """A log file that starts again when the next record would take it past ``max_bytes``."""

    def __init__(self, path: str, max_bytes: int = MAX_BYTES, backups: int = BACKUPS):
        super().__init__(path, encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            size = len(self.format(record).encode("utf-8", "replace")) + 1
            if self.stream is not None and 0 < self.stream.tell() and self.stream.tell() + size > self.max_bytes:
                self.rotate()
        except (OSError, ValueError):  # a broken file: emit reports nothing either
            pass
        super().emit(record)

    def rotate(self) -> None:
        """drafter.log → drafter.log.1 → … → drafter.log.<backups> (the oldest dropped)."""
        self.stream.close()
        self.stream = None
        base = self.baseFilename
        for number in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{number}"):
                os.replace(f"{base}.{number}", f"{base}.{number + 1}")
        os.replace(base, f"{base}.1")
        self.stream = self._open()


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
        handler = RotatingFile(path)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    _handler, _handler_path = handler, path
    return path
