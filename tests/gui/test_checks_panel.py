"""The 审校 panel on a real corpus speech: findings as run_checks gives them, summary counts,
jumping to a finding's span, options that persist, 同步宣布的数目 and automatic re-runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from drafter.checks import CHECK_NAMES, CheckOptions, run_checks
from drafter.checks.base import SEVERITY_NAMES
from drafter.core import paths
from drafter.core.errors import DrafterError
from drafter.corpus.documents import load_document
from drafter.editing import checking
from drafter.gui import checks_panel, settings
from drafter.gui.checks_panel import ChecksPanel
from tests.gui.conftest import type_text

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"
SPEECH = "000_2149ed366db6bb90.txt"     # ** placeholders, 讲*方面意见 with 2 parts


def key(f) -> tuple:
    return (f.check, f.severity, f.block, f.start, f.end, f.message, f.suggestion)


@pytest.fixture
def speech(window, tmp_path) -> Path:
    path = tmp_path / SPEECH
    shutil.copy(CORPUS / SPEECH, path)
    assert window.files.open_path(path)
    return path


def content(window, index: int) -> str:
    block = window.draft.blocks[index]
    return block.text + block.body


def selected(window) -> str:
    return window.editor.textCursor().selectedText()


def item_for(panel: ChecksPanel, predicate):
    return next(item for item in panel.items() if predicate(item.data(0, checks_panel.FINDING_ROLE).finding))


def test_run_lists_the_findings_of_run_checks_with_summary(window, speech):
    window.act["checks"].trigger()                   # 工具 → 审校 (F7)
    panel = window.checks
    expected = run_checks(load_document(speech), CheckOptions())
    assert [key(f) for f in panel.findings()] == [key(f) for f in expected]
    counts = {s: sum(1 for f in expected if f.severity == s) for s in ("error", "warning", "info")}
    assert counts["error"] > 0 and any(f.check == "announcement" for f in expected)
    assert panel.summary.text().startswith(f"错误 {counts['error']}、提醒 {counts['warning']}、信息 {counts['info']}")
    # grouped by severity, errors first, with the count of each group
    labels = [f"{SEVERITY_NAMES[s]}（{n}）" for s, n in counts.items() if n]
    assert panel.group_labels() == labels
    assert len(panel.items()) == len(expected)
    item = item_for(panel, lambda f: f.check == "announcement")
    assert item.text(0).startswith(f"第 2 段 · {CHECK_NAMES['announcement']}")
    assert "讲*方面意见" in item.text(0) and "建议：改为“讲两方面意见”" in item.toolTip(0)
    assert window.checks_dock.isVisible()


def test_findings_grouped_by_part(window, speech):
    panel = window.checks
    panel.grouping.setCurrentIndex(panel.grouping.findData("section"))
    window.run_checks()
    labels = panel.group_labels()
    assert labels[0].startswith("全文（") and labels[1].startswith("开头（")
    assert any(label.startswith("一、关于全市经济社会发展工作（") for label in labels)
    assert any(label.startswith("二、关于党风廉政建设工作（") for label in labels)
    assert len(panel.items()) == len(panel.findings())
    assert settings.load()["check_group"] == "section"


def test_activating_a_finding_selects_its_span(window, qtbot, speech):
    window.run_checks()
    panel = window.checks
    # a paragraph: Enter on the item
    item = item_for(panel, lambda f: f.check == "announcement")
    f = item.data(0, checks_panel.FINDING_ROLE).finding
    panel.tree.setFocus()
    panel.tree.setCurrentItem(item)
    qtbot.keyClick(panel.tree, Qt.Key_Return)
    assert window.editor.current_index() == f.block
    assert selected(window) == content(window, f.block)[f.start:f.end] == "*"
    # a heading's run-in body: double click
    body_hit = next(g for g in panel.findings() if g.block is not None and g.start is not None
                    and window.draft.blocks[g.block].is_heading
                    and g.start >= len(window.draft.blocks[g.block].text))
    item = item_for(panel, lambda g: g is body_hit)
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.LeftButton, pos=rect.center())   # a double click is
    qtbot.mouseDClick(panel.tree.viewport(), Qt.LeftButton, pos=rect.center())  # press, release, press
    start = window.editor.document().findBlockByNumber(body_hit.block).position()
    assert window.editor.current_index() == body_hit.block
    assert window.editor.textCursor().selectionStart() - start >= len(window.draft.blocks[body_hit.block].text)
    assert selected(window) == content(window, body_hit.block)[body_hit.start:body_hit.end]
    assert selected(window).strip("*＊.") == ""


def test_a_finding_follows_its_paragraph_when_sections_move(window, speech):
    window.run_checks()
    panel = window.checks
    last = max((f for f in panel.findings() if f.block is not None and f.start is not None), key=lambda f: f.block)
    text = content(window, last.block)[last.start:last.end]
    paragraph = window.draft.blocks[last.block]
    heading = window.draft.parent_of(last.block)
    while window.draft.blocks[heading].level > 1:
        heading = window.draft.parent_of(heading)
    window.editor.focus_block(heading)
    window.act["up"].trigger()                       # 二、 moves before 一、
    assert "内容已修改" in panel.summary.text()
    shown = next(s for s in panel.shown if s.finding is last)
    window.show_finding(shown)
    now = window.draft.blocks.index(paragraph)
    assert now != last.block and window.editor.current_index() == now
    assert selected(window) == text


def test_budget_option_adds_a_length_warning_and_persists(window, speech):
    window.run_checks()
    panel = window.checks
    assert not [f for f in panel.findings() if f.check == "length" and f.severity == "warning"]
    panel.budget.setValue(20)
    panel.rate.setValue(250)
    findings = window.run_checks()
    over = [f for f in findings if f.check == "length" and f.severity == "warning"]
    assert over and over[0].block is None and "时限 20 分钟" in over[0].message and "超出" in over[0].message
    assert "每分钟 250 字" in over[0].message
    expected = run_checks(window.draft, CheckOptions(budget_minutes=20, rate=250))
    assert [key(f) for f in findings] == [key(f) for f in expected]
    stored = settings.load()
    assert stored["check_budget"] == 20.0 and stored["check_rate"] == 250
    again = ChecksPanel()                            # a new window reads them back
    assert again.budget.value() == 20 and again.rate.value() == 250
    again.deleteLater()


def test_place_option_is_passed_to_the_checks(window, speech):
    panel = window.checks
    panel.place.setText("临江市")
    panel.place.editingFinished.emit()
    findings = window.run_checks()
    assert not any("未指定本稿的地名" in f.message for f in findings)
    expected = run_checks(window.draft, CheckOptions(place="临江市"))
    assert [key(f) for f in findings] == [key(f) for f in expected]
    assert settings.load()["check_place"] == "临江市"


def test_announcement_sync_then_rerun_clears_the_finding(window, ui, speech):
    window.run_checks()
    panel = window.checks
    item = item_for(panel, lambda f: f.check == "announcement")
    panel.tree.setCurrentItem(item)
    assert panel.sync_button.isVisibleTo(panel)
    assert "改为“讲两方面意见”" in panel.details.text()
    panel.sync_button.click()
    assert "讲*方面意见" in ui.messages("show_info")[-1]
    assert "讲两方面意见" in content(window, 1)
    assert not [f for f in panel.findings() if f.check == "announcement"]
    assert [key(f) for f in panel.findings()] == [key(f) for f in run_checks(window.draft, CheckOptions())]
    other = item_for(panel, lambda f: f.check == "placeholder")
    panel.tree.setCurrentItem(other)
    assert not panel.sync_button.isVisibleTo(panel)


def test_error_from_the_checks_is_a_message_box(window, ui, speech, monkeypatch):
    def broken(draft, options):
        raise DrafterError("规则文件有误", "rules.yaml", 3)

    monkeypatch.setattr(checking, "run_checks", broken)
    assert window.run_checks() is None
    assert ui.names() == ["show_error"] and "规则文件有误" in ui.messages("show_error")[0]
    assert "rules.yaml" in ui.messages("show_error")[0]


def test_library_overlap_only_with_a_library_and_never_automatic(window, ui, speech, qtbot, monkeypatch):
    from drafter.corpus.library import open_library

    window.run_checks()
    assert "没有讲话稿库" in window.checks.summary.text()
    copy = speech.parent / "去年的讲话.txt"
    shutil.copy(speech, copy)
    with open_library() as library:                     # the user's library in DRAFTER_HOME
        library.add_file(copy)
        library.add_file(speech)                     # the open file itself: not reported
    assert paths.library_db().is_file()
    panel = window.checks
    findings = window.run_checks()
    overlaps = [f for f in findings if f.check == "overlap"]
    said = " ".join(f.message for f in overlaps)
    assert overlaps and "去年的讲话" in said and speech.stem not in said
    assert "未查重" not in panel.summary.text()
    # automatic re-run after typing: cheap checks only, the overlaps carried over
    seen = []
    real = checking.run_checks
    monkeypatch.setattr(checking, "run_checks", lambda d, o: seen.append(o.only) or real(d, o))
    panel.auto.setChecked(True)
    window.editor.focus_block(0, 0)
    type_text(window.editor, "XX")
    assert panel.stale
    qtbot.waitUntil(lambda: not panel.stale, timeout=5000)
    assert len(seen) == 1 and "overlap" not in seen[0] and "placeholder" in seen[0]
    assert [f for f in panel.findings() if f.check == "overlap"]
    assert any(f.check == "placeholder" and f.block == 0 and f.start == 0 for f in panel.findings())
    # the 查重 box unticked: no library is opened
    panel.use_library.setChecked(False)
    findings = window.run_checks()
    assert not [f for f in findings if f.check == "overlap"]
    assert settings.load()["check_library"] is False and settings.load()["check_auto"] is True


def test_broken_library_checks_the_rest(window, ui, speech):
    paths.library_db().write_bytes(b"not a database at all" * 100)
    findings = window.run_checks()
    assert findings and "本次未查重" in window.checks.summary.text()
    assert ui.names() == []


def test_no_automatic_run_unless_asked(window, speech, qtbot):
    window.run_checks()
    panel = window.checks
    before = [key(f) for f in panel.findings()]
    window.editor.focus_block(0, -1)
    type_text(window.editor, "**")
    qtbot.wait(checks_panel.AUTO_DELAY_MS + 300)
    assert panel.stale and [key(f) for f in panel.findings()] == before
    window.run_checks()
    assert not panel.stale and len(panel.findings()) == len(before) + 1


def test_new_draft_clears_the_list(window, speech):
    window.run_checks()
    assert window.checks.items()
    window.session.modified = False
    window.files.new_draft()
    assert window.checks.items() == [] and window.checks.summary.text().startswith("尚未审校")


def test_spans_are_underlined_and_followed_while_typing(window, speech):
    from PySide6.QtGui import QTextCharFormat

    window.run_checks()
    panel = window.checks
    shown = next(s for s in panel.shown if s.finding.check == "announcement")
    f = shown.finding
    edit = window.editor
    start = edit.document().findBlockByNumber(f.block).position()
    spans = {(sel.cursor.selectionStart() - start, sel.cursor.selectionEnd() - start): sel.format.underlineStyle()
             for sel in edit.extraSelections() if sel.cursor.block().blockNumber() == f.block}
    in_block = {(g.start, g.end) for g in panel.findings() if g.block == f.block and g.start is not None}
    assert set(spans) == in_block and (f.start, f.end) in spans
    assert spans[(f.start, f.end)] == QTextCharFormat.WaveUnderline
    # typing before the span moves the underline; activating the finding still finds "*"
    edit.focus_block(f.block, 0)
    type_text(edit, "新增四字")
    assert panel.stale
    window.show_finding(shown)
    cursor = window.editor.textCursor()
    assert cursor.selectedText() == "*" and cursor.selectionStart() - start == f.start + 4
    # a new draft clears the underlines
    window.session.modified = False
    window.files.new_draft()
    assert not window.editor.extraSelections()


def test_a_placeholder_in_the_title_goes_to_the_title_box(window, ui, speech):
    title = window.form.edits["title"]
    type_text(title, "在XX市政府全体会议上的讲话")
    assert window.draft.title == "在XX市政府全体会议上的讲话"
    window.run_checks()
    panel = window.checks
    shown = next(s for s in panel.shown if s.block is None and "XX" in s.finding.message)
    window.editor.focus_block(5)
    window.show_finding(shown)
    assert window.focusWidget() is title and title.selectedText() == window.draft.title
    assert shown.finding.message in window.statusBar().currentMessage()


def test_context_menu_offers_sync_for_an_announcement_only(window, speech):
    window.run_checks()
    panel = window.checks
    menu = panel.context_menu(item_for(panel, lambda f: f.check == "announcement"))
    assert [a.text() for a in menu.actions()] == ["定位到正文", "同步宣布的数目"]
    menu = panel.context_menu(item_for(panel, lambda f: f.check == "placeholder"))
    assert [a.text() for a in menu.actions()] == ["定位到正文"]
    menu.actions()[0].trigger()
    f = item_for(panel, lambda f: f.check == "placeholder").data(0, checks_panel.FINDING_ROLE).finding
    assert window.editor.current_index() == f.block and selected(window) == content(window, f.block)[f.start:f.end]
    assert panel.context_menu(panel.tree.topLevelItem(0)) is None      # a group heading
