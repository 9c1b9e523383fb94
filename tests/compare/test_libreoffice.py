"""LibreOffice opens the tracked .docx, shows its revisions, and its own accept-all (the
dispatcher's .uno:AcceptAllTrackedChanges, headless) yields NEW; reject-all yields OLD."""

from __future__ import annotations

import pytest

from drafter.compare import compare_drafts
from drafter.corpus.docx_review import revisions
from drafter.corpus.documents import parse_file
from drafter.export.tracked import tracked_docx_bytes
from tests.compare import libreoffice
from tests.compare.conftest import marks_of, printed
from tests.compare.edits import SPEECHES, edit_every_way

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(libreoffice.uno_python() is None, reason="LibreOffice with python3-uno not installed")]


@pytest.mark.parametrize("source", [SPEECHES[0], SPEECHES[-1]], ids=lambda p: p.name[:3])
def test_libreoffice_accept_all_gives_new_and_reject_all_gives_old(source, tmp_path):
    old = parse_file(source)
    new, _moved = edit_every_way(old)
    comparison = compare_drafts(old, new)
    data = tracked_docx_bytes(comparison, new, "审稿人", "2026-11-20T08:00:00Z")
    path = tmp_path / "tracked.docx"
    path.write_bytes(data)
    result = libreoffice.run("resolve", str(path))
    # LibreOffice shows them (it joins neighbouring revisions of one author into one, so it counts
    # fewer): at least each move's two ends and the inserted and deleted paragraphs
    assert revisions(marks_of(data))
    assert result["redlines"] >= 2 * len(comparison.moves()) + 2
    assert result["accept_redlines_left"] == 0 and result["reject_redlines_left"] == 0
    tail = [""] if comparison.ops[-1].kind not in ("equal", "changed") else []
    assert [text for _style, text in result["accept"]] == [t for _s, t in printed(new)] + tail
    assert [text for _style, text in result["reject"]] == [t for _s, t in printed(old)] + tail
