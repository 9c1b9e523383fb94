"""The one error type users see: a Chinese message that names the file (and line) and the
reason.  The command line prints ``str(error)`` and exits 2; the editor shows it in a dialog."""

from __future__ import annotations

import errno
import os


class DrafterError(Exception):
    """Bad input or a refused operation, explained in Chinese."""

    def __init__(self, reason: str, path: str | os.PathLike[str] | None = None,
                 line: int | None = None):
        self.reason = reason
        self.path = os.fspath(path) if path is not None else None
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if self.path is None:
            return self.reason
        where = f"第 {self.line} 行：" if self.line is not None else ""
        return f"{self.path}：{where}{self.reason}"


class ConflictError(DrafterError):
    """The file changed on disk since it was loaded; saving would overwrite someone's work."""


class LockedError(DrafterError):
    """Another Drafter holds the draft open."""


# ----- what went wrong, said plainly ----------------------------------------------------------
_ERRNO_REASONS = {
    errno.ENOSPC: "磁盘空间已满",
    getattr(errno, "EDQUOT", -1): "磁盘配额已用完",
    errno.EROFS: "所在磁盘是只读的，无法写入",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有权限（操作不被允许）",
    errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ELOOP: "符号链接形成循环",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EIO: "磁盘读写出错（I/O 错误）",
    errno.EFBIG: "文件超过了磁盘允许的大小",
    errno.EMFILE: "打开的文件过多",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EEXIST: "文件已存在",
}


def os_error_reason(exc: OSError) -> str:
    """A short Chinese reason for an operating-system error (disk full, read-only, …)."""
    reason = _ERRNO_REASONS.get(exc.errno or 0)
    if reason:
        return reason
    detail = exc.strerror or str(exc) or type(exc).__name__
    return f"系统错误：{detail}"


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1))


class LibraryError(DrafterError):
    """The speech library cannot be used; ``kind`` says why (one of ``LIBRARY_REASONS``)."""

    def __init__(self, kind: str, location: str | os.PathLike[str] | None, detail: str = ""):
        self.kind = kind
        reason = LIBRARY_REASONS[kind] + (f"（{detail}）" if detail else "")
        super().__init__(reason, location)


LIBRARY_REASONS = {
    "locked": "讲话稿库正被另一个程序使用（已锁定），请稍后再试",
    "read_only": "讲话稿库是只读的（文件或所在文件夹不可写），无法写入",
    "disk_full": "磁盘空间已满，讲话稿库未能写入，已有内容未受影响",
    "not_database": "不是讲话稿库（该文件不是 SQLite 数据库）",
    "corrupt": "讲话稿库文件已损坏",
    "cannot_open": "无法打开讲话稿库（文件夹不存在或没有权限）",
    "io": "读写讲话稿库时磁盘出错",
    "unreachable": "无法连接讲话稿库服务器（服务器未启动、地址有误或网络不通）",
    "auth": "讲话稿库服务器拒绝登录（用户名或密码不对）",
    "newer": "讲话稿库由更新版本的 Drafter 创建，请升级后再用",
    "missing": "讲话稿库不存在（先用“drafter library add”导入）",
    "no_database": "讲话稿库服务器上没有这个数据库",
    "no_rights": "这个账号没有写入讲话稿库的权限（只读），只能检索",
    "old_read_only": "讲话稿库是旧格式且只读，无法升级：请让有写权限的人打开一次",
    "other": "讲话稿库出错",
}

_SQLITE_KINDS = {
    "SQLITE_BUSY": "locked", "SQLITE_LOCKED": "locked", "SQLITE_READONLY": "read_only",
    "SQLITE_FULL": "disk_full", "SQLITE_NOTADB": "not_database", "SQLITE_CORRUPT": "corrupt",
    "SQLITE_CANTOPEN": "cannot_open", "SQLITE_IOERR": "io", "SQLITE_PERM": "read_only",
}
_MESSAGE_KINDS = (
    ("database is locked", "locked"), ("database table is locked", "locked"),
    ("could not obtain lock", "locked"), ("lock timeout", "locked"),
    ("readonly database", "read_only"), ("read-only", "read_only"), ("permission denied", "read_only"),
    ("disk is full", "disk_full"), ("no space left", "disk_full"), ("could not extend file", "disk_full"),
    ("file is not a database", "not_database"), ("malformed", "corrupt"),
    ("unable to open database", "cannot_open"), ("disk i/o error", "io"),
    ("connection refused", "unreachable"), ("could not connect", "unreachable"),
    ("could not translate host name", "unreachable"), ("timeout expired", "unreachable"),
    ("timed out", "unreachable"), ("server closed the connection", "unreachable"),
    ("no route to host", "unreachable"), ("name or service not known", "unreachable"),
    ("password authentication failed", "auth"), ("no password supplied", "auth"),
)


def database_error_kind(exc: BaseException) -> str:
    """Which of ``LIBRARY_REASONS`` a sqlite3 / psycopg / OS error is."""
    if isinstance(exc, OSError) and not type(exc).__module__.startswith(("sqlite3", "psycopg")):
        if is_disk_full(exc):
            return "disk_full"
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "read_only"
    name = getattr(exc, "sqlite_errorname", "") or ""
    for prefix, kind in _SQLITE_KINDS.items():
        if name.startswith(prefix):
            return kind
    text = str(exc).lower()
    for needle, kind in _MESSAGE_KINDS:
        if needle in text:
            return kind
    return "other"


def database_error(exc: BaseException, location: str | os.PathLike[str] | None) -> LibraryError:
    """The LibraryError to raise for a database failure (``raise database_error(exc, path) from
    None``): locked, read-only, disk full, not a database, corrupt, unreachable … each its own
    message; the original text is kept only for the rare unclassified error."""
    kind = database_error_kind(exc)
    if kind in ("io", "other") and location is not None and _nearly_full(location):
        kind = "disk_full"  # SQLite in WAL mode reports a full disk as a disk I/O error
    return LibraryError(kind, location, str(exc).strip()[:200] if kind == "other" else "")


def _nearly_full(location: str | os.PathLike[str]) -> bool:
    """True when the file system holding ``location`` (a file path) has under 1 MB free."""
    folder = os.path.dirname(os.path.abspath(os.fspath(location)))
    if "://" in os.fspath(location) or not hasattr(os, "statvfs"):
        return False
    try:
        info = os.statvfs(folder)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < 1024 * 1024
