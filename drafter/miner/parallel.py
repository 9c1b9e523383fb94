"""排比: series of three or more clauses, sentences or sentence openings built alike."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from drafter.core.vocab import PARALLEL
from drafter.miner import shapes
from drafter.miner.candidate import Candidate, join_members, make_candidate
from drafter.miner.series import member_ok, prefix_slot, refrain, shared_frame, trim_members, word_slot
from drafter.miner.text import (
    Paragraph,
    aligned_shared,
    all_cjk,
    clauses,
    common_prefix,
    common_suffix,
    sentences,
    strip_quotes,
)

_LIST_SEP = "、和及与"
_AND = re.compile(r"[和及与]")


def split_last_and(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A 、 list whose last member holds 和/及/与 (参与者、服务者和宣传者): the two members apart,
    joined by that word, when the first is about as long as the member before it."""
    result: list[tuple[str, str]] = []
    for text, sep in parts:
        m = _AND.search(text)
        if result and result[-1][1] == "、" and m and len(_AND.findall(text)) == 1:
            left, right = text[:m.start()], text[m.end():]
            if all_cjk(left) and all_cjk(right) and len(left) >= 2 and len(right) >= 2 and \
                    abs(len(left) - len(right)) <= 2:
                result += [(left, m.group(0)), (right, sep)]
                continue
        result.append((text, sep))
    return result


def _series_ok(members: list[str], seps: list[str]) -> bool:
    """A series joined by ，/； (which also join unrelated clauses) must share characters or be
    built alike word for word; a 、 list may be alike only in shape."""
    if any(m.startswith("“") and "”" not in m for m in members[1:]) or \
            any(m.endswith("”") and "“" not in m for m in members[:-1]):
        return False  # a quotation opens or closes inside the series: two series, not one
    if all(s in _LIST_SEP for s in seps):
        return True
    bare = [strip_quotes(m) for m in members]
    if shared_frame(members)[2] > 0 or shapes.inner_word(bare):
        return True  # characters in common: 民生稳，人心就稳、社会就稳
    if any(s in _LIST_SEP for s in seps):
        return False  # a 、 list and the clause after it are two things, unless they share
    return shapes.shaped_series(bare, strict=True) or shapes.predicate_series(bare)


