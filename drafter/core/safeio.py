"""One checked way to open any input file: nothing is read before it is known to be bounded.

Every reader of user-supplied files (.txt/.docx speeches, .draft files, templates, phrase
files, rules, library imports) goes through ``read_file`` (or ``open_checked``):

1. the path is looked at with ``stat`` (symlinks followed; a loop is reported as a loop): a
   folder, a FIFO (named pipe), a character or block device (``/dev/zero``) or a socket is
   refused before it is opened, so a FIFO can never block the caller;
2. the file is opened non-blocking and checked again on the open descriptor (same file, still
   regular), so swapping the file between the two steps does not help;
3. its size must be within the limit given by the caller (a sparse 3 GB file is refused by its
   size, without reading a byte);
4. it is read with a cap of limit + 1 bytes, so a file that grows meanwhile is still refused.

``check_docx`` bounds a .docx (a zip archive) before anything is inflated: the number of parts,
the total uncompressed size of *every* part (images, .rels and custom XML included, not only the
body XML), and the compression ratio of each large part ("zip bombs").  Python's ``zipfile``
never inflates a part beyond the size its directory declares, so these declared sizes bound
what a reader can get.  The checks are one pass over the zip's directory (linear in the number
of parts).

The limits (documented in docs/ROBUSTNESS.md) are the constants below.  Every refusal is a
``DrafterError`` naming the file and the reason in Chinese.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import zipfile
from pathlib import Path

from drafter.core.errors import DrafterError, os_error_reason

MB = 1024 * 1024

#: a plain-text speech (a long speech is 50 KB).
MAX_TEXT_BYTES = 20 * MB
#: a .docx file as stored on disk.
MAX_DOCX_BYTES = 50 * MB
#: all parts of a .docx together, uncompressed.
MAX_DOCX_UNCOMPRESSED = 200 * MB
#: parts in a .docx (a speech with pictures has a few dozen).
MAX_DOCX_PARTS = 3000
#: a part larger than ``RATIO_FLOOR`` uncompressed may be at most this many times its
#: compressed size (Word's XML compresses 5–30 times; a zip bomb a thousand times).
MAX_ZIP_RATIO = 200
RATIO_FLOOR = 1 * MB
#: a .draft file (a 2,000-paragraph draft is 600 KB).
MAX_DRAFT_BYTES = 20 * MB
#: a YAML file: template, phrase file, rules, field values.
MAX_YAML_BYTES = 20 * MB
#: small bookkeeping files (locks, journal headers, settings).
MAX_SMALL_BYTES = 1 * MB

_KINDS = (
    (stat.S_ISDIR, "这是一个文件夹，不是文件"),
    (stat.S_ISFIFO, "是命名管道（FIFO），不是普通文件，已拒绝读取"),
    (stat.S_ISCHR, "是字符设备，不是普通文件，已拒绝读取"),
    (stat.S_ISBLK, "是块设备，不是普通文件，已拒绝读取"),
    (stat.S_ISSOCK, "是套接字，不是普通文件，已拒绝读取"),
)


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB / 10 else f"{n:,} 字节"


def _kind_reason(mode: int, path: Path) -> str:
    for test, reason in _KINDS:
        if test(mode):
            break
    else:
        reason = "不是普通文件，已拒绝读取"
    if path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"是指向 {target} 的链接，{reason.removeprefix('这')}"
    return reason


def _open_error(exc: OSError, path: Path) -> DrafterError:
    if exc.errno == errno.ELOOP:
        return DrafterError("符号链接形成循环（或层数过多），无法打开", path)
    if exc.errno == errno.ENOENT and path.is_symlink():
        return DrafterError(f"链接指向的文件不存在（{os.readlink(path)}）", path)
    if exc.errno == errno.ENOENT:
        return DrafterError("文件不存在", path)
    return DrafterError(f"无法读取文件：{os_error_reason(exc)}", path)


def check_path(path: str | os.PathLike[str], limit: int) -> os.stat_result:
    """The ``stat`` of ``path`` once it is known to be a regular file within ``limit`` bytes."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _open_error(exc, path) from None
    except ValueError:  # a NUL byte in the name
        raise DrafterError("文件名中含有非法字符", path) from None
    if not stat.S_ISREG(info.st_mode):
        raise DrafterError(_kind_reason(info.st_mode, path), path)
    if info.st_size > limit:
        raise DrafterError(f"文件过大（{_size(info.st_size)}），超过 {_size(limit)} 的上限，已拒绝读取", path)
    return info


def open_checked(path: str | os.PathLike[str], limit: int) -> io.BufferedReader:
    """A binary file object for ``path`` after the checks above (caller closes it)."""
    path = Path(path)
    before = check_path(path, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _open_error(exc, path) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DrafterError(_kind_reason(info.st_mode, path), path)
        if (info.st_dev, info.st_ino) != (before.st_dev, before.st_ino) and os.name == "posix":
            raise DrafterError("文件在读取时被替换，已拒绝读取，请重试", path)
        if info.st_size > limit:
            raise DrafterError(f"文件过大（{_size(info.st_size)}），超过 {_size(limit)} 的上限，已拒绝读取", path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of ``path``: a regular file of at most ``limit`` bytes (read with a cap)."""
    path = Path(path)
    with open_checked(path, limit) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise DrafterError(f"无法读取文件：{os_error_reason(exc)}", path) from None
    if len(data) > limit:
        raise DrafterError(f"文件过大（读取中超过 {_size(limit)} 的上限），已拒绝读取", path)
    return data


def read_text(path: str | os.PathLike[str], limit: int) -> str:
    """``read_file`` decoded as UTF-8 (a BOM is dropped)."""
    data = read_file(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DrafterError("文件不是 UTF-8 编码的文本", path, line) from None


# ----- zip archives (.docx) ------------------------------------------------------------------
def check_docx(data: bytes, path: str | os.PathLike[str]) -> zipfile.ZipFile:
    """The zip archive in ``data`` after bounding every part; DrafterError otherwise."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise DrafterError(f"不是有效的 .docx 文件（不是 zip 压缩包或压缩包已损坏：{exc}）", path) from None
    if len(parts) > MAX_DOCX_PARTS:
        raise DrafterError(f"压缩包内部件过多（{len(parts):,} 个，上限 {MAX_DOCX_PARTS:,} 个），"
                           "不像 Word 文档，已拒绝读取", path)
    total = 0
    for part in parts:
        total += part.file_size
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_ZIP_RATIO * max(part.compress_size, 1):
            ratio = part.file_size / max(part.compress_size, 1)
            raise DrafterError(f"部件“{part.filename}”压缩比异常（{ratio:,.0f} 倍，解压后 "
                               f"{_size(part.file_size)}），疑似压缩炸弹，已拒绝读取", path)
        if total > MAX_DOCX_UNCOMPRESSED:
            raise DrafterError(f"解压后总大小超过 {_size(MAX_DOCX_UNCOMPRESSED)} 的上限，"
                               "疑似压缩炸弹，已拒绝读取", path)
    return archive


def read_docx_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a .docx file, read once with every limit checked (pass them on as
    ``io.BytesIO(data)``, so the file is not opened again)."""
    data = read_file(path, MAX_DOCX_BYTES)
    check_docx(data, path).close()
    return data
