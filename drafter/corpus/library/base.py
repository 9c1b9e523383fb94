"""What both library backends share: the records, the query language, the bigram index terms,
the ranking, and the import loop.  A backend (``sqlite.py``, ``postgres.py``) only stores rows and
answers a few bounded queries; everything that decides *what* is found and *in which order* is
here, so the two return the same results for the same data.

What is indexed (bigrams, marks) is in ``terms.py``; the files an import reads in ``files.py``.

Ranking (``score``) is BM25 over blocks (k1 1.2, b 0.75), with a heading's own sentence counted
``HEADING_WEIGHT`` times (BM25F), a block in the preferred part multiplied by ``ROLE_BOOST``;
equal scores (to two decimals) go to the newer speech.  Only the ``CANDIDATES`` newest matching
blocks are fetched and scored, so a word found in half the library costs no more than a rare one.
"""

from __future__ import annotations

import functools
import getpass
import logging
import math
import os
import re
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.errors import DrafterError, LibraryError
from drafter.core.levels import level_of_place
from drafter.core.model import Draft
from drafter.corpus.library.files import SUFFIXES, Expanded, expand, read_digest
from drafter.corpus.library.terms import FILLER, grams, is_word_char

__all__ = ["FILLER", "SUFFIXES", "Expanded", "expand", "grams", "read_digest"]

logger = logging.getLogger(__name__)

K1 = 1.2
B = 0.75
HEADING_WEIGHT = 3.0
ROLE_BOOST = 1.5
CANDIDATES = 300
MIN_TERM = 2
_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』"}
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:自治区|自治州|省|市|县|区|州|旗))")
_NOT_PLACE = ("全", "本", "我", "各", "在", "该", "此", "地", "城", "辖", "社", "小", "园", "景", "新")
_NOT_IN_PLACE = set("在的上长会议讲话和与及是了")


# ----- queries ---------------------------------------------------------------------------------
@dataclass
class Query:
    """A parsed query: ``terms`` are all required; each is matched as a substring."""

    text: str
    terms: list[str]

    def phrases(self) -> list[list[str]]:
        return [grams(t) for t in self.terms]


def parse_query(text: str) -> Query:
    """Split a query into terms: words separated by spaces are all required (AND); text in quotes
    is one phrase (spaces inside removed, as Chinese text has none between words).  Edge
    punctuation is dropped.  A term shorter than two characters is refused with a clear message,
    never searched by scanning every block."""
    text = (text or "").strip()
    if not text:
        raise DrafterError("检索词为空")
    raw: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _QUOTES:
            end = text.find(_QUOTES[ch], i + 1)
            end = len(text) if end < 0 else end
            raw.append("".join(text[i + 1:end].split()))
            i = end + 1
        elif ch.isspace():
            i += 1
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] not in _QUOTES:
                j += 1
            raw.append(text[i:j])
            i = j
    terms = []
    for term in raw:
        start, end = 0, len(term)
        while start < end and not is_word_char(term[start]):
            start += 1
        while end > start and not is_word_char(term[end - 1]):
            end -= 1
        term = term[start:end].lower()
        if not term:
            continue
        if len(term) < MIN_TERM:
            raise DrafterError(f"检索词“{term}”只有一个字，无法检索：请输入至少两个字（如“廉政”）")
        if term not in terms:
            terms.append(term)
    if not terms:
        raise DrafterError(f"检索词“{text}”只有标点或空格：请输入至少两个字")
    return Query(text, terms)


# ----- records ---------------------------------------------------------------------------------
@dataclass
class Document:
    id: int
    path: str
    title: str
    speaker: str
    date: str
    occasion: str
    place: str
    level: str
    chars: int
    blocks: int
    added_at: float
    added_by: str

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class BlockRow:
    """One stored block: what a hit shows and what 查重 compares."""

    id: int
    doc_id: int
    idx: int
    kind: str
    level: int
    marker: str
    role: str
    head: int            # characters of the heading sentence at the start of ``content``
    trail: str           # numbered heading path: 一、…／（二）…
    content: str


@dataclass
class Candidate:
    """What ranking reads of a matching block, fetched for all candidates in one query; the
    rest of a hit is fetched for the top ones only."""

    id: int
    doc_id: int
    role: str
    head: int
    content: str
    date: str


@dataclass
class Hit:
    doc_id: int
    path: str
    title: str
    date: str
    speaker: str
    block: int           # index of the block in the speech
    block_id: int
    role: str
    marker: str
    trail: str
    text: str
    heading: bool
    score: float

    def snippet(self, terms: list[str] | str, width: int = 40) -> str:
        terms = [terms] if isinstance(terms, str) else terms
        low = self.text.lower()
        at = min((low.find(t) for t in terms if low.find(t) >= 0), default=-1)
        if at < 0:
            return self.text[: width * 2]
        start = max(0, at - width)
        end = min(len(self.text), at + width * 2)
        return ("…" if start else "") + self.text[start:end] + ("…" if end < len(self.text) else "")

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Filters:
    role: str | None = None
    year: str | None = None
    place: str | None = None        # a place name (临江) or a level (县)


