"""The library on both backends (a real SQLite file and a real PostgreSQL server): import, list,
remove, re-import, killed and concurrent imports, ranking, queries and filters."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.core.errors import DrafterError
from drafter.corpus.library import open_library
from drafter.corpus.library.base import _fallback_title
from drafter.corpus.parser import parse_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "resources" / "corpus"


def speech(folder: Path, name: str, title: str, *lines: str) -> Path:
    path = folder / name
    path.write_text("\n".join((title, "同志们：", *lines)) + "\n", encoding="utf-8")
    return path


def corpus_copies(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(CORPUS.glob("*.txt"))
    paths = []
    for k in range(count):
        src = sources[k % len(sources)]
        path = folder / f"{k:03d}_{src.name}"
        path.write_text(src.read_text(encoding="utf-8") + f"\n第{k}稿到此结束。\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def library(library_location):
    with open_library(library_location) as lib:
        yield lib


def consistent(location: str) -> tuple[int, int]:
    """Every document has exactly the blocks it says it has and no path is there twice;
    returns (documents, blocks)."""
    with open_library(location) as lib:
        docs = lib.documents()
        assert len({d.path for d in docs}) == len(docs)
        total = 0
        for d in docs:
            blocks = lib.document_blocks(d.id)
            assert [b.idx for b in blocks] == list(range(d.blocks))
            total += len(blocks)
        return len(docs), total


# ----- add / list / remove / re-import ------------------------------------------------------------
def test_add_list_remove(library):
    results = list(library.add([CORPUS]))
    assert len(results) == 5 and all(r.added and r.error is None for r in results)
    docs = library.documents()
    assert len(docs) == 5 and all(d.blocks > 10 and d.chars > 1000 and "@" in d.added_by for d in docs)
    assert library.search("一天接着一天干")
    gone = docs[0]
    assert library.remove([gone.id, 9999]) == [gone.id]
    assert [d.id for d in library.documents()] == [d.id for d in docs[1:]]
    assert all(h.doc_id != gone.id for h in library.search("发展", limit=200))


def test_reimport_is_idempotent_and_picks_up_changes(library, tmp_path):
    path = speech(tmp_path, "稿.txt", "在全县作风建设大会上的讲话", "一、关于发展", "要抓铁有痕、踏石留印。")
    assert [r.added for r in library.add([path])] == [True]
    first = library.documents()
    assert [r.added for r in library.add([path, tmp_path])] == [False, False]
    assert library.documents() == first
    path.write_text(path.read_text("utf-8").replace("抓铁有痕、踏石留印", "久久为功、善作善成"), "utf-8")
    assert [r.added for r in library.add([path])] == [True]
    assert len(library.documents()) == 1
    assert library.search("抓铁有痕") == []
    [hit] = library.search("久久为功")
    assert hit.title == "在全县作风建设大会上的讲话" and hit.trail == "一、关于发展"


def test_titles_and_places_come_from_the_speech_not_the_file_name(library, tmp_path):
    path = speech(tmp_path, "a1b2c3d4.txt", "临江县县长在全县安全生产工作会议上的讲话", "今天召开会议。")
    list(library.add([path]))
    [doc] = library.documents()
    assert doc.title == "临江县县长在全县安全生产工作会议上的讲话"
    assert (doc.place, doc.level) == ("临江县", "县")


def _import_in_child(location: str, folder: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Ctrl+C reaches the child even when the tests run in the background (where SIGINT is ignored)
    code = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from drafter.cli import main; sys.exit(main(sys.argv[1:]))")
    return subprocess.Popen([sys.executable, "-c", code, "library", "add", str(folder), "--library", location],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_killed_import_leaves_a_consistent_library_and_the_rerun_completes(library_location, tmp_path):
    files = corpus_copies(tmp_path / "speeches", 60)
    child = _import_in_child(library_location, tmp_path / "speeches")
    deadline = time.monotonic() + 120
    with open_library(library_location) as lib:
        while len(lib.documents()) < 3 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
    assert child.poll() is None, "the import finished before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()
    docs, _ = consistent(library_location)
    assert 3 <= docs < len(files)
    rerun = _import_in_child(library_location, tmp_path / "speeches")
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{docs} 篇已在库中未变" in out
    assert consistent(library_location)[0] == len(files)


def test_two_processes_importing_at_once(library_location, tmp_path):
    corpus_copies(tmp_path / "a", 15)
    corpus_copies(tmp_path / "shared", 10)
    open_library(library_location).close()          # the schema exists before both start
    one = _import_in_child(library_location, tmp_path / "a")
    two = _import_in_child(library_location, tmp_path / "shared")
    three = _import_in_child(library_location, tmp_path / "shared")   # the same files twice at once
    for child in (one, two, three):
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
    docs, blocks = consistent(library_location)
    assert docs == 25
    with open_library(library_location) as lib:
        assert sum(d.blocks for d in lib.documents()) == blocks
        assert len(lib.search("第3稿到此结束")) == 2


def test_a_library_of_the_previous_version_is_upgraded_when_opened(library_location):
    """Version 3 stored marks hashed by CRC (and, on PostgreSQL, bigrams as text): opening it for
    writing recomputes them from the stored text, so search and 查重 find what they found before."""
    from drafter.corpus.library.fingerprints import marks

    source = CORPUS / "001_24c832e00ee742a1.txt"
    with open_library(library_location) as lib:
        list(lib.add([source]))
        [block] = [b for b in lib.document_blocks(lib.documents()[0].id) if len(b.content) > 60][:1]
        if library_location.startswith("postgresql://"):
            lib.db.execute("ALTER TABLE library_blocks ALTER COLUMN grams TYPE text[] USING '{}'")
            lib.db.execute("UPDATE library_blocks SET marks = '{}'")
            lib.db.execute("UPDATE library_meta SET value = '3' WHERE key = 'schema'")
        else:
            lib.db.execute("INSERT INTO marks_fts(marks_fts) VALUES ('delete-all')")
            lib.db.execute("PRAGMA user_version = 3")
    wanted = [h for _, h in marks(block.content)]
    with open_library(library_location) as lib:
        assert lib.search("清正廉洁")
        found = lib.blocks_with_marks(wanted, 10)
        assert all(block.id in ids for ids in found.values())
        assert [r.added for r in lib.add([source])] == [False]


# ----- ranking and queries ---------------------------------------------------------------------
def test_dense_short_block_outranks_long_block_and_headings_come_first(library, tmp_path):
    filler = "会议强调，要统筹推进各项工作，确保全年目标任务圆满完成。" * 12
    speech(tmp_path, "1.txt", "在全市经济工作会议上的讲话", "一、关于经济工作",
           filler + "同时也要关注乡村振兴。" + filler)
    speech(tmp_path, "2.txt", "在全市农村工作会议上的讲话", "一、关于农村工作",
           "乡村振兴是大事。抓乡村振兴，就要把乡村振兴的责任压实。")
    speech(tmp_path, "3.txt", "在全市三农工作会议上的讲话", "一、全面推进乡村振兴",
           "今年要把农业农村工作抓紧抓实，" + "稳住粮食生产。" * 5)
    list(library.add([tmp_path]))
    hits = library.search("乡村振兴")
    assert [h.heading for h in hits][:1] == [True] and hits[0].title == "在全市三农工作会议上的讲话"
    assert [h.title for h in hits[1:]] == ["在全市农村工作会议上的讲话", "在全市经济工作会议上的讲话"]
    assert hits[1].score > hits[2].score
    assert "全面推进乡村振兴" in hits[0].trail


def test_several_words_all_required_unless_quoted(library, tmp_path):
    speech(tmp_path, "1.txt", "讲话一", "加强作风建设，推进党风廉政建设。")
    speech(tmp_path, "2.txt", "讲话二", "加强作风建设，改进工作方法。")
    speech(tmp_path, "3.txt", "讲话三", "廉政教育要常抓不懈。")
    list(library.add([tmp_path]))
    assert [h.title for h in library.search("作风建设 廉政")] == ["讲话一"]
    assert {h.title for h in library.search("作风建设")} == {"讲话一", "讲话二"}
    assert library.search('"作风建设 廉政"') == []               # one phrase: 作风建设廉政 is nowhere
    assert [h.title for h in library.search("“作风建设，推进”")] == ["讲话一"]


def test_two_character_queries_are_ranked_like_the_rest(library, tmp_path):
    speech(tmp_path, "1.txt", "讲话一", "廉政廉政，廉政为先。", "今年要推进各项工作，" * 10 + "也讲廉政。")
    list(library.add([tmp_path]))
    hits = library.search("廉政")
    assert len(hits) == 2 and hits[0].score > hits[1].score and hits[0].text.startswith("廉政廉政")


def test_role_filter_and_year(library, tmp_path):
    list(library.add([CORPUS]))
    every = library.search("作风", limit=200)
    conduct = library.search("作风", limit=200, role="conduct")
    assert conduct and all(h.role == "conduct" for h in conduct)
    assert len(conduct) < len(every)
    assert library.search("作风", year="1999") == []


@pytest.mark.parametrize("query, words", [("廉", "一个字"), ("，。！", "标点"), ("   ", "为空"), ("“ ”", "标点")])
def test_one_character_or_punctuation_query_is_refused(library, query, words):
    with pytest.raises(DrafterError) as info:
        library.search(query)
    assert words in info.value.message


def test_both_backends_give_the_same_results(pg_server, tmp_path):
    url = pg_server.create_database(f"same{os.getpid()}")
    files = corpus_copies(tmp_path / "speeches", 8)
    with open_library(tmp_path / "lib.sqlite3") as lite, open_library(url) as pg:
        list(lite.add(files))
        list(pg.add(files))
        for query in ("发展", "安全生产", "作风建设 廉政", "项目建设", "一天接着一天干", "第3稿"):
            ours = [(h.path, h.block, h.score) for h in lite.search(query, limit=30)]
            assert ours == [(h.path, h.block, h.score) for h in pg.search(query, limit=30)], query
            assert ours, query



def test_totals_kept_between_searches_follow_another_writer(pg_server, tmp_path):
    """Both backends keep the library's totals (BM25's block count and mean length) between
    searches: another writer's removal or import must change the scores as it does on SQLite."""
    url = pg_server.create_database(f"totals{os.getpid()}")
    files = corpus_copies(tmp_path / "speeches", 6)
    lite_path = tmp_path / "lib.sqlite3"
    with open_library(lite_path) as lite, open_library(url) as pg:
        list(lite.add(files[:4]))
        list(pg.add(files[:4]))
        before = [(h.block, h.score) for h in pg.search("发展", limit=10)]
        assert before == [(h.block, h.score) for h in lite.search("发展", limit=10)]
        for location in (lite_path, url):
            with open_library(location) as other:
                other.remove([other.documents()[0].id])
        removed = [(h.block, h.score) for h in pg.search("发展", limit=10)]
        assert removed == [(h.block, h.score) for h in lite.search("发展", limit=10)] != before
        for location in (lite_path, url):
            with open_library(location) as other:
                list(other.add(files[4:5]))
        assert [(h.path, h.score) for h in pg.search("发展", limit=10)] == \
            [(h.path, h.score) for h in lite.search("发展", limit=10)]


