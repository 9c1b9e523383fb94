import multiprocessing
import os
import random
import signal
import time

import pytest

from drafter.core import draftfile, paths, storage
from drafter.core.errors import ConflictError, DrafterError, LockedError
from drafter.core.model import Block, Draft


def big_draft(tag: str, n: int = 2000) -> Draft:
    blocks = []
    for i in range(n):
        if i % 10 == 0:
            blocks.append(Block.heading(1 + (i // 10) % 3, f"{tag}要在第{i}项工作上求突破。", "要全力以赴，" * 5))
        else:
            blocks.append(Block.paragraph(f"{tag}段落{i}：" + "攻坚克难、奋力拼搏，" * 8))
    return Draft(title=f"{tag}稿", blocks=blocks)


def test_save_is_atomic_and_keeps_backup(tmp_path):
    path = tmp_path / "稿.draft"
    first, second = Draft(title="一稿"), Draft(title="二稿")
    storage.save_draft(path, first)
    assert not storage.backup_path(path).exists()
    storage.save_draft(path, second)
    assert storage.read_draft(path)[0] == second
    assert storage.read_draft(storage.backup_path(path))[0] == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["稿.draft", "稿.draft.bak"]


def test_failed_replace_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "稿.draft"
    storage.save_draft(path, Draft(title="原稿"))
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(DrafterError) as info:
        storage.save_draft(path, Draft(title="新稿"))
    assert "原文件未被改动" in info.value.message
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_save_into_missing_folder(tmp_path):
    with pytest.raises(DrafterError) as info:
        storage.save_draft(tmp_path / "无此目录" / "稿.draft", Draft())
    assert "文件夹不存在" in info.value.message


def _save_forever(path: str, ready, versions) -> None:
    ready.set()
    i = 0
    while True:
        storage.save_draft(path, versions[i % 2])
        i += 1


@pytest.mark.slow
def test_kill_during_save_never_leaves_a_partial_file(tmp_path):
    """SIGKILL a process that saves a large draft in a loop, 200+ times at random moments:
    the file on disk always loads and is exactly one of the two versions."""
    path = tmp_path / "大稿.draft"
    versions = [big_draft("甲"), big_draft("乙")]
    texts = {draftfile.dumps(v).encode("utf-8") for v in versions}
    assert min(len(t) for t in texts) > 300_000  # bytes: a large speech draft
    storage.save_draft(path, versions[0])
    ctx = multiprocessing.get_context("fork")
    rng = random.Random(20261125)
    seen = set()
    torn_writes = 0  # kills that landed while a temporary file was being written
    for _ in range(220):
        ready = ctx.Event()
        child = ctx.Process(target=_save_forever, args=(str(path), ready, versions))
        child.start()
        assert ready.wait(10)
        time.sleep(rng.uniform(0, 0.06))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        assert child.exitcode == -signal.SIGKILL
        data = path.read_bytes()
        assert data in texts, "partial or foreign file on disk"
        loaded, _ = storage.read_draft(path)
        assert loaded in versions
        seen.add(loaded.title)
        leftovers = list(tmp_path.glob(".*.tmp"))
        torn_writes += bool(leftovers)
        for leftover in leftovers:
            leftover.unlink()
        backup = storage.backup_path(path)
        if backup.exists():
            assert backup.read_bytes() in texts
    assert seen == {"甲稿", "乙稿"}  # the kills did land at different points of the loop
    assert torn_writes >= 20, torn_writes  # and many of them in the middle of a write


def test_changed_on_disk_is_not_overwritten_silently(tmp_path):
    path = tmp_path / "稿.draft"
    storage.save_draft(path, Draft(title="原稿"))
    handle = storage.DraftFile(path)
    draft = handle.open()
    # another program edits the file
    path.write_text(draftfile.dumps(Draft(title="别人改过")), "utf-8")
    assert handle.changed_on_disk()
    draft.title = "我的修改"
    with pytest.raises(ConflictError) as info:
        handle.save(draft)
    assert "已被其他程序修改" in info.value.message
    assert storage.read_draft(path)[0].title == "别人改过"
    handle.save(draft, force=True)  # the caller's consent
    assert storage.read_draft(path)[0].title == "我的修改"
    assert storage.read_draft(storage.backup_path(path))[0].title == "别人改过"
    handle.close()


def test_save_as_does_not_overwrite_an_existing_file(tmp_path):
    path, other = tmp_path / "甲.draft", tmp_path / "乙.draft"
    storage.save_draft(path, Draft(title="甲"))
    storage.save_draft(other, Draft(title="乙"))
    handle = storage.DraftFile(path)
    draft = handle.open()
    with pytest.raises(ConflictError):
        handle.save(draft, other)
    assert storage.read_draft(other)[0].title == "乙"
    handle.save(draft, tmp_path / "丙.draft")
    assert handle.path == tmp_path / "丙.draft"
    assert not storage.lock_path(path).exists()
    assert storage.lock_path(handle.path).exists()
    handle.close()


def _hold_lock(path: str, ready, done) -> None:
    storage.DraftFile(path).open()
    ready.set()
    done.wait(10)


def test_lock_is_honoured(tmp_path):
    path = tmp_path / "稿.draft"
    storage.save_draft(path, Draft(title="稿"))
    ctx = multiprocessing.get_context("fork")
    ready, done = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(path), ready, done))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(LockedError) as info:
            storage.DraftFile(path).open()
        assert str(holder.pid) in info.value.message and "已在别处打开" in info.value.message
    finally:
        done.set()
        holder.join()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    path = tmp_path / "稿.draft"
    storage.save_draft(path, Draft(title="稿"))
    ctx = multiprocessing.get_context("fork")
    child = ctx.Process(target=lambda: storage.DraftFile(str(path)).open() and os._exit(0))
    child.start()
    child.join()
    assert storage.lock_path(path).exists()  # it died without closing
    handle = storage.DraftFile(path)
    assert handle.open().title == "稿"
    assert storage.read_lock(path)["pid"] == os.getpid()
    handle.close()
    assert not storage.lock_path(path).exists()


def test_data_home_override(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "home"))
    assert paths.data_home() == tmp_path / "home"
    assert paths.recovery_dir().is_dir()


