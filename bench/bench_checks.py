"""How long ``run_checks`` takes on a long speech, per check, against parsing the same text.

    python bench/bench_checks.py

The speech is corpus 000 followed by corpus 004 (about 45,000 characters, well above a usual
speech); the library holds the other three corpus speeches, copied 10 times under different
names (30 speeches); the draft's place is given, so place names are looked for.  Baseline: ``parse_text`` of the same text in the same run.  Prints a
table of the best of five runs and the ratio to the baseline."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import best
from drafter.checks import CHECKS, CheckOptions, run_checks
from drafter.corpus.library import open_library
from drafter.corpus.parser import parse_text

CORPUS = sorted((ROOT / "resources" / "corpus").glob("*.txt"))


def main() -> None:
    text = CORPUS[0].read_text(encoding="utf-8") + "\n" + CORPUS[4].read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DRAFTER_HOME"] = tmp
        folder = Path(tmp) / "lib"
        folder.mkdir()
        for k in range(10):
            for path in CORPUS[1:4]:
                (folder / f"{k}_{path.name}").write_text(path.read_text(encoding="utf-8") + f"\n第{k}稿。",
                                                         encoding="utf-8")
        library = open_library(Path(tmp) / "library.sqlite3")
        list(library.add([folder]))
        draft = parse_text(text)
        chars = draft.char_count()
        baseline = best(lambda: parse_text(text))
        options = {"library": library, "place": "临江市"}
        options = {"library": library, "place": "临江市"}
        start = time.perf_counter()
        run_checks(draft, CheckOptions(**options))  # cold: lists and place names load once
        cold = time.perf_counter() - start
        rows = [("parse_text（基准）", baseline), ("全部检查（首次）", cold)]
        for name in CHECKS:
            rows.append((name, best(lambda n=name: run_checks(draft, CheckOptions(only={n}, **options)))))
        rows.append(("全部检查", best(lambda: run_checks(draft, CheckOptions(**options)))))
        library.close()
    print(f"讲话稿 {chars:,} 字；库 {len(CORPUS[1:4]) * 10} 篇")
    print(f"{'检查':<22}{'秒':>10}{'÷基准':>10}")
    for name, seconds in rows:
        print(f"{name:<22}{seconds:>10.4f}{seconds / baseline:>10.2f}")


if __name__ == "__main__":
    main()
