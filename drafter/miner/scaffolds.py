"""提纲 scaffolds (sibling headings, inline 一要/一是 series, series of short sentences that
share a frame) and the speech's connective tissue: 过渡语, 开头, 结尾."""

from __future__ import annotations

import re

from drafter.core.model import Draft
from drafter.core.vocab import CLOSING, OPENING, SCAFFOLD, TRANSITION
from drafter.miner.candidate import Candidate, make_candidate
from drafter.miner.text import (
    Paragraph,
    all_cjk,
    common_prefix,
    common_suffix,
    sentences,
    strip_quotes,
)

_END = "。；！？：:"
_CN = "一二三四五六七八九十"


def heading_sentence(text: str) -> str:
    return text.rstrip(_END + "，").strip()


def _frame(items: list[str]) -> tuple[str, tuple[str, ...]]:
    """``要在{领域}上求突破`` when the items share a prefix and/or suffix around a varying part."""
    pre = common_prefix(items)
    shortest = min(len(i) for i in items)
    suf = common_suffix(items)[: max(0, shortest - len(pre))]
    if len(pre) + len(suf) < 2 or not all_cjk(strip_quotes(pre + suf)):
        return "", ()
    middles = [i[len(pre): len(i) - len(suf)] for i in items]
    if any(not m for m in middles) or len(set(middles)) != len(middles):
        return "", ()
    if any(ch in m for m in middles for ch in "，；。"):
        return "", ()  # the varying part spans clauses: not one slot
    if max(len(m) for m in middles) > (12 if pre and suf else 6):
        return "", ()
    return f"{pre}{{领域}}{suf}", ("领域",)


def _scaffold(par: Paragraph, items: list[str]) -> Candidate:
    frame, slots = _frame(items)
    return make_candidate(par, "；".join(items), SCAFFOLD, frame, slots)


def sibling_scaffolds(draft: Draft, paragraphs: list[Paragraph]) -> list[Candidate]:
    """Each run of two or more sibling headings is one scaffold."""
    by_heading = {(p.heading, p.level): p for p in paragraphs if p.heading}
    found = []
    parents = [None] + draft.headings()
    for parent in parents:
        kids = draft.children(parent)
        if len(kids) < 2:
            continue
        items = [heading_sentence(draft.blocks[k].text) for k in kids]
        if any(not i or len(i) > 40 for i in items):
            continue
        first = draft.blocks[kids[0]]
        par = by_heading.get((first.text, first.level))
        if par is None:
            continue
        if len(items) == 2 and not _frame(items)[0]:
            continue  # two unlike headings of one part are an outline, not a scaffold to reuse
        found.append(_scaffold(par, items))
    return found


_DASH = re.compile(r"^——([^——。；！？]{2,24})[。；！？]")


def dash_series(paragraphs: list[Paragraph]) -> list[Candidate]:
    """Consecutive paragraphs opening with a dash-led heading sentence (——综合实力更强。……
    ——发展后劲更足。……): the lead sentences are one 提纲, as sibling headings are."""
    found, run = [], []
    for par in paragraphs + [Paragraph("", 0, "")]:
        m = _DASH.match(par.text)
        if m and not re.search(r"\d{4}年\d+月", m.group(1)):
            run.append((par, m.group(1)))
            continue
        if len(run) >= 2:
            found.append(_scaffold(run[0][0], ["——" + item for _p, item in run]))
        run = []
    return found


_MARKED = re.compile(rf"^[{_CN}]{{1,2}}[是要]")
_INLINE = re.compile(rf"(?:^|(?<=[。；：:]))([{_CN}]{{1,2}})(是|要)")


def inline_series(par: Paragraph) -> list[Candidate]:
    """一要……二要……三要…… inside a paragraph (not the paragraph's own marker)."""
    text = par.text
    hits = [m for m in _INLINE.finditer(text) if m.start() > 0]
    found = []
    for kind in ("是", "要"):
        series: list[re.Match] = []
        expected = 1
        from drafter.core.numerals import from_chinese
        for m in hits:
            if m.group(2) != kind:
                continue
            try:
                n = from_chinese(m.group(1))
            except ValueError:
                continue
            if n == 1:
                if len(series) >= 2:
                    found.append(_series_candidate(par, text, series))
                series, expected = [m], 2
            elif n == expected and series:
                series.append(m)
                expected += 1
        if len(series) >= 2:
            found.append(_series_candidate(par, text, series))
    return found


