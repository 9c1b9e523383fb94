"""What a journal flush costs against the full recovery copy it replaced, in the same run.

Run: ``python bench/bench_journal.py [--runs N]``.  A 2,000-paragraph draft (about 600 KB as a
draft file) gets one character typed, then is flushed: (A) ``Journal.record`` appends one
splice with fsync; (B) the old autosave wrote the whole draft with ``atomic_write`` (temporary
file, fsync, rename, fsync of the folder).  Interleaved A B A B …; the figures are medians of
time and bytes written per flush, and the median ratio A/B.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter.core import draftfile, journal  # noqa: E402
from drafter.core.atomic import atomic_write  # noqa: E402
from drafter.core.model import Block, Draft  # noqa: E402


def big_draft(n: int = 2000) -> Draft:
    return Draft(title="大稿", blocks=[Block.paragraph(f"第{i}段：" + "攻坚克难、奋力拼搏，" * 14) for i in range(n)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    draft = big_draft()
    folder = Path(tempfile.mkdtemp())
    log = journal.Journal(None, draftfile.dumps(draft), folder=folder)
    log.record(draft)
    copy = folder / "copy.draft"
    times_a, times_b, bytes_a, ratios = [], [], [], []
    for i in range(args.runs):
        draft.blocks[i % len(draft.blocks)].text += "字"
        size = log.path.stat().st_size
        started = time.perf_counter()
        log.record(draft)
        a = time.perf_counter() - started
        bytes_a.append(log.path.stat().st_size - size)
        started = time.perf_counter()
        atomic_write(copy, draftfile.dumps(draft).encode("utf-8"))
        b = time.perf_counter() - started
        times_a.append(a)
        times_b.append(b)
        ratios.append(a / b)
    full = copy.stat().st_size
    print(f"draft file {full / 1024:.0f} KB, {args.runs} flushes after one typed character each")
    print(f"journal append : {statistics.median(times_a) * 1000:7.2f} ms, {statistics.median(bytes_a):.0f} bytes")
    print(f"full copy (old): {statistics.median(times_b) * 1000:7.2f} ms, {full} bytes")
    print(f"ratio journal/full copy (median of pairs): {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
