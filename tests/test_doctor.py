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
    last = result.stdout.rstrip().splitlines()[-1]
    assert last == "一切正常。" or last.startswith("各项功能正常；有 "), last
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


def test_export_on_a_machine_without_the_fonts_works_and_says_so(tmp_path, monkeypatch, capsys):
    from drafter import cli
    from drafter.export import fonts

    monkeypatch.setattr(fonts, "installed_families", lambda: {"DejaVu Sans"})
    speech = tmp_path / "讲话.txt"
    speech.write_text("在全市工作会议上的讲话\n同志们：\n今天，我们召开会议。\n", "utf-8")
    assert cli.main(["export", str(speech), "-o", str(tmp_path / "out.docx")]) == 0
    err = capsys.readouterr().err
    assert (tmp_path / "out.docx").stat().st_size > 5000
    assert ("本机未安装 方正小标宋简体（以宋体代替）、楷体_GB2312（以楷体代替）、黑体、仿宋_GB2312（以仿宋代替）、"
            "宋体；文件照常导出") in err
    monkeypatch.setattr(fonts, "installed_families", lambda: {"方正小标宋简体", "KaiTi_GB2312", "SimHei",
                                                               "FangSong_GB2312", "宋体"})
    assert cli.main(["export", str(speech), "-o", str(tmp_path / "out.docx")]) == 0
    assert "本机未安装" not in capsys.readouterr().err


def test_missing_fonts_are_marked_as_a_note_not_a_failure(monkeypatch):
    from drafter.export import fonts

    monkeypatch.setattr(fonts, "installed_families", lambda: {"FangSong", "KaiTi", "SimHei", "SimSun"})
    monkeypatch.setattr(diagnostics, "installed_families", fonts.installed_families)
    sections = [("字体", diagnostics.fonts())]
    text = diagnostics.format_report(sections)
    assert "  ✓ 字体：Windows 字体（仿宋、楷体、黑体、宋体）：齐全" in text
    assert ("  ! 字体：GB2312 字体（仿宋_GB2312 等）：缺少 方正小标宋简体（以宋体代替）、楷体_GB2312（以楷体代替）、"
            "仿宋_GB2312（以仿宋代替）") in text
    assert text.endswith("各项功能正常；有 2 项提示（标 ! 的行），不影响使用。")
    assert diagnostics.all_ok(sections)
