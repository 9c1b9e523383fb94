"""The one-document editor against a plain QTextEdit holding the same 60,000-character draft,
in the same run (offscreen Qt):

- per keystroke: 200 characters typed in the middle of the draft, each a key press and
  release sent to the widget and the event loop run until idle (the model update, the
  placeholder highlighter, the painted markers, the window's slots: everything that runs per
  keystroke); median and p95;
- opening: ``MainWindow.set_session`` (document, outline, fields, status) and the editor's
  ``set_draft`` alone, against ``QTextEdit.setPlainText`` of the same text, each with the
  first paint;
- a structural move (a level-1 section down, one undo step, outline and status refreshed)
  against cutting and re-inserting the same text in the plain QTextEdit;
- peak memory (peak RSS, VmHWM, of a process holding each), and start-up to the first painted window
  (whole process, from spawn) against a bare PySide6 window with a QTextEdit.

    python bench/bench_editor.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_CHARS = 60_000


def long_draft():
    """The corpus speeches one after another until 60,000 characters."""
    from drafter.core.model import Draft
    from drafter.corpus.documents import load_document

    draft = Draft(title="长稿基准")
    total = 0
    paths = sorted((ROOT / "resources" / "corpus").glob("*.txt"))
    while total < TARGET_CHARS:
        for path in paths:
            for block in load_document(path).blocks:
                if total >= TARGET_CHARS:
                    break
                draft.blocks.append(block)
                total += len(block.text) + len(block.body)
    draft.numbering = load_document(paths[0]).numbering
    return draft


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


# ----- in-process measurements ------------------------------------------------------------------
def type_chars(app, widgets, chars: str) -> list[list[float]]:
    """Each character typed into each widget in turn (so a busy machine slows both alike);
    per widget, the milliseconds of each keystroke with the event loop run until idle."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    times: list[list[float]] = [[] for _ in widgets]
    for char in chars:
        for widget, spent in zip(widgets, times):
            widget.setFocus()
            app.processEvents()
            start = time.perf_counter()
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                app.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))
            app.processEvents()
            spent.append((time.perf_counter() - start) * 1000)
    return times