@pytest.mark.parametrize("reading", ["key", "index", "index-wide", "index-rest", "chosen"])
def test_postgres_reads_the_newest_matches_in_windows_or_by_the_index_alike(pg_server, tmp_path, monkeypatch,
                                                                             reading):
    """Small windows so that every way PostgreSQL finds the newest matches runs (along the key or
    through the GIN index one block a window, limited by bucket codes two blocks wide, so every
    block is at a window's and a bucket's edge; the GIN bitmap over the rest after a first window
    of each size; the choice between them): the same blocks as SQLite's, newest first, with and
    without filters."""
    from drafter.corpus.library import postgres
    from drafter.corpus.library.base import Filters, parse_query

    firsts = {"key": [1], "index": [1], "index-wide": [1, 7], "index-rest": list(range(1, 25)), "chosen": [10]}[reading]
    steps = {"key": lambda *a: ("key", 1), "index": lambda *a: ("index", 1),
             "index-wide": lambda *a: ("index", 45),        # coarse bucket codes (32 blocks) inside, fine at the edges
             "index-rest": lambda found, scanned, need, left: ("index", left)}
    if reading in steps:
        monkeypatch.setattr(postgres, "_next_step", steps[reading])
    else:
        monkeypatch.setattr(postgres, "_KEY_ROWS", 30)
    monkeypatch.setattr(postgres, "BUCKET_SHIFT", 1)       # buckets of two blocks: windows cross them
    url = pg_server.create_database(f"win{os.getpid()}{reading}")
    files = corpus_copies(tmp_path / "speeches", 8)
    with open_library(tmp_path / "lib.sqlite3") as lite, open_library(url) as pg:
        list(lite.add(files))
        list(pg.add(files))
        cases = [("发展", Filters()), ("安全生产", Filters()), ("作风建设 廉政", Filters()), ("第3稿", Filters()),
                 ("发展", Filters(role="conduct")), ("工作", Filters(year="1999"))]
        for first in firsts:
            monkeypatch.setattr(postgres, "_WINDOW", first)
            for query, filters in cases[:1] if first > 1 else cases:
                parsed = parse_query(query)
                for cap in (5, 20, 300):
                    ours = lite._match(parsed.phrases(), parsed.terms, filters, cap)
                    assert ours == sorted(ours, reverse=True)
                    assert pg._match(parsed.phrases(), parsed.terms, filters, cap) == ours, (query, filters, cap)
        for query in ("发展", "作风建设 廉政", "一天接着一天干"):
            assert [(h.path, h.block, h.score) for h in lite.search(query, limit=30)] == \
                [(h.path, h.block, h.score) for h in pg.search(query, limit=30)], query

