"""Parallelism found by the shape of the members rather than by characters they share.

A speechwriter's 对仗 often shares no character at all: 打造生态魏庄，共建美丽家园 (verb +
modifier + noun twice), 求效益，抓落实，优环境，促和谐 (one-character verb + object four
times), 安全生产责任体系不断健全，法规标准体系逐步完善…… (subject + adverb + verb).  jieba's
segmentation and part-of-speech tags give each member a *shape* — the lengths of its words and
their word classes — and members built alike are taken for one construction.  Also here: runs
without separators (大检查大整治大提升, 抓紧抓实抓好, 庸政懒政怠政) and numbered series
(坚持一个统领、提高两个比重、突出三个更加).
"""

from __future__ import annotations

import functools
import re

from drafter.core import segment
from drafter.miner.text import all_cjk, clauses, strip_quotes

#: word class of a jieba tag: P predicate (verb, adjective), N nominal, D adverb, F function word.
_CLASSES = (("vn", "N"), ("an", "N"), ("b", "N"), ("ad", "D"), ("vd", "D"), ("v", "P"), ("a", "P"), ("i", "P"), ("l", "P"), ("d", "D"),
            ("n", "N"), ("r", "N"), ("s", "N"), ("f", "N"), ("j", "N"), ("m", "M"), ("q", "M"),
            ("c", "F"), ("p", "F"), ("u", "F"), ("y", "F"))


def _class(flag: str) -> str:
    return next((c for prefix, c in _CLASSES if flag.startswith(prefix)), "X")


@functools.lru_cache(maxsize=4096)
def shape(text: str) -> tuple[tuple[int, str], ...]:
    """(word length, word class) of each word of ``text``."""
    return tuple((len(t.word), _class(t.flag)) for t in segment.posseg().lcut(text, HMM=False))


def _tags():
    module = segment.posseg()
    module.dt.tokenizer.check_initialized()
    return module.dt.word_tag_tab


@functools.lru_cache(maxsize=8192)
def word_class(word: str) -> str:
    """The class of a word in jieba's dictionary ("" when the dictionary does not know it).
    Its tags are rough (落实 a, 明确 ad, 立足 d): what matters here is noun or not."""
    flag = _tags().get(word)
    return _class(flag) if flag else ""


@functools.lru_cache(maxsize=4096)
def known(word: str) -> bool:
    """jieba's dictionary has the word."""
    return bool(_tags().get(word))


_known = known


def compound_noun(text: str) -> bool:
    """A name of a thing made of two or more words (营商环境, 主要矛盾), unlike a four-character
    idiom the dictionary files as one noun (众志成城)."""
    return nominal(text) and not known(text)


@functools.lru_cache(maxsize=4096)
def nominal(text: str) -> bool:
    """Nothing but names of things (城镇燃气, 郝鹏书记, 中车集团): a list, not a phrase.  jieba's
    guess for a word it does not know (共克 of 共克时艰 → n) is checked against the dictionary's
    own reading of the characters: an adverb there (共) is a phrase."""
    if not all(_class(t.flag) == "N" for t in segment.posseg().lcut(text)):
        return False
    return not any(t.flag == "d" for t in segment.posseg().lcut(text, HMM=False))


def _acting(word: str) -> bool:
    """A word that can open a verb phrase: a verb, adjective or adverb in the dictionary (not a
    verbal noun: 旅游新业态 is a thing)."""
    return word_class(word) in ("P", "D")


def acting_led(text: str) -> bool:
    """The text opens with a verb, adjective or adverb (认清形势, 及早投产), or is one set phrase
    (众志成城)."""
    return _tags().get(text) == "i" or any(
        len(text) > n and known(text[:n]) and _acting(text[:n]) for n in (2, 1))


def _lead(members: list[str]) -> int:
    """The length of the word every member opens with: two characters, or one in members of
    three (稳增长) whose other two are a dictionary word."""
    if all(len(m) > 2 and _known(m[:2]) for m in members):
        return 2
    if all(len(m) == 3 and _known(m[0]) and _known(m[1:]) for m in members):
        return 1
    return 0


def shaped_pair(a: str, b: str) -> bool:
    """Two clauses of one length (4–7), each a verb (or adverb) and what it governs, or a
    couplet of five or seven characters ending on a verb or adjective: 打造生态魏庄，共建美丽
    家园; 团结一心谋发展，攻坚克难求突破; 荆江两岸春潮涌，兰水胜地气象新."""
    if a == b or len(a) != len(b) or not 4 <= len(a) <= 7 or not (all_cjk(a) and all_cjk(b)):
        return False
    if len(a) in (5, 7) and word_class(a[-1]) == word_class(b[-1]) == "P" and \
            nominal(a[:-1]) and nominal(b[:-1]):
        return True  # 春潮涌 / 气象新
    size = _lead([a, b])
    if not size or not (_acting(a[:size]) and _acting(b[:size])):
        return False
    rest_a, rest_b = a[size:], b[size:]
    return rest_a[0] not in _FUNCTION and rest_b[0] not in _FUNCTION and not (nominal(a) and nominal(b))


