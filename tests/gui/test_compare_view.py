"""比较版本 dialog: a round against the current draft, changes listed and stepped through,
a round saved from the dialog, the comparison exported with tracked changes."""

from __future__ import annotations

from drafter.compare import compare_drafts
from drafter.compare.report import change_entries
from drafter.core import rounds
from drafter.core.storage import save_draft
from drafter.corpus.docx_review import read_review
from drafter.corpus.documents import parse_file
from drafter.gui.compare_view import CompareDialog
from tests.compare.conftest import printed
from tests.compare.edits import SPEECHES, edit_every_way


def _dialog(qtbot, tmp_path):
    path = tmp_path / "讲话.draft"
    old = parse_file(SPEECHES[0])
    save_draft(path, old)
    rounds.save_round(path, old, "第一稿")
    new, _moved = edit_every_way(old)
    dialog = CompareDialog(new, path)
    qtbot.addWidget(dialog)
    return dialog, old, new


def test_a_round_is_compared_and_the_changes_stepped_through(qtbot, tmp_path, ui):
    dialog, old, new = _dialog(qtbot, tmp_path)
    names = [dialog.source.itemData(i) for i in range(dialog.source.count())]
    assert "第一稿" in names
    dialog._source_chosen(names.index("第一稿"))
    entries = change_entries(compare_drafts(old, new), collapse_moves=True)
    assert dialog.changes.count() == len(entries) > 5
    assert "移动" in dialog.summary.text()
    assert dialog.changes.currentRow() == 0 and not dialog.previous.isEnabled()
    dialog.step(1)
    dialog.step(1)
    assert dialog.changes.currentRow() == 2 and dialog.previous.isEnabled()
    assert "text-decoration:line-through" in dialog.text.toHtml() or "line-through" in dialog.text.toHtml()


def test_save_a_round_and_export_with_tracked_changes(qtbot, tmp_path, ui):
    dialog, old, new = _dialog(qtbot, tmp_path)
    ui.answers["ask_values"] = {"name": "征求意见稿"}
    dialog.save_round()
    assert [r.name for r in rounds.list_rounds(dialog.path)] == ["第一稿", "征求意见稿"]
    dialog._source_chosen([dialog.source.itemData(i) for i in range(dialog.source.count())].index("第一稿"))
    target = tmp_path / "修订.docx"
    ui.answers["ask_save_path"] = str(target)
    dialog.export_tracked()
    assert target.is_file() and ui.messages("show_info")
    reviewed = read_review(target)
    assert printed(reviewed) == printed(old) and printed(reviewed.review.accepted) == printed(new)


def test_the_window_opens_the_dialog_from_the_tools_menu(window, monkeypatch):
    opened = []
    monkeypatch.setattr("drafter.gui.compare_view.CompareDialog.exec", lambda self: opened.append(self) or 0)
    window.act["compare"].trigger()
    assert opened and opened[0].draft is window.draft


def test_restoring_a_round_is_one_undoable_step(window, tmp_path, ui, monkeypatch):
    path = tmp_path / "讲话.draft"
    first = parse_file(SPEECHES[1])
    save_draft(path, first)
    rounds.save_round(path, first, "第一稿")
    second, _moved = edit_every_way(first)
    save_draft(path, second)
    assert window.files.open_path(path)
    assert printed(window.draft) == printed(second)

    def choose_round_and_restore(dialog):
        names = [dialog.source.itemData(i) for i in range(dialog.source.count())]
        dialog._source_chosen(names.index("第一稿"))
        assert dialog.restore.isEnabled()
        dialog.restore_round()
        return 0

    monkeypatch.setattr("drafter.gui.compare_view.CompareDialog.exec", choose_round_and_restore)
    window.act["compare"].trigger()
    assert printed(window.draft) == printed(first)
    kept = [r.name for r in rounds.list_rounds(path) if r.name.startswith("恢复“第一稿”之前")]
    assert len(kept) == 1 and printed(rounds.open_round(path, kept[0])) == printed(second)
    window.act["undo"].trigger()
    assert printed(window.draft) == printed(second)


def test_a_reviewers_revisions_are_accepted_one_by_one_and_undone(window, tmp_path, ui, monkeypatch):
    from tests.corpus.test_docx_review import _reviewed

    assert window.files.open_path(_reviewed(tmp_path, authors=("张三", "李四")))
    text = lambda: "".join(b.text + b.body for b in window.draft.blocks)  # noqa: E731
    assert "持续" not in text() and len(window.draft.review.revisions) == 6

    def accept_first_insertion(dialog):
        assert dialog.revisions.count() == 6
        row = next(i for i in range(dialog.revisions.count()) if "插入" in dialog.revisions.item(i).text())
        dialog.revisions.item(row).setSelected(True)
        dialog.decide(accept=True, every=False)
        assert dialog.revisions.count() == 5
        return 0

    monkeypatch.setattr("drafter.gui.compare_view.ReviewDialog.exec", accept_first_insertion)
    window.act["review"].trigger()
    assert text().count("持续") == 1 and len(window.draft.review.revisions) == 5

    def reject_the_rest(dialog):
        dialog.decide(accept=False, every=True)
        assert dialog.revisions.count() == 0
        return 0

    monkeypatch.setattr("drafter.gui.compare_view.ReviewDialog.exec", reject_the_rest)
    window.act["review"].trigger()
    assert text().count("持续") == 1 and not window.draft.review.revisions
    window.act["undo"].trigger()
    assert text().count("持续") == 1
    window.act["undo"].trigger()
    assert "持续" not in text()


def test_two_rounds_are_compared(qtbot, tmp_path, ui):
    dialog, old, new = _dialog(qtbot, tmp_path)
    rounds.save_round(dialog.path, new, "征求意见稿")
    dialog.fill_sources()
    targets = [dialog.target.itemData(i) for i in range(dialog.target.count())]
    assert targets == [None, "征求意见稿", "第一稿"]
    dialog._target_chosen(targets.index("征求意见稿"))
    sources = [dialog.source.itemData(i) for i in range(dialog.source.count())]
    dialog._source_chosen(sources.index("第一稿"))
    assert "轮次“第一稿” → 轮次“征求意见稿”" in dialog.summary.text()
    assert dialog.changes.count() == len(change_entries(compare_drafts(old, new), collapse_moves=True))
    assert not dialog.restore.isEnabled()  # restoring is from a round into the current draft only
