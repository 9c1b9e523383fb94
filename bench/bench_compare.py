"""Comparing two 30,000-character drafts and writing the tracked .docx, against python's difflib
over the same paragraphs, in the same run.

    python bench/bench_compare.py

OLD is seed speeches 000, 004 and 003 read as one draft and cut to about 30,000 characters;
NEW is OLD after a reviewer's round: its largest top-level section but the first moved to the
front (every top-level heading renumbered), words changed in 12 paragraphs, 6 paragraphs added, 6 deleted,
2 moved.  Baselines: ``difflib.SequenceMatcher`` over the two lists of printed paragraphs, then
over the characters of each replaced pair (what a diff tool does), and the plain Word export of
NEW.  Best of five; jieba's one-time dictionary load is timed apart (it happens once per
session, before the first comparison).  Target: compare + tracked .docx under 1 s."""

from __future__ import annotations

import difflib
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import best
from drafter.compare import compare_drafts
from drafter.compare.units import units_of
from drafter.compare.words import tokens
from drafter.core.model import Block, Draft
from drafter.core.segment import jieba
from drafter.corpus.parser import parse_text
from drafter.export.docx_writer import docx_bytes
from drafter.export.tracked import tracked_docx_bytes

CORPUS = sorted((ROOT / "resources" / "corpus").glob("*.txt"))
TARGET_CHARS = 30_000


def old_draft() -> Draft:
    text = "\n".join(CORPUS[k].read_text(encoding="utf-8") for k in (0, 4, 3))
    draft = parse_text(text)
    while draft.char_count() > TARGET_CHARS:
        draft.blocks.pop()
    return draft


def reviewed(old: Draft) -> Draft:
    rng = random.Random(12)
    new = old.copy()
    tops = [i for i in new.headings() if new.blocks[i].level == 1]
    largest = max(tops[1:], key=lambda i: new.section_end(i) - i)
    new.move_section(largest, tops[0])
    long = [i for i, b in enumerate(new.blocks) if len(b.body or b.text) > 80]
    for i in rng.sample(long, 12):
        block = new.blocks[i]
        words = tokens(block.body or block.text)
        k = rng.randrange(2, len(words) - 2)
        words[k] = "切实" if words[k] != "切实" else "扎实"
        if block.body:
            block.body = "".join(words)
        else:
            block.text = "".join(words)
    for n in range(6):
        at = rng.randrange(1, len(new.blocks))
        new.insert(at, Block.paragraph(f"新增第{n + 1}段：要把各项任务分解到月、落实到人，每月调度一次。"))
    leaves = [i for i in range(len(new.blocks)) if new.section_end(i) == i + 1]
    for i in sorted(rng.sample(leaves, 6), reverse=True):
        del new.blocks[i]
    plain = [i for i, b in enumerate(new.blocks) if not b.is_heading]
    for i in sorted(rng.sample(plain, 2), reverse=True):
        new.blocks.insert(rng.randrange(1, len(new.blocks)), new.blocks.pop(i))
    return new


def difflib_baseline(old: list[str], new: list[str]) -> int:
    changes = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "replace":
            for a, b in zip(old[i1:i2], new[j1:j2]):
                changes += len(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
        elif op != "equal":
            changes += 1
    return changes


def main() -> None:
    start = time.perf_counter()
    jieba().initialize()
    jieba_load = time.perf_counter() - start
    old = old_draft()
    new = reviewed(old)
    old_texts = [u.text for u in units_of(old)]
    new_texts = [u.text for u in units_of(new)]
    comparison = compare_drafts(old, new)
    counts = comparison.counts()
    baseline = best(lambda: difflib_baseline(old_texts, new_texts))
    export = best(lambda: docx_bytes(new))
    compare = best(lambda: compare_drafts(old, new))
    write = best(lambda: tracked_docx_bytes(comparison, new))
    total = best(lambda: tracked_docx_bytes(compare_drafts(old, new), new))
    print(f"OLD {old.char_count():,} 字 {len(old_texts)} 段；NEW {new.char_count():,} 字 {len(new_texts)} 段；"
          f"修改 {counts['changed']}，新增 {counts['inserted']}，删除 {counts['deleted']}，"
          f"移动 {len(comparison.moves())} 处（{counts['moved_to']} 段）")
    rows = [("difflib（段落 + 替换段落的逐字比较，基准）", baseline),
            ("导出 NEW 的 Word（不带修订，基准）", export),
            ("比较（结构 + 词）", compare),
            ("写带修订的 .docx", write),
            ("比较 + 写带修订的 .docx（合计）", total)]
    for name, seconds in rows:
        print(f"{name:<36}{seconds * 1000:9.1f} ms   {seconds / baseline:6.1f}× difflib")
    print(f"jieba 词典首次载入（每次启动一次）{jieba_load * 1000:9.1f} ms")
    print(f"合计 {'低于' if total < 1 else '高于'} 1 秒的目标")


if __name__ == "__main__":
    main()
