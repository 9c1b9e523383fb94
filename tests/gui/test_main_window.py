"""The editor window on real files: open, edit, restructure, save, conflicts, locks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication

from drafter.core import storage
from drafter.core.draftfile import dumps
from drafter.core.storage import read_draft, save_draft
from tests.gui.conftest import sample_draft, type_text


def write_sample(path: Path) -> Path:
    save_draft(path, sample_draft())
    return path


def test_open_shows_outline_with_derived_numbers(window, tmp_path):
    path = write_sample(tmp_path / "讲话.draft")
    assert window.files.open_path(path)
    assert window.outline.item_texts() == [
        "一、关于去年工作", "（一）认清形势。", "（二）坚定信心。", "二、关于今年任务",
        "（一）要在项目建设上求突破。", "三、关于作风建设"]
    assert window.form.edits["title"].text() == "市长在全市经济工作会议上的讲话"
    assert window.editor.markers[:4] == ["", "一、", "", "（一）"]
    assert "讲话.draft" in window.windowTitle()
    assert storage.read_lock(path) is not None


def test_typing_edits_the_draft_and_marks_it_modified(window, qtbot, tmp_path):
    window.files.open_path(write_sample(tmp_path / "a.draft"))
    window.editor.focus_block(2, -1)
    type_text(window.editor, "成绩来之不易。")
    assert window.draft.blocks[2].text == "过去一年，全市经济运行稳中向好。成绩来之不易。"
    assert window.session.modified and window.isWindowModified()
    window.form.edits["speaker"].end(False)
    type_text(window.form.edits["speaker"], "同志")
    assert window.draft.speaker == "张三同志"


def test_move_section_renumbers_outline_and_markers(window, tmp_path):
    window.files.open_path(write_sample(tmp_path / "a.draft"))
    window.editor.focus_block(5)                      # 二、关于今年任务
    window.act["up"].trigger()
    assert window.outline.item_texts()[:2] == ["一、关于今年任务", "（一）要在项目建设上求突破。"]
    assert window.outline.item_texts()[2] == "二、关于去年工作"
    markers = {b.text: m for b, m in zip(window.draft.blocks, window.editor.markers) if b.is_heading}
    assert markers["关于今年任务"] == "一、" and markers["关于去年工作"] == "二、"
    # the section moved with its sub-heading, and the cursor followed it
    assert window.draft.blocks[window.editor.current_index()].text == "关于今年任务"
    window.act["undo"].trigger()
    assert window.outline.item_texts()[0] == "一、关于去年工作"


def test_promote_demote_and_delete_renumber(window, ui, tmp_path):
    window.files.open_path(write_sample(tmp_path / "a.draft"))
    window.editor.focus_block(4)                      # （二）坚定信心。
    window.act["promote"].trigger()
    assert window.outline.item_texts()[:4] == ["一、关于去年工作", "（一）认清形势。", "二、坚定信心。",
                                                "三、关于今年任务"]
    window.act["demote"].trigger()
    assert window.outline.item_texts()[2] == "（二）坚定信心。"
    window.editor.focus_block(1)
    window.act["delete"].trigger()                    # confirm() answers yes
    assert window.outline.item_texts()[0] == "一、关于今年任务"
    assert ui.names() == ["confirm"] and "关于去年工作" in ui.messages("confirm")[0]
    ui.answers["confirm"] = False
    window.editor.focus_block(1)
    window.act["delete"].trigger()
    assert window.outline.item_texts()[0] == "一、关于今年任务"


def test_numbering_style_change_shows_immediately(window, tmp_path):
    window.files.open_path(write_sample(tmp_path / "a.draft"))
    window.numbering.combos[2].setCurrentText("一是")
    assert window.outline.item_texts()[1:3] == ["一是认清形势。", "二是坚定信心。"]
    assert window.draft.numbering[2] == "一是"


def test_sync_announced_count(window, ui, qtbot, tmp_path):
    window.files.open_path(write_sample(tmp_path / "a.draft"))
    qtbot.waitUntil(lambda: "宣布数目不符 1 处" in window.status_label.text(), timeout=3000)
    window.act["sync"].trigger()
    assert window.draft.blocks[0].text.endswith("下面，我讲三点意见。")
    assert window.editor.document().findBlockByNumber(0).text().endswith("我讲三点意见。")
    qtbot.waitUntil(lambda: "宣布数目不符" not in window.status_label.text(), timeout=3000)
    assert ui.names() == ["show_info"]


def test_save_writes_the_edited_draft(window, qtbot, tmp_path):
    path = write_sample(tmp_path / "a.draft")
    window.files.open_path(path)
    window.editor.focus_block(7)
    window.act["down"].trigger()                      # nothing below 三、 at its level: no change
    window.editor.focus_block(6)
    window.act["to_paragraph"].trigger()
    window.editor.focus_block(6, -1)
    type_text(window.editor, "新增。")
    window.act["save"].trigger()
    saved, _ = read_draft(path)
    assert saved == window.draft
    assert not window.session.modified and not window.isWindowModified()
    assert storage.backup_path(path).exists()


def test_new_draft_save_goes_to_save_as(window, ui, qtbot, tmp_path):
    target = tmp_path / "新稿"
    ui.answers["ask_save_path"] = str(target)
    type_text(window.form.edits["title"], "在节后收心会上的讲话")
    type_text(window.editor, "同志们，新年好。")
    assert window.files.save()
    saved, _ = read_draft(tmp_path / "新稿.draft")
    assert saved.title == "在节后收心会上的讲话"
    assert saved.blocks[0].text == "同志们，新年好。"
    assert window.session.path == tmp_path / "新稿.draft"


def _change_on_disk(path: Path) -> str:
    other = sample_draft()
    other.title = "别人改过的标题"
    path.write_text(dumps(other), "utf-8")
    return path.read_text("utf-8")


def test_conflict_cancel_keeps_the_other_version(window, ui, qtbot, tmp_path):
    path = write_sample(tmp_path / "a.draft")
    window.files.open_path(path)
    type_text(window.editor, "我的修改")
    theirs = _change_on_disk(path)
    ui.answers["ask_conflict"] = "cancel"
    assert not window.files.save()
    assert path.read_text("utf-8") == theirs
    assert ui.names() == ["ask_conflict"]
    assert "修改" in ui.messages("ask_conflict")[0]
    assert window.session.modified


def test_conflict_overwrite(window, ui, qtbot, tmp_path):
    path = write_sample(tmp_path / "a.draft")
    window.files.open_path(path)
    type_text(window.editor, "我的修改")
    _change_on_disk(path)
    ui.answers["ask_conflict"] = "overwrite"
    assert window.files.save()
    saved, _ = read_draft(path)
    assert saved == window.draft and "我的修改" in saved.blocks[0].text


def test_conflict_save_as(window, ui, qtbot, tmp_path):
    path = write_sample(tmp_path / "a.draft")
    window.files.open_path(path)
    type_text(window.editor, "我的修改")
    theirs = _change_on_disk(path)
    ui.answers["ask_conflict"] = "save_as"
    ui.answers["ask_save_path"] = str(tmp_path / "b.draft")
    assert window.files.save()
    assert path.read_text("utf-8") == theirs
    saved, _ = read_draft(tmp_path / "b.draft")
    assert saved == window.draft
    assert storage.read_lock(path) is None          # the old file's lock went with it
    assert storage.read_lock(tmp_path / "b.draft") is not None


def test_locked_draft_opens_read_only(window, ui, tmp_path):
    path = write_sample(tmp_path / "a.draft")
    storage.lock_path(path).write_text('{"host": "办公室电脑", "pid": 4242, "time": 0}', "utf-8")
    ui.answers["ask_locked"] = "cancel"
    assert not window.files.open_path(path)
    assert "办公室电脑" in ui.messages("ask_locked")[0]
    ui.answers["ask_locked"] = "read_only"
    assert window.files.open_path(path)
    assert window.session.read_only and "只读" in window.windowTitle()
    ui.answers["ask_save_path"] = str(tmp_path / "copy.draft")
    assert window.files.save()                       # saving asks for a new place
    assert read_draft(tmp_path / "copy.draft")[0] == window.draft
    assert "办公室电脑" in storage.lock_path(path).read_text("utf-8")


def test_bad_file_shows_message_not_traceback(window, ui, tmp_path):
    bad = tmp_path / "坏.draft"
    bad.write_text("---\ndrafter: 1\ntitle: x\n---\n\n@paragraph role=opening\n文字\n", "utf-8")
    assert not window.files.open_path(bad)
    assert ui.names() == ["show_error"]
    message = ui.messages("show_error")[0]
    assert "坏.draft" in message and "不完整" in message
    binary = tmp_path / "b.draft"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert not window.files.open_path(binary)
    assert "b.draft" in ui.messages("show_error")[1]
    assert not window.files.open_path(tmp_path / "missing.draft")
    assert "文件不存在" in ui.messages("show_error")[2]
    assert window.draft.blocks and not window.session.modified


def test_close_with_unsaved_changes_asks(window, ui, qtbot, tmp_path):
    path = write_sample(tmp_path / "a.draft")
    window.files.open_path(path)
    type_text(window.editor, "改")
    ui.answers["ask_unsaved"] = "cancel"
    assert not window.close()
    assert window.isVisible()
    ui.answers["ask_unsaved"] = "save"
    assert window.close()
    assert read_draft(path)[0].blocks[0].text.startswith("改")
    assert storage.read_lock(path) is None


def test_close_without_saving_discards_autosave(window, ui, qtbot, tmp_path):
    path = write_sample(tmp_path / "a.draft")
    window.files.open_path(path)
    type_text(window.editor, "改")
    assert window.files.autosave_now()
    journal_path = window.session.file.journal.path
    assert journal_path.exists()
    ui.answers["ask_unsaved"] = "discard"
    assert window.close()
    assert not journal_path.exists() and storage.find_recoverable() == []
    assert read_draft(path)[0] == sample_draft()


def test_outline_click_moves_cursor(window, qtbot, tmp_path):
    window.files.open_path(write_sample(tmp_path / "a.draft"))
    item = window.outline.items[5]
    rect = window.outline.visualItemRect(item)
    qtbot.mouseClick(window.outline.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.editor.current_index() == 5


def test_moving_keeps_the_blocks_and_unsaved_typing(window, tmp_path):
    window.files.open_path(write_sample(tmp_path / "a.draft"))
    window.editor.focus_block(2, -1)
    type_text(window.editor, "未存")
    blocks_before = set(map(id, window.draft.blocks))
    window.editor.focus_block(5)
    window.act["up"].trigger()
    assert set(map(id, window.draft.blocks)) == blocks_before       # reordered, not re-made
    doc = window.editor.document()
    shown = [doc.findBlockByNumber(i).text() for i in range(doc.blockCount())]
    assert shown == [b.text + b.body for b in window.draft.blocks]
    assert any(b.text.endswith("稳中向好。未存") for b in window.draft.blocks)


def test_keyboard_shortcuts_work_while_typing(window, qtbot, tmp_path):
    window.files.open_path(write_sample(tmp_path / "a.draft"))
    window.activateWindow()
    window.editor.focus_block(5)
    edit = window.editor
    qtbot.keyClick(edit, Qt.Key_Up, Qt.AltModifier)              # 上移
    assert window.outline.item_texts()[0] == "一、关于今年任务"
    qtbot.keyClick(edit, Qt.Key_Return, Qt.ControlModifier)      # 插入同级标题
    assert window.outline.item_texts()[2] == "二、（空标题）"
    assert window.draft.blocks[window.editor.current_index()].is_heading


def test_opening_the_open_draft_again_keeps_edits_and_lock(window, ui, tmp_path):
    path = write_sample(tmp_path / "a.draft")
    window.files.open_path(path)
    type_text(window.editor, "未存")
    assert window.files.open_path(tmp_path / "." / "a.draft")
    assert window.draft.blocks[0].text.startswith("未存") and ui.names() == []
    assert storage.read_lock(path) is not None


def test_file_changed_on_disk_is_noticed_once(window, ui, tmp_path):
    path = write_sample(tmp_path / "a.draft")
    window.files.open_path(path)
    assert not window.files.check_disk()                 # unchanged: nothing asked
    _change_on_disk(path)
    ui.answers["ask_reload"] = "keep"
    assert not window.files.check_disk()
    assert not window.files.check_disk()                 # the same change is not asked twice
    assert ui.names() == ["ask_reload"]
    assert window.draft == sample_draft()
    _change_on_disk(path)
    other = path.read_text("utf-8").replace("别人改过的标题", "第三版")
    path.write_text(other, "utf-8")
    ui.answers["ask_reload"] = "reload"
    assert window.files.check_disk()
    assert window.draft.title == "第三版" and window.form.edits["title"].text() == "第三版"
    assert not window.session.modified
    assert window.files.save()                           # no conflict: the new version is ours now
    assert storage.read_lock(path) is not None


def test_outline_tooltip_gives_section_length(window, tmp_path):
    window.files.open_path(write_sample(tmp_path / "a.draft"))
    draft = window.draft
    expected = sum(len(b.text) + len(b.body) for b in draft.blocks[1:5])   # 一、 with its (一)(二)
    outline = window.outline
    item = outline.items[1]
    assert not item.toolTip(0)                      # counted when the pointer rests on it
    point = outline.visualItemRect(item).center()
    QApplication.sendEvent(outline.viewport(), QHelpEvent(QEvent.ToolTip, point, outline.viewport().mapToGlobal(point)))
    assert f"本节 {expected} 字" in item.toolTip(0)


def test_dropping_a_file_opens_it(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = write_sample(tmp_path / "拖入.draft")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    qtbot.waitUntil(lambda: window.session.path == path, timeout=3000)
    assert window.outline.item_texts()[0] == "一、关于去年工作"


SPEECH = "同志们：\n今天我们开会。下面，我讲两点意见。\n一、关于经济工作\n（一）认清形势。年初以来，稳中向好。\n二、关于作风建设\n要严格要求。"


def test_paste_speech_into_empty_draft_recognises_the_outline(window):
    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().setText(SPEECH)
    window.act["paste"].trigger()
    assert window.draft.salutation == "同志们："
    assert window.outline.item_texts() == ["一、关于经济工作", "（一）认清形势。", "二、关于作风建设"]
    assert window.draft.blocks[2].body == "年初以来，稳中向好。"
    assert window.form.edits["salutation"].text() == "同志们："
    window.act["undo"].trigger()
    assert window.outline.item_texts() == []


def test_paste_speech_after_the_cursor_takes_this_drafts_numbering(window, tmp_path):
    from PySide6.QtWidgets import QApplication

    window.files.open_path(write_sample(tmp_path / "a.draft"))
    window.numbering.combos[1].setCurrentText("第一，")
    window.editor.focus_block(len(window.draft.blocks) - 1, -1)
    QApplication.clipboard().setText(SPEECH)
    window.act["paste"].trigger()
    assert window.outline.item_texts()[-3:] == ["第四，关于经济工作", "（一）认清形势。", "第五，关于作风建设"]
    assert window.draft.title == sample_draft().title


def test_copy_all_gives_numbered_text(window, tmp_path):
    from PySide6.QtWidgets import QApplication

    window.files.open_path(write_sample(tmp_path / "a.draft"))
    window.act["copy_all"].trigger()
    text = QApplication.clipboard().text()
    assert "一、关于去年工作" in text and "（二）坚定信心。要想在前、干在前、成在前。" in text
    assert text.index("一、关于去年工作") < text.index("二、关于今年任务")


def test_word_font_menu_is_filled_when_first_opened(window):
    from drafter.export.fonts import FONT_SETS

    file_menu = window.menuBar().actions()[0].menu()
    menu = next(a.menu() for a in file_menu.actions() if a.menu() is not None and a.text() == "Word 字体方案")
    assert not menu.actions()                  # nothing built before the window first shows
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == [f.label for f in FONT_SETS.values()]
    assert [a.isChecked() for a in menu.actions()].count(True) == 1
    menu.actions()[-1].trigger()
    assert window.font_set == list(FONT_SETS)[-1]
    menu.aboutToShow.emit()                    # opened again: the same entries, once
    assert len(menu.actions()) == len(FONT_SETS) and menu.actions()[-1].isChecked()
