"""The library's errors: ``LibraryError`` (defined with the other errors in core/errors.py) is a
fault of the library itself (locked, read-only, full disk, server unreachable), which stops an
import instead of being reported against one file."""

from __future__ import annotations

from drafter.core.errors import LibraryError, database_error

__all__ = ["LibraryError", "database_error"]
