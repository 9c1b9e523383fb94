"""Safe storage for drafts: nothing the user typed is lost.

- Every write is atomic (``drafter.core.atomic``): a crash leaves either the old file or the
  new one, never a partial one.
- The previous version is kept beside the draft as ``NAME.draft.bak``.
- ``DraftFile`` remembers the hash of what it loaded and refuses to overwrite a file that
  another program changed since (``ConflictError``) unless the caller says so.
- Saving keeps the file where it is: through a symlink the real file is replaced, the mode
  and (where permitted) the owner of the existing file are kept, a new file follows the umask.
- A lock file (``drafter.core.locks``: host, pid, process start time) marks a draft open in a
  Drafter; a stale one is taken over with a note (``DraftFile.lock_note``).
- Every edit is appended to the editing session's recovery journal (``drafter.core.journal``)
  within a second; a save or a clean close clears it, so what is left after a crash is what
  ``find_recoverable`` offers back.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from drafter.core import draftfile, journal, safeio
from drafter.core.atomic import STALE_SECONDS, atomic_write, real_path  # noqa: F401
from drafter.core.errors import ConflictError, DrafterError
from drafter.core.locks import acquire_lock, lock_path, pid_alive, read_lock, release_lock  # noqa: F401
from drafter.core.model import Draft

logger = logging.getLogger(__name__)


def sha256(data: bytes) -> str:
    """The hash a draft's bytes are compared by (hashlib, with OpenSSL, loads on first use:
    ~4 ms of the editor's start-up)."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def file_hash(path: Path) -> str | None:
    """The hash of the file's bytes; None when it is gone, "" when it cannot be read."""
    try:
        return sha256(safeio.read_file(path, safeio.MAX_DRAFT_BYTES))
    except DrafterError:
        return None if not os.path.lexists(path) else ""


def read_draft(path: str | os.PathLike[str]) -> tuple[Draft, str]:
    """Load a draft and the hash of the bytes it came from."""
    path = Path(path)
    data = safeio.read_file(path, safeio.MAX_DRAFT_BYTES)
    draft = draftfile.loads(draftfile.decode(data, str(path)), str(path))
    if draft.review is not None:   # a reviewer's pending marks, kept beside the draft (version 2)
        from drafter.corpus.review_store import restore_review

        note = restore_review(path, draft)
        if note:
            draft.doubts.append(note)
    return draft, sha256(data)


def backup_path(path: Path) -> Path:
    path = real_path(path)
    return path.with_name(path.name + ".bak")


def save_draft(path: str | os.PathLike[str], draft: Draft, expected_hash: str | None = None,
               force: bool = False) -> str:
    """Save atomically, keeping the previous version as a backup.  With ``expected_hash``
    (the hash of what was loaded), refuse to overwrite a file changed since, unless ``force``.
    Returns the hash of what was written."""
    path = Path(path)
    data = draftfile.dumps(draft).encode("utf-8")
    current = file_hash(path)
    if current == "":
        raise DrafterError("无法读取现有文件，为免覆盖，未保存", path)
    if not force and expected_hash is not None and current is not None and current != expected_hash:
        raise ConflictError("文件在打开后已被其他程序修改，为免覆盖他人的改动，未保存", path)
    if current is not None:
        try:
            atomic_write(backup_path(path), safeio.read_file(path, safeio.MAX_DRAFT_BYTES), like=path)
        except DrafterError as exc:
            logger.warning("backup of %s failed: %s", path, exc)
    if draft.review is not None and not draft.review.stored:
        from drafter.corpus.review_store import keep_review

        keep_review(path, draft)   # the reviewer's file beside the draft, before the draft names it
    atomic_write(path, data)
    return sha256(data)


# ----- recovery ------------------------------------------------------------------------------
Recoverable = journal.Recovered


def find_recoverable() -> list[Recoverable]:
    """Editing sessions that ended without a save or a clean close, newest first (journals
    that cannot be read at all are logged)."""
    found, errors = journal.find_recoverable()
    for error in errors:
        logger.warning("recovery journal: %s", error.message)
    return found


def discard_recoverable(item: Recoverable) -> None:
    journal.discard(item)


class DraftFile:
    """One draft open for editing: its path, the hash it was loaded with, its lock and its
    recovery journal (``drafter.core.journal``)."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = Path(path) if path is not None else None
        self.loaded_hash: str | None = None
        self.lock_note: str | None = None   # set when a stale lock was taken over
        self.journal = journal.Journal(self.path)
        self._locked = False

    def open(self) -> Draft:
        assert self.path is not None
        draft, self.loaded_hash = read_draft(self.path)
        self.lock_note = acquire_lock(self.path)
        self._locked = True
        self.journal = journal.Journal(self.path, draftfile.dumps(draft))
        return draft

    def save(self, draft: Draft, path: str | os.PathLike[str] | None = None, force: bool = False) -> None:
        target = Path(path) if path is not None else self.path
        if target is None:
            raise DrafterError("尚未选择保存位置")
        expected = self.loaded_hash
        if target != self.path:
            if target.exists() and not force:
                raise ConflictError("目标文件已存在，未覆盖", target)
            acquire_lock(target)
            expected = None
        try:
            self.loaded_hash = save_draft(target, draft, expected, force)
        except DrafterError:
            if target != self.path:
                release_lock(target)
            raise
        if target != self.path:
            self.close_lock()
            self.path, self._locked = target, True
        self.journal.rebase(draftfile.dumps(draft), self.path)  # saved: the journal goes

    def changed_on_disk(self) -> bool:
        return self.path is not None and self.loaded_hash is not None and file_hash(self.path) != self.loaded_hash

    def autosave(self, draft: Draft) -> bool:
        """Append the edits since the last call to the recovery journal (cheap, fsynced)."""
        return self.journal.record(draft)

    def adopt(self, item: Recoverable) -> None:
        """Continue the journal of a recovered session (kept until saved or discarded)."""
        self.journal.adopt(item)

    def close_lock(self) -> None:
        if self.path is not None and self._locked:
            release_lock(self.path)
            self._locked = False

    def close(self) -> None:
        """A clean close: the lock and the journal go."""
        self.close_lock()
        self.journal.discard()
