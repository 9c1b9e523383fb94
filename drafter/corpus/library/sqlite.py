"""The library in one SQLite file: documents, blocks, and a contentless FTS5 index of each block's
character bigrams (``base.grams``), queried as phrases.  WAL mode lets searches run while another
process imports; each file is imported in one ``BEGIN IMMEDIATE`` transaction.

Schema history: 1 = FTS5 trigram over the block text (two-character words scanned every block);
2 = bigram phrases, speaker/date/occasion/place/level, who added a document, heading length and
path of each block; 3 = winnowed marks of each block for 查重 (``marks_fts``, rowids only);
4 = marks hashed by ``fingerprints.py`` instead of a CRC (recomputed from the text).
Older files are migrated in place when opened for writing.  Commits in WAL mode do not wait for
the disk (``synchronous = NORMAL``): a power cut can lose the last files' commits, never leave
half a file or a damaged library.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.corpus.library.base import (
    FILLER,
    BlockRow,
    Candidate,
    Document,
    Filters,
    Library,
    Prepared,
)
from drafter.corpus.library.errors import LibraryError, database_error
from drafter.corpus.library.terms import caseless, gram_text, mark_token

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 4
BUSY_MS = 5_000
CACHE_KIB = -65_536            # 64 MiB page cache
MMAP_BYTES = 256 * 1024 * 1024
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL, speaker TEXT NOT NULL, date TEXT NOT NULL, occasion TEXT NOT NULL,
    place TEXT NOT NULL, level TEXT NOT NULL,
    sha256 TEXT NOT NULL, size INTEGER NOT NULL, mtime REAL NOT NULL,
    chars INTEGER NOT NULL, blocks INTEGER NOT NULL,
    added_at REAL NOT NULL, added_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS blocks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, kind TEXT NOT NULL, level INTEGER NOT NULL, marker TEXT NOT NULL,
    role TEXT NOT NULL, head INTEGER NOT NULL, trail TEXT NOT NULL, content TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS blocks_doc ON blocks(doc_id, idx);
CREATE VIRTUAL TABLE IF NOT EXISTS blocks_fts USING fts5(
    grams, content='', columnsize=0, tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS marks_fts USING fts5(
    marks, content='', columnsize=0, detail='none', tokenize='ascii'
);
"""


def mark_texts(texts: list[str]) -> list[str]:
    """The marks of each text as FTS5 tokens."""
    from drafter.corpus.library.fingerprints import marks_many  # numpy: see there

    return [" ".join(sorted({mark_token(h) for _, h in found})) for found in marks_many(texts)]


_DOC_COLUMNS = "id, path, title, speaker, date, occasion, place, level, chars, blocks, added_at, added_by"
_BLOCK_COLUMNS = "id, doc_id, idx, kind, level, marker, role, head, trail, content"