def in_process(runs: int) -> dict[str, float]:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QTextEdit

    from drafter.editing.session import Session
    from drafter.export.text import draft_to_text
    from drafter.gui.app import make_app
    from drafter.gui.main_window import MainWindow

    app = make_app()
    draft = long_draft()
    text = draft_to_text(draft)
    plain = QTextEdit()
    plain.resize(1200, 800)
    plain.show()
    window = MainWindow(autosave_seconds=3600, load_materials=False)
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    figures: dict[str, float] = {"chars": draft.char_count(), "blocks": len(draft.blocks)}

    def timed(action) -> float:
        start = time.perf_counter()
        action()
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    plain_open, window_open, editor_open = [], [], []
    for _ in range(runs):
        plain_open.append(timed(lambda: plain.setPlainText(text)))
        window_open.append(timed(lambda: window.set_session(Session(draft.copy()))))
        editor_open.append(timed(lambda: window.editor.set_draft(window.draft)))
    figures["open_plain"] = statistics.median(plain_open)
    figures["open_window"] = statistics.median(window_open)
    figures["open_editor"] = statistics.median(editor_open)

    # steady state before typing: the placeholder marks of the freshly opened draft and the
    # status bar's first count (both once after opening) are done
    while window.editor.highlighter.pending:
        app.processEvents()
    settle = time.perf_counter() + 0.6
    while time.perf_counter() < settle:
        app.processEvents()
    typed = "今年以来全市上下坚持稳中求进工作总基调" * 10        # 200 characters
    middle = len(draft.blocks) // 2
    window.editor.focus_block(middle, 5)
    cursor = plain.textCursor()
    cursor.setPosition(plain.document().characterCount() // 2)
    plain.setTextCursor(cursor)
    editor_keys, plain_keys = type_chars(app, [window.editor, plain], typed)
    assert typed in window.draft.blocks[middle].text + window.draft.blocks[middle].body
    figures.update(key_median=statistics.median(editor_keys), key_p95=percentile(editor_keys, 0.95),
                   key_plain_median=statistics.median(plain_keys), key_plain_p95=percentile(plain_keys, 0.95))

    level1 = [i for i, b in enumerate(window.draft.blocks) if b.is_heading and b.level == 1]
    heading = level1[len(level1) // 2]
    moves, plain_moves = [], []
    start = window.draft.section_end(heading)
    for n in range(runs * 2):       # a move in the editor, then the same text moved in the plain one
        window.editor.focus_block(heading)
        moves.append(timed(window.logic.move_down if n % 2 == 0 else window.logic.move_up))
        heading = window.editor.current_block()
        doc = plain.document()
        begin = doc.findBlockByNumber(start).position()
        end = doc.findBlockByNumber(min(start + 20, doc.blockCount() - 1)).position()

        def cut_and_insert(doc=doc, begin=begin, end=end) -> None:
            c = QTextCursor(doc)
            c.beginEditBlock()
            c.setPosition(begin)
            c.setPosition(end, QTextCursor.KeepAnchor)
            fragment = c.selection()
            c.removeSelectedText()
            c.setPosition(min(begin + 3000, doc.characterCount() - 1))
            c.movePosition(QTextCursor.StartOfBlock)
            c.insertFragment(fragment)
            c.endEditBlock()
        plain_moves.append(timed(cut_and_insert))
    level2 = [i for i, b in enumerate(window.draft.blocks) if b.is_heading and b.level == 2
              and window.draft.siblings(i)[-1] != i]
    point = level2[len(level2) // 2]
    point_moves = []
    for n in range(runs * 2):
        window.editor.focus_block(point)
        point_moves.append(timed(window.logic.move_down if n % 2 == 0 else window.logic.move_up))
        point = window.editor.current_block()
    figures["move_point"] = statistics.median(point_moves)
    if os.environ.get("BENCH_VERBOSE"):
        print("moves", [round(m) for m in moves], "points", [round(m) for m in point_moves],
              "plain", [round(m) for m in plain_moves])
    figures["move"] = statistics.median(moves)
    figures["move_p95"] = percentile(moves, 0.95)
    figures["move_plain"] = statistics.median(plain_moves)
    window.session.modified = False
    return figures


# ----- whole processes ------------------------------------------------------------------------
CHILD_START = {
    "bare": """
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QTextEdit())
window.resize(1200, 800)
watch = window.centralWidget().viewport()
""",
    "drafter": """
from drafter.gui.app import make_app
from drafter.gui.main_window import MainWindow
app = make_app()
window = MainWindow(autosave_seconds=3600)
watch = window.editor.viewport()
""",
}
CHILD_TAIL = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
class First(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and not getattr(self, "seen", False):
            self.seen = True
            QTimer.singleShot(0, lambda: (print("painted", flush=True), os._exit(0)))
        return False
first = First()
watch.installEventFilter(first)
window.show()
app.exec()
"""
CHILD_MEMORY = {
    "bare": """
from PySide6.QtWidgets import QApplication, QTextEdit
app = QApplication([])
w = QTextEdit(); w.resize(1200, 800); w.show()
from bench.bench_editor import long_draft
from drafter.export.text import draft_to_text
w.setPlainText(draft_to_text(long_draft()))
""",
    "drafter": """
from drafter.gui.app import make_app
from drafter.gui.main_window import MainWindow
from drafter.editing.session import Session
app = make_app()
w = MainWindow(autosave_seconds=3600, load_materials=False); w.resize(1200, 800); w.show()
from bench.bench_editor import long_draft
w.set_session(Session(long_draft()))
""",
}
MEMORY_TAIL = """
for _ in range(5):
    app.processEvents()
# the peak of this process (VmHWM; ru_maxrss would carry the parent's peak over the fork)
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(peak, flush=True)
import os; os._exit(0)
"""


def spawn(code: str) -> tuple[float, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM=os.environ["QT_QPA_PLATFORM"])
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                            timeout=120, cwd=ROOT, check=False)
    elapsed = (time.perf_counter() - start) * 1000
    if result.returncode != 0:
        raise SystemExit(f"child failed: {result.stderr[-2000:]}")
    return elapsed, result.stdout.strip().splitlines()[-1]


def whole_processes(runs: int) -> dict[str, float]:
    # An installed Drafter has its bytecode (pip and the frozen app compile it); a working copy
    # run with PYTHONDONTWRITEBYTECODE would compile every module at each start instead.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "drafter")], check=True)
    figures: dict[str, float] = {}
    starts: dict[str, list[float]] = {"bare": [], "drafter": []}
    for _ in range(runs):
        for name, spent in starts.items():
            spent.append(spawn(CHILD_START[name] + CHILD_TAIL)[0])
    figures["start_bare"] = statistics.median(starts["bare"])
    figures["start_drafter"] = statistics.median(starts["drafter"])
    for name in ("bare", "drafter"):
        figures[f"rss_{name}"] = int(spawn(CHILD_MEMORY[name] + MEMORY_TAIL)[1]) / 1024
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    f = in_process(args.runs)
    f.update(whole_processes(args.runs))
    print(f"draft: {f['chars']:,.0f} characters, {f['blocks']:.0f} blocks; medians of {args.runs} runs\n")
    rows = [
        ("keystroke median (ms)", f["key_median"], f["key_plain_median"]),
        ("keystroke p95 (ms)", f["key_p95"], f["key_plain_p95"]),
        ("open: window.set_session (ms)", f["open_window"], f["open_plain"]),
        ("open: editor.set_draft (ms)", f["open_editor"], f["open_plain"]),
        ("move a level-1 section (ms)", f["move"], f["move_plain"]),
        ("move a level-2 point (ms)", f["move_point"], f["move_plain"]),
        ("peak memory, VmHWM (MB)", f["rss_drafter"], f["rss_bare"]),
        ("start-up to first paint, whole process (ms)", f["start_drafter"], f["start_bare"]),
    ]
    print(f"{'':46}{'Drafter':>10}{'plain Qt':>10}{'ratio':>8}")
    for label, ours, base in rows:
        print(f"{label:46}{ours:10.1f}{base:10.1f}{ours / base:8.2f}")
    print(f"\nmove p95: {f['move_p95']:.1f} ms")


if __name__ == "__main__":
    main()
