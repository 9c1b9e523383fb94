"""Role labelling: which part of a speech each block belongs to (DESIGN §3).

Roles: ``opening`` (称呼, 会议主要任务, 刚才……, 下面我讲几点意见), ``review`` (回顾成绩, 认清形势,
存在问题), ``tasks`` (重点任务, 部署), ``conduct`` (党风廉政, 作风建设, 纪律, 自身建设),
``closing`` (同志们，…… / 总之，…… / 让我们……) and ``other``.

The rules, in order (every block gets the role of the part it belongs to):

1. *Opening*: from the start to the first level-1 point, or up to and including a paragraph
   that begins 下面，我讲…… / 下面，我再讲…… when one comes first.
2. *Closing*: the final run of paragraphs after the last point, from the first of them that
   begins 同志们，/ 总之，/ 让我们 / 最后，.
3. *Each level-1 part* is scored for review / tasks / conduct with the keyword weights below:
   its heading counts 4×, the headings of its sub-points 1×, and a sample of its text (the
   first ``SAMPLE_CHARS`` characters of each paragraph and run-in body, at most
   ``SAMPLE_PARAGRAPHS`` of them) ½×.  The highest score wins; with no keyword at all the part
   is ``other``.
4. *Word-level tie-break*: when the two best scores are within ``TIE_MARGIN`` (or all are zero),
   the heading and the first ``TIE_SAMPLE_CHARS`` characters of the sample are segmented with
   jieba (only then, and only that text — never the whole speech) and word features are added: each standalone 了 (取得了、完成了: a report
   of what was done) counts for review, each standalone 要 (要加快、要抓好: an instruction)
   for tasks, and keywords count again when they are whole words.  Segmentation is what tells
   the particle 要 from 重要/主要/要求 and 了 from 了解.
5. *Sub-parts*: a level-2 point whose own heading scores at least ``SUB_MIN`` for another role,
   and more than for its part's role, takes that role for its section (认清形势 under
   关于全市经济社会发展工作 is review).

``explain(text)`` lists the keyword hits behind a score, so every label can be explained.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from drafter.core.model import Draft

logger = logging.getLogger(__name__)

SCORED_ROLES = ("review", "tasks", "conduct")
HEADING_WEIGHT = 4.0
CHILD_WEIGHT = 1.0
SAMPLE_WEIGHT = 0.5
SAMPLE_CHARS = 80
SAMPLE_PARAGRAPHS = 12
TIE_MARGIN = 1.0
TIE_SAMPLE_CHARS = 160
SUB_MIN = 3.0

#: keyword -> weight, per role.  Longer keywords win over the shorter ones inside them.
KEYWORDS: dict[str, dict[str, float]] = {
    "review": {
        "回顾": 3, "工作回顾": 4, "成绩": 2, "成效": 2, "取得": 1, "过去一年": 2, "过去的一年": 2,
        "上半年": 2, "去年": 1, "以来": 1, "认清形势": 3, "形势": 2, "正视问题": 2, "问题": 0.5,
        "不足": 1, "差距": 1, "短板": 1, "总结": 1, "稳步": 1, "向好": 1, "明显": 1,
        "持续改善": 1, "和谐稳定": 0.5, "精准有效": 1, "增长": 0.5, "懈怠": 1, "增进": 1,
    },
    "tasks": {
        "任务": 2, "重点任务": 3, "重点工作": 2, "部署": 2, "下半年": 2, "今年": 1, "全年": 1,
        "抓好": 1, "推进": 1, "加快": 1, "突破": 2, "项目": 1, "经济": 1, "发展": 1,
        "攻坚": 1, "目标": 1, "招商": 1, "方面": 0.5, "重点": 1, "合力": 1, "机遇": 1,
        "城市": 0.5, "民生": 1, "产业": 1, "改革": 1, "创新": 0.5, "安全生产": 1,
    },
    "conduct": {
        "党风廉政": 4, "廉政": 3, "廉洁": 3, "作风": 3, "纪律": 3, "规矩": 2, "自身建设": 4,
        "队伍建设": 3, "政治": 1.5, "忠诚": 2, "两个确立": 2, "拒腐": 3, "防变": 1, "监督": 1,
        "反腐": 3, "担当": 1, "能力": 1, "效能": 1, "实干": 1, "权力": 2, "初心": 1,
        "核心意识": 2, "理论武装": 2, "思维": 1, "政府建设": 1, "四风": 2, "底线": 1,
        "精神状态": 2, "站位": 1, "干部": 1,
    },
}

OPENING_END = re.compile(r"^(?:下面|接下来|下边)[，,]?(?:我|结合|就|再)")
CLOSING_START = re.compile(r"^(?:同志们[，,！!]|总之[，,]|总而言之|让我们|最后[，,])")

_LOOKUP: dict[str, tuple[str, float]] = {
    word: (role, weight) for role, words in KEYWORDS.items() for word, weight in words.items()
}
_PATTERN = re.compile("|".join(sorted(map(re.escape, _LOOKUP), key=len, reverse=True)))


@dataclass
class Hit:
    keyword: str
    role: str
    weight: float


def explain(text: str, factor: float = 1.0) -> list[Hit]:
    """The keyword hits in ``text`` (weights times ``factor``)."""
    return [Hit(m.group(0), _LOOKUP[m.group(0)][0], _LOOKUP[m.group(0)][1] * factor)
            for m in _PATTERN.finditer(text)]


def score(text: str, factor: float = 1.0, into: dict[str, float] | None = None) -> dict[str, float]:
    scores = into if into is not None else dict.fromkeys(SCORED_ROLES, 0.0)
    for m in _PATTERN.finditer(text):
        role, weight = _LOOKUP[m.group(0)]
        scores[role] += weight * factor
    return scores


def _word_features(text: str, scores: dict[str, float]) -> None:
    """Add word-level evidence (jieba); see rule 4 of the module docstring."""
    from drafter.core import segment  # jieba: only when a tie needs it

    particles = {"了": 0.0, "要": 0.0}
    for word in segment.jieba().lcut(text, HMM=False):
        if word in particles:
            particles[word] += 0.5
        elif word in _LOOKUP:
            role, weight = _LOOKUP[word]
            scores[role] += weight * 0.5
    scores["review"] += min(particles["了"], 3.0)
    scores["tasks"] += min(particles["要"], 3.0)


def _best(scores: dict[str, float]) -> str:
    ranked = sorted(SCORED_ROLES, key=lambda r: -scores[r])
    return ranked[0] if scores[ranked[0]] > 0 else "other"


def _ambiguous(scores: dict[str, float]) -> bool:
    first, second = sorted(scores.values(), reverse=True)[:2]
    return first - second < TIE_MARGIN


def part_scores(draft: Draft, start: int, end: int) -> dict[str, float]:
    """Scores of the part whose heading is ``draft.blocks[start]``, ending before ``end``."""
    blocks = draft.blocks
    head = blocks[start]
    scores = score(head.text, HEADING_WEIGHT)
    samples: list[str] = []
    for block in blocks[start + 1:end]:
        if block.is_heading and block.level == head.level + 1:
            score(block.text, CHILD_WEIGHT, scores)
        sample = block.body if block.is_heading else block.text
        if sample and len(samples) < SAMPLE_PARAGRAPHS:
            samples.append(sample[:SAMPLE_CHARS])
    if head.body:
        samples.insert(0, head.body[:SAMPLE_CHARS])
    sample_text = "\n".join(samples)
    score(sample_text, SAMPLE_WEIGHT, scores)
    if _ambiguous(scores):
        _word_features(head.text + "\n" + sample_text[:TIE_SAMPLE_CHARS], scores)
    return scores


def _opening_end(draft: Draft) -> int:
    """One past the last opening block."""
    blocks = draft.blocks
    first = next((i for i, b in enumerate(blocks) if b.is_heading), len(blocks))
    for i in range(first):
        if OPENING_END.match(blocks[i].text):
            return i + 1
    if first == len(blocks):  # no points at all: the first paragraph opens the speech
        return min(1, len(blocks))
    return first


def _closing_start(draft: Draft, after: int) -> int:
    blocks = draft.blocks
    start = len(blocks)
    i = len(blocks) - 1
    while i >= after and not blocks[i].is_heading:
        if CLOSING_START.match(blocks[i].text):
            start = i
        i -= 1
    return start


def assign_roles(draft: Draft) -> None:
    """Set ``role`` on every block of ``draft``."""
    blocks = draft.blocks
    if not blocks:
        return
    opening_end = _opening_end(draft)
    closing = _closing_start(draft, opening_end)
    for i in range(opening_end):
        blocks[i].role = "opening"
    i = opening_end
    while i < closing:
        block = blocks[i]
        if not block.is_heading:
            # A paragraph outside any part (between the opening and the first point, or in a
            # speech without points): its own text decides.
            blocks[i].role = _best(score(block.text[:SAMPLE_CHARS * 2]))
            i += 1
            continue
        end = min(draft.section_end(i), closing)
        role = _best(part_scores(draft, i, end))
        for j in range(i, end):
            blocks[j].role = role
        if role in SCORED_ROLES:
            _sub_parts(draft, i, end, role)
        i = end
    for j in range(closing, len(blocks)):
        blocks[j].role = "closing"


def _sub_parts(draft: Draft, start: int, end: int, role: str) -> None:
    blocks = draft.blocks
    level = blocks[start].level + 1
    for i in range(start + 1, end):
        block = blocks[i]
        if not block.is_heading or block.level != level:
            continue
        scores = score(block.text)
        best = _best(scores)
        if best not in ("other", role) and scores[best] >= SUB_MIN and scores[best] > scores[role]:
            for j in range(i, min(draft.section_end(i), end)):
                blocks[j].role = best