class SQLiteLibrary(Library):
    def __init__(self, path: str | os.PathLike[str], create: bool = True, readonly: bool = False,
                 busy_ms: int = BUSY_MS):
        self.path = Path(path)
        self.location = str(self.path)
        if not self.path.exists():
            if not create or readonly:
                raise LibraryError("missing", self.location)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise database_error(exc, self.location) from None
        elif self.path.is_dir():
            raise DrafterError("这是一个文件夹，不是讲话稿库文件", self.location)
        writable = os.access(self.path if self.path.exists() else self.path.parent, os.W_OK) and \
            os.access(self.path.parent, os.W_OK)
        self.readonly = readonly or not writable
        self.db = None
        self._totals = None
        try:
            self.db = self._connect()
            self.db.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
            self.db.execute(f"PRAGMA cache_size = {CACHE_KIB}")      # negative: KiB
            self.db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA synchronous = NORMAL")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise LibraryError("newer", self.location)
            if not self.readonly:
                self._prepare_schema(version)
            elif version < SCHEMA_VERSION:
                raise LibraryError("old_read_only", self.location)
        except sqlite3.Error as exc:
            if self.db is not None:
                self.db.close()
            raise database_error(exc, self.location) from None

    def _connect(self) -> sqlite3.Connection:
        if not self.readonly:
            return sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        uri = self.path.absolute().as_uri()
        try:
            db = sqlite3.connect(uri + "?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:   # a WAL file whose -shm cannot be created: read it as is
            return sqlite3.connect(uri + "?immutable=1", uri=True, isolation_level=None,
                                   check_same_thread=False)

    def _prepare_schema(self, version: int) -> None:
        if version == SCHEMA_VERSION:
            return
        mode = self.db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        logger.debug("library journal mode %s", mode)
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if version == 1:
                self._migrate_v1()
            else:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
            if version == 3:
                self.db.execute("INSERT INTO marks_fts(marks_fts) VALUES ('delete-all')")
            if version in (1, 2, 3):
                rows = self.db.execute("SELECT id, content FROM blocks").fetchall()
                self.db.executemany("INSERT INTO marks_fts(rowid, marks) VALUES (?, ?)",
                                    zip((i for i, _ in rows), mark_texts([c for _, c in rows])))
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _migrate_v1(self) -> None:
        db = self.db
        for statement in ("DROP TRIGGER IF EXISTS blocks_ai", "DROP TRIGGER IF EXISTS blocks_ad",
                          "DROP TABLE IF EXISTS blocks_fts", "ALTER TABLE documents RENAME TO documents_v1",
                          "ALTER TABLE blocks RENAME TO blocks_v1", "DROP INDEX IF EXISTS blocks_doc"):
            db.execute(statement)
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        db.execute("INSERT INTO documents SELECT id, path, title, '', '', '', '', '', sha256, 0, 0, chars, "
                   "(SELECT count(*) FROM blocks_v1 b WHERE b.doc_id = d.id), added_at, '' FROM documents_v1 d")
        db.execute("INSERT INTO blocks SELECT id, doc_id, idx, kind, level, marker, role, 0, '', content "
                   "FROM blocks_v1")
        db.executemany("INSERT INTO blocks_fts(rowid, grams) VALUES (?, ?)",
                       ((i, gram_text(c)) for i, c in db.execute("SELECT id, content FROM blocks").fetchall()))
        db.execute("DROP TABLE blocks_v1")
        db.execute("DROP TABLE documents_v1")

    @contextlib.contextmanager
    def _errors(self):
        try:
            yield
        except sqlite3.Error as exc:
            raise database_error(exc, self.location) from None
        except OSError as exc:
            raise database_error(exc, self.location) from None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    # ----- import ------------------------------------------------------------------------------
    def _stored(self, path: str) -> tuple[str, float] | None:
        with self._errors():
            return self.db.execute("SELECT sha256, mtime FROM documents WHERE path = ?", (path,)).fetchone()

    def _delete_docs(self, ids: list[int]) -> None:
        for doc_id in ids:
            rows = self.db.execute("SELECT id, content FROM blocks WHERE doc_id = ?", (doc_id,)).fetchall()
            self.db.executemany("INSERT INTO blocks_fts(blocks_fts, rowid, grams) VALUES ('delete', ?, ?)",
                                [(i, gram_text(c)) for i, c in rows])
            self.db.executemany("INSERT INTO marks_fts(marks_fts, rowid, marks) VALUES ('delete', ?, ?)",
                                zip((i for i, _ in rows), mark_texts([c for _, c in rows])))
            self.db.execute("DELETE FROM blocks WHERE doc_id = ?", (doc_id,))
            self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def _store(self, record: Prepared) -> bool:
        self._writable()
        texts = [b[-1] for b in record.blocks]
        grams, found = [gram_text(t) for t in texts], mark_texts(texts)
        with self._errors():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                old = self.db.execute("SELECT id, sha256 FROM documents WHERE path = ?", (record.path,)).fetchone()
                if old and old[1] == record.sha256:      # another writer stored it meanwhile
                    self.db.execute("ROLLBACK")
                    return False
                if old:
                    self._delete_docs([old[0]])
                cur = self.db.execute(
                    "INSERT INTO documents(path, title, speaker, date, occasion, place, level, sha256, size, "
                    "mtime, chars, blocks, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (record.path, record.title, record.speaker, record.date, record.occasion, record.place,
                     record.level, record.sha256, record.size, record.mtime, record.chars, len(record.blocks),
                     time.time(), record.added_by))
                doc_id = cur.lastrowid
                row = self.db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'blocks'").fetchone()
                first = (row[0] if row else 0) + 1
                self.db.executemany(
                    f"INSERT INTO blocks({_BLOCK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(first + k, doc_id, *b) for k, b in enumerate(record.blocks)])
                self.db.executemany("INSERT INTO blocks_fts(rowid, grams) VALUES (?, ?)",
                                    [(first + k, g) for k, g in enumerate(grams)])
                self.db.executemany("INSERT INTO marks_fts(rowid, marks) VALUES (?, ?)",
                                    [(first + k, m) for k, m in enumerate(found)])
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
        return True

    def remove(self, ids: Iterable[int]) -> list[int]:
        self._writable()
        ids = list(ids)
        with self._errors():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                found = [i for (i,) in self.db.execute(
                    f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(ids))})", ids)] if ids else []
                self._delete_docs(found)
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
        return found

    # ----- reading -----------------------------------------------------------------------------
    def _stats(self) -> tuple[int, int, int]:
        """Summed over the documents once, then again only when a writer (this connection or
        another, ``PRAGMA data_version``) has changed the library."""
        with self._errors():
            key = (self.db.execute("PRAGMA data_version").fetchone()[0], self.db.total_changes)
            if self._totals is None or self._totals[0] != key:
                n, chars, last = self.db.execute(
                    "SELECT coalesce(sum(blocks), 0), coalesce(sum(chars), 0), "
                    "(SELECT coalesce(max(id), 0) FROM blocks) FROM documents").fetchone()
                self._totals = (key, (n, chars, last))
        return self._totals[1]

    def _match(self, phrases: list[list[str]], terms: list[str], filters: Filters, cap: int) -> list[int]:
        sql, params = self._match_sql(phrases, terms, filters, cap)
        with self._errors():
            return [i for (i,) in self.db.execute(sql, params)]

    def _candidates(self, phrases: list[list[str]], terms: list[str], filters: Filters,
                    cap: int) -> list[Candidate]:
        sql, params = self._match_sql(phrases, terms, filters, cap)
        with self._errors():
            rows = self.db.execute("SELECT b.id, b.doc_id, b.role, b.head, b.content, d.date FROM blocks b "
                                   f"JOIN documents d ON d.id = b.doc_id WHERE b.id IN ({sql})", params).fetchall()
        return [Candidate(*r) for r in rows]

    def _match_sql(self, phrases: list[list[str]], terms: list[str], filters: Filters,
                   cap: int) -> tuple[str, list]:
        """The FTS5 phrase of a term's bigrams is exact for a term of word characters only; a term
        with punctuation inside (a FILLER in its phrase) is confirmed on the text."""
        expression = " AND ".join('"' + " ".join(p) + '"' for p in phrases)
        where, params = ["blocks_fts MATCH ?"], [expression]
        for term, phrase in zip(terms, phrases):
            if FILLER in phrase:
                where.append("instr(b.content, ?) > 0" if caseless(term) else "instr(lower(b.content), ?) > 0")
                params.append(term)
        join = "JOIN blocks b ON b.id = f.rowid" if len(where) > 1 or filters.role or filters.year \
            or filters.place else ""
        if filters.role:
            where.append("b.role = ?")
            params.append(filters.role)
        if filters.year or filters.place:
            join += " JOIN documents d ON d.id = b.doc_id"
            if filters.year:
                where.append("substr(d.date, 1, 4) = ?")
                params.append(str(filters.year))
            if filters.place:
                where.append("(d.level = ? OR instr(d.place, ?) > 0)")
                params += [filters.place, filters.place]
        sql = f"SELECT f.rowid FROM blocks_fts f {join} WHERE {' AND '.join(where)} ORDER BY f.rowid DESC LIMIT ?"
        return sql, [*params, cap]

    def blocks_with_marks(self, marks: list[int], cap: int) -> dict[int, list[int]]:
        found = {}
        with self._errors():
            for h in marks:
                found[h] = [i for (i,) in self.db.execute(
                    "SELECT rowid FROM marks_fts WHERE marks_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                    (mark_token(h), cap))]
        return found

    def blocks_by_id(self, ids: list[int]) -> list[BlockRow]:
        rows = []
        with self._errors():
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                rows += self.db.execute(f"SELECT {_BLOCK_COLUMNS} FROM blocks WHERE id IN "
                                        f"({','.join('?' * len(chunk))})", chunk).fetchall()
        return [BlockRow(*r) for r in rows]

    def document_blocks(self, doc_id: int) -> list[BlockRow]:
        with self._errors():
            rows = self.db.execute(f"SELECT {_BLOCK_COLUMNS} FROM blocks WHERE doc_id = ? ORDER BY idx",
                                   (doc_id,)).fetchall()
        return [BlockRow(*r) for r in rows]

    def documents(self) -> list[Document]:
        with self._errors():
            rows = self.db.execute(f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY id").fetchall()
        return [Document(*r) for r in rows]

    def documents_by_id(self, ids: list[int]) -> list[Document]:
        if not ids:
            return []
        with self._errors():
            rows = self.db.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id IN "
                                   f"({','.join('?' * len(ids))}) ORDER BY id", list(ids)).fetchall()
        return [Document(*r) for r in rows]

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file())
