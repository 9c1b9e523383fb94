"""Role labelling: which part of a speech each block belongs to (DESIGN §3).

Roles: ``opening`` (称呼, 会议主要任务, 刚才……, 下面我讲几点意见), ``review`` (回顾成绩, 认清形势,
统一思想, 存在问题), ``tasks`` (重点任务, 部署), ``conduct`` (党风廉政, 作风建设, 纪律, 自身建设,
组织领导), ``closing`` (同志们，……让我们…… / 各位代表！…… / 我就讲这些，谢谢大家 / 总之，……) and
``other``.

Every level-1 part is labelled by the evidence a writer would name, and ``explain_draft`` gives
the reasons (``drafter parse --explain``):

1. *Heading words* (4×): 回顾、形势、成绩、问题、困难、意义、认识、站位 for review; 任务、部署、重点、
   目标、措施 for tasks; 作风、廉政、纪律、自身建设、组织领导 for conduct.  The headings of the
   part's sub-points count 1×, a sample of its text ½×.
2. *Tense of the body*: reports of what was done (完成了、增长12%、取得、实现了、同比) count for
   review; instructions (要、必须、着力、务必、切实) for tasks — per hundred characters of sample,
   capped, so that a long part does not win on length alone.
3. *Position*: the first part of a speech leans to review (形势/认识 usually come first), the
   last to conduct (作风/组织保障 usually close the body) — a small weight that only decides
   between parts the words leave close.
4. *Word-level tie-break*: when the two best scores are within ``TIE_MARGIN``, the heading and a
   short sample are segmented with jieba (only then, and only that text) to tell the particles
   了 and 要 from 了解 and 重要.
5. *Sub-parts*: a level-2 point whose own heading scores at least ``SUB_MIN`` for another role
   takes that role for its section (认清形势 under 关于经济工作 is review).

The opening runs from the start to the first part (or to 下面，我讲……).  The closing is the final
run of paragraphs after the last part, from the first one in a closing form (同志们，/ 各位代表！/
总之，/ 让我们 / 最后，/ 我就讲这些) — and, in a speech without parts, only near its end and only if
a closing word follows (让我们、谢谢、讲这些、努力奋斗……): a 同志们！ in the middle is a transition.
A role the user set (``Block.role_fixed``) is kept, for the whole part when set on its heading.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from drafter.core.lazyre import lazy
from drafter.core.model import Draft
from drafter.core.vocab import ROLE_NAMES

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
TENSE_WEIGHT = 1.5      # per report/instruction per 100 characters of sample
TENSE_CAP = 4.0
POSITION_WEIGHT = 1.5

#: keyword -> weight, per role.  Longer keywords win over the shorter ones inside them.
KEYWORDS: dict[str, dict[str, float]] = {
    "review": {
        "回顾": 3, "工作回顾": 4, "成绩": 2, "成效": 2, "取得": 1, "过去一年": 2, "过去的一年": 2,
        "上半年": 2, "去年": 1, "以来": 1, "认清形势": 3, "形势": 2, "态势": 2, "正视问题": 2,
        "问题": 0.5, "困难": 1.5, "挑战": 1.5, "不足": 1, "差距": 1, "短板": 1, "总结": 1.5,
        "稳步": 1, "向好": 1, "明显": 1, "持续改善": 1, "和谐稳定": 0.5, "精准有效": 1, "增长": 0.5,
        "懈怠": 1, "增进": 1, "认识": 2.5, "思想认识": 3, "统一思想": 3, "重要性": 3, "意义": 2.5,
        "站位": 2.5, "政治站位": 3, "紧迫感": 2, "责任感": 1.5, "使命感": 1.5, "机遇": 1.5, "清醒": 1.5,
        "肯定": 1.5, "分析": 1.5,
    },
    "tasks": {
        "任务": 2, "重点任务": 3, "重点工作": 2, "部署": 2, "下半年": 2, "今年": 1, "全年": 1,
        "抓好": 1, "推进": 1, "加快": 1, "突破": 2, "项目": 1, "经济": 0.5, "发展": 0.5,
        "攻坚": 1, "目标": 1.5, "招商": 1, "方面": 0.5, "重点": 1.5, "合力": 1, "措施": 1.5,
        "举措": 1.5, "城市": 0.5, "民生": 1, "产业": 1, "改革": 1, "创新": 0.5, "安全生产": 1,
        "聚焦": 1, "落实": 0.5, "整改": 1,
    },
    "conduct": {
        "党风廉政": 4, "廉政": 3, "廉洁": 3, "作风": 3, "纪律": 3, "规矩": 2, "自身建设": 4,
        "队伍建设": 3, "政治": 0.5, "忠诚": 2, "两个确立": 2, "拒腐": 3, "防变": 1, "监督": 1,
        "反腐": 3, "担当": 1, "能力": 1, "效能": 1, "实干": 1, "权力": 2, "初心": 1,
        "核心意识": 2, "理论武装": 2, "思维": 1, "政府建设": 1, "四风": 2, "底线": 1,
        "精神状态": 2, "干部": 1, "组织领导": 4, "加强领导": 3, "组织保障": 3, "保障": 1,
        "责任制": 1.5, "问责": 2, "督查": 1, "督导": 1,
    },
}

#: A report of what was done (review) and an instruction (tasks), in the body.
REPORTS = lazy(r"完成了|实现了|取得了|增长\s*[0-9０-９.]+\s*[%％]|同比|累计|达到[0-9０-９]|位居|获评|"
                     r"荣获|下降\s*[0-9０-９.]+\s*[%％]|共[完实]成|一年来|[0-9]{4}年[，,]|全年[实完]")
INSTRUCTIONS = lazy(r"要(?![求素闻点])|必须|着力|务必|切实|坚决|一定|确保|进一步|抓紧|尽快")

OPENING_END = lazy(r"^(?:下面|接下来|下边)[，,]?(?:我|结合|就|再)")
CLOSING_START = lazy(
    r"^(?:同志们[，,！!、]|同志们、朋友们|各位代表[，,！!]|各位委员[，,！!]|总之[，,]|总而言之|让我们|最后[，,]|"
    r"我就讲(?:这些|这么多|到这里)|我就讲[^。]{0,6}[，,]谢谢|以上(?:几点)?意见[，,]|谢谢大家)")
CLOSING_WORDS = lazy(r"让我们|谢谢|讲这些|讲到这里|讲这么多|努力奋斗|团结奋斗|奋力|再创|谱写|开创|而努力|而奋斗|"
                           r"新的更大|新篇章|新贡献|新辉煌|胜利召开")

_LOOKUP: dict[str, tuple[str, float]] = {
    word: (role, weight) for role, words in KEYWORDS.items() for word, weight in words.items()
}
_PATTERN = lazy("|".join(sorted(map(re.escape, _LOOKUP), key=len, reverse=True)))


@dataclass
class Hit:
    keyword: str
    role: str
    weight: float


@dataclass
class PartReport:
    """The evidence behind one part's role (``drafter parse --explain``)."""
    index: int
    role: str
    scores: dict[str, float]
    reasons: list[str] = field(default_factory=list)


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