@dataclass
class AddResult:
    path: Path
    added: bool           # False when the same content was already in the library
    error: DrafterError | None = None
    replaced: bool = False


@dataclass
class Prepared:
    """A parsed file, ready to be stored."""

    path: str
    sha256: str
    size: int
    mtime: float
    title: str
    speaker: str
    date: str
    occasion: str
    place: str
    level: str
    chars: int
    added_by: str
    blocks: list[tuple] = field(default_factory=list)  # (idx, kind, level, marker, role, head, trail, content)


def who() -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def place_of(draft: Draft) -> str:
    for key in ("place", "city", "城市", "单位", "地区"):
        if draft.fields.get(key):
            return draft.fields[key].strip()
    for text in (draft.title, draft.occasion, draft.speaker):
        for match in _PLACE.finditer(text or ""):
            name = match.group(1)
            if not name.startswith(_NOT_PLACE) and not _NOT_IN_PLACE & set(name):
                return name
    return ""


def _trails(draft: Draft) -> list[str]:
    markers = draft.markers()
    result = []
    for i, block in enumerate(draft.blocks):
        chain = []
        j = i if block.is_heading else draft.parent_of(i)
        while j is not None:
            head = draft.blocks[j]
            chain.append((head.source_marker or markers[j]) + head.text[:30])
            j = draft.parent_of(j)
        result.append("／".join(reversed(chain)))
    return result


