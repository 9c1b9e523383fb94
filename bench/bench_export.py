"""Export speed: a 30,000-character speech to .docx, against pandoc converting the same text.

Run: ``python bench/bench_export.py [--repeat N]``.  The speech is built from the corpus
(parsed, then its blocks repeated until the text reaches 30,000 characters).  Both sides start
from the text already in memory and end with a .docx on disk:

- drafter (in process): ``export_draft`` — build the document, save atomically;
- drafter (fresh process): ``drafter export speech.txt -o out.docx`` — includes Python start-up,
  imports and parsing the .txt, the fair comparison with a pandoc process;
- pandoc: ``pandoc speech.md -o out.docx`` (markdown with the headings marked ``#``) and
  ``pandoc -f plain``-like input (the text, one paragraph a line, as markdown paragraphs).

Prints a table of median times and the ratio drafter / pandoc (below 1 means faster).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter.core.model import Draft
from drafter.corpus.documents import parse_file
from drafter.export import export_draft
from drafter.export.text import draft_to_text

TARGET = 30_000


def speech(target: int = TARGET) -> Draft:
    corpus = sorted((ROOT / "resources" / "corpus").glob("*.txt"))
    base = parse_file(max(corpus, key=lambda p: p.stat().st_size))
    draft = base.copy()
    draft.title = "在全市经济工作会议上的讲话"
    while draft.char_count() < target:
        draft.blocks.extend(b for b in base.copy().blocks)
    while draft.char_count() > target + 500 and len(draft.blocks) > 1:
        draft.blocks.pop()
    return draft


def markdown(draft: Draft) -> str:
    lines = [f"# {draft.title}", ""]
    for block, marker in zip(draft.blocks, draft.markers()):
        if block.is_heading:
            lines += [f"{'#' * (block.level + 1)} {marker}{block.text}", ""]
            if block.body:
                lines += [block.body, ""]
        else:
            lines += [block.text, ""]
    return "\n".join(lines)


def timed(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        print("pandoc not found; install it for the baseline", file=sys.stderr)
        return 1
    draft = speech()
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    text_file = work / "speech.txt"
    text_file.write_text(draft_to_text(draft), "utf-8")
    md_file = work / "speech.md"
    md_file.write_text(markdown(draft), "utf-8")
    plain_file = work / "plain.md"
    plain_file.write_text("\n\n".join(draft_to_text(draft).splitlines()), "utf-8")
    drafter_cmd = [sys.executable, "-m", "drafter.cli", "export", str(text_file), "-o", str(work / "cli.docx")]

    export_draft(draft, work / "warm.docx")  # imports and caches, as in a running editor
    rows = [
        ("drafter export_draft (in process)", timed(lambda: export_draft(draft, work / "a.docx"), args.repeat)),
        ("drafter export_draft read-aloud", timed(lambda: export_draft(draft, work / "b.docx",
                                                                       profile="read-aloud"), args.repeat)),
        ("drafter export (new process, .txt in)", timed(lambda: subprocess.run(drafter_cmd, check=True,
                                                                               capture_output=True), args.repeat)),
        ("pandoc markdown -> docx", timed(lambda: subprocess.run(
            ["pandoc", str(md_file), "-o", str(work / "p.docx")], check=True), args.repeat)),
        ("pandoc plain paragraphs -> docx", timed(lambda: subprocess.run(
            ["pandoc", "-f", "markdown", str(plain_file), "-o", str(work / "q.docx")], check=True), args.repeat)),
    ]
    big = speech(200_000)
    big_md = work / "big.md"
    big_md.write_text(markdown(big), "utf-8")
    rows += [
        ("drafter export_draft, 200,000 characters", timed(lambda: export_draft(big, work / "c.docx"), 3)),
        ("pandoc markdown -> docx, 200,000 characters", timed(lambda: subprocess.run(
            ["pandoc", str(big_md), "-o", str(work / "r.docx")], check=True), 3)),
    ]
    pandoc = rows[3][1]
    print(f"speech: {draft.char_count()} characters, {len(draft.blocks)} blocks; median of {args.repeat} runs")
    print(f"{'task':42} {'seconds':>8} {'÷ pandoc md':>11}")
    for name, seconds in rows[:5]:
        print(f"{name:42} {seconds:8.3f} {seconds / pandoc:11.2f}")
    print(f"{'(200,000 characters, median of 3)':42}")
    for name, seconds in rows[5:]:
        print(f"{name:42} {seconds:8.3f} {seconds / rows[-1][1]:11.2f}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
