"""讲话稿库 panel: search the library from the editor, open a hit's source at its paragraph,
insert a hit at the caret and undo it; import with progress; remove; filters; bad queries."""

from __future__ import annotations

from pathlib import Path

from drafter.core.model import Block, Draft
from drafter.corpus.library import open_library
from drafter.editing.session import Session
from drafter.gui import settings

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"
SPEECH = CORPUS / "000_2149ed366db6bb90.txt"


def _speech(folder: Path, name: str, *lines: str) -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _panel(window, tmp_path, location=None):
    location = location or tmp_path / "lib.sqlite3"
    values = settings.load()
    values["library"] = str(location)
    settings.save(values)
    with open_library(location) as library:
        list(library.add([SPEECH]))
    window.side.load()
    window.side.setCurrentWidget(window.side.library)
    return window.side.library


def test_search_open_source_insert_and_undo(window, ui, tmp_path, library_location):
    # on both backends: an office's shared library is searched from the same panel
    window.set_session(Session(Draft(blocks=[Block.paragraph("今年要抓好三件事。", "tasks"),
                                             Block.paragraph("第二段。", "tasks")])))
    panel = _panel(window, tmp_path, library_location)
    panel.query.setText("项目建设")
    hits = panel.search()
    assert hits and panel.results.count() == len(hits)
    assert all("项目建设" in h.text for h in hits)
    label = panel.results.itemWidget(panel.results.item(0)).text()
    assert "《" in label and ("重点任务" in label or "回顾形势" in label)
    assert 'background:#ffe08a">项目建设<' in label
    # open the source read-only at that paragraph
    panel.results.setCurrentRow(0)
    dialog = panel.open_source()
    assert dialog.isVisible() and dialog.view.isReadOnly()
    assert dialog.selected_text() in (hits[0].marker + hits[0].text, hits[0].text)
    assert "项目建设" in dialog.selected_text()
    dialog.close()
    # insert the hit after the paragraph at the caret, as one undo step
    window.editor.focus_block(0, 3)
    before = [b.text for b in window.draft.blocks]
    assert panel.insert_selected(False)
    after = window.draft.blocks
    assert len(after) == 3 and after[1].text + after[1].body == hits[0].text
    assert [after[0].text, after[2].text] == before
    assert window.session.modified
    assert window.editor.undo_step()
    assert [b.text for b in window.draft.blocks] == before


def test_heading_scaffold_and_role_filter(window, ui, tmp_path):
    window.set_session(Session(Draft(blocks=[Block.paragraph("开头。", "tasks")])))
    panel = _panel(window, tmp_path)
    panel.query.setText("关于全市经济社会发展工作")
    hits = panel.search()
    heading = next(i for i, h in enumerate(hits) if h.heading)
    panel.results.setCurrentRow(heading)
    assert panel.scaffold_button.isEnabled()
    window.editor.focus_block(0, 0)
    assert panel.insert_selected(True)
    added = window.draft.blocks[1:]
    assert added and all(b.is_heading for b in added)
    assert "关于全市经济社会发展工作" in added[0].text and len(added) > 2
    panel.query.setText("作风")
    panel.role.setCurrentIndex(panel.role.findData("conduct"))
    hits = panel.search()
    assert hits and all(h.role == "conduct" for h in hits)


def test_a_hit_goes_in_with_chinese_punctuation(window, ui, tmp_path):
    """Acceptance finding L10: a speech pasted from a web page has half-width commas; the draft
    gets full-width ones."""
    window.set_session(Session(Draft(blocks=[Block.paragraph("开头。", "tasks")])))
    panel = _panel(window, tmp_path)
    with open_library(tmp_path / "lib.sqlite3") as library:
        list(library.add([_speech(tmp_path, "网页稿.txt", "在全省安全生产工作会议上的讲话", "同志们：",
                                  "二、充分肯定成绩,清醒认识当前我省安全生产工作面临的严峻形势(三个方面)",
                                  "今年全省安全生产形势总体平稳;但是事故总量依然较大,重特大事故时有发生。" * 4)]))
    panel.query.setText("清醒认识当前我省安全生产")
    [hit] = panel.search()
    assert hit.title == "在全省安全生产工作会议上的讲话"
    window.editor.focus_block(0, 0)
    assert panel.insert_selected(False)
    heading = window.draft.blocks[1]
    assert heading.text.startswith("充分肯定成绩，清醒认识当前我省") and heading.text.endswith("（三个方面）")
    panel.query.setText("重特大事故时有发生")
    assert panel.search()
    window.editor.focus_block(0, 0)
    assert panel.insert_selected(False)
    paragraph = window.draft.blocks[1]
    assert "形势总体平稳；但是事故总量依然较大，重特大" in paragraph.text and "," not in paragraph.text


def test_bad_queries_and_no_library_are_said_in_the_panel(window, ui, tmp_path):
    window.side.load()
    panel = window.side.library
    panel.query.setText("项目")
    assert panel.search() == [] and "还是空的" in panel.status.text()
    panel = _panel(window, tmp_path)
    panel.query.setText("廉")
    assert panel.search() == [] and "一个字" in panel.status.text()
    panel.query.setText("，。")
    assert panel.search() == [] and "标点" in panel.status.text()


def test_import_folder_reimport_and_remove(window, ui, tmp_path):
    panel = _panel(window, tmp_path)
    folder = tmp_path / "speeches"
    folder.mkdir()
    _speech(folder, "甲.txt", "在全县作风建设大会上的讲话", "同志们：", "要抓铁有痕、踏石留印。")
    _speech(folder, "乙.txt", "在全县安全生产会议上的讲话", "同志们：", "安全生产责任重于泰山。")
    ui.answers["ask_folder"] = str(folder)
    assert panel.add_folder() == 2
    assert "导入 2 篇" in panel.status.text()
    (folder / "甲.txt").write_text("在全县作风建设大会上的讲话\n同志们：\n要久久为功、善作善成。\n", "utf-8")
    assert panel.reimport() == 1
    panel.query.setText("久久为功")
    assert len(panel.search()) == 1
    panel.results.setCurrentRow(0)
    assert panel.remove_selected()
    assert panel.search() == []
    with open_library(settings.load()["library"]) as library:
        assert {Path(d.path).name for d in library.documents()} == {SPEECH.name, "乙.txt"}
