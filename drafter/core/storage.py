"""Safe storage for drafts: nothing the user typed is lost.

- Every write goes to a temporary file in the same folder, is fsynced, and then replaces
  the target with ``os.replace`` (atomic on POSIX and Windows): a crash leaves either the old
  file or the new one, never a partial one.
- The previous version is kept beside the draft as ``NAME.draft.bak``.
- ``DraftFile`` remembers the hash of what it loaded and refuses to overwrite a file that
  another program changed since (``ConflictError``) unless the caller says so.
- A lock file ``.NAME.draft.lock`` (host, pid, time) marks a draft open in a Drafter; a lock
  left by a process that no longer runs on this host is taken over.
- Autosave writes a copy to the recovery folder; a clean save or close removes it, so what
  is left there after a crash is what ``find_recoverable`` offers back.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import os
import socket
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from drafter.core import draftfile, paths, safeio
from drafter.core.errors import ConflictError, DrafterError, LockedError
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


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DrafterError("保存失败：文件夹不存在", folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DrafterError(f"保存失败：无法在该文件夹中写入（{exc.strerror}）", path) from None
    try:
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
        raise DrafterError(f"保存失败（{exc.strerror}），原文件未被改动", path) from None
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
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def read_draft(path: str | os.PathLike[str]) -> tuple[Draft, str]:
    """Load a draft and the hash of the bytes it came from."""
    path = Path(path)
    data = safeio.read_file(path, safeio.MAX_DRAFT_BYTES)
    draft = draftfile.loads(draftfile.decode(data, str(path)), str(path))
    return draft, hashlib.sha256(data).hexdigest()


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def save_draft(path: str | os.PathLike[str], draft: Draft, expected_hash: str | None = None,
               force: bool = False) -> str:
    """Save atomically, keeping the previous version as a backup.  With ``expected_hash``
    (the hash of what was loaded), refuse to overwrite a file changed since, unless ``force``.
    Returns the hash of what was written."""
    path = Path(path)
    data = draftfile.dumps(draft).encode("utf-8")
    current = file_hash(path)
    if not force and expected_hash is not None and current is not None and current != expected_hash:
        raise ConflictError("文件在打开后已被其他程序修改，为免覆盖他人的改动，未保存", path)
    if current is not None:
        try:
            atomic_write(backup_path(path), path.read_bytes())
        except (OSError, DrafterError) as exc:
            logger.warning("backup of %s failed: %s", path, exc)
    atomic_write(path, data)
    return hashlib.sha256(data).hexdigest()


# ----- locks ------------------------------------------------------------------------------
def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def read_lock(path: Path) -> dict | None:
    try:
        info = json.loads(lock_path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def acquire_lock(path: Path) -> None:
    lock = lock_path(path)
    info = {"host": socket.gethostname(), "pid": os.getpid(), "time": time.time()}
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            held = read_lock(path) or {}
            same_host = held.get("host") == info["host"]
            if held.get("pid") == info["pid"] and same_host:
                return
            if same_host and not pid_alive(int(held.get("pid") or 0)):
                logger.info("taking over stale lock %s", lock)
                lock.unlink(missing_ok=True)
                continue
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(held.get("time") or 0))
            raise LockedError(
                f"该草稿已在别处打开（计算机 {held.get('host', '未知')}，进程 {held.get('pid', '?')}，"
                f"{when}）", path) from None
        except OSError as exc:
            logger.warning("cannot write lock %s: %s", lock, exc)
            return
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(info, handle)
        return


def release_lock(path: Path) -> None:
    held = read_lock(path)
    if held and held.get("pid") == os.getpid() and held.get("host") == socket.gethostname():
        lock_path(path).unlink(missing_ok=True)


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
        self._locked = False

    def open(self) -> Draft:
        assert self.path is not None
        draft, self.loaded_hash = read_draft(self.path)
        acquire_lock(self.path)
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