def test_temporaries_left_by_a_killed_save_are_swept_later(tmp_path):
    path = tmp_path / "稿.draft"
    old = tmp_path / ".稿.draft.abc123.tmp"
    fresh = tmp_path / ".稿.draft.def456.tmp"  # a save still running elsewhere
    other = tmp_path / ".别的.draft.abc123.tmp"
    for leftover in (old, fresh, other):
        leftover.write_bytes(b"partial")
    stale = time.time() - storage.STALE_SECONDS - 60
    os.utime(old, (stale, stale))
    os.utime(other, (stale, stale))
    storage.save_draft(path, Draft(title="稿"))
    assert not old.exists() and fresh.exists() and other.exists()


# ----- locks: process start time, garbled files -------------------------------------------
def test_empty_or_garbled_lock_is_taken_over_with_a_note(tmp_path):
    path = tmp_path / "稿.draft"
    storage.save_draft(path, Draft(title="稿"))
    for content in (b"", b"\x00garbage{", b"[1, 2]"):
        storage.lock_path(path).write_bytes(content)
        handle = storage.DraftFile(path)
        handle.open()
        assert handle.lock_note and "锁" in handle.lock_note
        assert storage.read_lock(path)["pid"] == os.getpid()
        handle.close()


def test_lock_naming_a_reused_pid_is_taken_over(tmp_path):
    """The lock names a live process (our parent) but a start time it does not have."""
    import json
    import socket

    from drafter.core import locks

    path = tmp_path / "稿.draft"
    storage.save_draft(path, Draft(title="稿"))
    parent = os.getppid()
    started = locks.process_start_time(parent)
    assert started is not None and storage.pid_alive(parent)
    lock = {"host": socket.gethostname(), "pid": parent, "start": started - 3600, "time": started - 3500}
    storage.lock_path(path).write_text(json.dumps(lock), "utf-8")
    handle = storage.DraftFile(path)
    handle.open()
    assert "重用" in handle.lock_note
    handle.close()
    # an old-format lock (no start) written before the process started: reused as well
    lock = {"host": socket.gethostname(), "pid": parent, "time": started - 60}
    storage.lock_path(path).write_text(json.dumps(lock), "utf-8")
    handle = storage.DraftFile(path)
    handle.open()
    assert "晚于锁文件" in handle.lock_note
    handle.close()
    # the same process with its true start time: a live lock, respected
    lock = {"host": socket.gethostname(), "pid": parent, "start": started, "time": started + 1}
    storage.lock_path(path).write_text(json.dumps(lock), "utf-8")
    with pytest.raises(LockedError):
        storage.DraftFile(path).open()


def test_lock_of_another_host_is_respected(tmp_path):
    import json

    path = tmp_path / "稿.draft"
    storage.save_draft(path, Draft(title="稿"))
    storage.lock_path(path).write_text(json.dumps({"host": "别的电脑", "pid": 1, "time": 0}), "utf-8")
    with pytest.raises(LockedError) as info:
        storage.DraftFile(path).open()
    assert "别的电脑" in info.value.message


# ----- saving keeps the file where it is --------------------------------------------------
def test_saving_through_a_symlink_replaces_the_real_file(tmp_path):
    real_dir = tmp_path / "真实"
    real_dir.mkdir()
    real = real_dir / "稿.draft"
    storage.save_draft(real, Draft(title="旧"))
    link = tmp_path / "链接.draft"
    link.symlink_to(real)
    handle = storage.DraftFile(link)
    draft = handle.open()
    assert storage.lock_path(link) == storage.lock_path(real)
    draft.title = "新"
    handle.save(draft)
    handle.close()
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert storage.read_draft(real)[0].title == "新"
    assert storage.read_draft(real_dir / "稿.draft.bak")[0].title == "旧"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".bak"))]


def test_mode_of_existing_file_is_kept_and_new_files_follow_umask(tmp_path):
    path = tmp_path / "稿.draft"
    old = os.umask(0o027)
    try:
        storage.save_draft(path, Draft(title="一"))
        assert path.stat().st_mode & 0o777 == 0o640
        path.chmod(0o664)
        storage.save_draft(path, Draft(title="二"))
        assert path.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing owners needs root")
def test_owner_of_existing_file_is_kept(tmp_path):
    path = tmp_path / "稿.draft"
    storage.save_draft(path, Draft(title="一"))
    os.chown(path, 12345, 23456)
    storage.save_draft(path, Draft(title="二"))
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (12345, 23456)
    assert storage.read_draft(path)[0].title == "二"
