"""The files an import reads: folders expanded to speech files, non-regular files set aside before
anything is opened, and each file's digest read through ``safeio``."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from drafter.core import safeio

SUFFIXES = (".txt", ".docx", ".draft")


@dataclass
class Expanded:
    files: list[Path]
    skipped: list[tuple[Path, str]]      # not regular files: (path, reason), known before reading


def expand(targets: Iterable[str | os.PathLike[str]]) -> Expanded:
    """The files to import under ``targets`` (folders searched recursively for .txt/.docx/.draft,
    symbolic links to folders not followed); FIFOs, devices, sockets and symlink loops are set
    aside with their reason before anything is opened."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []

    def consider(path: Path, named: bool) -> None:
        if named and not path.is_dir():
            files.append(path)  # named by the user: its import is refused with the reason (safeio)
            return
        try:
            info = path.stat()
        except OSError as exc:
            if named and not path.is_symlink():
                files.append(path)         # missing: reported by the import with its reason
            elif exc.errno == 40 or "loop" in str(exc).lower():
                skipped.append((path, "符号链接循环"))
            else:
                skipped.append((path, f"无法访问（{exc.strerror}）"))
            return
        if stat.S_ISREG(info.st_mode):
            files.append(path)
        elif stat.S_ISFIFO(info.st_mode):
            skipped.append((path, "命名管道"))
        elif stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
            skipped.append((path, "设备文件"))
        elif stat.S_ISSOCK(info.st_mode):
            skipped.append((path, "套接字"))
        elif not stat.S_ISDIR(info.st_mode):
            skipped.append((path, "不是普通文件"))

    for target in targets:
        path = Path(target)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in names:
                    if Path(name).suffix.lower() in SUFFIXES:
                        found.append(Path(root) / name)
            for p in sorted(found):
                consider(p, False)
        else:
            consider(path, True)
    return Expanded(files, skipped)


def read_digest(path: Path) -> tuple[str, int, float]:
    """sha256, size and mtime of a file, read through safeio (regular file, size cap)."""
    limit = safeio.MAX_DOCX_BYTES if path.suffix.lower() == ".docx" else safeio.MAX_TEXT_BYTES
    data = safeio.read_file(path, limit)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = 0.0
    return hashlib.sha256(data).hexdigest(), len(data), mtime


