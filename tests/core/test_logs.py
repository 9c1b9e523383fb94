"""Logging never stops Drafter or prints a traceback, whatever happens to its file."""

from __future__ import annotations

import logging

from drafter.core import logs


def test_no_log_file_when_the_data_folder_is_a_file(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "home"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv("DRAFTER_HOME", str(blocker))
    assert logs.setup_logging() is None
    logging.getLogger("drafter.test").warning("记录不到也不报错")
    assert capsys.readouterr().err == ""


def test_a_log_file_that_fails_later_is_silent(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "home"))
    path = logs.setup_logging()
    assert path is not None
    logging.getLogger("drafter.test").warning("写得进去")
    logs._handler.stream.close()   # as if the disk went away under the open file
    logging.getLogger("drafter.test").warning("写不进去")
    assert capsys.readouterr().err == ""
    assert "写得进去" in open(path, encoding="utf-8").read()
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "other"))
    assert logs.setup_logging() != path   # moves to the new folder


def test_a_full_log_file_starts_again_keeping_three_old_ones(tmp_path):
    path = tmp_path / "drafter.log"
    handler = logs.RotatingFile(str(path), max_bytes=200, backups=3)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("drafter.test.rotate")
    log.addHandler(handler)
    log.propagate = False
    try:
        for n in range(40):
            log.warning("第%02d条记录，十个字以上的一行", n)
    finally:
        log.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["drafter.log", "drafter.log.1", "drafter.log.2", "drafter.log.3"]
    for p in tmp_path.iterdir():
        assert p.stat().st_size <= 200
    newest = path.read_text("utf-8").splitlines()
    assert newest[-1].startswith("第39条")
    older = (tmp_path / "drafter.log.1").read_text("utf-8").splitlines()
    assert int(older[-1][1:3]) == int(newest[0][1:3]) - 1  # nothing lost between the files
