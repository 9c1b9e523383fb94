"""Phrase search over 100,000 entries (the shipped bank plus synthetic ones): the n-gram index
of drafter.phrasebank against a plain scan of every entry, in the same run.

    python bench/bench_phrases.py [--entries 100000] [--queries 400]

Synthetic entries are recombinations of real corpus clauses (so their characters and bigrams
are distributed like real text); queries are substrings of real entries (1–6 characters),
some with a category or role filter.  Prints build time, p50/p99 latency and the speed-up.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from drafter import phrasebank
from drafter.core import paths
from drafter.miner.text import clauses, sentences
from drafter.phrasebank import Phrase, PhraseIndex, naive_search

ROLES = ["opening", "review", "tasks", "conduct", "closing"]


def synthetic(n: int, seed: int = 7) -> list[Phrase]:
    rng = random.Random(seed)
    pieces = []
    for path in sorted((paths.package_root() / "resources" / "corpus").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for sent in sentences(line):
                pieces.extend(t for t, _ in clauses(sent) if 2 <= len(t) <= 20)
    result = []
    for i in range(n):
        k = rng.randint(2, 4)
        text = "、".join(rng.choice(pieces) for _ in range(k))
        result.append(Phrase(f"syn-{i}", text, rng.choice(phrasebank.CATEGORIES),
                             rng.sample(ROLES, rng.randint(1, 2)), rng.randint(1, 5)))
    return result


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()

    shipped, errors = phrasebank.load_phrases([(paths.package_root() / "phrasebank", False)])
    if errors:
        print(errors[0].message)
        return 2
    phrases = shipped + synthetic(max(0, args.entries - len(shipped)))
    rng = random.Random(11)
    queries = []
    for _ in range(args.queries):
        source = rng.choice(phrases).text
        length = rng.randint(1, 6)
        start = rng.randint(0, max(0, len(source) - length))
        category = rng.choice([None, None, None] + list(phrasebank.CATEGORIES))
        role = rng.choice([None, None, None, "tasks", "conduct"])
        queries.append((source[start:start + length], category, role))

    t0 = time.perf_counter()
    index = PhraseIndex(phrases)
    build = time.perf_counter() - t0

    indexed, scanned = [], []
    for query, category, role in queries:
        t = time.perf_counter()
        ours = index.search(query, category, role, limit=20)
        indexed.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        theirs = naive_search(phrases, query, category, role, limit=20)
        scanned.append((time.perf_counter() - t) * 1000)
        if [p.id for p in ours] != [p.id for p in theirs]:
            print(f"MISMATCH for {query!r} {category} {role}")
            return 1

    p50i, p99i = statistics.median(indexed), percentile(indexed, 99)
    p50s, p99s = statistics.median(scanned), percentile(scanned, 99)
    print(f"entries: {len(phrases):,} (shipped {len(shipped)}), queries: {len(queries)}, "
          f"index build: {build:.2f} s")
    print(f"{'method':<22}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    print(f"{'n-gram index':<22}{p50i:>10.3f}{p99i:>10.3f}{max(indexed):>10.3f}")
    print(f"{'linear scan (baseline)':<22}{p50s:>10.3f}{p99s:>10.3f}{max(scanned):>10.3f}")
    print(f"speed-up: p50 {p50s / p50i:.0f}x, p99 {p99s / p99i:.0f}x; "
          f"target p99 < 5 ms: {'met' if p99i < 5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
