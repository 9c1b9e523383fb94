"""The one document stays in step with the model through any sequence of outline edits,
undos and redos (property test on the real window)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from drafter.editing.session import Session
from drafter.gui.doc_format import P_HEAD, read_block_format
from drafter.gui.outline_view import heading_label
from tests.gui.conftest import sample_draft


def head_length(qblock) -> int:
    """How much of a paragraph is in the heading sentence's character format."""
    head = 0
    for run in qblock.textFormats():
        if run.start != head or run.format.property(P_HEAD) is not True:
            break
        head = run.start + run.length
    return head


def tree_rows(outline) -> list[tuple[str, int, int, bool]]:
    """The tree as Qt holds it, in display order: (label, depth, block index, open)."""
    rows = []

    def walk(item, depth):
        rows.append((item.text(0), depth, outline.index_of(item), item.isExpanded() or not item.childCount()))
        for k in range(item.childCount()):
            walk(item.child(k), depth + 1)
    for k in range(outline.topLevelItemCount()):
        walk(outline.topLevelItem(k), 0)
    return rows


def expected_rows(draft) -> list[tuple[str, int, int, bool]]:
    markers, rows, levels = draft.markers(), [], []
    for i in draft.headings():
        block = draft.blocks[i]
        while levels and levels[-1] >= block.level:
            levels.pop()
        rows.append((heading_label(markers[i], block.text), len(levels), i, True))
        levels.append(block.level)
    return rows


def screen_is_current(window) -> bool:
    """What the editor shows on screen (the window's backing store) is what painting it
    afresh gives: no number or text left over from before an edit (repaints are partial).
    Work the window defers (a paint after a coalescing timer, panels built after the first
    paint) may land a moment later on a busy machine, so the screen gets up to a second to
    settle; a stale number is never repainted by itself, so it still fails."""
    viewport = window.editor.viewport()
    for _ in range(20):
        QApplication.processEvents()
        corner = viewport.mapTo(window, QPoint(0, 0))
        shown = QApplication.primaryScreen().grabWindow(window.winId(), corner.x(), corner.y(),
                                                        viewport.width(), viewport.height())
        fresh = viewport.grab()
        if shown.toImage().convertToFormat(QImage.Format_RGB32) == \
                fresh.toImage().convertToFormat(QImage.Format_RGB32):
            return True
        QTest.qWait(50)
    return False


OPS = ["up", "down", "promote", "demote", "heading", "child", "paragraph", "delete", "to_heading",
       "to_paragraph", "undo", "redo", "sync"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 40)), max_size=12))
def test_document_follows_the_model_through_any_edits(window, ui, steps):
    window.set_session(Session(sample_draft()))
    ui.answers["confirm"] = True
    editor = window.editor
    editor.setCursorWidth(0)            # no blinking caret in the screen comparison
    for op, where in steps:
        editor.focus_block(where % len(window.draft.blocks))
        window.act[op].trigger()
        draft, doc = window.draft, editor.document()
        assert doc.blockCount() == len(draft.blocks)
        assert [doc.findBlockByNumber(i).text() for i in range(doc.blockCount())] == \
            [b.text + b.body for b in draft.blocks]
        assert [doc.findBlockByNumber(i).userData().block for i in range(doc.blockCount())] == draft.blocks
        assert editor.markers == draft.markers()
        for i, block in enumerate(draft.blocks):        # the formats say what the model says
            qblock = doc.findBlockByNumber(i)
            assert read_block_format(qblock.blockFormat()) == (block.kind, block.level, block.role, block.style)
            assert head_length(qblock) == (len(block.text) if block.is_heading else 0)
            if block.is_heading:                        # the painted number fits its indent
                want = editor.formats.indent + editor.formats.marker_width(block.level, editor.markers[i])
                assert abs(qblock.blockFormat().textIndent() - want) < 0.5
        assert tree_rows(window.outline) == expected_rows(draft)   # the outline, updated in place
        assert screen_is_current(window)
    while editor.document().isUndoAvailable():
        editor.undo_step()
    assert window.draft == sample_draft()


def test_a_number_that_grows_gets_room_for_it(window):
    """Inserting a point before （十） makes it （十一）: its indent widens to fit the painted
    number, though only the inserted paragraph was written; undo narrows it again."""
    from drafter.core.model import Block, Draft

    blocks = [Block.heading(1, "关于今年任务")] + [Block.heading(2, f"第{n}项工作。") for n in range(1, 11)]
    window.set_session(Session(Draft(blocks=blocks)))
    editor = window.editor
    doc = editor.document()

    def indent_fits(i):
        qblock = doc.findBlockByNumber(i)
        want = editor.formats.indent + editor.formats.marker_width(2, editor.markers[i])
        return abs(qblock.blockFormat().textIndent() - want) < 0.5
    editor.setCursorWidth(0)
    assert screen_is_current(window)
    editor.focus_block(1)
    window.act["heading"].trigger()           # a sibling after （一）
    assert screen_is_current(window)          # （十）→（十一） repainted though its text did not change
    assert editor.markers[11] == "（十一）"
    assert editor.formats.marker_width(2, "（十一）") > editor.formats.marker_width(2, "（十）")
    assert all(indent_fits(i) for i in range(1, 12))
    editor.undo_step()
    assert editor.markers[10] == "（十）" and all(indent_fits(i) for i in range(1, 11))


def test_a_new_numbering_style_is_repainted_where_the_text_stayed(window):
    """Only the numbers change (（一）→ 1.): the headings are repainted though Qt laid out
    nothing again there."""
    window.set_session(Session(sample_draft()))
    editor = window.editor
    editor.setCursorWidth(0)
    assert screen_is_current(window)
    window.logic.set_numbering(2, "1.")
    assert editor.markers[3:5] == ["1.", "2."]
    assert screen_is_current(window)
    editor.undo_step()
    assert screen_is_current(window)


def test_numbers_that_change_below_an_edit_are_repainted(window, ui):
    """A case the property test found when only the written paragraphs were repainted: a
    heading made a paragraph renumbers headings whose lines did not move, and their new
    numbers must be painted all the same."""
    window.set_session(Session(sample_draft()))
    ui.answers["confirm"] = True
    editor = window.editor
    editor.setCursorWidth(0)
    for op, where in [("heading", 1), ("down", 22), ("to_paragraph", 32)]:
        editor.focus_block(where % len(window.draft.blocks))
        window.act[op].trigger()
        assert screen_is_current(window), op
