"""`drafter compare` and `drafter rounds` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys

from drafter.cli import main
from drafter.core.storage import save_draft
from drafter.corpus.docx_review import resolve
from drafter.corpus.documents import parse_file
from drafter.export import export_draft
from tests.compare.conftest import marks_of, printed
from tests.compare.edits import SPEECHES, edit_every_way


def test_compare_a_file_with_itself_says_no_changes(capsys):
    assert main(["compare", str(SPEECHES[0]), str(SPEECHES[0])]) == 0
    assert capsys.readouterr().out.strip() == "两个版本没有差异。"


def test_rounds_and_compare_round_against_draft(tmp_path, capsys):
    path = tmp_path / "讲话.draft"
    old = parse_file(SPEECHES[1])
    save_draft(path, old)
    assert main(["rounds", "save", str(path), "第一稿"]) == 0
    new, moved = edit_every_way(old)
    save_draft(path, new)
    assert main(["rounds", "list", str(path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [r["name"] for r in listed] == ["第一稿"]
    assert main(["compare", f"{path}@第一稿", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert not data["identical"] and data["note"] is None
    assert any(m["heading"] == moved for m in data["moves"])
    assert {c["kind"] for c in data["changes"]} == {"changed", "inserted", "deleted", "moved_to"}
    out = tmp_path / "修订.docx"
    assert main(["compare", f"{path}@第一稿", str(path), "-o", str(out), "--author", "李四"]) == 0
    marks = marks_of(out.read_bytes())
    assert resolve(marks, True)[:len(printed(new))] == printed(new)
    capsys.readouterr()
    assert main(["rounds", "show", str(path), "第一稿", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [b["text"] for b in shown["blocks"]] == [b.text for b in old.blocks]
    assert main(["rounds", "restore", str(path), "第一稿"]) == 0
    assert main(["compare", f"{path}@第一稿", str(path)]) == 0
    assert "没有差异" in capsys.readouterr().out


def test_compare_docx_and_txt(tmp_path, capsys):
    old = parse_file(SPEECHES[2])
    new, _moved = edit_every_way(old)
    export_draft(old, tmp_path / "old.docx")
    export_draft(new, tmp_path / "new.txt")
    assert main(["compare", str(tmp_path / "old.docx"), str(tmp_path / "new.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["inserted"] >= 1 and data["moves"]


def run(*args):
    return subprocess.run([sys.executable, "-m", "drafter.cli", *args], check=False, capture_output=True, text=True, timeout=120)


def test_bad_input_is_one_chinese_line_exit_2(tmp_path):
    path = tmp_path / "a.draft"
    save_draft(path, parse_file(SPEECHES[0]))
    cases = [
        ([str(path) + "@第九稿", str(path)], "没有名为“第九稿”的轮次"),
        ([str(tmp_path / "none.txt"), str(path)], "文件不存在"),
        ([str(path), str(path), "-o", str(tmp_path / "x.pdf")], ".docx"),
        ([str(path), str(path), "-o", str(tmp_path / "nofolder" / "x.docx")], "文件夹不存在"),
    ]
    for args, words in cases:
        result = run("compare", *args)
        assert result.returncode == 2, result.stderr
        assert words in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_unrelated_speeches_get_a_note(capsys):
    assert main(["compare", str(SPEECHES[0]), str(SPEECHES[3])]) == 0
    captured = capsys.readouterr()
    assert "相同的文字很少" in captured.err and "新增" in captured.out


def test_a_reviewers_docx_counts_with_its_revisions_accepted(tmp_path, capsys):
    from tests.corpus.test_docx_review import _reviewed

    reviewed = _reviewed(tmp_path)
    sent = tmp_path / "送审稿.txt"
    sent.write_text("\n".join(["同志们：", "今天召开全市安全生产工作会议，主要任务是部署下半年工作。总体",
                               "一、认清形势。今年以来全市安全形势平稳。总体", "二、压实责任。各级要把责任落实到岗到人。总体",
                               "同志们，让我们共同努力！"]), "utf-8")
    assert main(["compare", str(sent), str(reviewed)]) == 0
    captured = capsys.readouterr()
    assert "按全部接受计算" in captured.err and "修改 3 段" in captured.out


def test_the_tracked_docx_of_a_confidential_draft_is_no_more_readable_than_it(tmp_path, capsys):
    import os
    import stat

    path = tmp_path / "内部.draft"
    old = parse_file(SPEECHES[1])
    save_draft(path, old)
    assert main(["rounds", "save", str(path), "第一稿"]) == 0
    save_draft(path, edit_every_way(old)[0])
    os.chmod(path, 0o640)
    out = tmp_path / "修订.docx"
    assert main(["compare", f"{path}@第一稿", str(path), "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    os.chmod(path, 0o644)                       # readable by all: the export as any new file
    public = tmp_path / "公开.docx"
    assert main(["compare", f"{path}@第一稿", str(path), "-o", str(public)]) == 0
    assert stat.S_IMODE(public.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
