"""Whole-process speed of the commands a user runs, paired against a baseline in the same run.

Run: ``python bench/bench_startup.py [--runs N]``.  Each pair is run interleaved (A B A B …,
after one warm-up of each) so drift of a shared machine hits both sides alike; the figure is the
median of the per-pair ratios A/B, with the medians of each side:

- ``drafter --version`` against ``python -c pass`` (the same interpreter): what start-up costs
  beyond Python itself (a command imports only what it uses);
- ``drafter export speech.txt -o out.docx`` against ``pandoc speech.txt -o out.docx`` on the
  same 30,000-character speech (the text as the user has it; pandoc reads it as markdown
  paragraphs);
- ``drafter parse speech.txt`` against ``python -c pass``, for reference;
- with ``--frozen DIR`` (a PyInstaller build, ``dist/drafter``), the frozen app's export against
  pandoc too: what a user who received the app runs.

Python runs with its bytecode cache, as an installed app does (pip writes the .pyc files, the
frozen app carries them): PYTHONDONTWRITEBYTECODE is dropped for the children and the cache goes
to a temporary PYTHONPYCACHEPREFIX, filled by the warm-up runs.  Besides wall time each side's
CPU time (user + system, from the operating system's accounting of the child) is reported; a
loaded machine disturbs it less.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_export import speech
from drafter.export.text import draft_to_text

ENV: dict[str, str] = {}


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command``."""
    cpu, started = child_cpu(), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV)
    return time.perf_counter() - started, child_cpu() - cpu


def paired(a: list[str], b: list[str], runs: int) -> dict[str, float]:
    """Medians of A and B (wall and CPU) and the medians of the per-pair ratios A/B."""
    run(a), run(b)  # warm-up: page cache, bytecode
    pairs = [(run(a), run(b)) for _ in range(runs)]
    return {
        "a": statistics.median(pa[0] for pa, _ in pairs), "b": statistics.median(pb[0] for _, pb in pairs),
        "ratio": statistics.median(pa[0] / pb[0] for pa, pb in pairs),
        "a_cpu": statistics.median(pa[1] for pa, _ in pairs), "b_cpu": statistics.median(pb[1] for _, pb in pairs),
        "cpu_ratio": statistics.median(pa[1] / max(pb[1], 1e-3) for pa, pb in pairs),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--frozen", type=Path, help="folder of a PyInstaller build (dist/drafter)")
    args = parser.parse_args()
    if not shutil.which("pandoc"):
        print("pandoc not found; install it for the baseline", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    ENV.update(os.environ)
    ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    text = work / "speech.txt"
    text.write_text(draft_to_text(speech()), "utf-8")
    drafter = [sys.executable, "-m", "drafter.cli"]
    python = [sys.executable, "-c", "pass"]
    pandoc = ["pandoc", "-f", "markdown", str(text), "-o", str(work / "p.docx")]
    rows = [
        ("drafter --version", "python -c pass", paired([*drafter, "--version"], python, args.runs)),
        ("drafter export speech.txt -o out.docx", "pandoc speech.txt -o out.docx",
         paired([*drafter, "export", str(text), "-o", str(work / "d.docx")], pandoc, args.runs)),
        ("drafter parse speech.txt", "python -c pass", paired([*drafter, "parse", str(text)], python, args.runs)),
    ]
    if args.frozen:
        app = str(args.frozen.resolve() / "drafter")
        rows.append(("frozen app: export speech.txt", "pandoc speech.txt -o out.docx",
                     paired([app, "export", str(text), "-o", str(work / "f.docx")], pandoc, args.runs)))
    print(f"{args.runs} interleaved pairs each; seconds are medians, ratios the median of A/B per pair")
    print(f"{'A':38} {'s':>6} {'cpu':>6}   {'B':30} {'s':>6} {'cpu':>6}  {'A/B':>5} {'cpu':>5}")
    for name_a, name_b, r in rows:
        print(f"{name_a:38} {r['a']:6.3f} {r['a_cpu']:6.3f}   {name_b:30} {r['b']:6.3f} {r['b_cpu']:6.3f}  "
              f"{r['ratio']:5.2f} {r['cpu_ratio']:5.2f}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
