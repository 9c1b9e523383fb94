"""Extractors: each turns one paragraph into phrase candidates of one category.

A candidate is a construction as it stands in the text (its members joined by the
punctuation that separates them), the paragraph it came from, and for frames the text with
its slot marked (``以{X}体现忠诚、以{X}成就事业、以{X}造福人民``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from drafter.core import segment
from drafter.miner import shapes
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

PARALLEL = "排比"
ANTITHESIS = "对偶"
NUMBERED = "数字概括"
SCAFFOLD = "提纲"
FOUR_CHAR = "四字格"
TRANSITION = "过渡语"
OPENING = "开头"
CLOSING = "结尾"
CATEGORIES = (PARALLEL, ANTITHESIS, NUMBERED, SCAFFOLD, FOUR_CHAR, TRANSITION, OPENING, CLOSING)

_LEADING_FUNCTION = "以要在把用向对让为"
_CN_NUM = "一二两三四五六七八九十"


@dataclass(frozen=True)
class Candidate:
    text: str
    category: str
    file: str
    paragraph: int
    role: str
    frame: str = ""
    slots: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # 数字概括: what the numbered concept stands for


def _candidate(par: Paragraph, text: str, category: str, frame: str = "",
               slots: tuple[str, ...] = (), members: tuple[str, ...] = ()) -> Candidate:
    return Candidate(balance_quotes(text), category, par.file, par.index, par.role,
                     balance_quotes(frame) if frame else "", slots, members)


# ----- 排比 ---------------------------------------------------------------------------------
def _member_ok(member: str) -> bool:
    return 2 <= len(member) <= 26 and all_cjk(strip_quotes(member))


def shared_frame(members: list[str]) -> tuple[str, str, int]:
    """Common prefix, common suffix and the number of characters the members share."""
    bare = [strip_quotes(m) for m in members]
    pre = common_prefix(bare)
    shortest = min(len(m) for m in bare)
    suf = common_suffix(bare) if len(pre) < shortest else ""
    suf = suf[: max(0, shortest - len(pre))]
    return pre, suf, max(len(pre) + len(suf), aligned_shared(bare))


def is_parallel(members: list[str]) -> bool:
    if len(members) < 3 or not all(_member_ok(m) for m in members):
        return False
    bare = [strip_quotes(m) for m in members]
    if len(set(bare)) != len(bare):
        return False
    lengths = [len(m) for m in bare]
    if max(lengths) - min(lengths) > max(2, max(lengths) // 2):
        return False
    pre, suf, shared = shared_frame(members)
    if any(len(b) <= len(pre) + len(suf) for b in bare):
        return False  # a member that is nothing but the shared frame (清单、问题清单)
    avg = sum(lengths) / len(lengths)
    if shared >= 2 and shared / avg >= 0.15:
        return True
    if shared >= 1 and len(set(lengths)) == 1 and 3 <= lengths[0] <= 8:
        return True  # 认识上一致、思想上统一、政治上同心: same shape, same length
    if shared == 1 and avg <= 4 and (pre or suf) not in ("的", "和", "与"):
        return True
    if shapes.inner_word(bare) or shapes.shaped_series(bare) or shapes.predicate_series(bare):
        return True
    return refrain(bare)[0] in tuple(_LEADING_FUNCTION) or same_shape(bare)


def refrain(members: list[str]) -> tuple[str, str, str]:
    """(lead, refrain word, frame) when every member has the same lead character and the same
    word of two or more characters inside, around parts that vary: 以实干托起梦想、以创新托起
    未来、以服务托起民生 → 以{甲}托起{乙}."""
    if len(members) < 3 or len({m[0] for m in members}) != 1 or min(len(m) for m in members) < 5:
        return "", "", ""
    lead, first = members[0][0], members[0]
    for size in (4, 3, 2):
        for start in range(2, len(first) - size):
            word = first[start:start + size]
            if all_cjk(word) and _swappable(word) and all(
                    m.count(word) == 1 and m.index(word) >= 2 and m.index(word) + size < len(m)
                    for m in members):
                befores = {m[1:m.index(word)] for m in members}
                afters = {m[m.index(word) + size:] for m in members}
                if len(befores) == len(afters) == len(members):  # both slots vary
                    return lead, word, f"{lead}{{甲}}{word}{{乙}}"
    return "", "", ""


_VERBAL = {"v", "a", "vd", "ad", "vi"}


@functools.lru_cache(maxsize=256)
def _verbal(member: str) -> bool:
    return any(t.flag in _VERBAL for t in segment.posseg().lcut(member))


_NOMINAL = ("n", "r", "m", "q", "b", "f", "s")


@functools.lru_cache(maxsize=256)
def _nominal(member: str) -> bool:
    """Nothing but names of things (城镇燃气, 市住建局): jieba tags every word a noun."""
    return all(t.flag.startswith(_NOMINAL) for t in segment.posseg().lcut(member))


def same_shape(members: list[str]) -> bool:
    """Members sharing no character but built alike: 稳增长、促改革、调结构, 速度加快、效益提高、
    后劲增强.  Equal length (3–6), every one holding a verb or adjective, so a list of nouns
    (交通运输、安全生产) is not taken for one."""
    lengths = {len(m) for m in members}
    if len(members) < 3 or len(lengths) != 1 or not 3 <= min(lengths) <= 6:
        return False
    return all(_verbal(m) for m in members)


_NOT_SLOT_FIRST = set("不有才靠是没")
_NOT_SLOT_LAST = set("到是的")
_NOT_SLOT = {"确保", "做到", "通过", "坚持", "明确"}


def _swappable(core: str) -> bool:
    """A shared lead worth swapping (实干, 全面, 亲自), not a function word (不负, 有人, 才能)."""
    return (core[0] not in _NOT_SLOT_FIRST and core[-1] not in _NOT_SLOT_LAST
            and core not in _NOT_SLOT)


def word_slot(text: str, members: list[str]) -> tuple[str, tuple[str, ...]]:
    """``树立{X}理念，弘扬{X}精神，营造{X}氛围`` when every member holds the same noun once
    (one jieba token of two to four characters): swapping it in every member gives a new
    construction."""
    if len(members) < 2:
        return "", ()
    shortest = min(members, key=len)
    options = []
    for size in (4, 3, 2):
        for start in range(len(shortest) - size + 1):
            word = shortest[start:start + size]
            if not all_cjk(word) or not _swappable(word) or word in (o[0] for o in options):
                continue
            if text.count(word) != len(members) or any(m.count(word) != 1 for m in members):
                continue
            if _is_noun(word) and all(_is_token(m, word) for m in members):
                options.append((word, size, start))
    options = [o for o in options if _frame_worthy(o[0], members)]
    if not options:
        return "", ()
    word = options[0][0]
    return text.replace(word, "{X}"), ("X",)


def _frame_worthy(word: str, members: list[str]) -> bool:
    """Whether swapping ``word`` in every member makes a new construction: not in a chiasmus
    (发展就是人民，人民就是发展 is no longer one) and not the head noun every member ends on
    (问题导向、目标导向: the kinds vary, the head is the formula's fixed part)."""
    bare = [strip_quotes(m).rstrip("。；，") for m in members]
    if any(m.startswith(word) for m in bare) and any(m.endswith(word) for m in bare):
        return False
    return not all(m.endswith(word) for m in bare)


_NOUN_FLAGS = {"n", "nz", "vn", "an", "ns", "nt"}


def _is_noun(word: str) -> bool:
    """A word jieba reads as one noun (实干, 发展, 民生, 安全), the kind worth swapping."""
    tokens = segment.posseg().lcut(word)
    return len(tokens) == 1 and tokens[0].flag in _NOUN_FLAGS


def _is_token(member: str, word: str) -> bool:
    at = member.index(word)
    starts = word_starts(member)
    return at in starts and (at + len(word) in starts or at + len(word) == len(member))


def _prefix_slot(members: list[str], seps: list[str]) -> tuple[str, tuple[str, ...]]:
    """``以{X}体现忠诚、以{X}成就事业…`` when the members share a content word up front."""
    pre = common_prefix(members)
    lead = 1 if pre[:1] and pre[0] in _LEADING_FUNCTION else 0
    core = pre[lead:]
    if not (2 <= len(core) <= 4) or not all_cjk(core) or not _swappable(core):
        return "", ()
    if any(len(m) <= len(pre) for m in members):
        return "", ()
    parts = [pre[:lead] + "{X}" + m[len(pre):] for m in members]
    return _join(parts, seps), ("X",)


def _join(members: list[str], seps: list[str]) -> str:
    out = []
    for i, member in enumerate(members):
        out.append(member)
        if i < len(members) - 1:
            out.append(seps[i])
    return "".join(out)


_BAD_START = set("的了和与及而并或地得之化性者们")


@functools.lru_cache(maxsize=64)  # one sentence's windows ask again and again for the same clause
def word_starts(text: str) -> frozenset[int]:
    """Offsets at which a word starts (jieba), so a lead-in is cut between words; the words
    inside a long one count too (进一步提高 → 进一步 / 提高)."""
    return frozenset(start for _word, start, _end in
                     segment.jieba().tokenize(text, mode="search", HMM=False))


def balance_quotes(text: str) -> str:
    """Drop a stray opening or closing quote left by cutting a series out of a sentence."""
    if text.count("“") != text.count("”"):
        if text.startswith("“") and "”" not in text:
            return text[1:]
        if text.endswith("”") and "“" not in text:
            return text[:-1]
        if text.endswith("”") and text.count("”") > text.count("“"):
            return text[:-1]
        if text.startswith("“") and text.count("“") > text.count("”"):
            return text[1:]
    return text


def _trim_lead(members: list[str]) -> list[str] | None:
    """The members as a parallel series, the first one stripped of a lead-in (确保早开工 →
    早开工; 不断提高系统思维 → 系统思维) and the last of a trailing 等; None if not parallel."""
    members = list(members)
    if members[-1][-1:] in ("等", "和", "及", "与") and len(members[-1]) > 2:
        members[-1] = members[-1][:-1]
    first, others = members[0], members[1:]
    longest = max(len(o) for o in others)

    def trimmed() -> list[str] | None:
        if len(others) < 2 or not all(_member_ok(m) for m in others):
            return None
        # what no cut of the first member can mend: the others repeat, differ too much in
        # length, or share nothing while of unequal length (is_parallel's own conditions)
        bare = [strip_quotes(o) for o in others]
        lengths = [len(b) for b in bare]
        if len(set(bare)) != len(bare) or max(lengths) - min(lengths) > max(2, max(lengths) // 2):
            return None
        if len(set(lengths)) != 1 and shared_frame(others)[2] == 0 and not (
                shapes.inner_word(bare) or len(bare) >= 3 and shapes.predicate_series(bare)):
            return None
        cuts = word_starts(first)
        best, best_shared = None, -1
        for keep in range(longest, max(1, min(len(o) for o in others) - 3), -1):
            start = len(first) - keep
            if 2 <= keep < len(first) and start in cuts and first[start] not in _BAD_START \
                    and not shapes.spans(first, start, True):  # 党|中央 is no lead-in
                trial = [first[-keep:]] + others
                if is_parallel(trial):  # the cut that shares most with the others (方能不负历史 → 不负历史)
                    shared = shared_frame(trial)[2]
                    if shared > best_shared:
                        best, best_shared = trial, shared
        return best

    if len(first) > longest:  # a lead-in is likely: prefer the series without it
        return trimmed() or (members if is_parallel(members) else None)
    if not is_parallel(members):
        return trimmed()
    cut = trimmed()  # 要以实干托起梦想、以创新……: the cut series shares more (以…托起)
    return cut if cut is not None and shared_frame(cut)[2] > shared_frame(members)[2] else members


def trim_members(members: list[str], trailing: bool = False, loose_end: bool = True) -> list[str] | None:
    """``_trim_lead`` and, failing that (``trailing``: a list joined by 、), the last member cut back to the others' length at a
    word boundary (……、政治文明协调发展 → 政治文明): the series ends inside a longer clause."""
    found = _trim_lead(members)
    if found is not None or len(members) < 3 or not trailing:
        return found
    last, middle = members[-1], members[1:-1]
    if not all_cjk(strip_quotes(last)) or len(last) <= max(len(m) for m in middle):
        return None
    cuts = word_starts(last)
    longest = max(len(m) for m in middle)
    keeps = sorted(range(min(len(m) for m in middle), longest + 3), key=lambda k: (abs(k - longest), -k))
    for keep in keeps:  # nearest the other members' length first
        if not (2 <= keep < len(last) and keep in cuts):
            continue
        if not loose_end and last[keep:keep + 1] not in ("的", "”"):
            continue  # after ，/； the series may end inside a clause only before its noun (……的工作导向)
        if not shapes.end_ok(last[:keep], last[keep:]) or shapes.spans(last, keep):
            continue
        found = _trim_lead(members[:-1] + [last[:keep]])
        if found is not None:
            return found
    return None


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
        ok = [_member_ok(t) for t in texts]
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
            text = _join(members, seps[i:end - 1])
            frame, slots = _prefix_slot(members, seps[i:end - 1])
            if not frame:
                frame, slots = word_slot(text, members)
            if not frame:
                _lead, _word, frame = refrain([strip_quotes(m) for m in members])
                slots = ("甲", "乙") if frame else ()
            found.append(_candidate(par, text, PARALLEL, frame, slots))
            i = end
    for text, pieces in shapes.ordinal_series(par.text):
        found.append(_candidate(par, text, PARALLEL, members=pieces))
    for text, pieces in shapes.bare_runs(par.text):
        found.append(_candidate(par, text, PARALLEL, members=pieces))
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
    i = 0
    while i < len(sents):
        end = None
        for j in range(min(len(sents), i + 8), i + 2, -1):
            if _sentences_parallel(sents[i:j]):
                end = j
                break
        if end is None:
            i += 1
            continue
        text = "".join(sents[i:end]).rstrip("。；")
        found.append(_candidate(par, text, PARALLEL, *word_slot(text, sents[i:end])))
        i = end
    found.extend(_lead_parallels(par, sents, {c.text for c in found}))
    return found


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
    i = 0
    while i < len(leads):
        end = None
        for j in range(len(leads), i + 2, -1):
            if _leads_parallel(leads[i:j]):
                end = j
                break
        if end is None:
            i += 1
            continue
        text = "；".join(leads[i:end])
        if not any(text in t or leads[i] in t for t in taken):
            found.append(_candidate(par, text, PARALLEL, *word_slot(text, leads[i:end])))
        i = end
    return found


# ----- 对偶 ---------------------------------------------------------------------------------
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
        if shared == len(a) - 1 and a[0] != b[0] and len(a) == 4 and _verbal(a[:2]) and _verbal(b[:2]):
            return True  # 狠抓项目、大抓项目: the manner varies
        return 1 <= shared <= len(a) - 2 and not (_nominal(a) and _nominal(b))
    if shared >= 2:  # two names of things sharing a word are a list, unless mostly alike
        ratio = shared / len(a)
        return ratio >= 0.2 and shared < len(a) - 1 and (ratio >= 0.5 or not (_nominal(a) and _nominal(b)))
    if shared == 1 and len(a) <= 8 and _verbal(a) and _verbal(b) and a[-1] == b[-1] or \
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
            found.append(_candidate(par, text, ANTITHESIS, *word_slot(text, list(pair))))
        for pattern in _PAIRED:
            for m in pattern.finditer(sent):
                if len(m.group(0)) <= _PAIRED_MAX and "、" not in m.group(0):
                    found.append(_candidate(par, m.group(0), ANTITHESIS))
    return found


# ----- 数字概括 -----------------------------------------------------------------------------
_QUOTED_LONG = re.compile(r"“([^”“]{2,30})”")
_HEAD_NOUN = re.compile(r"[\u4e00-\u9fff]{2,3}?(?=[，、。；的和）]|$)")
_HAS_NUM = re.compile(rf"[{_CN_NUM}双百千]")
_NOT_CONCEPT = re.compile(r"^(第|十[一二三四五六七八九]?[届次]|二十|[一二三四五六七八九十]+[月日年届次])")
_COUNTED = re.compile(
    rf"(?<![第{_CN_NUM}])([{_CN_NUM}])(个|大|项|张|重|种|条|篇)"
    r"(文章|意识|自信|维护|确立|务必|区分开来|严抓|突破|着力|重大|满意|毫不动摇|没有变|不摘|"
    r"长期存在|永远在路上|一批|清单|工程|体系|思维|压力|提升行动|攻坚行动|成本|市场|机制|问题)"
)
_PAIRED_NUM = re.compile(rf"(?<![{_CN_NUM}第])([{_CN_NUM}双][\u4e00-\u9fff][{_CN_NUM}双][\u4e00-\u9fff]{{1,2}})(?=[”、，。；）\s]|$)")
#: sayings and idioms that contain numbers but are not numbered concepts.
_NOT_CONCEPTS = {"千方百计", "一心一意", "一五一十", "三心二意", "四面八方", "七上八下", "五一",
                 "一亩三分地", "十个手指弹钢琴", "千枪一孔", "一对一", "两难", "一把手",
                 "一竿子插到底", "行百里者半九十", "一万年太久"}
_MEASURES = "个大项张重种条篇"


def _concept_ok(text: str) -> bool:
    if not all_cjk(text) or text in _NOT_CONCEPTS or _NOT_CONCEPT.match(text):
        return False
    numerals = [ch for ch in text if ch in _CN_NUM + "双百千"]
    if not numerals or _HAS_NUM.search(text[:3]) is None:
        return False
    if set(numerals) == {"一"} and not re.match(r"^一.一.", text):
        return False
    if len(text) >= 4 and text[0] == text[2] and text[1] == text[3]:
        return False  # 一件一件: repetition, not a concept
    if len(text) >= 5:
        return text[0] in _CN_NUM and (text[1] in _MEASURES or len(numerals) >= 2)
    return True


_SERIES_CONCEPT = re.compile(rf"^[{_CN_NUM}][\u4e00-\u9fff]{{1,3}}(?:、[{_CN_NUM}][\u4e00-\u9fff]{{1,3}})+$")
_LIST_END = re.compile(r"[。；：！？（）]")
_INTRO = re.compile(r"^(?:，|：|——)?(?:即|就是|也就是|分别是|包括)?[：，]?")


def _count(concept: str) -> int:
    from drafter.core.numerals import from_chinese
    head = concept[0] if concept[0] != "两" else "二"
    try:
        return from_chinese(head)
    except ValueError:
        return 0


_TAIL_COUNT = re.compile(rf"(?:等)?[{_CN_NUM}]+(?:个|项|大|类|种)?(?:方面|领域|任务|内容|问题|工作)?$")


def _split_list(text: str) -> list[str]:
    items = [p.strip("“”\"") for p in re.split(r"[、，,]|和|及", text) if p.strip("“”\"")]
    if items:
        items[-1] = _TAIL_COUNT.sub("", items[-1])
    return items


def _even(items: list[str]) -> bool:
    lengths = [len(i) for i in items]
    return (all(2 <= n <= 24 for n in lengths) and max(lengths) <= 2 * min(lengths) + 2
            and not any(q in i for i in items for q in "“”\""))


def concept_members(text: str, start: int, end: int, concept: str) -> tuple[str, ...]:
    """The members a numbered concept stands for when the speech spells them out right before
    it (土地资源向土地资本、……“三个转变”) or right after (八尘共治：即……、……)."""
    n = _count(concept)
    if not 2 <= n <= 10:
        return ()
    after = text[end:end + 200]
    intro = _INTRO.match(after)
    if intro and intro.group(0):
        body = after[intro.end():]
        stop = _LIST_END.search(body)
        items = _split_list(body[:stop.start()] if stop else body)
        if len(items) == n and _even(items):
            return tuple(items)
    before = text[max(0, start - 200):start].rstrip("的等这“")
    cut = max(before.rfind(ch) for ch in "。；：！？，")
    items = _split_list(before[cut + 1:])
    if len(items) >= n and not any(q in i for i in items[-n:] for q in "“”\""):
        items = items[-n:]
        longest = max(len(i) for i in items[1:])
        if len(items[0]) > longest:  # 实现土地资源向土地资本 → 土地资源向土地资本
            starts = word_starts(items[0])
            keep = next((k for k in range(longest, 1, -1) if len(items[0]) - k in starts), 0)
            items[0] = items[0][-keep:] if keep else items[0]
        if _even(items):
            return tuple(items)
    return ()


def numbered(par: Paragraph) -> list[Candidate]:
    found: dict[str, tuple[str, ...]] = {}
    text = par.text
    for m in _QUOTED_LONG.finditer(text):
        inner = m.group(1)
        if _concept_ok(inner) and len(inner) <= 8:
            head = _HEAD_NOUN.match(text, m.end()) if len(inner) <= 2 and inner[-1] in _MEASURES else None
            if head:  # “三大”攻坚战: the concept is the number and the noun after the quote
                inner = inner + head.group(0)
            found[inner] = concept_members(text, m.start(), m.end(), inner)
        elif _SERIES_CONCEPT.match(inner):  # “三下降、两平稳”: a series of numbered aims
            found[inner] = ()
    for series in shapes.numbered_series(text):
        found.setdefault(series, ())
    for m in _COUNTED.finditer(text):
        if m.group(1) != "一" and not found.get(m.group(0)):
            found[m.group(0)] = concept_members(text, m.start(), m.end(), m.group(0))
    for m in _PAIRED_NUM.finditer(text):
        if _concept_ok(m.group(1)):  # the pattern has a numeral at both places: 一岗双责
            found.setdefault(m.group(1), ())
    return [_candidate(par, t, NUMBERED, members=members) for t, members in found.items()]


# ----- 四字格 -------------------------------------------------------------------------------
def _is_four(text: str) -> bool:
    text = strip_quotes(text)
    return len(text) == 4 and all_cjk(text)


def _dictionary_four(text: str) -> bool:
    """One dictionary word (众志成城) or two (继续/努力): not a piece cut out of words (事协作办)."""
    return shapes.known(text) or shapes.known(text[:2]) and shapes.known(text[2:])


def _four_tail(text: str) -> bool:
    """A clause ending on a four-character phrase after a lead-in cut between words
    (全镇上下众志成城, 市中心城区约1200吨/日生活垃圾实现日产日清), not the object of the verb
    before it (摆在|突出位置, 抓住|主要矛盾)."""
    if len(text) <= 4 or not all_cjk(text[-4:]) or len(text) - 4 not in word_starts(text):
        return False
    if shapes.spans(text, len(text) - 4, True):
        return False
    before = list(segment.jieba().cut(text[:-4], HMM=False))
    return not (before and shapes.word_class(before[-1]) == "P" and shapes.nominal(text[-4:]))


def _four_head(text: str) -> str:
    """The four-character phrase a clause opens with when the clause goes on with 的
    (欣欣向荣的局面 → 欣欣向荣), else the clause."""
    return text[:4] if len(text) > 5 and text[4] == "的" and all_cjk(text[:4]) else text


def four_char_runs(par: Paragraph, is_noun_list=None) -> list[Candidate]:
    """Runs of two or more four-character phrases.  Phrases listed with 、 form a group; a
    group made only of four-character phrases may chain with the next one across ，/；
    (攻坚克难、奋力拼搏，转变作风、廉洁从政); in a mixed group only its own adjacent
    four-character members count, and it breaks the chain."""
    found = []

    def emit(run: list[str], seps: list[str]) -> None:
        if len(run) == 2:
            bare = [strip_quotes(m) for m in run]
            if any(shapes.compound_noun(m) for m in bare):
                return  # 营商环境 beside 持续向好: a pair with a name of a thing in it is a cut list
            if bare[0][:2] == bare[1][:2] and shapes.nominal(bare[0][2:]) and shapes.nominal(bare[1][2:]):
                return  # 具体月份、具体部门: one word and two things it qualifies, a list
            if seps[0] in "，；" and not all(shapes.acting_led(m) for m in bare):
                return  # 支出计划，有序支出: clauses side by side, not a run of set phrases
        if len(run) >= 2 and len(set(run)) == len(run) and (
                is_noun_list is None or not is_noun_list(run)):
            found.append(_candidate(par, _join(run, seps), FOUR_CHAR))

    for sent in sentences(par.text):
        parts = [(t.strip(), sep) for t, sep in clauses(sent)]
        groups: list[list[tuple[str, str]]] = [[]]
        for text, sep in parts:
            groups[-1].append((text, sep))
            if sep != "、":
                groups.append([])
        chain: list[str] = []
        chain_seps: list[str] = []
        groups = [g for g in groups if g]
        for n, group in enumerate(groups):
            following = groups[n + 1] if n + 1 < len(groups) else []
            if len(group) == 1 and len(following) == 1 and _is_four(following[0][0]) and \
                    group[0][1] in "，；" and not chain:
                text, sep = group[0]  # 要认清形势，统一思想，抢抓机遇: the lead-in is not in the run
                if _four_tail(text) and _dictionary_four(text[-4:]):
                    group = [(text[-4:], sep)]
            if all(_is_four(t) for t, _ in group):
                if chain and chain_seps and chain_seps[-1] not in "，；":
                    emit(chain, chain_seps[:-1])
                    chain, chain_seps = [], []
                chain.extend(t for t, _ in group)
                chain_seps.extend(sep for _, sep in group)
                continue
            emit(chain, chain_seps[:-1])
            chain, chain_seps = [], []
            run: list[str] = []
            run_seps: list[str] = []
            for k, (text, sep) in enumerate(group):
                if k == 0 and len(group) > 1 and _four_tail(text) and \
                        _is_four(_four_head(group[1][0])):
                    text = text[-4:]  # 要抓铁有痕、踏石留印: the lead-in is not part of the run
                if run and k == len(group) - 1:
                    text = _four_head(text)  # 严谨细致、务实高效的作风: the run ends inside the clause
                if _is_four(text):
                    run.append(text)
                    run_seps.append(sep)
                else:
                    emit(run, run_seps[:-1])
                    run, run_seps = [], []
            emit(run, run_seps[:-1])
        emit(chain, chain_seps[:-1])
    return found
