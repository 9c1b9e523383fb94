"""四字格: runs of two or more four-character phrases (抓铁有痕、踏石留印)."""

from __future__ import annotations

from drafter.core import segment
from drafter.core.vocab import FOUR_CHAR
from drafter.miner import shapes
from drafter.miner.candidate import Candidate, join_members, make_candidate
from drafter.miner.series import word_starts
from drafter.miner.text import Paragraph, all_cjk, clauses, sentences, strip_quotes


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
            found.append(make_candidate(par, join_members(run, seps), FOUR_CHAR))

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
