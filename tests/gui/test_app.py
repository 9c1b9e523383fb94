"""The excepthook, importing .txt/.docx speeches and exporting Word from the window."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from PySide6.QtWidgets import QMessageBox

from drafter.core import journal, storage
from drafter.core.logs import setup_logging
from drafter.core.storage import read_draft
from drafter.gui.app import ExceptHook
from tests.gui.conftest import sample_draft, type_text
from tests.journal_support import crashed_session

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"


def test_excepthook_logs_autosaves_and_tells_the_user(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *args: shown.append(args[1:3])))
    log_file = setup_logging()
    type_text(window.editor, "崩溃前的文字")
    try:
        raise ValueError("坏了")
    except ValueError:
        ExceptHook(window, log_file)(*sys.exc_info())
    [(title, message)] = shown
    assert title == "程序内部错误" and "已自动保存" in message and log_file in message
    log = Path(log_file).read_text("utf-8")
    assert "Traceback" in log and "ValueError: 坏了" in log
    assert journal.replay(window.session.file.journal.path).draft == window.draft
    assert window.isVisible()


def test_import_corpus_text_becomes_unsaved_draft(window, ui, tmp_path):
    source = min(CORPUS.glob("*.txt"))
    assert window.files.open_path(source)
    assert window.session.modified and window.session.path is None
    assert window.session.origin == source
    assert len(window.draft.blocks) > 5
    assert window.outline.item_texts()                 # the parser found its numbered points
    assert window.outline.item_texts()[0].startswith(window.draft.markers()[window.draft.headings()[0]])
    ui.answers["ask_save_path"] = lambda suggested, *rest: str(tmp_path / Path(suggested).name)
    assert window.files.save()
    saved = tmp_path / (source.stem + ".draft")
    assert read_draft(saved)[0] == window.draft
    assert source.read_bytes() == (CORPUS / source.name).read_bytes()   # the original untouched


def test_import_corrupt_docx_shows_message(window, ui, tmp_path):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert not window.files.open_path(bad)
    assert ui.names() == ["show_error"] and "坏.docx" in ui.messages("show_error")[0]


def test_export_word_from_window(window, ui, tmp_path):
    from drafter.editing.session import Session

    window.set_session(Session(sample_draft()))
    ui.answers["ask_save_path"] = str(tmp_path / "讲话.docx")
    assert window.files.export("print")
    document = docx.Document(str(tmp_path / "讲话.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "市长在全市经济工作会议上的讲话" in texts
    assert any(t.startswith("一、关于去年工作") for t in texts)
    ui.answers["ask_save_path"] = str(tmp_path / "大字版.docx")
    assert window.files.export("read-aloud")
    assert (tmp_path / "大字版.docx").stat().st_size > 0


def test_export_refusal_is_a_message(window, ui, tmp_path):
    ui.answers["ask_save_path"] = str(tmp_path / "空.docx")
    assert not window.files.export("print")           # an empty draft is refused
    assert ui.names() == ["ask_save_path", "show_error"]
    assert not (tmp_path / "空.docx").exists()


def test_excepthook_shows_a_drafter_error_as_its_message(window, monkeypatch):
    from drafter.core.errors import DrafterError

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *args: shown.append(args[1:3])))
    try:
        raise DrafterError("文件不存在", "讲话.draft")
    except DrafterError:
        ExceptHook(window, setup_logging())(*sys.exc_info())
    assert shown == [("出错了", "讲话.draft：文件不存在")]
    assert storage.find_recoverable() == []           # a refusal is not a crash


def test_word_round_trip_through_the_editor(window, ui, tmp_path):
    from drafter.editing.session import Session

    window.set_session(Session(sample_draft()))
    outline = window.outline.item_texts()
    ui.answers["ask_save_path"] = str(tmp_path / "往返.docx")
    assert window.files.export("print")
    assert window.files.open_path(tmp_path / "往返.docx")
    assert window.session.origin == tmp_path / "往返.docx" and window.session.path is None
    assert window.outline.item_texts() == outline
    assert window.draft.title == sample_draft().title


def test_recovery_dialog_lists_what_it_offers(qtbot, tmp_path):
    from drafter.gui.dialogs import RecoveryDialog

    crashed_session(sample_draft(), tmp_path / "讲话.draft")
    untitled = sample_draft()
    untitled.title = ""
    crashed_session(untitled)
    items = storage.find_recoverable()
    dialog = RecoveryDialog(items)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any("市长在全市经济工作会议上的讲话" in t and "讲话.draft" in t and "最后修改于" in t for t in texts)
    assert any("（无标题）" in t and "从未保存过的新稿" in t for t in texts)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    dialog.list.setCurrentRow(1)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "恢复所选")
    qtbot.mouseClick(button, Qt.LeftButton)
    assert dialog.action == "recover" and dialog.chosen() is items[1]


def test_qt_speaks_chinese(window):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    menu = window.form.edits["title"].createStandardContextMenu()
    assert any("粘贴" in action.text() for action in menu.actions())


def test_file_dialogs_speak_chinese(window, tmp_path):
    """Every label and button of Qt's own file dialog (Qt 6.11's "&Look in:" and "Files of
    &type:" are missing from the shipped translation; they are set here)."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    from drafter.gui import dialogs

    (tmp_path / "讲话.txt").write_text("一、总体要求", "utf-8")
    for dialog in (dialogs.file_dialog(window, "打开讲话稿", str(tmp_path), dialogs.OPEN_FILTER),
                   dialogs.file_dialog(window, "保存草稿", str(tmp_path / "a.draft"), dialogs.DRAFT_FILTER,
                                       save=True)):
        shown = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
        shown += [w.toolTip() for w in dialog.findChildren(QAbstractButton)]
        assert "查找范围(&I)：" in shown and "文件类型(&T)：" in shown
        english = [text for text in shown if re.search(r"[A-Za-z]{2,}", text.replace(str(tmp_path), ""))]
        assert english == []


def test_saving_over_a_file_is_asked_in_chinese_after_the_suffix_is_added(monkeypatch, tmp_path):
    from drafter.gui import dialogs

    (tmp_path / "旧稿.draft").write_text("x", "utf-8")
    typed = iter([str(tmp_path / "旧稿"), str(tmp_path / "新稿")])   # the writer leaves out .draft
    asked = []
    monkeypatch.setattr(dialogs, "_chosen", lambda dialog: next(typed))
    monkeypatch.setattr(dialogs, "_choose", lambda parent, title, text, buttons, icon=None:
                        asked.append((title, text, [b[1] for b in buttons])) or "again")
    assert dialogs.ask_save_path(None, str(tmp_path / "稿.draft")) == str(tmp_path / "新稿.draft")
    assert asked == [("确认另存为", "“旧稿.draft”已存在。\n要替换它吗？", ["替换", "另选位置"])]
