"""批注栏 (gui/comments.py) on a 30,000-character reviewed draft, against the editor without it,
in the same run.

    QT_QPA_PLATFORM=offscreen python bench/bench_review_margin.py

The reviewed file: bench_compare's OLD → NEW written as a tracked .docx (every difference a
revision) with a comment on the first words of every other long paragraph, read back as a
reviewer's file.  Figures (best of N): a keystroke in the middle of the draft (the editor's
model update, the margin following its marks, events processed) with the margin and without
(the same text opened from the plain draft: the baseline); placing the marks when the file is
opened against writing the document itself (editor.set_draft); one repaint of the column.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import docx  # noqa: E402
from docx.text.run import Run  # noqa: E402
from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.bench_compare import old_draft, reviewed  # noqa: E402
from bench.timing import best  # noqa: E402
from drafter.compare import compare_drafts  # noqa: E402
from drafter.corpus.docx_review import read_review  # noqa: E402
from drafter.export.tracked import tracked_docx_bytes  # noqa: E402
from drafter.gui.app import make_app  # noqa: E402
from drafter.gui.main_window import MainWindow  # noqa: E402


def reviewed_file(folder: Path) -> Path:
    old = old_draft()
    new = reviewed(old)
    document = docx.Document(io.BytesIO(tracked_docx_bytes(compare_drafts(new, old), old)))
    long = [p for p in document.paragraphs if len(p.text) > 80 and p.runs and len(p.runs[-1].text) > 8]
    for k, p in enumerate(long[::2]):
        document.add_comment(Run(p.runs[-1]._r, p), text=f"第 {k + 1} 条意见：此处再斟酌。", author="审稿人")
    path = folder / "审阅稿.docx"
    document.save(path)
    return path


def keystroke(window: MainWindow, app: QApplication) -> None:
    editor = window.editor
    for kind in (QEvent.KeyPress, QEvent.KeyRelease):
        app.sendEvent(editor, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, "实"))
    app.processEvents()


def main() -> None:
    app = make_app()
    folder = Path(tempfile.mkdtemp(prefix="bench-margin-"))
    path = reviewed_file(folder)
    draft = read_review(path)
    review = draft.review
    chars = sum(len(b.text + b.body) for b in draft.blocks)
    print(f"draft {chars:,} characters, {len(draft.blocks)} paragraphs; "
          f"{len(review.revisions)} revisions, {len(review.comments)} comments")
    window = MainWindow(autosave_seconds=3600, load_materials=False)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.files.open_path(path)
    margin = window.review_margin
    placed = sum(c.cursor is not None for c in margin.cards)
    print(f"cards {len(margin.cards)}, placed beside their text {placed}")
    middle = len(window.draft.blocks) // 2
    window.editor.focus_block(middle, 3)
    with_margin = best(lambda: keystroke(window, app), 30)
    place = best(lambda: margin.set_draft(window.draft), 5)
    write = best(lambda: window.editor.set_draft(window.draft), 5)
    margin.set_draft(window.draft)
    paint = best(margin.canvas.repaint, 10)
    plain = draft.copy()
    plain.review = None
    window.session.modified = False
    window.editor.set_draft(plain)
    window.draft.blocks[:] = plain.blocks     # the same text, no marks: the baseline
    margin.set_draft(plain)
    window.editor.focus_block(middle, 3)
    without = best(lambda: keystroke(window, app), 30)
    print(f"keystroke: {with_margin * 1000:.2f} ms with the margin, {without * 1000:.2f} ms without "
          f"(ratio {with_margin / without:.2f})")
    print(f"opening: placing the marks {place * 1000:.1f} ms, writing the document {write * 1000:.1f} ms "
          f"(ratio {place / write:.2f})")
    print(f"one repaint of the column: {paint * 1000:.1f} ms")
    window.session.modified = False
    window.close()


if __name__ == "__main__":
    main()
