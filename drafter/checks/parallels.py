"""Parallel constructions (排比): three or more consecutive clauses of one sentence that share
a frame (以实干体现忠诚、以实干成就事业、以实干造福人民 / 想在前、干在前、成在前).  A
member much longer or shorter than the others spoils the rhythm; too many 排比 in one
paragraph make it read like a slogan list.

Detection is by shared prefix or suffix only (no word segmentation), so it is fast on a whole
speech; it is deliberately stricter than the miner's, which hunts for phrases to collect."""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from drafter.checks.base import WARNING, Finding, content, quote
from drafter.core import formulae as formula_list
from drafter.core.model import Draft
from drafter.miner.text import common_prefix, common_suffix, strip_quotes

_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_CLAUSE = re.compile(r"[，、；,;]")
_FUNCTION = set("的了和与及而并或在把将对以向为于从由要")
MAX_MEMBER = 40
_BRACKETS = re.compile(r"（[^）]*）|\([^)]*\)")


@dataclass
class Parallel:
    start: int                      # span in the block content
    end: int
    members: list[tuple[int, int]]  # member spans in the block content
    prefixed: bool = True           # the members share a beginning (else only an ending)

    def texts(self, text: str) -> list[str]:
        return [text[s:e] for s, e in self.members]


def _frame(members: list[str]) -> int:
    """Characters of the shared frame (prefix + suffix) of ``members``."""
    bare = [strip_quotes(m) for m in members]
    pre = common_prefix(bare)
    if any(len(b) <= len(pre) for b in bare):
        return 0
    suf = common_suffix(bare)
    if any(len(b) <= len(pre) + len(suf) for b in bare):
        suf = ""
    if pre and all(ch in _FUNCTION for ch in pre):
        pre = ""  # 在…、在…: a function word is no frame
    if suf and all(ch in _FUNCTION for ch in suf):
        suf = ""
    return len(pre) + len(suf)


def _is_frame(members: list[str]) -> bool:
    """A frame that carries the construction: two or more shared characters making up a
    good part of a typical member (an enumeration of 会议精神 shares 精神 but is no 排比), or
    one character in short members (早开工、早建设、早竣工)."""
    shared = _frame(members)
    typical = median(len(m) for m in members)
    return (shared >= 2 and shared / typical > 0.25) or (shared == 1 and max(len(m) for m in members) <= 5)


def _lead_in(first: str, others: list[str]) -> int:
    """Length of a lead-in before the first member (今年以来我们坚持问题导向、坚持目标导向):
    where the prefix the other members share starts inside the first one."""
    pre = common_prefix(others)
    shortest = 1 if max(len(o) for o in others) <= 5 else 2
    if len(pre) >= shortest and not first.startswith(pre):
        at = first.find(pre)
        if at > 0:
            return at
    # 要想在前、干在前、成在前 / ……完善空间规划、产业规划、功能规划: members of one length
    # sharing an ending; the first one is cut to that length
    lengths = {len(o) for o in others}
    suf = common_suffix(others)
    if not pre and suf and len(lengths) == 1 and first.endswith(suf) and len(first) > min(lengths):
        return len(first) - min(lengths)
    return 0


def _tail(last: str, others: list[str]) -> int:
    """Length of the end of the last member that runs on past the series: 防泄漏等各项工作,
    **万居民和*万补贴对象, 严的氛围长期坚持下去 (after members of four characters)."""
    keep = len(last)
    for joint in ("等", "和", "及", "与", "以及"):
        at = last.find(joint, 1)
        if at > 0 and not any(joint in o for o in others):
            keep = min(keep, at)
    suf = common_suffix(others)
    if len(suf) >= 2 and not last.endswith(suf) and suf in last:
        keep = min(keep, last.find(suf) + len(suf))
    lengths = {len(o) for o in others}
    pre = common_prefix(others)
    if len(lengths) == 1 and max(lengths) <= 5 and pre and last.startswith(pre):
        keep = min(keep, max(lengths))
    return len(last) - keep


