"""Benchmark: the structure parser against jieba word segmentation over the same text.

2,000 speeches are synthesised from the corpus paragraphs (a fixed seed: the same speeches
every run): a web page's header (scraper labels, title, dated subtitle, byline) and trailer
(责任编辑, sharing links) so the front-matter reader works as on real files, a salutation, opening paragraphs, 3–5 parts 一、 with 2–5 points （一） each (run-in
heading sentence + body from a corpus paragraph), sometimes 1./2. points or an 一是/二是
series under them, and a closing paragraph.  ``parse_text`` (structure, levels, run-in
split, roles) runs over all of them; ``jieba.lcut`` (default mode, the baseline) runs over a
subset (``--jieba-speeches``, default 200) because it is ~1 MB/s — its throughput per MB is
what the ratio uses.  Both are timed after a warm-up (jieba's dictionary load is excluded),
interleaved in ten rounds so that both run under the same load.

    python bench/bench_parse.py [--speeches 2000] [--jieba-speeches 200] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter.core.markers import format_marker, match_marker
from drafter.corpus.parser import clean_line, parse_text

_SENTENCE = re.compile(r"[^。！？]+[。！？]")


def corpus_pieces() -> tuple[list[str], list[str], list[str]]:
    """(heading sentences, body paragraphs, closings) from resources/corpus."""
    headings, bodies, closings = [], [], []
    for path in sorted((ROOT / "resources" / "corpus").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = clean_line(line)
            if len(line) < 8:
                continue
            marker = match_marker(line)
            if marker is not None:
                rest = line[len(marker.text):]
                first = _SENTENCE.match(rest)
                headings.append(first.group(0) if first else rest[:40])
                if first and len(rest) > len(first.group(0)) + 20:
                    bodies.append(rest[len(first.group(0)):])
            elif line.startswith(("同志们，", "总之，")):
                closings.append(line)
            else:
                bodies.append(line)
    return headings, bodies, closings


def synthesise(count: int, seed: int) -> list[str]:
    headings, bodies, closings = corpus_pieces()
    rng = random.Random(seed)
    speeches = []
    for _ in range(count):
        # a page as it comes from a government site: scraper labels, the title block, chrome
        year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
        lines = ["标题：市长在全市经济工作会议上的讲话", "来源：市政府网站", f"发布时间：{year}-{month:02d}-{day:02d} 10:00",
                 "市长在全市经济工作会议上的讲话", f"——{year}年{month}月{day}日在全市经济工作会议上", "市长 张三",
                 "同志们："] + rng.sample(bodies, 2)
        for part in range(1, rng.randint(3, 5) + 1):
            lines.append(format_marker("一、", part) + rng.choice(headings).rstrip("。；！？："))
            for point in range(1, rng.randint(2, 5) + 1):
                lines.append(format_marker("（一）", point) + rng.choice(headings) + rng.choice(bodies))
                if rng.random() < 0.3:
                    style = rng.choice(["1.", "一是"])
                    for sub in range(1, rng.randint(2, 4) + 1):
                        lines.append(format_marker(style, sub) + rng.choice(headings) + rng.choice(bodies))
                elif rng.random() < 0.3:
                    lines.append(rng.choice(bodies))
        lines.append(rng.choice(closings))
        lines += ["（责任编辑：李四）", "分享到：", "打印本页"]
        speeches.append("\n".join(lines) + "\n")
    return speeches


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speeches", type=int, default=2000)
    parser.add_argument("--jieba-speeches", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    started = time.perf_counter()
    speeches = synthesise(args.speeches, args.seed)
    total_mb = megabytes(speeches)
    print(f"synthesised {len(speeches)} speeches, {total_mb:.1f} MB UTF-8, "
          f"{sum(map(len, speeches)) / 1e6:.1f} M characters ({time.perf_counter() - started:.1f} s)")

    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    parse_text(speeches[0])
    jieba.lcut(speeches[0])  # warm-up both

    # Interleaved in rounds (a slice of the parse, then a slice of jieba), so that both see the
    # same load on a shared machine and the ratio does not depend on when each ran.
    subset = speeches[: args.jieba_speeches]
    subset_mb = megabytes(subset)
    rounds = 10
    headings = words = 0
    parse_seconds = jieba_seconds = 0.0
    for r in range(rounds):
        started = time.perf_counter()
        for text in speeches[r::rounds]:
            headings += len(parse_text(text).headings())
        parse_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for text in subset[r::rounds]:
            words += len(jieba.lcut(text))
        jieba_seconds += time.perf_counter() - started

    parse_rate = total_mb / parse_seconds
    jieba_rate = subset_mb / jieba_seconds
    rows = [
        ("parse_text (front matter, structure, roles)", f"{total_mb:.1f}", f"{parse_seconds:.2f}", f"{parse_rate:.1f}",
         f"{headings:,} points"),
        ("jieba.lcut (baseline)", f"{subset_mb:.1f}", f"{jieba_seconds:.2f}", f"{jieba_rate:.2f}",
         f"{words:,} words"),
    ]
    print(f"\n{'':34}{'MB':>8}{'s':>8}{'MB/s':>8}  output")
    for name, mb, sec, rate, out in rows:
        print(f"{name:44}{mb:>8}{sec:>8}{rate:>8}  {out}")
    ratio = parse_rate / jieba_rate
    print(f"\nparse is {ratio:.0f}x faster than jieba.lcut per MB "
          f"({'meets' if ratio >= 20 else 'MISSES'} the 20x requirement)")
    print(f"jieba over all {total_mb:.1f} MB would take about {total_mb / jieba_rate:.0f} s")


if __name__ == "__main__":
    main()
