"""Reviewer-style edits of every kind, made to a real speech (the OLD of a test) to give NEW."""

from __future__ import annotations

from pathlib import Path

from drafter.core.model import Block, Draft
from drafter.core.segment import jieba

ROOT = Path(__file__).resolve().parents[2]
#: Whole speeches with several parts (the seed corpus): every kind of edit, moves of sections.
SPEECHES = sorted((ROOT / "resources" / "corpus").glob("*.txt"))
#: The real-speech test corpus (openings of published speeches, mostly without numbered
#: parts): paragraph edits only.
REAL = sorted((ROOT / "tests" / "data" / "real").glob("*.txt"))


def _reword(text: str) -> str:
    """Change a word, cut a clause and add a sentence, the way a reviewer marks up a paragraph."""
    words = list(jieba().cut(text, HMM=False))
    for k, word in enumerate(words):
        if k > 3 and len(word) == 2 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
            words[k] = "切实"
            break
    text = "".join(words)
    first = text.find("，")
    second = text.find("，", first + 1)
    if 0 <= first < second:
        text = text[:first] + text[second:]
    return text + "这一点必须牢牢把握。"


def edit_every_way(old: Draft) -> tuple[Draft, str]:
    """NEW from OLD: the last top-level section moved to the front (every top-level heading
    renumbered), words changed in a paragraph, a heading reworded, a paragraph added, one
    deleted and one moved.  Returns NEW and the heading sentence of the moved section."""
    new = old.copy()
    tops = [i for i in new.headings() if new.blocks[i].level == min(new.blocks[j].level for j in new.headings())]
    moved_heading = new.blocks[tops[-1]].text
    new.move_section(tops[-1], tops[0])
    tops = [i for i in new.headings() if new.blocks[i].level == new.blocks[tops[0]].level]
    # words changed in the longest text of the (now) second top-level section
    start, end = tops[1], new.section_end(tops[1])
    longest = max(range(start, end), key=lambda i: len(new.blocks[i].body or new.blocks[i].text))
    block = new.blocks[longest]
    if block.body:
        block.body = _reword(block.body)
    else:
        block.text = _reword(block.text)
    # a heading reworded slightly
    sub = [i for i in new.headings() if start < i < end]
    if sub:
        new.blocks[sub[0]].text = new.blocks[sub[0]].text.rstrip("。") + "，久久为功。"
    # a paragraph added after the first heading of the last top-level section
    last = tops[-1]
    new.insert(last + 1, Block.paragraph("新增一段：要把各项任务分解到月、落实到人，每月调度一次，年底考核兑现。", "tasks"))
    # a paragraph (a leaf point or a plain paragraph) deleted from the last section
    leaves = [i for i in range(last + 2, len(new.blocks)) if new.section_end(i) == i + 1]
    del new.blocks[leaves[len(leaves) // 2]]
    # the first plain paragraph (or leaf point) of the speech moved to just before the last heading
    plain = [i for i, b in enumerate(new.blocks) if not b.is_heading and i < tops[0]]
    first = plain[0] if plain else leaves[0]
    moved_block = new.blocks.pop(first)
    new.blocks.insert(new.headings()[-1], moved_block)
    return new, moved_heading


def edit_paragraphs(old: Draft) -> Draft:
    """NEW from a short text: words changed in the longest paragraph, a paragraph added after
    the first, the last but one deleted, the first moved to the end."""
    new = old.copy()
    longest = max(range(len(new.blocks)), key=lambda i: len(new.blocks[i].body or new.blocks[i].text))
    block = new.blocks[longest]
    if block.body:
        block.body = _reword(block.body)
    else:
        block.text = _reword(block.text)
    new.insert(1, Block.paragraph("新增一段：各级各部门要压实责任，确保各项工作落地见效。"))
    if len(new.blocks) > 3:
        del new.blocks[-2]
    if len(new.blocks) > 2:
        new.blocks.append(new.blocks.pop(0))
    return new
