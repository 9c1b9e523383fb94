"""Which PostgreSQL index for Chinese substring search: pg_trgm's GIN (``content LIKE '%词%'``)
against the library's own GIN over each block's bigrams (``grams @> …``, pg_bigm's idea), on the
same blocks, the same 50 queries of 2–8 characters, the same run.  pg_bigm itself is not in
Debian's packages.

    python bench/bench_library_pg_index.py [--speeches 200]

Prints median and p95 latency for each index and each query length, and the index sizes.
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

from bench.bench_library import percentile, pool, queries, sources, write_speeches
from drafter.corpus.library import open_library
from drafter.corpus.library.base import FILLER, grams
from tests.pgserver import TempPostgres


def timed(db, sql: str, params) -> float:
    start = time.perf_counter()
    db.execute(sql, params).fetchall()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--speeches", type=int, default=200)
    args = parser.parse_args()
    sentences, headings = pool(sources())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "speeches"
        raw = write_speeches(folder, args.speeches, sentences, headings)
        server = TempPostgres().start()
        try:
            url = server.create_database("idx")
            with open_library(url) as library:
                list(library.add([folder]))
                db = library.db
                db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                db.execute("CREATE INDEX blocks_trgm ON library_blocks USING gin (content gin_trgm_ops) "
                           "WITH (fastupdate = off)")
                db.execute("ANALYZE library_blocks")
                sizes = {name: db.execute("SELECT pg_relation_size(%s::regclass)", (name,)).fetchone()[0]
                         for name in ("library_blocks_grams", "blocks_trgm")}
                qs = queries(sentences)
                rows = {"grams": {}, "trgm": {}}
                for q in qs:
                    wanted = sorted(set(grams(q)) - {FILLER})
                    rows["grams"].setdefault(len(q), []).append(timed(
                        db, "SELECT id FROM library_blocks WHERE grams @> %s::text[] AND strpos(lower(content), %s) > 0 "
                        "ORDER BY id DESC LIMIT 1000", (wanted, q)))
                    like = "%" + q + "%"
                    rows["trgm"].setdefault(len(q), []).append(timed(
                        db, "SELECT id FROM library_blocks WHERE content LIKE %s ORDER BY id DESC LIMIT 1000", (like,)))
        finally:
            server.stop()
    print(f"{args.speeches} 篇，{raw / 1e6:.1f} MB；索引大小：bigram 数组 GIN {sizes['library_blocks_grams'] / 1e6:.1f} MB，"
          f"pg_trgm GIN {sizes['blocks_trgm'] / 1e6:.1f} MB")
    print("| 字数 | 次数 | bigram GIN 中位 / p95 (ms) | pg_trgm GIN 中位 / p95 (ms) |")
    print("|---|---|---|---|")
    for length in sorted(rows["grams"]):
        a, b = rows["grams"][length], rows["trgm"][length]
        print(f"| {length} | {len(a)} | {statistics.median(a) * 1000:.1f} / {percentile(a, 0.95) * 1000:.1f} | "
              f"{statistics.median(b) * 1000:.1f} / {percentile(b, 0.95) * 1000:.1f} |")
    every_a = [t for v in rows["grams"].values() for t in v]
    every_b = [t for v in rows["trgm"].values() for t in v]
    print(f"| 全部 | {len(every_a)} | {statistics.median(every_a) * 1000:.1f} / {percentile(every_a, 0.95) * 1000:.1f} | "
          f"{statistics.median(every_b) * 1000:.1f} / {percentile(every_b, 0.95) * 1000:.1f} |")


if __name__ == "__main__":
    main()
