"""Crash recovery journal: every edit reaches the disk within a second, cheaply.

One journal per *editing session* (a unique id per opened draft in a running Drafter), in
the recovery folder as ``<id>.journal``, so two crashed sessions of the same draft are both
kept until the user deals with each.  A journal is plain UTF-8, one record a line::

    J1 <crc32 of the JSON, 8 hex digits> <JSON>\\n

- the first record (``"t": "start"``) holds the session's base: the draft as last saved (or
  as opened, imported or created), in draft-file text, with the original path (None for an
  untitled draft), host, process id and process start time;
- every later record (``"t": "edit"``) is one splice of the draft-file text: keep ``p``
  characters, drop ``d``, insert ``s`` — what changed since the previous record, found by
  common prefix and suffix, so typing a character appends a few dozen bytes;
- each append is flushed and fsynced; when the journal grows past ``COMPACT_BYTES`` (and
  four times its base) it is rewritten atomically with the current text as its new base.

Recovery replays the records onto the base.  A record cut short by the crash or damaged (bad
checksum, bad JSON, a splice outside the text) ends the replay: everything before it is
recovered, what follows is reported (``Recovered.problem``) and never applied, even in part.
A successful save clears the journal (the next edit starts a new one based on the saved
text); so does a clean close or an explicit discard.  Recovery copies of the format before
the journal (``KEY.draft`` + ``KEY.json``) are turned into journals when first listed.
"""

from __future__ import annotations

import json
import logging
import os
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from drafter.core import draftfile, locks, paths, safeio
from drafter.core.atomic import atomic_write
from drafter.core.errors import DrafterError, os_error_reason
from drafter.core.model import Draft

logger = logging.getLogger(__name__)

SUFFIX = ".journal"
#: how often the editor flushes edits to the journal (an edit reaches the disk within this
#: time, typing or not; a tick with nothing new costs a flag test).
FLUSH_SECONDS = 0.5
MAGIC = "J1"
COMPACT_BYTES = 4 * safeio.MB
#: a journal is at most this big (compaction keeps real ones far below).
MAX_JOURNAL_BYTES = 4 * safeio.MAX_DRAFT_BYTES


#: journals of sessions open in this process (written, not yet saved away or discarded):
#: live, never offered for recovery here; any other journal of this process is orphaned.
_open_here: set[str] = set()


def new_session_id() -> str:
    return f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{os.urandom(4).hex()}"


def encode_record(record: dict) -> bytes:
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return f"{MAGIC} {zlib.crc32(body):08x} ".encode("ascii") + body + b"\n"


def splice(old: str, new: str) -> tuple[int, int, str]:
    """(prefix kept, characters dropped, text inserted) turning ``old`` into ``new``."""
    limit = min(len(old), len(new))
    low, high = 0, limit  # longest common prefix by bisection on slice comparison (C speed)
    while low < high:
        mid = (low + high + 1) // 2
        if old[:mid] == new[:mid]:
            low = mid
        else:
            high = mid - 1
    prefix = low
    low, high = 0, limit - prefix
    while low < high:
        mid = (low + high + 1) // 2
        if old[len(old) - mid:] == new[len(new) - mid:]:
            low = mid
        else:
            high = mid - 1
    suffix = low
    return prefix, len(old) - prefix - suffix, new[prefix:len(new) - suffix]


class Journal:
    """The journal of one editing session.  Nothing is written until the first edit."""

    def __init__(self, original: str | os.PathLike[str] | None, base_text: str | None = None,
                 session_id: str | None = None, folder: Path | None = None):
        self.session_id = session_id or new_session_id()
        self.original = os.fspath(original) if original is not None else None
        self.base_text = base_text        # None: the first recorded text is the base
        self.folder = folder
        self._last: str | None = None     # the text as of the last record on disk
        self._size = 0

    @property
    def path(self) -> Path:
        folder = self.folder if self.folder is not None else paths.recovery_dir()
        return folder / f"{self.session_id}{SUFFIX}"

    @property
    def started(self) -> bool:
        return self._last is not None

    def _header(self, base: str) -> dict:
        return {"t": "start", "v": 1, "sid": self.session_id, "original": self.original,
                "created": time.time(), "host": locks.host_name(), "pid": os.getpid(),
                "start": locks.process_start_time(os.getpid()), "base": base}

    def _write_new(self, base: str, text: str) -> None:
        """(Re)write the journal: a header with ``base`` and, if different, one splice to ``text``."""
        data = encode_record(self._header(base))
        if text != base:
            p, d, s = splice(base, text)
            data += encode_record({"t": "edit", "at": time.time(), "p": p, "d": d, "s": s})
        atomic_write(self.path, data)
        self._last, self._size = text, len(data)
        _open_here.add(self.session_id)

    def record(self, draft: Draft) -> bool:
        """Append what changed since the last record (fsynced); False when nothing did.
        DrafterError (naming the journal and the reason, e.g. disk full) when it cannot."""
        text = draftfile.dumps(draft)
        if self._last is None:
            base = self.base_text if self.base_text is not None else text
            self._write_new(base, text)
            return True
        if text == self._last:
            return False
        if self._size > max(COMPACT_BYTES, 4 * len(self._last)):
            self._write_new(text, text)
            return True
        p, d, s = splice(self._last, text)
        data = encode_record({"t": "edit", "at": time.time(), "p": p, "d": d, "s": s})
        try:
            with open(self.path, "ab") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            # a partial line may be left: recovery stops before it, and the next record is
            # written after a fresh header so nothing is lost
            self._last = None
            raise DrafterError(f"恢复日志写入失败：{os_error_reason(exc)}", self.path) from None
        self._last, self._size = text, self._size + len(data)
        return True

    def rebase(self, text: str, original: str | os.PathLike[str] | None) -> None:
        """After a successful save: the journal goes; the next edit starts one on ``text``."""
        self.discard()
        self.base_text = text
        self.original = os.fspath(original) if original is not None else None

    def adopt(self, recovered: Recovered) -> None:
        """Continue a recovered session's journal: later edits are appended to it."""
        self.session_id = recovered.session_id
        self.folder = recovered.path.parent
        self.original = recovered.original
        self.base_text = recovered.base_text
        # rewritten at once: the header names this process (so no other Drafter offers it
        # while we edit) and a damaged tail is left out before anything is appended
        self._write_new(recovered.base_text, recovered.text)

    def discard(self) -> None:
        if self._last is not None or self.session_id in _open_here:
            try:
                self.path.unlink(missing_ok=True)
            except OSError as exc:
                logger.warning("cannot remove journal %s: %s", self.path, exc)
        self._last = None
        _open_here.discard(self.session_id)


