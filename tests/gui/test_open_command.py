"""`drafter open FILE` and bare `drafter`: bad paths fail on the command line (exit 2,
one Chinese line), good ones start the editor with the file."""

from __future__ import annotations

import pytest

from drafter import cli
from drafter.core.storage import save_draft
from tests.gui.conftest import sample_draft


@pytest.fixture
def editor_runs(monkeypatch):
    """Replace the editor's main loop; record what it was asked to open."""
    import drafter.gui.app

    opened = []
    monkeypatch.setattr(drafter.gui.app, "run", lambda path=None: opened.append(path) or 0)
    return opened


@pytest.mark.parametrize("name, reason", [
    ("missing.draft", "文件不存在"),
    ("folder", "文件夹"),
    ("speech.pdf", "只支持"),
])
def test_bad_path_exits_2_before_any_window(tmp_path, capsys, editor_runs, name, reason):
    (tmp_path / "folder").mkdir()
    (tmp_path / "speech.pdf").write_bytes(b"%PDF-1.4")
    assert cli.main(["open", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert reason in err and name in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert editor_runs == []


def test_good_path_opens_the_editor(tmp_path, editor_runs):
    path = tmp_path / "讲话.draft"
    save_draft(path, sample_draft())
    assert cli.main(["open", str(path)]) == 0
    assert editor_runs == [path]


def test_bare_drafter_opens_an_empty_editor(editor_runs):
    assert cli.main([]) == 0
    assert editor_runs == [None]


def test_no_display_is_explained(monkeypatch, capsys, editor_runs):
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main(["open"]) == 2
    assert "没有可用的图形显示" in capsys.readouterr().err
    assert editor_runs == []


def test_missing_x11_library_is_named(monkeypatch, capsys, editor_runs):
    import ctypes

    def refuse(name, *args, **kwargs):
        raise OSError(f"{name}: libxcb-icccm.so.4: cannot open shared object file: No such file or directory")

    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(ctypes, "CDLL", refuse)
    assert cli.main(["open"]) == 2
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4" in err and "sudo apt install" in err
    assert editor_runs == []

