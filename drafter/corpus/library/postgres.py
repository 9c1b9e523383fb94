"""The library on a PostgreSQL server, shared by an office: the same tables as the SQLite file, and
for full-text search a GIN index over each block's distinct character bigrams, stored as 32-bit
codes (``grams integer[]``, ``terms.gram_code``: half the size of ``text[]``), the idea of pg_bigm
built from PostgreSQL's own array GIN, so no extension is needed; and for 查重 a GIN index over
each block's winnowed marks (``marks integer[]``, ``terms.py``).  A phrase is found by
``grams @> its codes`` and confirmed with ``strpos`` on the text, the newest 300 matches read
window by window from the newest block down (``_newest``): each block's codes also hold two
bucket codes of its id (``terms.bucket_codes``, schema 5), so the GIN index itself answers for a
window of ids and only the window's matches are read from the table.  Ranking is
``base.rank``, the same as on SQLite.  (pg_trgm was measured too: it cannot use its index for
two-character words, see docs/PERFORMANCE.md.)

Many writers import at once: each file is one transaction holding an advisory lock on its path,
so two importers of the same file never store it twice.  An importing session commits without
waiting for the server's disk (``synchronous_commit = off``: a server crash can lose the last
files' commits, never leave half a file).  Passwords come from the URL, PGPASSWORD
or ~/.pgpass (libpq); they are never shown in messages.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import psycopg
from psycopg import errors as pgerrors

from drafter.core.errors import DrafterError
from drafter.corpus.library.base import (
    FILLER,
    AddResult,
    BlockRow,
    Candidate,
    Document,
    Expanded,
    Filters,
    Library,
    Prepared,
    expand,
)
from drafter.corpus.library.errors import LibraryError, database_error
from drafter.corpus.library.pgcopy import COPY_COLUMNS, copy_lines, copy_text
from drafter.corpus.library.terms import (
    COARSE,
    COARSE_BASE,
    FINE_BASE,
    bucket_codes,
    caseless,
    gram_code,
    window_codes,
)

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 5
BUCKET_SHIFT = 10              # a block's fine bucket covers 1,024 block ids (``terms.bucket_codes``)
FLUSH_EVERY = 50
_LOCK_SCHEMA = 741_300_013
_GRAMS_INDEX = "CREATE INDEX IF NOT EXISTS library_blocks_grams ON library_blocks USING gin (grams)"
_MARKS_INDEX = "CREATE INDEX IF NOT EXISTS library_blocks_marks ON library_blocks USING gin (marks)"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS library_meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE IF NOT EXISTS library_documents (
        id bigserial PRIMARY KEY, path text NOT NULL UNIQUE,
        title text NOT NULL, speaker text NOT NULL, date text NOT NULL, occasion text NOT NULL,
        place text NOT NULL, level text NOT NULL,
        sha256 text NOT NULL, size bigint NOT NULL, mtime double precision NOT NULL,
        chars integer NOT NULL, blocks integer NOT NULL,
        added_at double precision NOT NULL, added_by text NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS library_blocks (
        id bigserial PRIMARY KEY,
        doc_id bigint NOT NULL REFERENCES library_documents(id) ON DELETE CASCADE,
        idx integer NOT NULL, kind text NOT NULL, level integer NOT NULL, marker text NOT NULL,
        role text NOT NULL, head integer NOT NULL, trail text NOT NULL, content text NOT NULL,
        grams integer[] NOT NULL, marks integer[] NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS library_blocks_doc ON library_blocks (doc_id, idx)",
    _GRAMS_INDEX,
    _MARKS_INDEX,
    f"INSERT INTO library_meta VALUES ('schema', '{SCHEMA_VERSION}') ON CONFLICT DO NOTHING",
)
# the bucket size is the library's own, kept with it; set when the library is made or upgraded
_SET_SHIFT = "INSERT INTO library_meta VALUES ('bucket_shift', %s) ON CONFLICT DO NOTHING"
# search: the newest ``_WINDOW`` blocks asked of the GIN index first, and a window of at most
# ``_KEY_ROWS`` read along the key instead (2 µs a block), where a common word is dense
# (docs/PERFORMANCE.md: 50 queries at 20,000 speeches, median/p95 14–15/22–27 ms against 20/33
# with the first window along the key and up to 12,000 blocks so)
_WINDOW = 2_000
_KEY_ROWS = 4_000
_SURE = 30
_GROWTH = 8
_DOC_COLUMNS = "id, path, title, speaker, date, occasion, place, level, chars, blocks, added_at, added_by"
_BLOCK_COLUMNS = "id, doc_id, idx, kind, level, marker, role, head, trail, content"


def _next_step(found: int, scanned: int, need: int, left: int) -> tuple[str, int]:
    """How to read the next window of ids below the ``scanned`` ones, and how many.  The share of
    matches seen so far (at least one counted, so none seen is not taken for none there) says
    where ``need`` more are due; a window reaches a little past that, but while fewer than
    ``_SURE`` matches were seen the share is a guess (often off by ten times), so a window
    grows at most ``_GROWTH`` times what was read before.  Along the key while the window is
    within ``_KEY_ROWS`` blocks; else through the GIN index limited to the window's bucket codes
    (only the window's matches are read from the table); over all ``left`` blocks when the rest
    holds about as many matches as are needed."""
    share = max(found, 1) / scanned
    if share * left <= 1.25 * need:
        return "index", left
    due = need / share
    window = int(due * 1.25) + 100 if found >= _SURE else min(int(due * 1.5) + 100, _GROWTH * scanned)
    return ("key" if window <= _KEY_ROWS else "index"), min(left, window)


def _result(path: Path, item: Future | AddResult) -> AddResult:
    return AddResult(path, item.result()) if isinstance(item, Future) else item


def shown(url: str) -> str:
    """The URL without its password."""
    return re.sub(r"^(postgres(?:ql)?://[^:/@]*):[^@]*@", r"\1@", url)


def explain(exc: Exception, location: str) -> DrafterError:
    """The user's words for a server failure (core/errors.py's kinds, plus rights and a missing database)."""
    if isinstance(exc, (pgerrors.InsufficientPrivilege, pgerrors.ReadOnlySqlTransaction)):
        return LibraryError("no_rights", location)
    if isinstance(exc, pgerrors.DiskFull):
        return LibraryError("disk_full", location)
    if isinstance(exc, (pgerrors.LockNotAvailable, pgerrors.QueryCanceled)):
        return LibraryError("locked", location)
    if "does not exist" in str(exc) and "database" in str(exc):
        return LibraryError("no_database", location)
    error = database_error(exc, location)
    if error.kind == "other" and isinstance(exc, psycopg.OperationalError):
        return LibraryError("unreachable", location)
    return error


class PostgresLibrary(Library):
    def __init__(self, url: str, create: bool = True, readonly: bool = False, connect_timeout: int = 5):
        self.url = url
        self.location = shown(url)
        self.readonly = readonly
        self._top: int | None = None
        self._shift = BUCKET_SHIFT
        self._buckets = True                 # every block has its bucket codes (schema 5)
        self._totals: tuple[tuple, tuple[int, int, int]] | None = None
        self._dates: dict[int, str] = {}     # a document's id is never used again, so its date holds
        try:
            # jit off: the library's queries are short; compiling one (100–300 ms) cost more than
            # running it (查重's question for 3,000 marks: 0.30 s with JIT, 0.06 s without).
            # No prepared statements: psycopg prepares a query run five times, and the server's
            # generic plan for a window, made without its values, read a whole window of the
            # table (本身条: 356 ms, planned for its values 27 ms); planning takes 0.2 ms
            self.db = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout,
                                      application_name="drafter", options="-c jit=off", prepare_threshold=None)
        except psycopg.Error as exc:
            raise explain(exc, self.location) from None
        with self._errors():
            exists = self.db.execute("SELECT to_regclass('library_blocks') IS NOT NULL").fetchone()[0]
            if exists:
                row = self.db.execute("SELECT value FROM library_meta WHERE key = 'schema'").fetchone()
                if row and int(row[0]) > SCHEMA_VERSION:
                    raise LibraryError("newer", self.location)
                # version 4 lacks only the bucket codes: searched without them until ``upgrade``
                # (minutes for a large library, so never done unasked); older ones are upgraded now
                self._buckets = not row or int(row[0]) >= SCHEMA_VERSION
                if row and int(row[0]) < 4:
                    if readonly:
                        raise LibraryError("old_read_only", self.location)
                    self._upgrade()
                    self._buckets = True
            elif not create or readonly:
                raise LibraryError("missing", self.location)
            else:
                with self.db.transaction():
                    self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_SCHEMA,))
                    for statement in _SCHEMA:
                        self.db.execute(statement)
                    self.db.execute(_SET_SHIFT, (str(BUCKET_SHIFT),))
            row = self.db.execute("SELECT value FROM library_meta WHERE key = 'bucket_shift'").fetchone()
            self._shift = int(row[0]) if row else BUCKET_SHIFT

    def pending_upgrade(self) -> str | None:
        if self._buckets:
            return None
        with self._errors():
            blocks = self.db.execute("SELECT coalesce(sum(blocks), 0) FROM library_documents").fetchone()[0]
        return f"为检索加分段编码（{blocks} 段，每十万段约需半分钟到一分钟）"

    def upgrade(self) -> bool:
        if self._buckets:
            return False
        self._writable()
        with self._errors():
            self._upgrade()
        self._buckets = True
        return True

    def _upgrade(self) -> None:
        """Version 2 had no marks, version 3 stored bigrams as text and marks by CRC: both are
        recomputed from the stored text.  Version 4 had no bucket codes: each block's are added
        (blocks imported into it by this version have them already).  The indexes are dropped and
        built again around the rewrite (updating them row by row would cost more than building
        them): at 1.8 million blocks the upgrade from version 4 took 11.5 minutes here."""
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_SCHEMA,))
            version = int(self.db.execute("SELECT value FROM library_meta WHERE key = 'schema'").fetchone()[0])
            if version >= SCHEMA_VERSION:
                return
            self.db.execute(_SET_SHIFT, (str(BUCKET_SHIFT),))
            shift = int(self.db.execute("SELECT value FROM library_meta WHERE key = 'bucket_shift'").fetchone()[0])
            self.db.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for index in ("library_blocks_grams", "library_blocks_marks"):
                self.db.execute(f"DROP INDEX IF EXISTS {index}")
            if version == 4:
                self.db.execute("UPDATE library_blocks SET grams = grams || ARRAY[(%s + (id >> %s))::integer, "
                                "(%s + (id >> %s) / %s)::integer] WHERE NOT grams @> ARRAY[(%s + (id >> %s))::integer]",
                                (FINE_BASE, shift, COARSE_BASE, shift, COARSE, FINE_BASE, shift))
            else:
                self._recompute(shift)
            self.db.execute(_GRAMS_INDEX)
            self.db.execute(_MARKS_INDEX)
            self.db.execute("UPDATE library_meta SET value = %s WHERE key = 'schema'", (str(SCHEMA_VERSION),))

    def _recompute(self, shift: int) -> None:
        """Bigram codes (with the bucket code) and marks of every block, from its stored text."""
        from drafter.corpus.library.fingerprints import gram_codes_many, marks_many  # numpy: see there

        for statement in ("ALTER TABLE library_blocks DROP COLUMN IF EXISTS grams",
                          "ALTER TABLE library_blocks DROP COLUMN IF EXISTS marks",
                          "ALTER TABLE library_blocks ADD COLUMN grams integer[] NOT NULL DEFAULT '{}'",
                          "ALTER TABLE library_blocks ADD COLUMN marks integer[] NOT NULL DEFAULT '{}'"):
            self.db.execute(statement)
        rows = self.db.execute("SELECT id, content FROM library_blocks").fetchall()
        texts = [c for _, c in rows]
        with self.db.cursor() as cur:
            cur.executemany("UPDATE library_blocks SET grams = %s, marks = %s WHERE id = %s",
                            [([*g, *bucket_codes(i, shift)], sorted({h for _, h in m}), i) for (i, _), g, m in
                             zip(rows, gram_codes_many(texts), marks_many(texts))])

    @contextlib.contextmanager
    def _errors(self):
        try:
            yield
        except psycopg.Error as exc:
            raise explain(exc, self.location) from None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    # ----- import ------------------------------------------------------------------------------
    def _stored(self, path: str) -> tuple[str, float] | None:
        with self._errors():
            return self.db.execute("SELECT sha256, mtime FROM library_documents WHERE path = %s",
                                   (path,)).fetchone()

    def _store(self, record: Prepared) -> bool:
        self._writable()
        return self._write(self.db, record, copy_lines(record))

    def _write(self, db: psycopg.Connection, record: Prepared, lines: list[tuple[str, str, str]]) -> bool:
        """Replace the document at ``record.path`` in one transaction (``lines``: ``copy_lines``)."""
        with self._errors(), db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (record.path,))
            old = db.execute("SELECT id, sha256 FROM library_documents WHERE path = %s", (record.path,)).fetchone()
            if old and old[1] == record.sha256:
                return False
            if old:
                db.execute("DELETE FROM library_documents WHERE id = %s", (old[0],))
            doc_id = db.execute(
                "INSERT INTO library_documents (path, title, speaker, date, occasion, place, level, sha256, size, "
                "mtime, chars, blocks, added_at, added_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                "%s, %s, %s) RETURNING id",
                (record.path, record.title, record.speaker, record.date, record.occasion, record.place,
                 record.level, record.sha256, record.size, record.mtime, record.chars, len(record.blocks),
                 time.time(), record.added_by)).fetchone()[0]
            # the blocks' ids taken first (ascending, as the key reads them), for their bucket codes
            ids = [r[0] for r in db.execute("SELECT nextval('library_blocks_id_seq') FROM generate_series(1, %s)",
                                            (len(lines),)).fetchall()]
            with db.cursor().copy(f"COPY library_blocks ({COPY_COLUMNS}) FROM STDIN") as copy:
                copy.write(copy_text(lines, ids, doc_id, self._shift))
        return True

    def add(self, targets):
        """As ``Library.add``, with file N stored on a second connection by a worker thread while
        file N+1 is read, so the server's work (COPY, the GIN indexes) runs beside the reader's
        instead of after it.  A file's result is given once it is stored.  The GIN indexes'
        pending lists (fast inserts) are merged every ``FLUSH_EVERY`` files and at the end, so
        searches never scan a long pending list; the planner's statistics are refreshed at the
        end of a large import (they cost a second or two at a million blocks)."""
        expanded = targets if isinstance(targets, Expanded) else expand(targets)
        self._writable()
        try:
            writer = psycopg.connect(self.url, autocommit=True, application_name="drafter import",
                                     options="-c jit=off -c synchronous_commit=off")
        except psycopg.Error as exc:
            raise explain(exc, self.location) from None
        stored = [0]

        def store(record: Prepared, lines: list[tuple[str, str, str]]) -> bool:
            added = self._write(writer, record, lines)
            stored[0] += added
            if added and stored[0] % FLUSH_EVERY == 0:
                self._clean(writer)
            return added

        pending: tuple[Path, Future | AddResult] | None = None
        try:
            with ThreadPoolExecutor(1, thread_name_prefix="library-store") as pool:
                for path in expanded.files:
                    try:
                        record = self.read_file(path)
                        item = pool.submit(store, record, copy_lines(record)) if record else AddResult(path, False)
                    except LibraryError:
                        raise
                    except DrafterError as exc:
                        logger.info("library: skipped %s: %s", path, exc)
                        item = AddResult(path, False, exc)
                    if pending is not None:
                        yield _result(*pending)
                    pending = (path, item)
                if pending is not None:
                    last, pending = pending, None
                    yield _result(*last)
        finally:
            with contextlib.suppress(psycopg.Error):
                if stored[0]:
                    self._clean(writer, analyze=stored[0] >= FLUSH_EVERY)
                writer.close()

    def flush(self) -> None:
        """Merge the GIN pending lists and refresh the planner's statistics (see ``add``)."""
        self._clean(self.db, analyze=True)

    def _clean(self, db: psycopg.Connection, analyze: bool = False) -> None:
        """Merge the GIN pending lists into the indexes, and refresh the planner's statistics
        (so 查重's rare marks are read through the GIN index): the table's owner can; otherwise
        autovacuum does both a little later."""
        try:
            for index in ("library_blocks_grams", "library_blocks_marks"):
                db.execute("SELECT gin_clean_pending_list(%s::regclass)", (index,))
            if analyze:
                db.execute("ANALYZE library_blocks")
                db.execute("ANALYZE library_documents")
        except psycopg.Error as exc:
            logger.info("library: index upkeep left to autovacuum: %s", exc)

    def remove(self, ids: Iterable[int]) -> list[int]:
        self._writable()
        with self._errors(), self.db.transaction():
            rows = self.db.execute("DELETE FROM library_documents WHERE id = ANY(%s) RETURNING id",
                                   (list(ids),)).fetchall()
        return sorted(r[0] for r in rows)

    # ----- reading -----------------------------------------------------------------------------
    def _stats(self) -> tuple[int, int, int]:
        """Summed over the documents once (17 ms at 20,000), then again only when the newest
        block, the newest document or the number of documents changed (2 ms): an import adds
        both newest, a removal lowers the count."""
        with self._errors():
            key = self.db.execute("SELECT (SELECT coalesce(max(id), 0) FROM library_blocks), (SELECT coalesce(max(id), "
                                  "0) FROM library_documents), (SELECT count(*) FROM library_documents)").fetchone()
            if self._totals is None or self._totals[0] != key:
                n, chars = self.db.execute(
                    "SELECT coalesce(sum(blocks), 0), coalesce(sum(chars), 0) FROM library_documents").fetchone()
                self._totals = (key, (int(n), int(chars), int(key[0])))
        self._top = self._totals[1][2]         # where this search's windows start (``_newest``)
        return self._totals[1]

    def _match(self, phrases: list[list[str]], terms: list[str], filters: Filters, cap: int) -> list[int]:
        return [r[0] for r in self._newest(phrases, terms, filters, cap, "b.id")]

    def _candidates(self, phrases: list[list[str]], terms: list[str], filters: Filters,
                    cap: int) -> list[Candidate]:
        rows = self._newest(phrases, terms, filters, cap, "b.id, b.doc_id, b.role, b.head, b.content")
        if not rows:
            return []
        missing = sorted({r[1] for r in rows} - self._dates.keys())
        if missing:
            with self._errors():
                self._dates.update(self.db.execute("SELECT id, date FROM library_documents WHERE id = ANY(%s)",
                                                   (missing,)).fetchall())
        return [Candidate(*r, self._dates[r[1]]) for r in rows]

    def _newest(self, phrases: list[list[str]], terms: list[str], filters: Filters, cap: int,
                columns: str) -> list[tuple]:
        """``columns`` of the newest ``cap`` matching blocks, exactly as on SQLite, found window
        by window from the newest block down.  One question for all (the GIN bitmap, then the
        newest kept) reads every matching row from the table: 49,488 for 统党风廉政 in 1.8
        million blocks; the planner cannot tell, as it takes a phrase's share for the product of
        its bigrams'.  So the newest ``_WINDOW`` blocks are asked first, and what share of
        them match decides the next window (``_next_step``)."""
        where, params, join = self._conditions(phrases, terms, filters)
        condition = " AND ".join(where)
        # along the key, the text first: strpos turns most blocks away faster than @> on codes
        text_first = " AND ".join(where[1:len(terms) + 1] + where[:1] + where[len(terms) + 1:])
        text_params = params[1:len(terms) + 1] + params[:1] + params[len(terms) + 1:]
        with self._errors():
            hi = self._top if self._top is not None else int(
                self.db.execute("SELECT coalesce(max(id), 0) FROM library_blocks").fetchone()[0])
            found: list[tuple] = []
            scanned, how, window = 0, "index", _WINDOW
            while hi > 0 and len(found) < cap:
                lo = max(0, hi - window)
                if how == "key":
                    # OFFSET 0 keeps the conditions outside: the window is read along the key,
                    # never through the GIN index, and reading stops at the cap
                    found += self.db.execute(
                        f"SELECT {columns} FROM (SELECT id, doc_id, role, head, grams, content FROM library_blocks "
                        f"WHERE id > %s AND id <= %s ORDER BY id DESC OFFSET 0) b {join} WHERE {text_first} "
                        "ORDER BY b.id DESC LIMIT %s", [lo, hi, *text_params, cap - len(found)]).fetchall()
                else:
                    # the GIN index asked for the phrase among the window's buckets only (their
                    # codes ORed with ``&&``, in the same index scan): only the window's matches
                    # are read from the table; the whole index when the window reaches the oldest
                    whole = lo == 0 or not self._buckets
                    buckets = "" if whole else " AND b.grams && %s::integer[]"
                    extra = [] if whole else [window_codes(lo, hi, self._shift)]
                    with self.db.transaction():
                        self.db.execute("SET LOCAL enable_indexscan = off")
                        self.db.execute("SET LOCAL enable_seqscan = off")
                        found += self.db.execute(
                            f"SELECT {columns} FROM library_blocks b {join} WHERE {condition}{buckets} AND b.id > %s "
                            "AND b.id <= %s ORDER BY b.id DESC LIMIT %s",
                            [*params, *extra, lo, hi, cap - len(found)]).fetchall()
                scanned, hi = scanned + hi - lo, lo
                how, window = _next_step(len(found), scanned, cap - len(found), hi)
        return found

    def _conditions(self, phrases: list[list[str]], terms: list[str], filters: Filters) -> tuple[list[str], list, str]:
        """The conditions a matching block meets (over ``b``), their parameters and the join they need."""
        wanted = sorted({gram_code(g) for p in phrases for g in p if g != FILLER})
        where, params = ["b.grams @> %s::integer[]"], [wanted]
        for term in terms:
            # lower() on every matching row is most of a common phrase's cost: a term without
            # letters that have case (Chinese, digits) is found in the text as it is
            where.append("strpos(b.content, %s) > 0" if caseless(term) else "strpos(lower(b.content), %s) > 0")
            params.append(term)
        join = ""
        if filters.role:
            where.append("b.role = %s")
            params.append(filters.role)
        if filters.year or filters.place:
            join = "JOIN library_documents d ON d.id = b.doc_id"
            if filters.year:
                where.append("substr(d.date, 1, 4) = %s")
                params.append(str(filters.year))
            if filters.place:
                where.append("(d.level = %s OR strpos(d.place, %s) > 0)")
                params += [filters.place, filters.place]
        return where, params, join

    def blocks_with_marks(self, wanted: list[int], cap: int) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {h: [] for h in wanted}
        if not wanted:
            return found
        with self._errors():
            rows = self.db.execute(
                "SELECT h, b.id FROM unnest(%s::integer[]) AS h, LATERAL (SELECT id FROM library_blocks "
                "WHERE marks @> ARRAY[h] ORDER BY id DESC LIMIT %s) AS b", (list(wanted), cap)).fetchall()
        for h, i in rows:
            found[h].append(i)
        for ids in found.values():
            ids.sort(reverse=True)
        return found

    def blocks_by_id(self, ids: list[int]) -> list[BlockRow]:
        with self._errors():
            rows = self.db.execute(f"SELECT {_BLOCK_COLUMNS} FROM library_blocks WHERE id = ANY(%s)",
                                   (list(ids),)).fetchall()
        return [BlockRow(*r) for r in rows]

    def document_blocks(self, doc_id: int) -> list[BlockRow]:
        with self._errors():
            rows = self.db.execute(f"SELECT {_BLOCK_COLUMNS} FROM library_blocks WHERE doc_id = %s ORDER BY idx",
                                   (doc_id,)).fetchall()
        return [BlockRow(*r) for r in rows]

    def documents(self) -> list[Document]:
        with self._errors():
            rows = self.db.execute(f"SELECT {_DOC_COLUMNS} FROM library_documents ORDER BY id").fetchall()
        return [Document(*r) for r in rows]

    def documents_by_id(self, ids: list[int]) -> list[Document]:
        with self._errors():
            rows = self.db.execute(f"SELECT {_DOC_COLUMNS} FROM library_documents WHERE id = ANY(%s) ORDER BY id",
                                   (list(ids),)).fetchall()
        return [Document(*r) for r in rows]

    def size_bytes(self) -> int:
        with self._errors():
            return int(self.db.execute(
                "SELECT pg_total_relation_size('library_blocks') + pg_total_relation_size('library_documents')"
            ).fetchone()[0])
