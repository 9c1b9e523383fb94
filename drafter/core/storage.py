"""Safe storage for drafts: nothing the user typed is lost.

- Every write goes to a temporary file in the same folder, is fsynced, and then replaces
  the target with ``os.replace`` (atomic on POSIX and Windows): a crash leaves either the old
  file or the new one, never a partial one.
- The previous version is kept beside the draft as ``NAME.draft.bak``.
- ``DraftFile`` remembers the hash of what it loaded and refuses to overwrite a file that
  another program changed since (``ConflictError``) unless the caller says so.
- Saving keeps the file where it is: through a symlink the real file is replaced, the mode
  and (where permitted) the owner of the existing file are kept, a new file follows the umask.
- A lock file (``drafter.core.locks``: host, pid, process start time) marks a draft open in a
  Drafter; a stale one is taken over with a note (``DraftFile.lock_note``).
- Autosave writes a copy to the recovery folder; a clean save or close removes it, so what
  is left there after a crash is what ``find_recoverable`` offers back.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from drafter.core import draftfile, paths, safeio
from drafter.core.errors import ConflictError, DrafterError, os_error_reason
from drafter.core.locks import acquire_lock, lock_path, pid_alive, read_lock, release_lock  # noqa: F401
from drafter.core.model import Draft

logger = logging.getLogger(__name__)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def current_umask() -> int:
    """The process's umask (read without changing it where the system allows)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def real_path(path: str | os.PathLike[str]) -> Path:
    """Where a write to ``path`` must go: through symlinks to the real file, so the link stays
    a link and the file it points to is the one replaced."""
    path = Path(path)
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=False))
    except OSError:
        return path


def _keep_attributes(fd: int, target: Path) -> None:
    """Give the temporary file the mode (and, where permitted, owner) of the file it replaces;
    a new file gets what the umask allows (0666 & ~umask), as any program's new file."""
    if os.name != "posix":
        return
    try:
        old = os.stat(target)
    except FileNotFoundError:
        os.fchmod(fd, 0o666 & ~current_umask())
        return
    os.fchmod(fd, old.st_mode & 0o7777)
    if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except OSError:  # only root (or the group's member) may; the mode is kept anyway
            logger.info("cannot keep the owner of %s", target)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one.  Through a
    symlink the real file is replaced; its mode and owner are kept."""
    shown = Path(path)
    path = real_path(shown)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DrafterError("保存失败：文件夹不存在", folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DrafterError(f"保存失败：无法在该文件夹中写入（{os_error_reason(exc)}），原文件未被改动",
                           shown) from None
    try:
        _keep_attributes(fd, path)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise DrafterError(f"保存失败：{os_error_reason(exc)}，原文件未被改动", shown) from None
    _fsync_dir(folder)
    _sweep_stale_temporaries(folder, path.name)


STALE_SECONDS = 600


def _sweep_stale_temporaries(folder: Path, name: str) -> None:
    """Remove temporary files a killed save of ``name`` left behind (older than ten minutes,
    so a save still running in another process is never touched)."""
    limit = time.time() - STALE_SECONDS
    for leftover in folder.glob(f".{glob.escape(name)}.*.tmp"):
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
        except OSError:
            pass


def file_hash(path: Path) -> str | None:
    """The hash of the file's bytes; None when it is gone, "" when it cannot be read."""
    try:
        return hashlib.sha256(safeio.read_file(path, safeio.MAX_DRAFT_BYTES)).hexdigest()
    except DrafterError:
        return None if not os.path.lexists(path) else ""


def read_draft(path: str | os.PathLike[str]) -> tuple[Draft, str]:
    """Load a draft and the hash of the bytes it came from."""
    path = Path(path)
    data = safeio.read_file(path, safeio.MAX_DRAFT_BYTES)
    draft = draftfile.loads(draftfile.decode(data, str(path)), str(path))
    return draft, hashlib.sha256(data).hexdigest()


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
            atomic_write(backup_path(path), safeio.read_file(path, safeio.MAX_DRAFT_BYTES))
        except DrafterError as exc:
            logger.warning("backup of %s failed: %s", path, exc)
    atomic_write(path, data)
    return hashlib.sha256(data).hexdigest()


# ----- autosave and recovery ------------------------------------------------------------
def _recovery_key(path: Path | None) -> str:
    name = str(path.resolve()) if path else f"untitled-{os.getpid()}-{time.time_ns()}"
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]


@dataclass
class Recoverable:
    copy: Path            # the autosaved draft
    original: str | None  # where the draft lives, None for a never-saved draft
    saved_at: float
    title: str


def autosave(draft: Draft, original: Path | None, key: str | None = None) -> str:
    """Write a recovery copy; returns its key (pass it again for the same draft)."""
    key = key or _recovery_key(original)
    folder = paths.recovery_dir()
    atomic_write(folder / f"{key}.draft", draftfile.dumps(draft).encode("utf-8"))
    meta = {"original": str(original) if original else None, "saved_at": time.time(),
            "title": draft.title}
    atomic_write(folder / f"{key}.json", json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    return key


def discard_autosave(key: str) -> None:
    folder = paths.recovery_dir()
    for suffix in (".draft", ".json"):
        (folder / f"{key}{suffix}").unlink(missing_ok=True)


def find_recoverable() -> list[Recoverable]:
    """Autosaved drafts that were never saved or closed cleanly, newest first."""
    found = []
    for copy in paths.recovery_dir().glob("*.draft"):
        try:
            meta = json.loads(copy.with_suffix(".json").read_text("utf-8"))
        except (OSError, ValueError):
            meta = {}
        found.append(Recoverable(copy, meta.get("original"), float(meta.get("saved_at") or copy.stat().st_mtime),
                                 str(meta.get("title") or "")))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class DraftFile:
    """One draft open for editing: its path, the hash it was loaded with, its lock and its
    autosave key."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = Path(path) if path is not None else None
        self.loaded_hash: str | None = None
        self.autosave_key: str | None = None
        self.lock_note: str | None = None   # set when a stale lock was taken over
        self._locked = False

    def open(self) -> Draft:
        assert self.path is not None
        draft, self.loaded_hash = read_draft(self.path)
        self.lock_note = acquire_lock(self.path)
        self._locked = True
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
        if self.autosave_key:
            discard_autosave(self.autosave_key)
            self.autosave_key = None

    def changed_on_disk(self) -> bool:
        return self.path is not None and self.loaded_hash is not None and file_hash(self.path) != self.loaded_hash

    def autosave(self, draft: Draft) -> None:
        self.autosave_key = autosave(draft, self.path, self.autosave_key)

    def close_lock(self) -> None:
        if self.path is not None and self._locked:
            release_lock(self.path)
            self._locked = False

    def close(self) -> None:
        """A clean close: the lock and any autosave copy go."""
        self.close_lock()
        if self.autosave_key:
            discard_autosave(self.autosave_key)
            self.autosave_key = None
