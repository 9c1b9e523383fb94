"""How long the place check (本级用语 and place names against the full division data) takes on a
20,000-character draft, after the division data's first load, against parsing the same text.

    python bench/bench_places.py

The draft is the seed corpus and the real test corpus joined and cut at 20,000 characters, with a
few other places' names planted so that the name look-ups have work to do.  The place is given
(抚松县, which the data knows: its towns, its city and province are looked up).  Baseline:
``parse_text`` of the same text in the same run.  Prints the first load, the best of seven runs
of the check and of the baseline, and the ratio."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import best
from drafter.checks import CheckOptions, divisions, run_checks
from drafter.corpus.parser import parse_text

SIZE = 20_000


def speech() -> str:
    paths = sorted((ROOT / "resources" / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "real").glob("*.txt"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    planted = "\n要学习广州市南沙区、杭州市余杭区的经验，松江河镇、泉阳镇要加快发展，全市上下要再接再厉。\n"
    return (planted + text)[:SIZE]


def main() -> None:
    text = speech()
    draft = parse_text(text)
    options = CheckOptions(only={"place"}, place="抚松县")
    start = time.perf_counter()
    data = divisions.load()
    first_load = time.perf_counter() - start
    start = time.perf_counter()
    found = run_checks(draft, options)
    first_run = time.perf_counter() - start
    check = best(lambda: run_checks(draft, options), 7)
    baseline = best(lambda: parse_text(text), 7)
    print(f"讲话稿 {draft.char_count():,} 字；区划数据 {len(data):,} 条；发现 {len(found)} 处")
    print(f"{'项目':<28}{'秒':>10}{'÷基准':>10}")
    for name, seconds in (("parse_text（基准）", baseline), ("区划数据首次载入", first_load),
                          ("地名与本级用语（首次）", first_run), ("地名与本级用语", check)):
        print(f"{name:<28}{seconds:>10.4f}{seconds / baseline:>10.2f}")


if __name__ == "__main__":
    main()