def find_parallels(text: str) -> list[Parallel]:
    found = []
    for sm in _SENTENCE.finditer(text):
        clauses: list[tuple[int, int]] = []
        pos = sm.start()
        body_end = sm.end() - (1 if sm.group(0)[-1] in "。！？!?" else 0)
        for cm in _CLAUSE.finditer(text, sm.start(), body_end):
            clauses.append((pos, cm.start()))
            pos = cm.end()
        clauses.append((pos, body_end))
        clauses = [(s, e) for s, e in clauses if e > s]
        i = 0
        while i + 2 < len(clauses):
            j = i + 3
            members = [text[s:e].strip() for s, e in clauses[i:j]]
            first = members[0]
            members[0] = first[_lead_in(first, members[1:]):]
            if any(not 2 <= len(m) <= MAX_MEMBER for m in members) or not _is_frame(members):
                i += 1
                continue
            while j < len(clauses):
                nxt = text[clauses[j][0]:clauses[j][1]].strip()
                if not 2 <= len(nxt) <= MAX_MEMBER or _frame(members + [nxt]) < _frame(members):
                    break
                members.append(nxt)
                j += 1
            span = clauses[i:j]
            lead = _lead_in(first, members[1:])
            if lead:
                span[0] = (span[0][0] + lead, span[0][1])
            tail = _tail(members[-1], members[:-1])
            if tail:
                span[-1] = (span[-1][0], span[-1][1] - tail)
            prefixed = bool(common_prefix([strip_quotes(m) for m in members]))
            found.append(Parallel(span[0][0], span[-1][1], list(span), prefixed))
            i = j
    return found


#: A section (level 1 or 2) is crowded when it holds more than twice ``max_parallels`` 排比
#: at more than this many per thousand characters (the corpus peaks at about 11).
SECTION_DENSITY = 12


def _formula_members() -> frozenset[str]:
    return frozenset(m for f in formula_list.shipped() for m in f.members)


def _is_formula(text: str, par: Parallel, names: list[tuple[int, int, str]], members: frozenset[str]) -> bool:
    """The members of a fixed formula (六个精准: 扶持对象精准、项目安排精准……) are never judged
    as an 排比: their wording is fixed."""
    left = max(text.rfind(c, 0, par.start) for c in "。！？") + 1
    rights = [p for p in (text.find(c, par.end) for c in "。！？") if p >= 0]
    right = min(rights) if rights else len(text)
    if any(left <= s and e <= right for s, e, _ in names):
        return True
    return sum(1 for t in par.texts(text) if any(m in t for m in members)) >= 2


def check(draft: Draft, options) -> list[Finding]:
    found = []
    limit = max(1, int(options.max_parallels))
    counts = []
    members = _formula_members()
    for index in range(len(draft.blocks)):
        text = content(draft, index)
        names = formula_list.spans(text)
        parallels = [p for p in find_parallels(text) if not _is_formula(text, p, names, members)]
        counts.append(len(parallels))
        for par in parallels:
            found += _unbalanced(index, text, par)
        if len(parallels) > limit:
            found.append(Finding("parallel", WARNING, index, None, None,
                                 f"本段有 {len(parallels)} 组排比（如“{quote(text[parallels[0].start:parallels[0].end], 24)}”），"
                                 f"多于 {limit} 组，读来堆砌",
                                 "保留最有力的一两组，其余改为平实的叙述"))
    for head in draft.headings():
        if draft.blocks[head].level > 2:
            continue
        end = draft.section_end(head)
        n = sum(counts[head:end])
        chars = sum(len(content(draft, i)) for i in range(head, end))
        if n > 2 * limit and chars and n * 1000 / chars > SECTION_DENSITY:
            found.append(Finding("parallel", WARNING, head, None, None,
                                 f"“{quote(draft.blocks[head].text, 20)}”这一部分 {chars:,} 字中有 {n} 组排比"
                                 f"（每千字 {n * 1000 / chars:.0f} 组），读来堆砌",
                                 "删减或合并部分排比，让重点突出"))
    return found


def _unbalanced(index: int, text: str, par: Parallel) -> list[Finding]:
    # a note in brackets (专家咨询（法律顾问）机制) is not part of the member's rhythm
    lengths = [len(_BRACKETS.sub("", text[s:e])) for s, e in par.members]
    found = []
    # without a shared beginning a first member may carry a lead-in that cannot be told
    # apart without word segmentation: leave it out of the comparison
    first = 0 if par.prefixed else 1
    compared = lengths[first:]
    if len(compared) < 3:
        return found
    typical = median(compared)
    for k, (s, e) in enumerate(par.members):
        if k < first:
            continue
        n = lengths[k]
        if (n >= 2 * typical and n - typical >= 6) or (2 * n <= typical and typical - n >= 6):
            which = "过长" if n > typical else "过短"
            found.append(Finding("parallel", WARNING, index, s, e,
                                 f"排比各项长短悬殊：“{quote(text[par.start:par.end], 40)}”中"
                                 f"“{text[s:e]}”{n} 字，{which}（各项一般约 {typical:g} 字）",
                                 "调整这一项的长短，或把多出的内容另起一句"))
    return found
