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
