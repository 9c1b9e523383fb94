"""Whole-process speed of the commands a user runs, paired against a baseline in the same run.

Run: ``python bench/bench_startup.py [--runs N]``.  Each pair is run interleaved (A B A B …,
after one warm-up of each) so drift of a shared machine hits both sides alike; the figure is the
median of the per-pair ratios A/B, with the medians of each side:

- ``drafter --version`` against ``python -c pass`` (the same interpreter): what start-up costs
  beyond Python itself (a command imports only what it uses);
- ``drafter export speech.txt -o out.docx`` against ``pandoc speech.txt -o out.docx`` on the
  same 30,000-character speech (the text as the user has it; pandoc reads it as markdown
  paragraphs);
- ``drafter parse speech.txt`` against ``python -c pass``, for reference.
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

from bench.bench_export import speech  # noqa: E402  (the same 30,000-character speech)
from drafter.export.text import draft_to_text  # noqa: E402


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def paired(a: list[str], b: list[str], runs: int) -> tuple[float, float, float]:
    """Median of A, median of B, median of the ratios A/B of interleaved runs."""
    wall(a), wall(b)  # warm-up: page cache, bytecode
    times_a, times_b, ratios = [], [], []
    for _ in range(runs):
        ta, tb = wall(a), wall(b)
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(ta / tb)
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        print("pandoc not found; install it for the baseline", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    text = work / "speech.txt"
    text.write_text(draft_to_text(speech()), "utf-8")
    drafter = [sys.executable, "-m", "drafter.cli"]
    python = [sys.executable, "-c", "pass"]
    rows = [
        ("drafter --version", "python -c pass", paired([*drafter, "--version"], python, args.runs)),
        ("drafter export speech.txt -o out.docx", "pandoc speech.txt -o out.docx",
         paired([*drafter, "export", str(text), "-o", str(work / "d.docx")],
                ["pandoc", "-f", "markdown", str(text), "-o", str(work / "p.docx")], args.runs)),
        ("drafter parse speech.txt", "python -c pass", paired([*drafter, "parse", str(text)], python, args.runs)),
    ]
    print(f"{args.runs} interleaved pairs each; seconds are medians, the ratio is the median of A/B per pair")
    print(f"{'A':40} {'s':>6}   {'B':32} {'s':>6}  {'A/B':>5}")
    for name_a, name_b, (ta, tb, ratio) in rows:
        print(f"{name_a:40} {ta:6.3f}   {name_b:32} {tb:6.3f}  {ratio:5.2f}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
