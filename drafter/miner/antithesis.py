"""对偶: pairs of clauses built on one frame, and the set pairs (既要……，也要……)."""

from __future__ import annotations

import re

from drafter.core.vocab import ANTITHESIS
from drafter.miner import shapes
from drafter.miner.candidate import Candidate, make_candidate
from drafter.miner.parallel import parallels, whole_clauses
from drafter.miner.series import noun_tagged, same_shape, verbal, word_slot, word_starts
from drafter.miner.text import Paragraph, aligned_shared, all_cjk, sentences, strip_quotes

_PAIRED = [
    re.compile(r"既要([^，。；]{2,30})，(?:也|又|更)要([^，。；]{2,30})"),
    re.compile(r"不是([^，。；]{2,30})，而是([^，。；]{2,30})"),
    re.compile(r"越是([^，。；]{2,30})，越(?:要|需要)([^，。；]{2,30})"),
    re.compile(r"(?:只有|唯有)([^，。；]{2,16})，(?:只有|唯有)([^，。；]{2,16})"),
    re.compile(r"既是([^，。；、]{2,16})，(?:也|又|更|还)是([^，。；、]{2,16})"),
]
_PAIRED_MAX = 40


def _is_pair(a: str, b: str) -> bool:
    """Two clauses of one length built on the same frame: 人民至上、生命至上; 防大汛、抗大旱;
    纵比成绩喜人，横比形势逼人; 问题找得准，思路理得清 (one shared character, both verbal)."""
    a, b = strip_quotes(a), strip_quotes(b)
    if not (all_cjk(a) and all_cjk(b)) or a == b or len(a) != len(b) or not 3 <= len(a) <= 16:
        return False
    shared = aligned_shared([a, b])
    if len(a) <= 4:  # short pairs: built on a verb or adjective, not two names of things
        if shared == len(a) - 1 and a[0] != b[0] and len(a) == 4 and verbal(a[:2]) and verbal(b[:2]):
            return True  # 狠抓项目、大抓项目: the manner varies
        return 1 <= shared <= len(a) - 2 and not (noun_tagged(a) and noun_tagged(b))
    if shared >= 2:  # two names of things sharing a word are a list, unless mostly alike
        ratio = shared / len(a)
        return ratio >= 0.2 and shared < len(a) - 1 and (ratio >= 0.5 or not (noun_tagged(a) and noun_tagged(b)))
    if shared == 1 and len(a) <= 8 and verbal(a) and verbal(b) and a[-1] == b[-1] or \
            shared == 1 and len(a) <= 8 and same_shape([a, b, a]):
        return True
    return shared < len(a) // 2 and shapes.shaped_pair(a, b)


def _pair_in(a: str, b: str) -> tuple[str, str] | None:
    """The pair inside ``a``、``b`` once a lead-in is cut from ``a`` and a tail from ``b`` at
    word boundaries (坚持人民至上、生命至上 / 树立防大汛、抗大旱的思想)."""
    if _is_pair(a, b):
        return a, b
    for size in range(min(len(a), len(b)), 2, -1):
        head = a[-size:]
        tail = b[:size]
        if (len(a) == size or len(a) - size in word_starts(a) and not shapes.spans(a, len(a) - size, True)) and \
                (len(b) == size or size in word_starts(b) and shapes.end_ok(tail, b[size:])
                 and not shapes.spans(b, size)) and _is_pair(head, tail):
            return head, tail
    return None


def clause_series(found: list[Candidate]) -> list[str]:
    """The 排比 made of clauses (not the counted-off items or unseparated runs, which carry
    their members): a pair of clauses inside one of them is part of it."""
    return [c.text for c in found if not c.members]


def _clause_pair(a: str, b: str) -> tuple[str, str] | None:
    """Two clauses joined by ，/；, whole (a clause cut before 的 may be cut inside its object:
    提高创造性执行|的能力)."""
    return (a, b) if _is_pair(a, b) else None


def antitheses(par: Paragraph, series: list[str] | None = None) -> list[Candidate]:
    """Pairs of clauses; a pair inside a longer series (``series``: the 排比 found in this
    paragraph, found here when not given) belongs to that series."""
    if series is None:
        series = clause_series(parallels(par))
    bare_series = [strip_quotes(s) for s in series]
    found = []
    for sent in sentences(par.text):
        parts = whole_clauses(par, sent)
        texts = [p[0].strip() for p in parts]
        seps = [p[1] for p in parts]
        for i in range(len(texts) - 1):
            if seps[i] not in "，；、":
                continue
            pair = _pair_in(texts[i], texts[i + 1]) if seps[i] == "、" else _clause_pair(texts[i], texts[i + 1])
            if pair is None:
                continue
            before = i > 0 and seps[i - 1] in "，；、" and _pair_in(texts[i - 1], texts[i]) is not None
            after = i + 2 < len(texts) and seps[i + 1] in "，；、" and \
                _pair_in(texts[i + 1], texts[i + 2]) is not None
            text = pair[0] + seps[i] + pair[1]  # 坚持人民至上、生命至上的理念 → 人民至上、生命至上
            if before or after or any(strip_quotes(text) in s for s in bare_series):
                continue  # part of a longer series: a 排比, not a pair
            found.append(make_candidate(par, text, ANTITHESIS, *word_slot(text, list(pair))))
        for pattern in _PAIRED:
            for m in pattern.finditer(sent):
                if len(m.group(0)) <= _PAIRED_MAX and "、" not in m.group(0):
                    found.append(make_candidate(par, m.group(0), ANTITHESIS))
    return found
