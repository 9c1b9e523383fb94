"""``drafter check``: report grouped by part, --json, exit codes 0/1/2."""

import json
import subprocess
import sys

import pytest

from drafter.cli import main
from drafter.core import paths
from drafter.core.model import Block, Draft
from drafter.core.storage import save_draft
from drafter.corpus.documents import load_document
from drafter.corpus.library import open_library
from drafter.export import export_draft
from tests.checks.conftest import corpus_file

CLEAN = ("同志们：\n今天，我们召开全市安全生产工作会议。下面，我讲两点意见：\n"
         "一、认清形势\n今年以来，全市安全生产形势总体平稳。\n"
         "二、压实责任\n各地各部门要坚决扛起安全生产责任。\n")


def clean_draft() -> Draft:
    return Draft(title="在全市安全生产工作会议上的讲话", fields={"城市": "临江市"}, blocks=[
        Block.paragraph("今天，我们召开全市安全生产工作会议。下面，我讲两点意见：", "opening"),
        Block.heading(1, "认清形势"), Block.paragraph("今年以来，全市安全生产形势总体平稳。"),
        Block.heading(1, "压实责任"), Block.paragraph("各地各部门要坚决扛起安全生产责任。")])


def test_clean_text_exits_0(tmp_path, capsys):
    path = tmp_path / "讲话.txt"
    path.write_text(CLEAN, encoding="utf-8")
    assert main(["check", str(path), "--place", "临江市"]) == 0
    out = capsys.readouterr().out
    assert "错误 0 处" in out and "未发现错误或需要提醒的问题" in out and "【全文】" in out


def test_corpus_with_placeholders_exits_1_grouped_by_part(capsys):
    path = corpus_file("000")
    assert main(["check", str(path), "--no-library"]) == 1
    out = capsys.readouterr().out
    assert "【开头】" in out and "【一、关于全市经济社会发展工作】" in out and "【二、关于党风廉政建设工作】" in out
    assert "第 2 段　错误（宣布的数目）" in out and "建议：改为“讲两方面意见”" in out
    draft = load_document(path)
    heading = next(i for i, b in enumerate(draft.blocks) if b.is_heading and "**" in b.text + b.body)
    assert f"第 {heading + 1} 段“{draft.blocks[heading].source_marker}”　错误" in out