_FUNCTION = set("的了和与及而并或地得之在是")


def shaped_series(members: list[str], strict: bool = False) -> bool:
    """Three or more members of one length (3–8), each opening with a verb of the same length:
    稳增长、促改革、调结构、惠民生、保稳定; 强化基础设施、加快土地流转、优化产业结构.  One
    member of four or more whose verb the dictionary calls a noun (理思路) is forgiven.
    ``strict`` (a series joined by ，, which also joins unrelated clauses): what follows each
    verb is made of dictionary words."""
    if len(members) < 3 or len({len(m) for m in members}) != 1 or not 3 <= len(members[0]) <= 8:
        return False
    if not all(all_cjk(m) for m in members) or all(nominal(m) for m in members):
        return False
    size = _lead(members)
    if not size:
        return False
    acting = sum(1 for m in members if _acting(m[:size]))
    verbal_nouns = sum(1 for m in members if _tags().get(m[:size]) == "vn")  # 优化 is filed vn
    if acting + min(verbal_nouns, 1) < len(members) - (1 if len(members) >= 4 else 0):
        return False
    if any(m[size] in _FUNCTION and not _known(m[size:size + 2]) for m in members):
        return False  # 很/好的讲话 is no verb and object; 促/和谐 is
    return not strict or all(_known(w) for m in members for w in segment.jieba().cut(m[size:], HMM=False))


def predicate_series(members: list[str]) -> bool:
    """Three or more clauses each a thing and what it does, ending on a verb or adjective:
    速度加快、效益提高、后劲增强; 安全生产责任体系不断健全，法规标准体系逐步完善……;
    城乡资源组合、工农优势互补、村企共同发展."""
    if len(members) < 3 or not all(all_cjk(m) and 4 <= len(m) <= 16 for m in members):
        return False
    lengths = [len(m) for m in members]
    if max(lengths) > 2 * min(lengths):
        return False
    return all(_thing_and_act(m) for m in members) and not all(nominal(m) for m in members)


@functools.lru_cache(maxsize=4096)
def _thing_and_act(member: str) -> bool:
    """A member opening with a name of a thing and ending on what it does (速度加快)."""
    words = list(segment.jieba().cut(member, HMM=False))
    last = words[-1][2:] if len(words[-1]) == 4 else words[-1]  # 逐步完善 → 完善
    if len(words) < 2 or word_class(words[0]) not in ("N", "") or len(last) > 2:
        return False
    before = words[-1][:2] if len(words[-1]) == 4 else words[-2]
    return (word_class(last) in ("P", "D")  # 加快, 健全; 进步 is filed d
            or _tags().get(last) == "vn" and word_class(before) == "D")  # 共同发展


def inner_word(members: list[str]) -> str:
    """A frame word every member holds once inside it, not at the same place and not at its
    end (抓住了项目，就抓住了根本，就抓住了后劲; 既是一次……会，也是一次……会): three or more
    characters, or two that are not a noun — a topic noun in every clause (项目) is no frame."""
    shortest = min(members, key=len)
    for size in range(min(4, len(shortest) - 1), 1, -1):
        for start in range(len(shortest) - size + 1):
            word = shortest[start:start + size]
            if size == 2 and word_class(word) in ("N", ""):
                continue
            if all_cjk(word) and all(m.count(word) == 1 and not m.endswith(word) for m in members):
                avg = sum(len(m) for m in members) / len(members)
                if size / avg >= 0.2:
                    return word
    return ""


_ORDINAL = re.compile(r"其([一二三四五六七八九十])[，、：]?是?")


