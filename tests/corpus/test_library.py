"""The local library: a real SQLite file, real corpus speeches, the real command line."""

import json
import shutil
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.core.errors import DrafterError
from drafter.corpus.library import Library

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"


@pytest.fixture
def library(tmp_path):
    with Library(tmp_path / "lib.sqlite3") as lib:
        yield lib


def test_import_folder_and_search(library):
    results = list(library.add([CORPUS]))
    assert len(results) == 5 and all(r.added and r.error is None for r in results)
    assert len(library.documents()) == 5
    hits = library.search("一天接着一天干")
    assert hits and all("一天接着一天干" in h.text for h in hits)
    assert {Path(h.path).name for h in hits} <= {p.name for p in CORPUS.iterdir()}
    # two-character queries fall back to a scan and still find
    assert any("廉政" in h.text for h in library.search("廉政", limit=5))


def test_hits_carry_role_and_marker(library):
    list(library.add([CORPUS / "000_2149ed366db6bb90.txt"]))
    [hit] = [h for h in library.search("要在项目建设上求突破") if h.marker]
    assert hit.marker == "2." and hit.role in ("tasks", "review")
    assert "要在项目建设上求突破" in hit.snippet("要在项目建设上求突破")


def test_reimport_skips_unchanged_and_replaces_changed(library, tmp_path):
    path = tmp_path / "稿.txt"
    path.write_text("同志们：\n今天召开会议，部署全年工作。\n一、关于发展\n要抓铁有痕、踏石留印。\n", "utf-8")
    assert [r.added for r in library.add([path])] == [True]
    assert [r.added for r in library.add([path])] == [False]
    path.write_text("同志们：\n今天召开会议，部署全年工作。\n一、关于发展\n要久久为功、善作善成。\n", "utf-8")
    assert [r.added for r in library.add([path])] == [True]
    assert library.search("抓铁有痕") == []
    assert len(library.search("久久为功")) == 1


def test_bad_files_are_reported_and_the_rest_imported(library, tmp_path):
    shutil.copy(CORPUS / "001_24c832e00ee742a1.txt", tmp_path / "好.txt")
    (tmp_path / "坏.docx").write_bytes(b"not a zip at all")
    results = {r.path.name: r for r in library.add([tmp_path, tmp_path / "无此文件.txt"])}
    assert results["好.txt"].added
    assert "坏.docx" in results["坏.docx"].error.message
    assert "不存在" in results["无此文件.txt"].error.message


def test_corrupt_database_file_is_a_clear_error(tmp_path):
    db = tmp_path / "lib.sqlite3"
    db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DrafterError) as info:
        Library(db)
    assert "不是 SQLite 数据库" in info.value.message and str(db) in info.value.message


def test_empty_query(library):
    with pytest.raises(DrafterError):
        library.search("  ")


def test_command_line(capsys, drafter_home):
    assert main(["library", "add", str(CORPUS)]) == 0
    assert "共导入 5 篇" in capsys.readouterr().out
    assert (drafter_home / "library.sqlite3").exists()
    assert main(["library", "search", "早开工", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all("早开工" in h["text"] for h in hits)
    assert main(["library", "add", str(drafter_home / "无此文件.txt")]) == 2
    assert "不存在" in capsys.readouterr().err
