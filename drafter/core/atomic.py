"""Writing files so that a crash leaves the old file or the new one, never a partial one.

Every write goes to a temporary file in the target's folder, is fsynced, and then replaces
the target with ``os.replace`` (atomic on POSIX and Windows); the folder is fsynced too.
Saving keeps the file where it is: through a symlink the real file is replaced (the link
stays), the mode and (where permitted) the owner of the replaced file are kept, and a new
file follows the umask like any program's new file.  Temporary files a killed write left
behind are swept later (after ten minutes, so a write still running elsewhere is safe).
"""

from __future__ import annotations

import glob
import logging
import os
import tempfile
import time
from pathlib import Path

from drafter.core.errors import DrafterError, os_error_reason

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


def atomic_write(path: str | os.PathLike[str], data: bytes, like: str | os.PathLike[str] | None = None) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new one.  Through a
    symlink the real file is replaced; its mode and owner are kept.  A copy of another file
    (a draft's .bak, its review rounds) gives ``like``: it takes that file's mode and owner, so
    a confidential draft's copies are no more readable than the draft."""
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
        _keep_attributes(fd, real_path(Path(like)) if like is not None and os.path.exists(like) else path)
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