def ordinal_series(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """其一，是……；其二，是……；其三，是……: three or more items counted off in a row, each a
    clause or two; the series as written, and the items without their count."""
    found = []
    items = [m for m in re.finditer(r"[^；。！？]+", text)]
    run: list[re.Match] = []
    for m in items + [None]:
        body = m.group(0).strip() if m else ""
        hit = _ORDINAL.match(body)
        if hit and len(body) <= 48 and _value(hit.group(1)) == len(run) + 1:
            run.append(m)
            continue
        if len(run) >= 3:
            start, end = run[0].start(), run[-1].end()
            pieces = tuple(_ORDINAL.sub("", r.group(0).strip(), count=1) for r in run)
            found.append((text[start:end].strip(), pieces))
        run = [m] if hit and m and _value(hit.group(1)) == 1 else []
    return found


# ----- runs without separators ----------------------------------------------------------------
_H = "[\u4e00-\u9fff]"
#: what a run of three pieces looks like at the least (大检查大整治大提升, 抓紧抓实抓好, 庸政懒政怠政)
_RUN_HINTS = tuple(re.compile(p) for p in (
    rf"({_H}){_H}\1{_H}\1{_H}", rf"({_H}){_H}{{2}}\1{_H}{{2}}\1{_H}{{2}}",
    rf"{_H}({_H}){_H}\1{_H}\1", rf"{_H}{{2}}({_H}){_H}{{2}}\1{_H}{{2}}\1"))


def bare_runs(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Three or more pieces of one length (2–3) in a row, with no separator, sharing their first
    or last character: 大检查大整治大提升, 抓紧抓实抓好, 庸政懒政怠政."""
    if not any(pattern.search(text) for pattern in _RUN_HINTS):
        return []  # most paragraphs: no three pieces in a row share a character at one place
    found = []
    if text[-1:] and text[-1] not in "。！？；：”）…":
        text = text[:max(text.rfind(ch) for ch in "。！？；")+1]  # a line broken in mid-sentence
    i = 0
    while i < len(text):
        hit = None
        for size in (3, 2):
            for at in (0, size - 1):
                pieces = []
                k = i
                while k + size <= len(text) and all_cjk(text[k:k + size]) and \
                        text[k + at] == text[i + at] and text[k:k + size] not in pieces:
                    pieces.append(text[k:k + size])
                    k += size
                if len(pieces) >= 3 and len({p[size - 1 - at] for p in pieces}) == len(pieces) \
                        and _whole_words(text, i, k):
                    hit = (text[i:k], tuple(pieces))
                    break
            if hit:
                break
        if hit:
            found.append(hit)
            i += len(hit[0])
        else:
            i += 1
    return found


def _whole_words(text: str, start: int, end: int) -> bool:
    """The run neither starts nor ends inside a word of the text around it (落实落细落到|实处
    ends inside 落到实处)."""
    pos, starts = 0, set()
    for word in segment.jieba().cut(text, HMM=False):
        starts.add(pos)
        pos += len(word)
    starts.add(len(text))
    return start in starts and end in starts and not spans(text, start) and not spans(text, end)


def spans(text: str, at: int, nouns: bool = False) -> bool:
    """A dictionary word of three or more characters runs across offset ``at`` (``nouns``: a
    name of a thing, 党|中央; a set phrase such as 进一步|提高 may be cut)."""
    return any(_known(text[a:b]) and (not nouns or word_class(text[a:b]) == "N")
               for a in range(max(0, at - 3), at)
               for b in range(at + 1, min(len(text), at + 3) + 1) if b - a >= 3)


@functools.lru_cache(maxsize=4096)
def end_ok(kept: str, rest: str = "") -> bool:
    """A member cut out of a longer clause must not end on a word that needs what was cut off
    (更是一场必须|打赢, 慢进也是|退), nor on a verb whose object was cut off (推动发展取得|显著
    成效, 落到|位)."""
    words = list(segment.jieba().cut(kept, HMM=False))
    if not words or words[-1] in _AUXILIARY or word_class(words[-1]) == "D":
        return False
    if rest and rest[0] not in "的”等，、；。" and (_tags().get(words[-1]) or "").startswith("v") \
            and _tags().get(words[-1]) != "vn":
        following = next(iter(segment.jieba().cut(rest, HMM=False)))
        return word_class(following) not in ("N", "M", "")
    return True


_AUXILIARY = {"是", "要", "能", "会", "把", "将", "对", "在", "也是", "就是", "更是", "不是", "为", "向",
              "成为", "作为", "有", "让", "使"}


# ----- numbered series -------------------------------------------------------------------------
_NUMERALS = "一二两三四五六七八九十"
_COUNTED = re.compile(rf"([{_NUMERALS}])(?:个|大|项|件|篇|化|条|种|张|类|场)")


_VALUES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _value(ch: str) -> int:
    return _VALUES[ch]


def numbered_series(text: str) -> list[str]:
    """Clauses in a row, each holding a counted item whose numbers rise (坚持一个统领、提高两个
    比重、突出三个更加; 突出一个主导产业、实施两大带动战略，推进三化进程……): the series,
    the first clause cut to the verb before its number."""
    found = []
    parts = clauses(text)
    i = 0
    while i < len(parts):
        run, last = [], 0
        k = i
        while k < len(parts):
            piece, sep = parts[k]
            piece = strip_quotes(piece)
            m = _COUNTED.search(piece)
            if not m or len(piece) > 16 or not all_cjk(piece) or _value(m.group(1)) <= last \
                    or not run and _value(m.group(1)) != 1:
                break
            run.append((piece, sep, m.start()))
            last = _value(m.group(1))
            k += 1
            if sep not in "、，；":
                break
        if len(run) >= 2:
            last_piece, last_sep, last_at = run[-1]
            tail = last_piece.find("的", last_at)
            if tail > 0:  # 突出三个更加的总体思路 → 突出三个更加
                run[-1] = (last_piece[:tail], last_sep, last_at)
            first, _sep, at = run[0]
            words = [w for w in segment.jieba().cut(first[:at], HMM=False)]
            lead = words[-1] if words and all_cjk(words[-1]) and len(words[-1]) <= 2 else ""
            pieces = [first[at - len(lead):]] + [p for p, _s, _a in run[1:]]
            seps = [s for _p, s, _a in run[:-1]]
            found.append("".join(p + s for p, s in zip(pieces, seps + [""])))
            i = k
        else:
            i += 1
    return found