def test_a_postgres_library_of_version_4_is_searched_as_it_is_and_upgraded_when_asked(pg_server, tmp_path,
                                                                                     monkeypatch, capsys):
    """Version 4 had no bucket codes in the blocks' bigram codes.  Opened, it is searched without
    them (adding them takes minutes for a large library, never done unasked; a file imported
    meanwhile gets its codes); ``drafter library add`` adds them first, saying so, and searches
    limited to a window of buckets then find what SQLite finds."""
    from drafter.corpus.library import postgres
    from drafter.corpus.library.terms import COARSE, COARSE_BASE, FINE_BASE

    url = pg_server.create_database(f"v4{os.getpid()}")
    files = corpus_copies(tmp_path / "speeches", 7)
    with open_library(url) as pg:
        list(pg.add(files[:5]))
        pg.db.execute("UPDATE library_blocks SET grams = array_remove(array_remove(grams, (%s + (id >> %s))::integer), "
                      "(%s + (id >> %s) / %s)::integer)", (FINE_BASE, postgres.BUCKET_SHIFT, COARSE_BASE,
                                                           postgres.BUCKET_SHIFT, COARSE))
        pg.db.execute("DELETE FROM library_meta WHERE key = 'bucket_shift'")
        pg.db.execute("UPDATE library_meta SET value = '4' WHERE key = 'schema'")
    monkeypatch.setattr(postgres, "BUCKET_SHIFT", 2)       # the upgrade's bucket size is kept with the library
    monkeypatch.setattr(postgres, "_next_step", lambda *a: ("index", 77))    # fine and coarse codes
    monkeypatch.setattr(postgres, "_WINDOW", 3)
    no_codes = "SELECT count(*) FROM library_blocks WHERE NOT grams @> ARRAY[(%s + (id >> 2))::integer, " \
               "(%s + (id >> 2) / %s)::integer]"
    with open_library(tmp_path / "lib.sqlite3") as lite:
        list(lite.add(files[:5]))
        for readonly in (True, False):
            with open_library(url, readonly=readonly) as pg:
                assert pg.pending_upgrade() and "段" in pg.pending_upgrade()
                if not readonly:
                    list(pg.add(files[5:6]))
                    list(lite.add(files[5:6]))
                for query in ("发展", "作风建设 廉政", "安全生产"):
                    assert [(h.path, h.block, h.score) for h in lite.search(query, limit=30)] == \
                        [(h.path, h.block, h.score) for h in pg.search(query, limit=30)], (query, readonly)
                assert pg.db.execute("SELECT value FROM library_meta WHERE key = 'schema'").fetchone() == ("4",)
        assert main(["library", "add", str(files[6]), "--library", url]) == 0
        out = capsys.readouterr().out
        assert "讲话稿库格式升级（一次性）" in out and "升级完成" in out and "共导入 1 篇" in out
        list(lite.add(files[6:]))
        with open_library(url) as pg:
            assert pg.pending_upgrade() is None and not pg.upgrade()
            assert pg.db.execute("SELECT value FROM library_meta WHERE key IN ('schema', 'bucket_shift') "
                                 "ORDER BY key").fetchall() == [("2",), ("5",)]
            assert pg.db.execute(no_codes, (FINE_BASE, COARSE_BASE, COARSE)).fetchone()[0] == 0
            # the file imported into version 4 had its codes already: not added twice
            assert pg.db.execute("SELECT count(*) FROM library_blocks WHERE cardinality(grams) <> "
                                 "cardinality(ARRAY(SELECT DISTINCT unnest(grams)))").fetchone()[0] == 0
            for query in ("发展", "作风建设 廉政", "安全生产"):
                assert [(h.path, h.block, h.score) for h in lite.search(query, limit=30)] == \
                    [(h.path, h.block, h.score) for h in pg.search(query, limit=30)], query
            assert [r.added for r in pg.add(files[:1])] == [False]
    assert main(["library", "upgrade", "--library", url]) == 0
    assert "无需升级" in capsys.readouterr().out


