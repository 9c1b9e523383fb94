"""The library's own error: a fault of the library itself (locked, read-only, full disk, server
unreachable), which stops an import instead of being reported against one file."""

from __future__ import annotations

from drafter.core.errors import DrafterError


class LibraryError(DrafterError):
    fatal = True
