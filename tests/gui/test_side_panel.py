"""The side panel: new drafts from structure templates, phrase search and insertion."""

from __future__ import annotations

from drafter.core.model import Block, Draft
from drafter.editing.session import Session


def test_template_makes_a_new_unsaved_draft(window, ui):
    window.side.load()
    panel = window.side.templates
    assert panel.list.count() == len(panel.templates) > 0
    panel.list.setCurrentRow([t.id for t in panel.templates].index("jiehou-shouxin"))
    assert "节后" in panel.details.toPlainText()
    ui.answers["ask_values"] = lambda title, intro, fields: {
        key: {"place": "临江市", "speaker": "王五"}.get(key, default) for key, _label, default in fields}
    assert all("{" not in label + default for _key, label, default in panel_fields(panel))
    assert panel.use_selected()
    draft = window.draft
    assert window.session.modified and window.session.path is None
    assert "王五" in draft.speaker and draft.blocks
    assert draft.fields["place"] == "临江市" and any("市委" in b.text + b.body for b in draft.blocks)
    assert "{{" not in panel.details.toPlainText()
    assert window.outline.item_texts() == [
        window.draft.markers()[i] + " ".join(window.draft.blocks[i].text.split())[:40]
        + ("…" if len(" ".join(window.draft.blocks[i].text.split())) > 40 else "")
        for i in window.draft.headings()]


def test_template_cancel_and_blank_fields(window, ui):
    window.side.load()
    panel = window.side.templates
    before = window.draft
    ui.answers["ask_values"] = None                  # the user cancels the form
    assert not panel.use_selected()
    assert window.draft is before
    ui.answers["ask_values"] = lambda title, intro, fields: {key: "" for key, _l, _d in fields}
    assert not panel.use_selected()                  # required fields left blank: asked for, not XXX
    assert window.draft is before
    assert "地点" in ui.messages("show_error")[-1] and "讲话人" in ui.messages("show_error")[-1]


def panel_fields(panel):
    from drafter.templates import form_fields
    return form_fields(panel.templates[panel.list.currentRow()])


def test_phrase_search_and_insert_at_cursor(window, ui):
    window.set_session(Session(Draft(blocks=[Block.paragraph("我们要", "tasks")])))
    window.side.load()
    panel = window.side.phrases
    panel.query.setText("实干")
    hits = panel.search()
    assert hits and all("实干" in p.text + p.frame for p in hits)
    assert panel.results.count() == len(hits)
    plain = next(i for i, p in enumerate(hits) if not p.frame)
    window.editor.focus_block(0, -1)
    panel.results.setCurrentRow(plain)
    assert panel.insert_selected()
    assert window.draft.blocks[0].text == "我们要" + hits[plain].text
    assert window.session.modified


def test_entries_to_weigh_are_listed_only_when_asked_and_marked(window, ui):
    window.side.load()
    panel = window.side.phrases
    panel.query.setText("疫情")
    assert all(not p.note for p in panel.search())
    panel.noted.setChecked(True)
    hits = panel.search()
    row = next(i for i, p in enumerate(hits) if p.note)
    assert f"需斟酌：{hits[row].note}" in panel.results.item(row).text()


def test_frame_phrase_is_filled_before_insertion(window, ui):
    window.set_session(Session(Draft(blocks=[Block.paragraph("", "tasks")])))
    window.side.load()
    panel = window.side.phrases
    panel.query.setText("冲刺")
    hits = panel.search()
    frame_row = next(i for i, p in enumerate(hits) if p.frame and p.slots == ["X"])
    phrase = hits[frame_row]
    panel.results.setCurrentRow(frame_row)
    window.editor.focus_block(0)
    ui.answers["ask_values"] = lambda title, intro, fields: {"X": "持续"}
    assert panel.insert_selected()
    assert window.draft.blocks[0].text == phrase.frame.replace("{X}", "持续")


def test_role_filter_follows_the_current_block(window, ui):
    window.set_session(Session(Draft(blocks=[Block.paragraph("甲", "conduct"), Block.paragraph("乙", "tasks")])))
    window.side.load()
    panel = window.side.phrases
    panel.by_role.setChecked(True)
    window.editor.focus_block(0)
    conduct = panel.search()
    assert conduct and all("conduct" in p.roles for p in conduct)
    window.editor.focus_block(1)
    tasks = panel.search()
    assert tasks and all("tasks" in p.roles for p in tasks)
    assert "重点任务" in panel.by_role.text()


def test_templates_from_the_users_archive(window, ui, tmp_path):
    """从讲话稿库生成模板: a folder of speeches gives one template per occasion in the list."""
    from drafter.miner import default_corpus
    archive = tmp_path / "讲话稿"
    archive.mkdir()
    text = (default_corpus() / "002_df22016b5cea91c3.txt").read_text(encoding="utf-8")
    (archive / "2023.txt").write_text(text, encoding="utf-8")
    (archive / "2024.txt").write_text(text.replace("全市", "全县"), encoding="utf-8")
    window.side.load()
    panel = window.side.templates
    written = panel.induce_from_folder(str(archive))
    assert len(written) == 1 and written[0].name.startswith("my-")
    template = next(t for t in panel.templates if t.id == written[0].stem)
    assert len(template.sources) == 2
    assert "已生成 1 个模板" in ui.messages("show_info")[-1]
    empty = tmp_path / "空"
    empty.mkdir()
    assert panel.induce_from_folder(str(empty)) == []
    assert "没有找到可用的讲话稿" in ui.messages("show_error")[-1]


def test_template_form_shows_whole_values(window):
    """The form a template asks with (the real dialog, shown offscreen): every box as wide as a
    long meeting name, the date default written out (2026年11月27日) and fully visible, no
    label both 必填 and 可留空 (acceptance M8)."""
    import datetime

    from PySide6.QtWidgets import QApplication

    from drafter.gui.dialogs import value_form
    from drafter.templates import find_template, form_fields

    fields = form_fields(find_template("anquan-shengchan"))
    dialog, edits = value_form(window, "填写模板字段", "模板：安全生产", fields)
    dialog.show()
    QApplication.processEvents()
    today = datetime.date.today()
    assert edits["date"].text() == f"{today.year}年{today.month}月{today.day}日"
    long_name = "全县2025年安全生产暨森林防灭火工作会议"
    for key, edit in edits.items():
        room = edit.contentsRect().width()
        assert room >= edit.fontMetrics().horizontalAdvance(long_name), (key, room)
        assert room >= edit.fontMetrics().horizontalAdvance(edit.text()), key
    labels = [label for _key, label, _default in fields]
    assert not any("必填" in label and "留空" in label for label in labels), labels
    dialog.reject()
