"""The local library of past speeches: a SQLite file with full-text search.

Documents are parsed into the outline model and stored one row a block, so a hit can say
which speech, which part (role) and which numbered point it comes from.  Full-text search
uses FTS5's trigram tokenizer, which finds any substring of three or more characters in
Chinese text without word segmentation; shorter queries (两字词 such as 廉政) fall back to a
LIKE scan over the same rows.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from drafter.core import paths, safeio
from drafter.core.errors import DrafterError, LibraryError, database_error

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".docx", ".draft")
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    chars INTEGER NOT NULL,
    added_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS blocks (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    level INTEGER NOT NULL,
    marker TEXT NOT NULL,
    role TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS blocks_doc ON blocks(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS blocks_fts USING fts5(
    content, content='blocks', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER IF NOT EXISTS blocks_ai AFTER INSERT ON blocks BEGIN
    INSERT INTO blocks_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER IF NOT EXISTS blocks_ad AFTER DELETE ON blocks BEGIN
    INSERT INTO blocks_fts(blocks_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
"""


@dataclass
class Hit:
    path: str
    title: str
    block: int
    role: str
    marker: str
    text: str

    def snippet(self, query: str, width: int = 40) -> str:
        at = self.text.find(query)
        if at < 0:
            return self.text[: width * 2]
        start = max(0, at - width)
        return ("…" if start else "") + self.text[start: at + len(query) + width] + \
            ("…" if at + len(query) + width < len(self.text) else "")


@dataclass
class AddResult:
    path: Path
    added: bool           # False when the same content was already in the library
    error: DrafterError | None = None


class Library:
    def __init__(self, path: str | Path | None = None):
        if path is None:
            paths.data_home()  # DataHomeError when the user data folder cannot be used
        self.path = Path(path) if path is not None else paths.library_db()
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise DrafterError("讲话稿库由更新版本的 Drafter 创建，请升级后再用", self.path)
            self.db.executescript(_SCHEMA)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.commit()
        except sqlite3.Error as exc:
            raise database_error(exc, self.path) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ----- import -------------------------------------------------------------------------
    def add_file(self, path: Path) -> bool:
        """Parse one file and store it; returns False when it was already there unchanged."""
        from drafter.corpus.documents import load_document

        limit = safeio.MAX_DOCX_BYTES if path.suffix.lower() == ".docx" else safeio.MAX_TEXT_BYTES
        digest = hashlib.sha256(safeio.read_file(path, limit)).hexdigest()  # checked before hashing
        path = Path(os.path.realpath(path))
        try:
            row = self.db.execute("SELECT sha256 FROM documents WHERE path = ?", (str(path),)).fetchone()
        except sqlite3.Error as exc:
            raise database_error(exc, self.path) from None
        if row and row[0] == digest:
            return False
        draft = load_document(path)
        markers = draft.markers()
        try:
            self._store(path, draft, markers, digest)
        except sqlite3.Error as exc:
            raise database_error(exc, self.path) from None
        return True

    def _store(self, path: Path, draft, markers, digest: str) -> None:
        with self.db:
            self.db.execute("DELETE FROM documents WHERE path = ?", (str(path),))
            cur = self.db.execute(
                "INSERT INTO documents(path, title, sha256, chars, added_at) VALUES (?, ?, ?, ?, ?)",
                (str(path), draft.title or path.stem, digest, draft.char_count(), time.time()))
            doc_id = cur.lastrowid
            self.db.executemany(
                "INSERT INTO blocks(doc_id, idx, kind, level, marker, role, content) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, i, b.kind, b.level, b.source_marker or markers[i], b.role, b.text + b.body)
                 for i, b in enumerate(draft.blocks)])

    def add(self, targets: Iterable[str | Path]) -> Iterator[AddResult]:
        """Import files and folders (searched recursively for .txt/.docx/.draft), one result
        a file, so a caller can show progress.  A bad file is reported and skipped."""
        for path in _expand(targets):
            try:
                yield AddResult(path, self.add_file(path))
            except LibraryError:  # locked, read-only, full: every further file would fail alike
                raise
            except DrafterError as exc:
                logger.info("library: skipped %s: %s", path, exc)
                yield AddResult(path, False, exc)

    # ----- search -------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[Hit]:
        query = query.strip()
        if not query:
            raise DrafterError("检索词为空")
        select = ("SELECT d.path, d.title, b.idx, b.role, b.marker, b.content FROM blocks b "
                  "JOIN documents d ON d.id = b.doc_id ")
        if len(query) >= 3:
            phrase = '"' + query.replace('"', '""') + '"'
            rows = self.db.execute(select + "WHERE b.id IN (SELECT rowid FROM blocks_fts WHERE blocks_fts "
                                   "MATCH ? ORDER BY rank LIMIT ?) ORDER BY d.path, b.idx",
                                   (phrase, limit)).fetchall()
        else:
            like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = self.db.execute(select + "WHERE b.content LIKE ? ESCAPE '\\' ORDER BY d.path, b.idx LIMIT ?",
                                   (like, limit)).fetchall()
        return [Hit(*row) for row in rows]

    def documents(self) -> list[tuple[str, str, int]]:
        return self.db.execute("SELECT path, title, chars FROM documents ORDER BY path").fetchall()


def _expand(targets: Iterable[str | Path]) -> Iterator[Path]:
    for target in targets:
        path = Path(target)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        else:
            yield path