def _hits_text(hits: list[Hit]) -> str:
    return "、".join(f"{h.keyword}（{ROLE_NAMES[h.role]}）" for h in hits)


def part_scores(draft: Draft, start: int, end: int, position: str = "",
                reasons: list[str] | None = None) -> dict[str, float]:
    """Scores of the part whose heading is ``draft.blocks[start]``, ending before ``end``;
    ``position`` is "first", "last" or ""; ``reasons`` collects the evidence in Chinese."""
    blocks = draft.blocks
    head = blocks[start]
    notes = reasons if reasons is not None else []
    scores = score(head.text, HEADING_WEIGHT)
    if hits := explain(head.text):
        notes.append(f"标题用词：{_hits_text(hits)}")
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
    if sample_text:
        per = 100 / max(len(sample_text), 100)
        reports = len(REPORTS.findall(sample_text))
        orders = len(INSTRUCTIONS.findall(sample_text))
        scores["review"] += min(TENSE_CAP, reports * per * TENSE_WEIGHT * 2)
        scores["tasks"] += min(TENSE_CAP, orders * per * TENSE_WEIGHT)
        if reports or orders:
            notes.append(f"正文语气：陈述已做的 {reports} 处（完成了、增长%、取得……），"
                         f"部署要求 {orders} 处（要、必须、着力……）")
    if position == "first" and scores["review"] > 0:
        scores["review"] += POSITION_WEIGHT
        notes.append("位置：第一部分，多为回顾形势、统一认识")
    elif position == "last" and scores["conduct"] > 0:
        scores["conduct"] += POSITION_WEIGHT
        notes.append("位置：最后一部分，多为作风、组织保障")
    if _ambiguous(scores):
        _word_features(head.text + "\n" + sample_text[:TIE_SAMPLE_CHARS], scores)
        notes.append("得分接近：按分词后的“了”“要”再判断")
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
    """The first block of the closing, or len(blocks).  In a long final run (a speech without
    parts) only the last paragraphs may close it, and a closing word must follow the start:
    同志们！ in the middle of a speech opens a new thought, not the end."""
    blocks = draft.blocks
    i = len(blocks) - 1
    while i >= after and not blocks[i].is_heading:
        i -= 1
    run_start = max(i + 1, after)
    run = len(blocks) - run_start
    earliest = run_start if run <= 6 else len(blocks) - max(3, run // 4)
    for j in range(max(earliest, run_start), len(blocks)):
        if CLOSING_START.match(blocks[j].text):
            tail = "".join(b.text for b in blocks[j:])
            if run <= 6 or CLOSING_WORDS.search(tail):
                return j
    return len(blocks)


def assign_roles(draft: Draft, reports: list[PartReport] | None = None) -> None:
    """Set ``role`` on every block of ``draft`` (keeping roles the user set); with ``reports``,
    collect the evidence behind each part's role."""
    blocks = draft.blocks
    if not blocks:
        return
    opening_end = _opening_end(draft)
    closing = _closing_start(draft, opening_end)
    for i in range(opening_end):
        blocks[i].role = "opening"
    heads = [i for i in range(opening_end, closing) if blocks[i].is_heading]
    top = min((blocks[i].level for i in heads), default=0)
    tops = [i for i in heads if blocks[i].level == top]
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
        position = "first" if tops and i == tops[0] and len(tops) > 1 else \
            "last" if tops and i == tops[-1] and len(tops) > 2 else ""
        reasons: list[str] = []
        scores = part_scores(draft, i, end, position, reasons)
        role = _best(scores)
        if block.role_fixed:
            role = block.role
            reasons.append("由用户指定")
        for j in range(i, end):
            blocks[j].role = role
        if reports is not None:
            reports.append(PartReport(i, role, scores, reasons))
        if role in SCORED_ROLES and not block.role_fixed:  # the writer's part is the writer's whole
            _sub_parts(draft, i, end, role)
        i = end
    for j in range(closing, len(blocks)):
        blocks[j].role = "closing"
    for j, block in enumerate(blocks):  # a role the user set on a paragraph or sub-point
        if block.role_fixed and not (block.is_heading and j in tops):
            for k in range(j, draft.section_end(j)):
                blocks[k].role = block.role


def explain_draft(draft: Draft) -> list[PartReport]:
    """Label ``draft`` again and return the evidence behind each part's role."""
    reports: list[PartReport] = []
    assign_roles(draft, reports)
    return reports


def _sub_parts(draft: Draft, start: int, end: int, role: str) -> None:
    blocks = draft.blocks
    level = blocks[start].level + 1
    for i in range(start + 1, end):
        block = blocks[i]
        if not block.is_heading or block.level != level or block.role_fixed:
            continue
        scores = score(block.text)
        best = _best(scores)
        if best not in ("other", role) and scores[best] >= SUB_MIN and scores[best] > scores[role]:
            for j in range(i, min(draft.section_end(i), end)):
                blocks[j].role = best
