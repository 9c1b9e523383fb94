"""帮助 → 运行环境: the doctor's report in the editor."""

from __future__ import annotations


def test_help_menu_shows_the_environment_report(window, ui):
    help_menu = [m for m in window.menuBar().actions() if m.text().startswith("帮助")][0].menu()
    assert [a.text() for a in help_menu.actions()] == ["运行环境", "关于"]
    window.act["environment"].trigger()
    (text,) = ui.messages("show_text")
    for heading in ("【版本】", "【文件夹】", "【字体】", "【功能】"):
        assert heading in text
    assert "✓ 导出 Word" in text and "✓ 读取讲话稿" in text
    assert "\n一切正常。" in text or "\n各项功能正常；有 " in text