# ----- bad input --------------------------------------------------------------------------------
def test_non_regular_files_are_skipped_before_reading(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / "001_24c832e00ee742a1.txt", folder / "好.txt")
    os.mkfifo(folder / "管道.txt")
    (folder / "循环.txt").symlink_to(folder / "循环.txt")
    location = str(tmp_path / "lib.sqlite3")
    assert main(["library", "add", str(folder), "--library", location]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("已跳过 2 个非普通文件") and "命名管道" in first and "符号链接循环" in first
    assert "共导入 1 篇" in out and "跳过 2 个非普通文件" in out


def test_bad_files_are_reported_and_the_rest_imported(library, tmp_path):
    shutil.copy(CORPUS / "001_24c832e00ee742a1.txt", tmp_path / "好.txt")
    (tmp_path / "坏.docx").write_bytes(b"not a zip at all")
    results = {r.path.name: r for r in library.add([tmp_path, tmp_path / "无此文件.txt"])}
    assert results["好.txt"].added
    assert "坏.docx" in results["坏.docx"].error.message
    assert "不存在" in results["无此文件.txt"].error.message


def test_results_come_in_file_order_each_once_after_its_file_is_stored(library, library_location, tmp_path):
    # PostgreSQL stores file N while file N+1 is read: results must still come one a file, in order,
    # a bad file between good ones reported in its place, and all good files stored by the end
    names = ["1好.txt", "2坏.docx", "3好.txt", "4好.txt"]
    for name, src in zip(names, ("001_24c832e00ee742a1.txt", None, "002_df22016b5cea91c3.txt",
                                 "000_2149ed366db6bb90.txt")):
        if src:
            shutil.copy(CORPUS / src, tmp_path / name)
        else:
            (tmp_path / name).write_bytes(b"not a zip at all")
    results = list(library.add([tmp_path / n for n in names] + [tmp_path / "1好.txt"]))
    assert [r.path.name for r in results] == names + ["1好.txt"]
    assert [r.added for r in results] == [True, False, True, True, False]
    assert results[1].error is not None and results[4].error is None
    assert sorted(Path(d.path).name for d in library.documents()) == ["1好.txt", "3好.txt", "4好.txt"]
    assert consistent(library_location) == (3, sum(d.blocks for d in library.documents()))


def test_text_with_backslashes_tabs_and_line_breaks_is_stored_as_it_is(library, tmp_path):
    # PostgreSQL's blocks are written as COPY text: its escapes must not change a character
    odd = "路径C:\\新建\\n文件夹，制表\t之后，还有\\t和\\\\两个。"
    path = speech(tmp_path, "怪.txt", "在全市工作会议上的讲话", "一、总体要求", odd)
    list(library.add([path]))
    [doc] = library.documents()
    assert any(odd in b.content for b in library.document_blocks(doc.id))
    assert library.search("制表")


def test_a_file_that_is_not_a_database_is_said_so(tmp_path):
    db = tmp_path / "lib.sqlite3"
    db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DrafterError) as info:
        open_library(db)
    assert "不是 SQLite 数据库" in info.value.message and str(db) in info.value.message