def _series_candidate(par: Paragraph, text: str, series: list[re.Match]) -> Candidate:
    items = []
    for m in series:
        rest = text[m.end():]
        cut = next((i for i, ch in enumerate(rest) if ch in "。；！？"), len(rest))
        sentence = rest[:cut]
        if len(sentence) > 30:
            sentence = sentence.split("，")[0]
        items.append(m.group(1) + m.group(2) + sentence)
    bare = [i[len(m.group(1)) + 1:] for i, m in zip(items, series)]
    frame, slots = _frame(bare) if len(bare) >= 2 else ("", ())
    if frame:
        frame = "一" + series[0].group(2) + frame
    return make_candidate(par, "；".join(items), SCAFFOLD, frame, slots)


def short_sentence_series(par: Paragraph) -> list[Candidate]:
    """Short sentences in one paragraph that share a frame: 要在稳市场主体上下功夫。……
    要在稳有效投资上下功夫。…… (sub-points run into the paragraph)."""
    shorts = []
    for sent in sentences(par.text):
        if sent[-1:] not in "。！" and sent != par.text:
            continue
        body = sent.rstrip("。！；")
        if _MARKED.match(body):
            continue
        if not 4 <= len(body) <= 22 or "，" in body or not all_cjk(strip_quotes(body)):
            continue
        shorts.append(body)
    options = []
    for key in ("pre", "suf"):
        groups: dict[str, list[str]] = {}
        for s in shorts:
            bare = strip_quotes(s)
            groups.setdefault(bare[:2] if key == "pre" else bare[-2:], []).append(s)
        for members in groups.values():
            members = list(dict.fromkeys(members))
            if len(members) < 2:
                continue
            bare = [strip_quotes(m) for m in members]
            shared = len(common_prefix(bare)) + len(common_suffix(bare))
            if shared < 3 or len(members) < 3 and shared < 4:
                continue
            options.append((-len(members), -shared, shorts.index(members[0]), members))
    found = []
    used: set[str] = set()
    for *_, members in sorted(options):
        if any(m in used for m in members):
            continue
        used.update(members)
        found.append(_scaffold(par, members))
    found.sort(key=lambda c: par.text.find(c.text.split("；")[0]))
    return found


# ----- 过渡语 / 开头 / 结尾 -------------------------------------------------------------------
_COUNT = re.compile(r"(?<=[讲谈做好])([一二两三四五六七八九十]+|[*＊]+)(?=(?:个)?(?:方面|点|项|个))")
_TRANSITIONS = re.compile(
    r"^(下面，|这里，?我(?:特别|再)?强调(?:的是)?|这里，我就|具体(?:来)?讲|总的(?:来)?看|"
    r"同时，我们也要看到|同时也要看到|在看到成绩的同时，我们也清醒地认识到|"
    r"关于当前工作，我再强调几点|一定要看到|我们要看到|实践证明|客观上讲|刚刚我讲过|"
    r"可以说|总的来讲)"
)
_OPENINGS = re.compile(r"^(今天，|这次会议|刚才，|今年是|过去一年|年初以来|同志们：)")
_CLOSINGS = re.compile(r"^(同志们，|总之，|让我们)")


def _short(sent: str, limit: int) -> str:
    """The sentence, or its leading clauses (cut at ，：；, never inside a 、 list)."""
    if len(sent) <= limit:
        return sent
    cut = ""
    for piece in re.findall(r"[^，：；]+[，：；]?", sent):
        if len(cut + piece) > limit:
            break
        cut += piece
    return cut.rstrip("，；：")


def _count_frame(text: str) -> tuple[str, tuple[str, ...]]:
    if _COUNT.search(text):
        return _COUNT.sub("{N}", text, count=1), ("N",)
    return "", ()


def connectives(par: Paragraph, position: str) -> list[Candidate]:
    """过渡语 anywhere; 开头 in the opening paragraphs; 结尾 in the closing paragraphs.
    ``position`` is "first", "last" or "" for where the paragraph stands in its speech."""
    found = []
    sents = sentences(par.text)
    for k, sent in enumerate(sents):
        m = _TRANSITIONS.match(sent)
        if m:
            text = sent if len(sent) <= 40 else m.group(0).rstrip("，")
            if text:
                frame, slots = _count_frame(text)
                found.append(make_candidate(par, text, TRANSITION, frame, slots))
        if position == "first" and _OPENINGS.match(sent):
            text = _short(sent, 60)
            if text:
                found.append(make_candidate(par, text, OPENING))
        if position == "last" and (k == 0 and _CLOSINGS.match(sent) or "让我们" in sent):
            text = _short(sent, 90)
            if text:
                found.append(make_candidate(par, text, CLOSING))
    return found
