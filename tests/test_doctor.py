"""`drafter doctor`: the report of versions, folders, fonts and working parts."""

import subprocess
import sys

from drafter import diagnostics
from drafter.export.fonts import FONT_SETS, missing_fonts


def drafter(*args, env=None):
    return subprocess.run([sys.executable, "-m", "drafter.cli", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_doctor_reports_every_part_working():
    result = drafter("doctor")
    assert result.returncode == 0, result.stdout + result.stderr
    for heading in ("【版本】", "【文件夹】", "【字体】", "【功能】"):
        assert heading in result.stdout
    for label, _attempt in diagnostics.PARTS:
        assert f"✓ {label}：" in result.stdout
    assert result.stdout.rstrip().endswith("一切正常。")
    assert "Traceback" not in result.stderr


def test_a_part_that_fails_is_named_and_the_others_still_run(monkeypatch):
    def broken():
        raise FileNotFoundError("default-header.xml")

    monkeypatch.setattr(diagnostics, "PARTS", [("导出 Word", broken), *diagnostics.PARTS[:1]])
    sections = [("功能", diagnostics.parts())]
    text = diagnostics.format_report(sections)
    assert "✗ 导出 Word：FileNotFoundError: default-header.xml" in text
    assert "✓ 读取讲话稿" in text
    assert text.endswith("有 1 项不能正常工作：导出 Word")
    assert not diagnostics.all_ok(sections)


def test_missing_fonts_by_either_name():
    gb = FONT_SETS["gb2312"]
    assert missing_fonts(gb, {"FangSong_GB2312", "KaiTi_GB2312", "黑体", "宋体"}) == ["方正小标宋简体"]
    assert missing_fonts(FONT_SETS["windows"], {"FangSong", "KaiTi", "SimHei", "SimSun"}) == []
    assert missing_fonts(gb, set()) == ["方正小标宋简体", "楷体_GB2312", "黑体", "仿宋_GB2312", "宋体"]


def test_version_imports_no_command():
    code = ("import sys; from drafter import cli; "
            "sys.argv = ['drafter', '--version']\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('drafter.commands.', 'docx', 'jieba', "
            "'PySide6', 'yaml', 'jinja2'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("drafter ")
    assert result.stdout.strip().splitlines()[-1] == "['drafter.commands._common']"


def test_help_lists_every_command_without_importing_them():
    result = drafter("-h")
    assert result.returncode == 0
    for name in ("open", "parse", "export", "check", "doctor", "library"):
        assert name in result.stdout