def test_locked_library_says_locked_and_search_still_works(tmp_path):
    location = tmp_path / "lib.sqlite3"
    with open_library(location) as lib:
        list(lib.add([CORPUS / "001_24c832e00ee742a1.txt"]))
    from drafter.corpus.library.sqlite import SQLiteLibrary

    other = SQLiteLibrary(location)
    other.db.execute("BEGIN IMMEDIATE")                  # another writer in the middle of an import
    try:
        with SQLiteLibrary(location, busy_ms=200) as lib:
            with pytest.raises(DrafterError) as info:
                lib.add_file(CORPUS / "002_df22016b5cea91c3.txt")
            assert "已锁定" in info.value.message and "损坏" not in info.value.message
            assert lib.search("清正廉洁")
    finally:
        other.db.execute("ROLLBACK")
        other.close()


def test_read_only_library_searches_but_refuses_to_add(tmp_path):
    location = tmp_path / "lib.sqlite3"
    with open_library(location) as lib:
        list(lib.add([CORPUS / "001_24c832e00ee742a1.txt"]))
    with open_library(location, readonly=True) as lib:
        assert lib.search("清正廉洁")
        with pytest.raises(DrafterError) as info:
            list(lib.add([CORPUS / "002_df22016b5cea91c3.txt"]))
        assert "只读" in info.value.message


