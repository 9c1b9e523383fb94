"""Lock files: a draft open in one Drafter is not opened for writing in another.

``.NAME.draft.lock`` beside the (real, symlinks resolved) draft holds JSON: host, process id,
the process's start time and the time the lock was written.  It is created atomically with
its content (written to a temporary file, then hard-linked into place, which fails if a lock
exists), so a lock file is never seen half-written by another Drafter.

A lock is *stale*, and is taken over with a note the editor shows, when

- it is empty or cannot be read as a lock (a crash while an old version wrote it);
- it was written on this host by a process that no longer runs;
- its process id now belongs to another process: that process started after the lock was
  written, or at another time than the one the lock records (process ids are reused).

A lock written on another host (a shared folder) or by a live process is respected.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

from drafter.core import safeio
from drafter.core.errors import DrafterError, LockedError


def host_name() -> str:
    """This machine's name, as locks and journals record it (``socket`` is loaded on first
    use: the editor's window shows before any lock is taken)."""
    import socket

    return socket.gethostname()


logger = logging.getLogger(__name__)

#: two start times this close (seconds) are the same process (clock-tick rounding).
START_SLACK = 2.0


def lock_path(path: str | os.PathLike[str]) -> Path:
    real = Path(os.path.realpath(path))
    return real.with_name(f".{real.name}.lock")


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


def _boot_time() -> float | None:
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("btime "):
                    return float(line.split()[1])
    except OSError:
        pass
    return None


def process_start_time(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), None when unknown."""
    if sys.platform.startswith("linux"):
        boot = _boot_time()
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as handle:
                stat_line = handle.read()
        except OSError:
            return None
        # the command name (field 2) may contain spaces and parentheses: split after the last ')'
        fields = stat_line.rpartition(")")[2].split()
        if boot is None or len(fields) < 20:
            return None
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return None
        times = [ctypes.c_ulonglong() for _ in range(4)]
        ok = kernel32.GetProcessTimes(handle, *[ctypes.byref(t) for t in times])
        kernel32.CloseHandle(handle)
        return times[0].value / 1e7 - 11644473600 if ok else None
    return None


def read_lock(path: str | os.PathLike[str]) -> dict | None:
    """The lock's content; None when there is no lock or it cannot be read as one."""
    try:
        info = json.loads(safeio.read_file(lock_path(path), safeio.MAX_SMALL_BYTES).decode("utf-8"))
    except (DrafterError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def stale_reason(held: dict | None, raw_exists: bool) -> str | None:
    """Why the lock ``held`` can be taken over (a Chinese note), or None when it is live."""
    if held is None:
        return "锁文件是空的或已损坏" if raw_exists else "锁文件已消失"
    try:
        pid = int(held.get("pid"))
        written = float(held.get("time") or 0)
    except (TypeError, ValueError):
        return "锁文件内容无法识别"
    if held.get("host") != host_name():
        return None  # another computer: we cannot tell, respect it
    if not pid_alive(pid):
        return f"锁定它的进程 {pid} 已不在运行"
    started = process_start_time(pid)
    if started is None:
        return None
    recorded = held.get("start")
    if isinstance(recorded, (int, float)) and abs(started - recorded) > START_SLACK:
        return f"进程号 {pid} 已被另一个程序重用"
    if written and started > written + START_SLACK:
        return f"进程号 {pid} 已被另一个程序重用（该进程晚于锁文件启动）"
    return None


def _create(lock: Path, info: dict) -> bool:
    """Create ``lock`` with ``info`` in one step; False when a lock already exists."""
    fd, tmp = tempfile.mkstemp(prefix=f"{lock.name}.", suffix=".tmp", dir=lock.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(info, handle)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, lock)
        except FileExistsError:
            return False
        except OSError:  # no hard links here (some network or FAT folders)
            try:
                fd2 = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                return False
            with os.fdopen(fd2, "w", encoding="utf-8") as handle:
                json.dump(info, handle)
        return True
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def acquire_lock(path: str | os.PathLike[str]) -> str | None:
    """Lock the draft at ``path``.  Returns a note (Chinese) when a stale lock was taken
    over, None otherwise; LockedError when a live Drafter holds it.  A folder where no lock
    can be written (read-only) does not stop the user: logged, no lock."""
    lock = lock_path(path)
    me = {"host": host_name(), "pid": os.getpid(),
          "start": process_start_time(os.getpid()), "time": time.time()}
    note = None
    for _ in range(3):
        try:
            if _create(lock, me):
                return note
        except OSError as exc:
            logger.warning("cannot write lock %s: %s", lock, exc)
            return None
        held = read_lock(path)
        if held and held.get("host") == me["host"] and held.get("pid") == me["pid"]:
            return None  # ours already
        reason = stale_reason(held, lock.exists())
        if reason is None:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(float(held.get("time") or 0)))
            raise LockedError(f"该草稿已在别处打开（计算机 {held.get('host', '未知')}，"
                              f"进程 {held.get('pid', '?')}，{when}）", path)
        logger.info("taking over stale lock %s: %s", lock, reason)
        note = f"已接管遗留的锁：{reason}"
        if read_lock(path) == held:  # unchanged since we judged it
            lock.unlink(missing_ok=True)
    raise LockedError("无法获得草稿的锁（其他程序正在同时打开它），请稍后再试", path)


def release_lock(path: str | os.PathLike[str]) -> None:
    held = read_lock(path)
    if held and held.get("pid") == os.getpid() and held.get("host") == host_name():
        lock_path(path).unlink(missing_ok=True)
