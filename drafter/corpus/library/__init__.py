"""The library of past speeches: one interface (``base.Library``), two backends.

``open_library(location)`` opens the library at ``location``: a ``postgresql://user@host:port/db``
URL (an office's shared library) or a SQLite file path.  Without one it takes ``DRAFTER_LIBRARY``,
else the SQLite file in the user data folder.  Documents are parsed into the outline model and
stored one row a block, so a hit can say which speech, which part and which numbered point it is.
"""

from __future__ import annotations

import os

from drafter.core import paths
from drafter.corpus.library.base import (
    CANDIDATES,
    SUFFIXES,
    AddResult,
    BlockRow,
    Document,
    Expanded,
    Hit,
    Library,
    Query,
    expand,
    parse_query,
)
from drafter.corpus.library.errors import LibraryError

__all__ = [
    "CANDIDATES",
    "SUFFIXES",
    "AddResult",
    "BlockRow",
    "Document",
    "Expanded",
    "Hit",
    "Library",
    "LibraryError",
    "Query",
    "exists",
    "expand",
    "is_server",
    "location",
    "open_library",
    "parse_query",
]

ENV = "DRAFTER_LIBRARY"


def location(given: str | os.PathLike[str] | None = None) -> str:
    """The library's location: ``given``, else DRAFTER_LIBRARY, else the user's SQLite file."""
    if given:
        return os.fspath(given)
    if os.environ.get(ENV):
        return os.environ[ENV]
    paths.data_home()  # DataHomeError when the user data folder cannot be used
    return str(paths.library_db())


def is_server(where: str) -> bool:
    return where.startswith(("postgresql://", "postgres://"))


def exists(where: str | None = None) -> bool:
    """Whether there is a library to open (a server is assumed to have one)."""
    try:
        where = location(where)
    except paths.DataHomeError:  # no usable data folder: no library of the user's own
        return False
    return is_server(where) or os.path.isfile(where)


def open_library(where: str | os.PathLike[str] | None = None, create: bool = True,
                 readonly: bool = False) -> Library:
    where = location(where)
    if is_server(where):
        from drafter.corpus.library.postgres import PostgresLibrary

        return PostgresLibrary(where, create=create, readonly=readonly)
    from drafter.corpus.library.sqlite import SQLiteLibrary

    return SQLiteLibrary(where, create=create, readonly=readonly)
