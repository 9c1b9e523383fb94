"""The one document stays in step with the model through any sequence of outline edits,
undos and redos (property test on the real window)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


OPS = ["up", "down", "promote", "demote", "heading", "child", "paragraph", "delete", "to_heading",
       "to_paragraph", "undo", "redo", "sync"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 40)), max_size=12))
def test_document_follows_the_model_through_any_edits(window, ui, steps):
    window.set_session(Session(sample_draft()))
    ui.answers["confirm"] = True
    editor = window.editor
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
        markers = draft.markers()
        assert window.outline.item_texts() == [heading_label(markers[i], draft.blocks[i].text)
                                               for i in draft.headings()]
    while editor.document().isUndoAvailable():
        editor.undo_step()
    assert window.draft == sample_draft()
