"""The library at scale, on SQLite and on PostgreSQL, against baselines run in the same process:

- import throughput of ``drafter library add`` against ``jieba.lcut`` over the same text;
- search latency (median, p95) over 50 queries of 2–8 characters against ripgrep
  (``rg -F -l QUERY folder``) over the same speeches as .txt files: ripgrep after a first pass
  over the files, the library after its files were read once (``read_once``); the library's
  figures before that read are printed too;
- database size against the raw text;
- 查重: all checks on a 20,000-character draft against the library, a new draft (held-out real
  speeches) and one that reuses library text heavily.

    python bench/bench_library.py [--speeches 2000] [--backends sqlite,postgres] [--keep DIR]
                                  [--jieba-speeches 200] [--no-checks]

jieba.lcut's rate (MB/s) is taken over the first ``--jieba-speeches`` speeches (its rate per MB
does not depend on how many there are; over all 20,000 it would take two hours on this machine).
The load average is printed at the start and at each backend's end.

Speeches are synthetic, about 30 KB each, made of real sentences: the real speeches in
resources/corpus and tests/data/real are cut into sentences and headings; each synthetic speech
is a title, an opening, numbered parts with sub-points and paragraphs of two to six sentences
written by a word-level Markov chain over the real sentences (fixed seed), so a run of 20 or more
characters is rarely in more than a few speeches unless it is a set phrase, as in a real library;
and a date between 2015 and 2024.  The real speeches
held out of the pool for the new draft (the longest ones, to 20,000 characters).
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter.checks import CheckOptions, run_checks
from drafter.core import segment
from drafter.corpus.library import open_library
from drafter.corpus.parser import parse_text

NUMERALS = "一二三四五六七八九十"
TARGET_CHARS = 10_000          # about 30 KB of UTF-8


def sources() -> list[Path]:
    real = sorted((ROOT / "tests" / "data" / "real").glob("*.txt"))
    return sorted((ROOT / "resources" / "corpus").glob("*.txt")) + real


def pool(paths: list[Path]) -> tuple[list[str], list[str]]:
    sentences, headings = [], []
    for path in paths:
        draft = parse_text(path.read_text(encoding="utf-8"))
        for block in draft.blocks:
            if block.is_heading and 6 <= len(block.text) <= 30:
                headings.append(block.text.rstrip("。；："))
            for s in re.findall(r"[^。！？]+[。！？]", block.text + block.body):
                if len(s) >= 8:
                    sentences.append(s)
    return sentences, headings


class Chain:
    """A word-level Markov chain over the real sentences (jieba words): text that reads locally
    like a speech but, like a real library, rarely repeats a long run unless it is a set phrase."""

    def __init__(self, sentences: list[str]):
        self.next: dict[str, list[str]] = {}
        self.starts: list[str] = []
        cut = segment.jieba().lcut
        for sentence in sentences:
            words = cut(sentence)
            self.starts.append(words[0])
            for a, b in itertools.pairwise(words):
                self.next.setdefault(a, []).append(b)

    def sentence(self, rng: random.Random) -> str:
        word = rng.choice(self.starts)
        out = [word]
        length = len(word)
        while word not in "。！？" and length < 80:
            choices = self.next.get(word)
            if not choices:
                break
            word = rng.choice(choices)
            out.append(word)
            length += len(word)
        text = "".join(out)
        return text if text[-1] in "。！？" else text + "。"


def synthetic(rng: random.Random, k: int, chain: Chain, headings: list[str]) -> str:
    year = 2015 + k % 10
    lines = [f"在第{k}次全体会议上的讲话", f"（{year}年{1 + k % 12}月{1 + k % 28}日）", "同志们："]
    chars = 0

    def paragraph() -> str:
        return "".join(chain.sentence(rng) for _ in range(rng.randint(2, 6)))

    for _ in range(2):
        lines.append(paragraph())
    part = 0
    while chars < TARGET_CHARS and part < 9:
        lines.append(f"{NUMERALS[part]}、{rng.choice(headings)}")
        for sub in range(rng.randint(2, 4)):
            lines.append(f"（{NUMERALS[sub]}）{rng.choice(headings)}。{paragraph()}")
            for _ in range(rng.randint(1, 3)):
                text = paragraph()
                chars += len(text)
                lines.append(text)
        part += 1
    lines.append("同志们，" + paragraph())
    return "\n".join(lines) + "\n"


def write_speeches(folder: Path, count: int, sentences: list[str], headings: list[str]) -> int:
    rng = random.Random(13)
    chain = Chain(sentences)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for k in range(count):
        data = synthetic(rng, k, chain, headings).encode("utf-8")
        sub = folder / f"{k // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"speech{k:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def queries(sentences: list[str], n: int = 50) -> list[str]:
    rng = random.Random(7)
    found = []
    while len(found) < n:
        s = rng.choice(sentences)
        length = 2 + len(found) % 7            # 2..8 characters, evenly
        if len(s) <= length:
            continue
        at = rng.randrange(0, len(s) - length)
        q = s[at:at + length]
        if all(ch.isalnum() for ch in q) and q not in found:
            found.append(q)
    return found


def size_parts(library) -> list[tuple[str, int]]:
    """The largest tables and indexes of the library, in bytes."""
    if hasattr(library, "path"):
        sql = "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6"
    else:
        sql = ("SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = "
               "c.relnamespace WHERE n.nspname = 'public' UNION ALL SELECT 'library_blocks 的 TOAST', "
               "pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'library_blocks' ORDER BY 2 DESC LIMIT 6")
    return [(name, int(size)) for name, size in library.db.execute(sql).fetchall()]


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def bench_ripgrep(folder: Path, qs: list[str]) -> list[float]:
    times = []
    for q in qs:
        start = time.perf_counter()
        subprocess.run(["rg", "-F", "-l", "--no-messages", q, str(folder)], stdout=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - start)
    return times


def read_once(library) -> str:
    """Read the library's files once, as ripgrep's first pass reads the speeches once before it is
    timed: on this machine a page read for the first time since it was written costs about
    140 µs even when the kernel holds it, and about 4 µs after (docs/PERFORMANCE.md)."""
    start = time.perf_counter()
    if hasattr(library, "path"):
        for path in (library.path, Path(str(library.path) + "-wal")):
            if path.exists():
                with open(path, "rb") as f:
                    while f.read(1 << 24):
                        pass
        how = "SQLite 文件顺序读一遍"
    else:
        # pg_prewarm (contrib, in Debian's postgresql package), mode 'read': the server reads each
        # relation of the library once through the OS, without filling shared_buffers
        try:
            library.db.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            library.db.execute(
                "SELECT pg_prewarm(c.oid, 'read') FROM pg_class c WHERE c.relname LIKE 'library%' AND c.relkind IN "
                "('r', 'i') OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relname LIKE 'library%') OR c.oid "
                "IN (SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT reltoastrelid FROM pg_class WHERE "
                "relname LIKE 'library%'))").fetchall()
            how = "pg_prewarm('read') 读一遍各表与索引"
        except psycopg.Error as exc:          # not the server's superuser: the table only
            library.db.execute("SELECT sum(length(content)) FROM library_blocks").fetchone()
            how = f"无 pg_prewarm（{type(exc).__name__}），顺序读一遍 library_blocks"
    return f"{how}，{time.perf_counter() - start:.1f} s"


def bench_search(library, qs: list[str]) -> tuple[list[float], list[int]]:
    for q in qs[:5]:
        library.search(q)                       # warm the cache as rg's page cache is warm
    times, counts = [], []
    for q in qs:
        start = time.perf_counter()
        hits = library.search(q, limit=20)
        times.append(time.perf_counter() - start)
        counts.append(len(hits))
    return times, counts


def bench_checks(library, new_text: str, reuse_text: str) -> dict[str, float]:
    result = {}
    for name, text in (("新稿", new_text), ("大量沿用库中文字", reuse_text)):
        draft = parse_text(text)
        run_checks(draft, CheckOptions(only={"placeholder"}))      # lists load once
        start = time.perf_counter()
        findings = run_checks(draft, CheckOptions(library=library))
        result[name] = time.perf_counter() - start
        result[name + "（查重条数）"] = sum(1 for f in findings if f.check == "overlap")
        start = time.perf_counter()
        run_checks(draft, CheckOptions(library=None))
        result[name + "（不查重）"] = time.perf_counter() - start
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--speeches", type=int, default=2000)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--jieba-speeches", type=int, default=200,
                        help="speeches jieba.lcut is timed over (its rate per MB does not depend on the count)")
    parser.add_argument("--no-checks", action="store_true", help="skip the 查重 timing")
    parser.add_argument("--import-only", action="store_true", help="import and report size, no search")
    parser.add_argument("--no-search", action="store_true", help="skip the search timing (and ripgrep)")
    parser.add_argument("--reuse", action="store_true",
                        help="search the library a previous run imported (--keep, --pg-url) without importing again")
    parser.add_argument("--pg-url", help="a PostgreSQL database to use instead of a throwaway server")
    parser.add_argument("--keep", help="folder for the speeches and the SQLite file (default: temporary)")
    args = parser.parse_args()
    paths = sources()
    held = []
    for path in sorted(paths, key=lambda p: -p.stat().st_size):    # the longest real speeches,
        if sum(len(p.read_text(encoding="utf-8")) for p in held) >= 20_000:   # to 20,000 characters
            break
        held.append(path)
    used = [p for p in paths if p not in held]
    sentences, headings = pool(used)
    print(f"句子池：{len(sentences)} 句（{len(used)} 篇真实讲话），小标题 {len(headings)} 个")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    os.environ.setdefault("DRAFTER_HOME", str(work / "home"))
    folder = work / "speeches"
    if not folder.is_dir():
        raw = write_speeches(folder, args.speeches, sentences, headings)
    else:
        raw = sum(p.stat().st_size for p in folder.rglob("*.txt"))
    files = sorted(folder.rglob("*.txt"))
    print(f"讲话稿：{len(files)} 篇，{raw / 1e6:.1f} MB")

    print(f"负载：{load()}")
    texts = [p.read_text(encoding="utf-8") for p in files]
    sample = texts[:args.jieba_speeches]
    sample_mb = sum(len(t.encode("utf-8")) for t in sample) / 1e6
    jieba = segment.jieba()
    jieba.lcut("预热分词词典")
    start = time.perf_counter()
    for t in sample:
        jieba.lcut(t)
    jieba_rate = sample_mb / (time.perf_counter() - start)
    print(f"jieba.lcut（基准）：{len(sample)} 篇 {sample_mb:.1f} MB，{jieba_rate:.2f} MB/s")

    qs = queries(sentences)
    rg = [float("nan")]
    if not (args.import_only or args.no_search):
        rg = bench_ripgrep(folder, qs)
        rg = bench_ripgrep(folder, qs)              # second pass: page cache warm
        print(f"ripgrep -F -l：中位 {statistics.median(rg) * 1000:.1f} ms，p95 {percentile(rg, 0.95) * 1000:.1f} ms")

    new_text = "\n".join(p.read_text(encoding="utf-8") for p in held)[:20_000]
    print(f"新稿：{len(held)} 篇未入库的真实讲话，{len(new_text)} 字")
    reuse_text = "\n".join(texts[len(texts) // 2:len(texts) // 2 + 2])[:20_000]
    del texts

    server = None
    for backend in args.backends.split(","):
        if backend == "sqlite":
            location = str(work / "library.sqlite3")
            if os.path.exists(location) and not args.reuse:
                os.remove(location)
        elif args.pg_url:
            location = args.pg_url
        else:
            from tests.pgserver import TempPostgres

            server = TempPostgres().start()
            location = server.create_database("bench")
        try:
            with open_library(location) as library:
                start = time.perf_counter()
                import_s = float("nan")
                if not (args.reuse and library.documents()):
                    for done, r in enumerate(library.add([folder]), 1):
                        assert r.added, r.error
                        if done % 1000 == 0:
                            spent = time.perf_counter() - start
                            print(f"  {backend} 已导入 {done} 篇，{spent:.0f} s，负载 {load()}", flush=True)
                    import_s = time.perf_counter() - start
                size = library.size_bytes()
                parts = size_parts(library)
                skip = args.import_only or args.no_search
                times, counts = ([float("nan")], [0]) if skip else bench_search(library, qs)
                cold = times
                if not skip:
                    print(f"  {backend} 预读：{read_once(library)}", flush=True)
                    times, counts = bench_search(library, qs)
                checks = {} if args.no_checks or args.import_only else bench_checks(library, new_text, reuse_text)
            med, p95 = statistics.median(times), percentile(times, 0.95)
            print(f"\n== {backend} ==")
            rate = raw / 1e6 / import_s
            print(f"导入：{import_s:.1f} s，{rate:.2f} MB/s（jieba.lcut 的 {rate / jieba_rate:.2f} 倍速）")
            print(f"库大小：{size / 1e6:.1f} MB，原文的 {size / raw:.2f} 倍（"
                  + "，".join(f"{name} {part / raw:.2f}" for name, part in parts) + "）")
            print(f"检索：中位 {med * 1000:.1f} ms，p95 {p95 * 1000:.1f} ms，最慢 {max(times) * 1000:.1f} ms；"
                  f"p95 为 ripgrep p95 的 {p95 / percentile(rg, 0.95):.2f}，中位为 ripgrep 中位的 "
                  f"{med / statistics.median(rg):.2f}")
            print(f"未预读（导入后第一遍）：中位 {statistics.median(cold) * 1000:.1f} ms，p95 "
                  f"{percentile(cold, 0.95) * 1000:.1f} ms（ripgrep p95 的 {percentile(cold, 0.95) / percentile(rg, 0.95):.2f}）")
            slow = sorted(zip(times, qs, counts), reverse=True)[:5]
            print("最慢的 5 个检索：" + "，".join(f"{q}（{t * 1000:.0f} ms，{c} 条）" for t, q, c in slow))
            for name, value in checks.items():
                print(f"全部检查，{name}：{value:.2f}" + ("" if "条数" in name else " s"))
            print(f"负载：{load()}", flush=True)
        finally:
            if server is not None:
                server.stop()
                server = None
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
