"""The command line's contract: exit codes and one Chinese line per error, never a traceback."""

import subprocess
import sys

import pytest

from drafter import __version__
from drafter.cli import main, translate


def run(*args):
    return subprocess.run([sys.executable, "-m", "drafter.cli", *args], capture_output=True, text=True,
                          timeout=120)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"drafter {__version__}"


def test_help_lists_every_command_in_chinese():
    result = run("--help")
    assert result.returncode == 0
    for name in ("open", "parse", "templates", "new", "export", "phrases", "library", "mine", "check"):
        assert name in result.stdout
    assert "讲话稿" in result.stdout


@pytest.mark.parametrize("args, words", [
    (["bogus"], "无效的命令"),
    (["parse"], "缺少必需的参数"),
    (["export", "a.draft"], "缺少必需的参数"),
    (["export", "a.draft", "-o", "b.docx", "--profile", "poster"], "取值"),
    (["templates", "--nonsense"], "无法识别的参数"),
])
def test_usage_errors_are_one_chinese_line_exit_2(args, words):
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_drafter_error_is_reported_with_exit_2(capsys, monkeypatch):
    from drafter.core.errors import DrafterError

    def fail(args):
        raise DrafterError("文件不存在", "无此稿.txt")

    import drafter.commands.parse as parse_command
    monkeypatch.setattr(parse_command, "register", lambda sub: sub.add_parser("parse").set_defaults(func=fail))
    assert main(["parse"]) == 2
    assert capsys.readouterr().err.strip() == "无此稿.txt：文件不存在"


def test_unexpected_failure_is_logged_not_shown(capsys, monkeypatch, drafter_home):
    def crash(args):
        raise RuntimeError("boom")

    import drafter.commands.templates as templates_command
    monkeypatch.setattr(templates_command, "register",
                        lambda sub: sub.add_parser("templates").set_defaults(func=crash))
    assert main(["templates"]) == 3
    err = capsys.readouterr().err
    assert "内部错误" in err and "Traceback" not in err
    log = (drafter_home / "logs" / "drafter.log").read_text("utf-8")
    assert "RuntimeError: boom" in log


def test_translate_leaves_unknown_messages():
    assert translate("something else") == "something else"


def test_output_into_a_closed_pipe_is_not_an_error():
    """`drafter phrases --json … | head -1`: the reader stops early; no error, no traceback."""
    result = subprocess.run(
        f"{sys.executable} -m drafter.cli phrases "" --limit 1000 --json | {sys.executable} -c \"import sys; sys.stdin.readline()\"",
        shell=True, capture_output=True, text=True, timeout=120)
    assert "内部错误" not in result.stderr and "Traceback" not in result.stderr