# ----- recovery ----------------------------------------------------------------------------
@dataclass
class Recovered:
    path: Path               # the journal
    session_id: str
    original: str | None     # the draft's file, None for an untitled draft
    base_text: str
    text: str                # draft-file text after replaying every complete record
    saved_at: float          # time of the last applied record
    edits: int
    problem: str | None      # what was not applied (a damaged or incomplete tail)
    header: dict

    @property
    def draft(self) -> Draft:
        return draftfile.loads(self.text, str(self.path))

    @property
    def title(self) -> str:
        try:
            return self.draft.title
        except DrafterError:
            return ""


def _decode(line: bytes) -> dict | None:
    parts = line.split(b" ", 2)
    if len(parts) != 3 or parts[0] != MAGIC.encode():
        return None
    try:
        if int(parts[1], 16) != zlib.crc32(parts[2]):
            return None
        record = json.loads(parts[2].decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return record if isinstance(record, dict) else None


def replay(path: Path) -> Recovered:
    """Read a journal: its base with every complete, intact record applied in order."""
    data = safeio.read_file(path, MAX_JOURNAL_BYTES)
    lines = data.split(b"\n")
    complete, tail = lines[:-1], lines[-1]
    header = _decode(complete[0]) if complete else None
    if not header or header.get("t") != "start" or not isinstance(header.get("base"), str):
        raise DrafterError("恢复日志的开头已损坏，无法恢复", path)
    text, saved_at, applied = header["base"], float(header.get("created") or 0), 0
    problem = None
    for number, line in enumerate(complete[1:], 2):
        record = _decode(line)
        ok = record is not None and record.get("t") == "edit"
        if ok:
            p, d, s = record.get("p"), record.get("d"), record.get("s")
            ok = (isinstance(p, int) and isinstance(d, int) and isinstance(s, str)
                  and 0 <= p and 0 <= d and p + d <= len(text))
        if not ok:
            problem = f"第 {number} 条记录已损坏，此后 {len(complete) - number + 1} 条记录未恢复"
            break
        text = text[:p] + s + text[p + d:]
        saved_at = float(record.get("at") or saved_at)
        applied += 1
    if problem is None and tail:
        problem = "最后一条记录不完整（写入时中断），已忽略"
    return Recovered(path, str(header.get("sid") or path.stem), header.get("original"),
                     header["base"], text, saved_at, applied, problem, header)


def _live(header: dict) -> bool:
    """True when the journal's session is still running: in another live Drafter, or open
    in this process."""
    if header.get("pid") == os.getpid() and header.get("host") == locks.host_name():
        return header.get("sid") in _open_here
    held = {k: header.get(k) for k in ("host", "pid", "start")}
    held["time"] = header.get("created")
    return locks.stale_reason(held, True) is None


def _convert_legacy(folder: Path) -> None:
    """Recovery copies written before the journal (``KEY.draft`` + ``KEY.json``, one per draft
    path) become journals, so an upgrade loses none of them.  A copy that cannot be read is
    left where it is."""
    for copy in folder.glob("*.draft"):
        meta_path = copy.with_suffix(".json")
        try:
            text = safeio.read_text(copy, safeio.MAX_DRAFT_BYTES)
            draftfile.loads(text, str(copy))
            meta = json.loads(safeio.read_text(meta_path, safeio.MAX_SMALL_BYTES)) \
                if meta_path.exists() else {}
        except (DrafterError, ValueError):
            logger.warning("old recovery copy %s left as it is", copy)
            continue
        meta = meta if isinstance(meta, dict) else {}
        header = {"t": "start", "v": 1, "sid": f"legacy-{copy.stem}", "original": meta.get("original"),
                  "created": float(meta.get("saved_at") or copy.stat().st_mtime),
                  "host": locks.host_name(), "pid": 0, "start": None, "base": text}
        atomic_write(folder / f"legacy-{copy.stem}{SUFFIX}", encode_record(header))
        copy.unlink()
        meta_path.unlink(missing_ok=True)


def find_recoverable(folder: Path | None = None) -> tuple[list[Recovered], list[DrafterError]]:
    """Journals left by sessions that ended without saving or closing (newest first), and an
    error for each journal that cannot be read at all."""
    folder = folder if folder is not None else paths.recovery_dir()
    _convert_legacy(folder)
    found, errors = [], []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            item = replay(path)
        except DrafterError as exc:
            errors.append(exc)
            continue
        if _live(item.header):
            continue
        try:
            item.draft  # noqa: B018 - the replayed text must load as a draft
        except DrafterError as exc:
            errors.append(DrafterError(f"恢复日志重放后无法读取：{exc.reason}", path))
            continue
        found.append(item)
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found, errors


def discard(item: Recovered) -> None:
    item.path.unlink(missing_ok=True)