def test_full_disk_is_said_and_nothing_half_written(tmp_path):
    location = tmp_path / "lib.sqlite3"
    with open_library(location) as lib:
        list(lib.add([CORPUS / "001_24c832e00ee742a1.txt"]))
        pages = lib.db.execute("PRAGMA page_count").fetchone()[0]
        lib.db.execute(f"PRAGMA max_page_count = {pages + 2}")   # the disk fills up during the next import
        with pytest.raises(DrafterError) as info:
            list(lib.add([CORPUS / "000_2149ed366db6bb90.txt"]))
        assert "磁盘空间已满" in info.value.message and "损坏" not in info.value.message
        assert len(lib.documents()) == 1 and lib.search("清正廉洁")
    assert consistent(str(location)) [0] == 1


def test_server_down_and_wrong_password(pg_server):
    with pytest.raises(DrafterError) as info:
        open_library(pg_server.url_for("postgres", password="wrong"))
    assert "用户名或密码不对" in info.value.message and "wrong" not in info.value.message
    from tests.pgserver import _free_port

    with pytest.raises(DrafterError) as info:
        open_library(f"postgresql://drafter@127.0.0.1:{_free_port()}/lib")
    assert "无法连接讲话稿库服务器" in info.value.message


# ----- command line -----------------------------------------------------------------------------
def test_command_line(capsys, drafter_home, monkeypatch):
    assert main(["library", "add", str(CORPUS)]) == 0
    assert "共导入 5 篇" in capsys.readouterr().out
    assert (drafter_home / "library.sqlite3").exists()
    assert main(["library", "search", "早开工", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all("早开工" in h["text"] and h["part"] for h in hits)
    assert main(["library", "list", "--json"]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert len(docs) == 5 and {"id", "title", "path", "added_by", "date", "speaker"} <= set(docs[0])
    assert main(["library", "remove", str(docs[0]["id"])]) == 0
    assert "已删除 1 篇" in capsys.readouterr().out
    assert main(["library", "remove", str(docs[0]["id"])]) == 2
    assert main(["library", "search", "廉"]) == 2
    assert "一个字" in capsys.readouterr().err
    assert main(["library", "add", str(drafter_home / "无此文件.txt")]) == 2
    assert "不存在" in capsys.readouterr().err
    other = drafter_home / "other.sqlite3"
    monkeypatch.setenv("DRAFTER_LIBRARY", str(other))
    assert main(["library", "add", str(CORPUS / "001_24c832e00ee742a1.txt")]) == 0
    assert other.is_file()
    assert main(["library", "list"]) == 0
    assert "共 1 篇" in capsys.readouterr().out


def test_ctrl_c_leaves_the_library_consistent(library_location, tmp_path):
    files = corpus_copies(tmp_path / "speeches", 60)
    child = _import_in_child(library_location, tmp_path / "speeches")
    deadline = time.monotonic() + 120
    with open_library(library_location) as lib:
        while len(lib.documents()) < 2 and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.05)
    assert child.poll() is None, "the import finished before it could be interrupted"
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130 and "已中断" in err and "保持完好" in err
    docs, _ = consistent(library_location)
    assert 2 <= docs < len(files)


def test_read_only_server_account_searches_but_cannot_add(pg_server):
    import psycopg

    url = pg_server.create_database(f"ro{os.getpid()}")
    with open_library(url) as lib:
        list(lib.add([CORPUS / "001_24c832e00ee742a1.txt"]))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS reader")
        conn.execute("CREATE ROLE reader LOGIN PASSWORD 'reader'")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    reader = url.replace("drafter:drafter-test@", "reader:reader@")
    with open_library(reader) as lib:
        assert lib.search("清正廉洁")
        with pytest.raises(DrafterError) as info:
            list(lib.add([CORPUS / "002_df22016b5cea91c3.txt"]))
        assert "只读" in info.value.message and "reader@" in info.value.message
        assert "reader:reader" not in info.value.message


def test_a_speech_without_a_title_is_listed_as_untitled_with_its_first_words(tmp_path):
    draft = parse_text("今天我们召开这次工作调度会，主要任务是深入贯彻落实中央、省委部署。\n")
    assert _fallback_title(tmp_path / "a1b2c3.txt", draft) == "（无标题）今天我们召开这次工作调度会，主要任务是深……"
    assert _fallback_title(tmp_path / "县长讲话.txt", draft) == "县长讲话"
