"""The one error type users see: a Chinese message that names the file (and line) and the
reason.  The command line prints ``str(error)`` and exits 2; the editor shows it in a dialog."""

from __future__ import annotations

import os


class DrafterError(Exception):
    """Bad input or a refused operation, explained in Chinese."""

    def __init__(self, reason: str, path: str | os.PathLike[str] | None = None,
                 line: int | None = None):
        self.reason = reason
        self.path = os.fspath(path) if path is not None else None
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if self.path is None:
            return self.reason
        where = f"第 {self.line} 行：" if self.line is not None else ""
        return f"{self.path}：{where}{self.reason}"


class ConflictError(DrafterError):
    """The file changed on disk since it was loaded; saving would overwrite someone's work."""


class LockedError(DrafterError):
    """Another Drafter holds the draft open."""
