"""`drafter mine` throughput on synthetic speeches against jieba.lcut over the same text, in
the same run.

    python bench/bench_mine.py [--speeches 2000]

Synthetic speeches recombine the seed corpus: each takes the salutation, opening, headed
parts (with their points) and closing of randomly chosen seed speeches, so markers, roles and
constructions are distributed like real speeches.  Prints characters a second for the miner
(parse, align, mine phrases, induce templates; no writing) and for jieba.lcut alone (the
tokenizer the miner itself uses), and their ratio.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from drafter.core import segment
from drafter.miner import build, default_corpus


def seed_parts() -> list[list[str]]:
    """Each seed speech split into chunks: lead lines, then one chunk per top-level part."""
    speeches = []
    for path in sorted(default_corpus().glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        chunks, current = [], []
        for line in lines:
            if line[:2] in ("一、", "二、", "三、", "四、", "五、", "第一", "第二", "第三", "第四") and current:
                chunks.append("\n".join(current))
                current = []
            current.append(line)
        chunks.append("\n".join(current))
        speeches.append(chunks)
    return speeches


def synthetic(n: int, folder: Path, seed: int = 11) -> int:
    rng = random.Random(seed)
    speeches = seed_parts()
    total = 0
    for k in range(n):
        base = rng.choice(speeches)
        body = [base[0]]
        for i in range(1, len(base)):
            other = rng.choice(speeches)
            body.append(other[i] if i < len(other) else base[i])
        text = "\n".join(body)
        (folder / f"s{k:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--speeches", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        chars = synthetic(args.speeches, folder)
        text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
        jieba = segment.jieba()
        jieba.lcut("预热分词词典")
        start = time.perf_counter()
        jieba.lcut(text)
        t_jieba = time.perf_counter() - start
        start = time.perf_counter()
        templates, phrases = build([folder], {})
        t_mine = time.perf_counter() - start
    entries = sum(len(v) for v in phrases.values())
    print(f"speeches {args.speeches}, characters {chars:,}")
    print(f"drafter mine (no writing): {t_mine:.1f} s, {chars / t_mine:,.0f} chars/s, "
          f"{args.speeches / t_mine:.1f} speeches/s; {len(templates)} templates, {entries} entries")
    print(f"jieba.lcut same text:       {t_jieba:.1f} s, {chars / t_jieba:,.0f} chars/s")
    print(f"ratio mine/jieba time: {t_mine / t_jieba:.1f}x")


if __name__ == "__main__":
    main()