def quote_bounded(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Clauses cut at a quotation mark that opens or closes inside them (市委确立的“求效益，
    ……，促和谐”的工作方针 → “求效益 … 促和谐”): a quoted series starts and ends there."""
    result = []
    for text, sep in parts:
        opening, closing = text.rfind("“"), text.find("”")
        if opening > 0 and "”" not in text[opening:]:
            text = text[opening:]
        elif closing >= 0 and "“" not in text[:closing] and closing < len(text) - 1:
            text = text[:closing + 1]
        result.append((text, sep))
    return result


_COMPLETE_END = "。！？；：…”）"


def whole_clauses(par: Paragraph, sent: str) -> list[tuple[str, str]]:
    """The clauses of a sentence, less the last one of a body paragraph that stops without
    punctuation: a line broken in mid-sentence (PDF and web copies) cuts that clause short."""
    parts = quote_bounded(clauses(sent))
    if not par.heading and parts and not parts[-1][1] and sent[-1:] not in _COMPLETE_END \
            and par.text.endswith(sent):
        parts = parts[:-1]
    return parts


def parallels(par: Paragraph) -> list[Candidate]:
    found = []
    for sent in sentences(par.text):
        parts = split_last_and(whole_clauses(par, sent))
        texts = [p[0].strip() for p in parts]
        seps = [p[1] for p in parts]
        ok = [member_ok(t) for t in texts]
        i = 0
        while i < len(texts):
            end = None
            # a window holds only members fit to be one (the last may be cut back) and no
            # separator that ends a series: the longest window worth trying
            limit = i + 1
            while limit < len(texts) and ok[limit] and seps[limit - 1] in "，、；和及与":
                limit += 1
            if limit < len(texts) and seps[limit - 1] in "，、；和及与":
                limit += 1  # the last member may be cut back at a word boundary
            for j in range(min(len(texts), limit), i + 2, -1):
                inner = seps[i:j - 1]
                if not any(s in _LIST_SEP for s in inner) and (
                        j - 1 < len(seps) and seps[j - 1] in _LIST_SEP or i > 0 and seps[i - 1] in _LIST_SEP):
                    continue  # clauses joined by ，: the first or last one is inside a 、 list
                if all(s in "，、；" for s in inner[:-1]) and inner[-1] in "，、；和及与":
                    members = trim_members(texts[i:j], True, seps[j - 2] in _LIST_SEP)
                    if members is not None and _series_ok(members, seps[i:j - 1]):
                        end = j
                        break
            if end is None:
                i += 1
                continue
            text = join_members(members, seps[i:end - 1])
            frame, slots = prefix_slot(members, seps[i:end - 1])
            if not frame:
                frame, slots = word_slot(text, members)
            if not frame:
                _lead, _word, frame = refrain([strip_quotes(m) for m in members])
                slots = ("甲", "乙") if frame else ()
            found.append(make_candidate(par, text, PARALLEL, frame, slots))
            i = end
    for text, pieces in shapes.ordinal_series(par.text):
        found.append(make_candidate(par, text, PARALLEL, members=pieces))
    for text, pieces in shapes.bare_runs(par.text):
        found.append(make_candidate(par, text, PARALLEL, members=pieces))
    found.extend(sentence_parallels(par))
    return found


def _sentence_shape(sent: str) -> list[str]:
    return [strip_quotes(t.strip()) for t, _ in clauses(sent.rstrip("。；！？"))]


def _sentences_parallel(group: list[str]) -> bool:
    forms = [_sentence_shape(s) for s in group]
    if len({len(sh) for sh in forms}) != 1 or len(forms[0]) > 3:
        return False
    if any(len(s) > 48 or not all(all_cjk(c) for c in sh) for s, sh in zip(group, forms)):
        return False
    total, best = 0, 0
    for position in zip(*forms):
        if len(set(position)) != len(position):
            return False
        pre, suf = common_prefix(list(position)), common_suffix(list(position))
        shared = max(len(pre) + len(suf) if len(pre) < min(map(len, position)) else len(pre),
                     aligned_shared(list(position)))
        total += shared
        best = max(best, shared)
    return total >= 3 and best >= 2


def sentence_parallels(par: Paragraph) -> list[Candidate]:
    """Three or more consecutive sentences built alike: 凡是一切制约创新的藩篱，纵有千难万难也要
    推倒；凡是一切有利创新的事情，想尽千方百计也要办到；……"""
    sents = sentences(par.text)
    found = []
    for i, end in _longest_runs(sents, _sentences_parallel, 8):
        text = "".join(sents[i:end]).rstrip("。；")
        found.append(make_candidate(par, text, PARALLEL, *word_slot(text, sents[i:end])))
    found.extend(_lead_parallels(par, sents, {c.text for c in found}))
    return found


def _longest_runs(items: list[str], alike: Callable[[list[str]], bool], widest: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of three or more ``items`` that are ``alike``, the longest (up to
    ``widest``) from each start, left to right without overlap."""
    i = 0
    while i < len(items):
        end = next((j for j in range(min(len(items), i + widest), i + 2, -1) if alike(items[i:j])), None)
        if end is None:
            i += 1
            continue
        yield i, end
        i = end


def first_clause(sent: str) -> str:
    return re.split(r"[，、；：。！？]", sent, maxsplit=1)[0].strip()


def _leads_parallel(leads: list[str]) -> bool:
    bare = [strip_quotes(x) for x in leads]
    if len(set(bare)) != len(bare) or any(not 4 <= len(b) <= 20 or not all_cjk(b) for b in bare):
        return False
    pre = common_prefix(bare)
    return len(pre) >= 3 or len(pre) == 2 and max(len(b) for b in bare) <= 12


def _lead_parallels(par: Paragraph, sents: list[str], taken: set[str]) -> list[Candidate]:
    """Three or more consecutive sentences that open alike (有的干部思想不解放……有的干部
    不学习……有的干部担当意识弱化……): the openings, joined by ；."""
    found = []
    leads = [first_clause(s) for s in sents]
    for i, end in _longest_runs(leads, _leads_parallel, len(leads)):
        text = "；".join(leads[i:end])
        if not any(text in t or leads[i] in t for t in taken):
            found.append(make_candidate(par, text, PARALLEL, *word_slot(text, leads[i:end])))
    return found
