"""Whether clauses make one series (排比), shared by the extractors: the test on the members,
the frame they share and the slot a writer can fill anew, the cut of a lead-in or a tail, and
the jieba word tests these rest on."""

from __future__ import annotations

import functools

from drafter.core import segment
from drafter.miner import shapes
from drafter.miner.candidate import join_members
from drafter.miner.text import aligned_shared, all_cjk, common_prefix, common_suffix, strip_quotes

_LEADING_FUNCTION = "以要在把用向对让为"


def member_ok(member: str) -> bool:
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
    if len(members) < 3 or not all(member_ok(m) for m in members):
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
def verbal(member: str) -> bool:
    return any(t.flag in _VERBAL for t in segment.posseg().lcut(member))


_NOMINAL = ("n", "r", "m", "q", "b", "f", "s")


@functools.lru_cache(maxsize=256)
def noun_tagged(member: str) -> bool:
    """Nothing but names of things (城镇燃气, 市住建局): jieba tags every word a noun (with its
    HMM guesses; numerals and measure words count here, unlike in ``shapes.nominal``)."""
    return all(t.flag.startswith(_NOMINAL) for t in segment.posseg().lcut(member))


def same_shape(members: list[str]) -> bool:
    """Members sharing no character but built alike: 稳增长、促改革、调结构, 速度加快、效益提高、
    后劲增强.  Equal length (3–6), every one holding a verb or adjective, so a list of nouns
    (交通运输、安全生产) is not taken for one."""
    lengths = {len(m) for m in members}
    if len(members) < 3 or len(lengths) != 1 or not 3 <= min(lengths) <= 6:
        return False
    return all(verbal(m) for m in members)


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


def prefix_slot(members: list[str], seps: list[str]) -> tuple[str, tuple[str, ...]]:
    """``以{X}体现忠诚、以{X}成就事业…`` when the members share a content word up front."""
    pre = common_prefix(members)
    lead = 1 if pre[:1] and pre[0] in _LEADING_FUNCTION else 0
    core = pre[lead:]
    if not (2 <= len(core) <= 4) or not all_cjk(core) or not _swappable(core):
        return "", ()
    if any(len(m) <= len(pre) for m in members):
        return "", ()
    parts = [pre[:lead] + "{X}" + m[len(pre):] for m in members]
    return join_members(parts, seps), ("X",)


_BAD_START = set("的了和与及而并或地得之化性者们")


@functools.lru_cache(maxsize=64)  # one sentence's windows ask again and again for the same clause
def word_starts(text: str) -> frozenset[int]:
    """Offsets at which a word starts (jieba), so a lead-in is cut between words; the words
    inside a long one count too (进一步提高 → 进一步 / 提高)."""
    return frozenset(start for _word, start, _end in
                     segment.jieba().tokenize(text, mode="search", HMM=False))


def _trim_lead(members: list[str]) -> list[str] | None:
    """The members as a parallel series, the first one stripped of a lead-in (确保早开工 →
    早开工; 不断提高系统思维 → 系统思维) and the last of a trailing 等; None if not parallel."""
    members = list(members)
    if members[-1][-1:] in ("等", "和", "及", "与") and len(members[-1]) > 2:
        members[-1] = members[-1][:-1]
    first, others = members[0], members[1:]
    longest = max(len(o) for o in others)

    def trimmed() -> list[str] | None:
        if len(others) < 2 or not all(member_ok(m) for m in others):
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