def test_json_is_a_list_of_objects(capsys):
    assert main(["check", str(corpus_file("000")), "--json", "--no-library", "--budget", "30"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and data
    keys = {"check", "severity", "block", "start", "end", "message", "suggestion", "field", "source", "name",
            "marker", "section"}
    assert all(set(item) == keys for item in data)
    assert {item["severity"] for item in data} <= {"error", "warning", "info"}
    over = [item for item in data if item["check"] == "length" and item["block"] is None]
    assert over[0]["severity"] == "warning" and "超出" in over[0]["message"]
    placeholder = next(item for item in data if item["check"] == "placeholder")
    assert isinstance(placeholder["block"], int) and placeholder["end"] > placeholder["start"]


def test_draft_and_docx_inputs(tmp_path, capsys):
    draft_path = tmp_path / "讲话.draft"
    save_draft(draft_path, clean_draft())
    assert main(["check", str(draft_path), "--json"]) == 0
    assert not [f for f in json.loads(capsys.readouterr().out) if f["severity"] != "info"]
    broken = clean_draft()
    broken.blocks[2].text = "今年以来，全市安全生产形势总体平稳，**起事故已经结案。"
    docx = tmp_path / "讲话.docx"
    export_draft(broken, docx)
    assert main(["check", str(docx), "--json", "--only", "placeholder"]) == 1
    [finding] = json.loads(capsys.readouterr().out)
    assert finding["check"] == "placeholder" and "**" in finding["message"]


def test_uses_the_user_library_unless_told_not_to(tmp_path, capsys):
    with open_library(paths.library_db()) as lib:
        list(lib.add([corpus_file("003")]))
    copy = tmp_path / "copy.txt"
    copy.write_text(corpus_file("003").read_text(encoding="utf-8"), encoding="utf-8")
    main(["check", str(copy), "--json", "--only", "overlap"])
    assert json.loads(capsys.readouterr().out)
    main(["check", str(copy), "--json", "--only", "overlap", "--no-library"])
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("args, words", [
    (["missing.txt"], "不存在"),
    (["{clean}", "--budget", "0"], "时限"),
    (["{clean}", "--rate", "-5"], "每分钟"),
    (["{clean}", "--only", "spelling"], "spelling"),
    (["{clean}", "--library", "nowhere.sqlite3"], "讲话稿库"),
    (["{pdf}"], "不支持"),
])
def test_bad_input_exits_2_with_one_chinese_line(tmp_path, args, words):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    bad_rules = tmp_path / "rules.yaml"
    bad_rules.write_text("outdated: [\n", encoding="utf-8")
    pdf = tmp_path / "讲话.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    args = [a.format(clean=clean, bad_rules=bad_rules, pdf=pdf) for a in args]
    result = subprocess.run([sys.executable, "-m", "drafter.cli", "check", *args], check=False,
                            capture_output=True,
                            text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize("body, words", [
    ("outdated: [\n", "第 2 行"),
    ("wrong:\n  - pattern: '(a+)+$'\n    use: x\n    reason: y\n", "嵌套"),
    ("formulae:\n  - name: 四个意识\n    members: [只有一项]\n", "第 2 行"),
])
def test_bad_rules_file_is_named_and_the_other_checks_still_run(tmp_path, body, words):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN.replace("总体平稳", "总体平稳，**起事故已结案"), encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rules.write_text(body, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "drafter.cli", "check", str(clean), "--rules", str(rules),
                             "--place", "临江市", "--no-library"],
                            check=False, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr  # the placeholder error
    [line] = result.stderr.strip().splitlines()
    assert "rules.yaml" in line and words in line
    assert "未填占位" in result.stdout and "补充规则文件未采用" in result.stdout


def test_damaged_division_data_skips_only_place_names(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN.replace("全市安全生产形势", "全县上下安全生产形势"), encoding="utf-8")
    data = tmp_path / "divisions.tsv"
    data.write_text("110000\t\t北京市\n损坏的一行\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "drafter.cli", "check", str(clean), "--divisions", str(data),
                             "--place", "临江市", "--no-library", "--json"],
                            check=False, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 1 and "divisions.tsv" in result.stderr and "第 2 行" in result.stderr
    found = json.loads(result.stdout)
    assert any(f["source"] and f["source"].get("skipped") for f in found)
    assert any(f["check"] == "place" and f["severity"] == "error" and "全县上下" in f["message"] for f in found)


def test_broken_user_library_skips_only_the_overlap_check(tmp_path, capsys):
    paths.library_db().write_bytes(b"this is not a database" * 100)
    path = tmp_path / "讲话.txt"
    path.write_text(CLEAN, encoding="utf-8")
    assert main(["check", str(path), "--place", "临江市"]) == 0
    captured = capsys.readouterr()
    assert "未查重" in captured.err and "错误 0 处" in captured.out


def test_many_placeholders_of_one_paragraph_are_one_line_of_the_report(tmp_path, capsys):
    # an anonymised review paragraph (the seed corpus's 004 has 117 such marks): one line a paragraph
    review = ("上半年，全市地区生产总值完成**亿元，增长*.*%；固定资产投资增长**%，"
              "其中工业投资增长**%；社会消费品零售总额**亿元。2024年X月X日起开展专项行动。")
    path = tmp_path / "s.txt"
    path.write_text(f"同志们：\n{review}\n要抓好“走遍**”活动。\n", encoding="utf-8")
    assert main(["check", str(path), "--no-library", "--only", "placeholder"]) == 1
    out = capsys.readouterr().out
    assert "错误 8 处" in out  # the count stays the true one
    assert out.count("本段 7 处占位未填") == 1 and "“**”×4" in out and "“*.*”" in out
    assert "占位符：“**”（要抓好“走遍**”活动。）" in out  # a paragraph with one is said as before
    assert main(["check", str(path), "--no-library", "--only", "placeholder", "--json"]) == 1
    assert len(json.loads(capsys.readouterr().out)) == 8  # --json keeps every mark with its place
