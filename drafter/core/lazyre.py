"""Regular expressions compiled the first time they are used.

Compiling a pattern that holds a CJK class (``[\\u4e00-\\u9fff]``) costs about a millisecond:
``re`` fills a 65,536-entry table in Python for it.  A module with dozens of such patterns
costs tens of milliseconds at import, paid by every command that imports it, whether it uses
them or not (issue 15: a command's start-up).  ``lazy(pattern, flags)`` stands for the compiled
pattern — ``match``, ``search``, ``sub``, ``finditer`` … — and compiles it on the first call;
``.pattern`` (to build a larger pattern from it) and ``.flags`` are there without compiling.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # match, search, sub, groupindex …
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