def _fallback_title(path: Path, draft: Draft) -> str:
    """A speech the reader found no title in: a file name a person gave it (with Chinese in it),
    else its first words marked as such (（无标题）今天我们召开……), never passed off as a title;
    never a hash or a scraper's number."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in path.stem):
        return path.stem
    first = next((b.text for b in draft.blocks if b.text), "")
    return f"（无标题）{first[:20]}……" if first else "（无标题）"


def prepare(path: Path, digest: str, size: int, mtime: float, draft: Draft) -> Prepared:
    markers = draft.markers()
    trails = _trails(draft)
    title = draft.title or draft.occasion or _fallback_title(path, draft)
    place = place_of(draft)
    level = level_of_place(place) if place else None
    record = Prepared(str(path), digest, size, mtime, title, draft.speaker, draft.date, draft.occasion,
                      place, level.key if level else "", draft.char_count(), who())
    record.blocks = [(i, b.kind, b.level, b.source_marker or markers[i], b.role,
                      len(b.text) if b.is_heading else 0, trails[i], b.text + b.body)
                     for i, b in enumerate(draft.blocks)]
    return record


# ----- ranking ---------------------------------------------------------------------------------
def idf(df: float, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def score(row: Candidate, terms: list[str], idfs: list[float], avg: float, prefer_role: str | None) -> float:
    """BM25F of one block: heading sentence matches count ``HEADING_WEIGHT`` times."""
    low = row.content.lower()
    head, body = low[:row.head], low[row.head:]
    length = len(low) + (HEADING_WEIGHT - 1) * row.head
    norm = K1 * (1 - B + B * length / max(avg, 1.0))
    total = 0.0
    for term, weight in zip(terms, idfs):
        tf = body.count(term) + HEADING_WEIGHT * head.count(term)
        if not tf:
            # a match that straddles heading and body still counts once
            tf = low.count(term)
        if not tf:
            return 0.0
        total += weight * tf * (K1 + 1) / (tf + norm)
    if prefer_role and row.role == prefer_role:
        total *= ROLE_BOOST
    return total


def rank(rows: list[Candidate], terms: list[str], idfs: list[float], avg: float,
         prefer_role: str | None, limit: int) -> list[tuple[float, Candidate]]:
    scored = [(score(r, terms, idfs, avg, prefer_role), r) for r in rows]
    scored = [(s, r) for s, r in scored if s > 0]
    scored.sort(key=lambda sr: (-round(sr[0], 2), _date_key(sr[1].date), -sr[1].id))
    return scored[:limit]


@functools.lru_cache(maxsize=4096)
def _date_key(date: str) -> int:
    digits = re.sub(r"\D", "", date or "")[:8].ljust(8, "0")
    return -int(digits) if digits.isdigit() else 0


def estimate_df(found: list[int], cap: int, max_id: int) -> float:
    """How many blocks contain a term, from its matches fetched newest first up to ``cap``: exact
    below the cap, else extrapolated from the share of the id range the cap covered."""
    if len(found) < cap or not found:
        return float(len(found))
    covered = max(1, max_id - min(found) + 1)
    return len(found) * max(1.0, max_id / covered)


# ----- the interface ---------------------------------------------------------------------------
class Library:
    """The library of past speeches.  Backends implement the ``_``-prefixed primitives."""

    location: str
    readonly: bool = False

    # primitives ------------------------------------------------------------------------------
    def _stored(self, path: str) -> tuple[str, float] | None:
        """(sha256, mtime) stored for ``path``, or None."""
        raise NotImplementedError

    def _store(self, record: Prepared) -> bool:
        """Replace the document at ``record.path`` in one transaction; False when another writer
        stored the same content meanwhile."""
        raise NotImplementedError

    def _match(self, phrases: list[list[str]], terms: list[str], filters: Filters, cap: int) -> list[int]:
        """Ids of blocks containing every phrase, newest first, at most ``cap``."""
        raise NotImplementedError

    def _candidates(self, phrases: list[list[str]], terms: list[str], filters: Filters,
                    cap: int) -> list[Candidate]:
        """The blocks ``_match`` finds, with what ranking reads of them, in one query."""
        raise NotImplementedError

    def _stats(self) -> tuple[int, int, int]:
        """(number of blocks, total characters, largest block id)."""
        raise NotImplementedError

    def blocks_by_id(self, ids: list[int]) -> list[BlockRow]:
        raise NotImplementedError

    def document_blocks(self, doc_id: int) -> list[BlockRow]:
        raise NotImplementedError

    def documents(self) -> list[Document]:
        raise NotImplementedError

    def document(self, doc_id: int) -> Document | None:
        found = [d for d in self.documents_by_id([doc_id])]
        return found[0] if found else None

    def documents_by_id(self, ids: list[int]) -> list[Document]:
        raise NotImplementedError

    def remove(self, ids: Iterable[int]) -> list[int]:
        """Remove documents; returns the ids that were there."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # import ----------------------------------------------------------------------------------
    def pending_upgrade(self) -> str | None:
        """What ``upgrade`` would do to this library, in the user's words, or None."""
        return None

    def upgrade(self) -> bool:
        """Bring the library to this version's format where that takes long enough to be done
        only when asked (``drafter library add`` and ``upgrade`` ask); True when it did."""
        return False

    def _writable(self) -> None:
        if self.readonly:
            raise LibraryError("read_only", self.location)

    def read_file(self, path: str | os.PathLike[str]) -> Prepared | None:
        """One file parsed and ready to store, or None when the library has it unchanged."""
        from drafter.corpus.documents import load_document

        digest, size, mtime = read_digest(Path(path))
        path = Path(os.path.realpath(path))
        stored = self._stored(str(path))
        if stored and stored[0] == digest:
            return None
        return prepare(path, digest, size, mtime, load_document(path))

    def add_file(self, path: str | os.PathLike[str]) -> bool:
        """Parse one file and store it; False when it was already there unchanged."""
        self._writable()
        record = self.read_file(path)
        return record is not None and self._store(record)

    def add(self, targets: Iterable[str | os.PathLike[str]] | Expanded) -> Iterator[AddResult]:
        """Import files and folders, one result a file, so a caller can show progress.  Each
        file is one transaction: an interruption leaves every file either fully in or not in."""
        expanded = targets if isinstance(targets, Expanded) else expand(targets)
        self._writable()
        for path in expanded.files:
            try:
                yield AddResult(path, self.add_file(path))
            except DrafterError as exc:
                if isinstance(exc, LibraryError):
                    raise
                logger.info("library: skipped %s: %s", path, exc)
                yield AddResult(path, False, exc)

    # search ----------------------------------------------------------------------------------
    def search(self, query: str | Query, limit: int = 20, role: str | None = None, year: str | None = None,
               place: str | None = None, prefer_role: str | None = None) -> list[Hit]:
        parsed = query if isinstance(query, Query) else parse_query(query)
        filters = Filters(role or None, year or None, place or None)
        started = time.perf_counter()
        n, chars, max_id = self._stats()
        if not n:
            return []
        phrases = parsed.phrases()
        rows = self._candidates(phrases, parsed.terms, filters, CANDIDATES)
        if not rows:
            return []
        ids = sorted((r.id for r in rows), reverse=True)
        if len(parsed.terms) == 1:
            dfs = [estimate_df(ids, CANDIDATES, max_id)]
        else:
            dfs = [estimate_df(self._match([p], [t], Filters(), CANDIDATES), CANDIDATES, max_id)
                   for p, t in zip(phrases, parsed.terms)]
        idfs = [idf(df, n) for df in dfs]
        ranked = rank(rows, parsed.terms, idfs, chars / n, prefer_role or role, limit)
        blocks = {b.id: b for b in self.blocks_by_id([c.id for _, c in ranked])}
        docs = {d.id: d for d in self.documents_by_id(sorted({c.doc_id for _, c in ranked}))}
        hits = []
        for s, c in ranked:
            r, d = blocks[c.id], docs[c.doc_id]
            hits.append(Hit(r.doc_id, d.path, d.title, d.date, d.speaker, r.idx, r.id, r.role, r.marker,
                            r.trail, r.content, r.kind == "heading", round(s, 4)))
        logger.debug("library search %r: %d candidates, %.1f ms", parsed.text, len(ids),
                     (time.perf_counter() - started) * 1000)
        return hits

    def blocks_with_marks(self, marks: list[int], cap: int) -> dict[int, list[int]]:
        """For each mark (``base.marks``), the ids of blocks that have it, newest first, at most
        ``cap`` a mark: 查重's candidates, one bounded question a mark."""
        raise NotImplementedError
