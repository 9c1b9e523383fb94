"""Editor responsiveness: time to show a structural edit (move a section down).

Baseline, measured in the same run: building every row afresh (what opening a draft does,
and what the first editor version did after every move).  Compared: the editor's
incremental ``rebuild``, which keeps the rows of unchanged blocks and only reorders them.

    python bench/bench_gui_rebuild.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DRAFTER_HOME", tempfile.mkdtemp(prefix="drafter-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from drafter.corpus.documents import load_document
from drafter.gui.app import make_app
from drafter.gui.main_window import MainWindow
from drafter.editing.session import Session

CORPUS = Path(__file__).resolve().parents[1] / "resources" / "corpus"
REPEAT = 5


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    app = make_app()
    window = MainWindow(autosave_seconds=3600)
    window.show()
    draft = load_document(min(CORPUS.glob("004_*.txt")))
    # a long speech: the corpus speech four times over
    draft.blocks = [b for _ in range(4) for b in draft.copy().blocks]
    window.set_session(Session(draft))
    app.processEvents()
    heading = draft.headings()[2]
    full, incremental = [], []
    for _ in range(REPEAT):
        fresh = window.draft.copy()           # new block objects: every row is built anew
        full.append(timed(lambda fresh=fresh: window.editor.set_draft(fresh)))
        app.processEvents()
        window.editor.set_draft(window.draft)
        app.processEvents()
        window.editor.focus_block(heading)
        incremental.append(timed(lambda: window.act["down"].trigger()))
        app.processEvents()
        window.act["undo"].trigger()
        app.processEvents()
    f, i = statistics.median(full), statistics.median(incremental)
    print(f"blocks: {len(draft.blocks)}, runs: {REPEAT} (median)")
    print(f"{'what':40} {'ms':>8} {'ratio':>8}")
    print(f"{'baseline: rebuild every row':40} {f:8.1f} {1:8.2f}")
    print(f"{'move section (incremental rebuild)':40} {i:8.1f} {i / f:8.3f}")
    window.session.modified = False
    window.close()


if __name__ == "__main__":
    main()
