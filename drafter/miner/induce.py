"""Templates induced from a user's own archive: one template per occasion, not per speech.

Speeches are grouped by occasion (the title, the meeting named in the front matter or the
opening, the file name; failing those, the meeting name with its place taken out).  The parts
of the speeches of one occasion are aligned by role on the most common part sequence; what
varies between them becomes a field (place and level words, year, meeting, period) and every
figure a 【】 prompt, so the template renders for any place and parses back.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.levels import LEVELS, TEMPLATE_VARIABLES
from drafter.core.model import Draft
from drafter.miner.skeleton import _GENERIC_CATEGORIES, _GENERIC_GUIDANCE, MinedPart, align, mine_parts
from drafter.miner.scaffolds import heading_sentence

#: (id, occasion name, words that mark it); the first that matches wins, so narrower first.
OCCASIONS = (
    ("zhengfu-baogao", "政府工作报告", ("政府工作报告",)),
    ("senlin-fanghuo", "森林防灭火工作会议", ("森林防火", "防灭火", "森林草原", "森林火灾", "秋防", "春防", "护林防火")),
    ("fangxun", "防汛抗旱工作会议", ("防汛", "抗旱", "防洪")),
    ("anquan-shengchan", "安全生产工作会议", ("安全生产", "安全防范")),
    ("lianzheng", "廉政工作会议", ("廉政", "党风廉政", "警示教育", "纪检监察", "腐败", "不正之风", "作风建设",
                                  "从严治党")),
    ("bannian", "半年工作会议", ("半年工作", "上半年工作", "年中")),
    ("jingji-diaodu", "经济运行调度会", ("经济运行", "调度会", "开门红", "双过半")),
    ("jingji-gongzuo", "经济工作会议", ("经济工作会议", "经济工作会", "高质量发展大会")),
    ("xiangmu", "重点项目观摩推进会", ("观摩", "拉练", "项目建设推进", "集中开工")),
    ("zuotan", "调研座谈会", ("座谈会", "调研")),
    ("zhici", "开幕式、签约仪式、节会致辞", ("致辞", "开幕式", "签约", "文化节", "旅游节")),
    ("lianghui", "学习贯彻“两会”精神会议", ("两会精神", "“两会”精神", "两会”精神")),
    ("shouxin", "节后收心会", ("收心",)),
    ("dongyuan", "专项工作动员会", ("动员大会", "动员会", "誓师", "整改", "乡村振兴", "文明城市",
                                       "创文", "创卫", "专项整治")),
    ("quanti", "政府全体会议", ("全体会议", "全体（扩大）会议", "全体成员会议")),
)

_YEAR = re.compile(r"(?:19|20)\d\d年")
_FIGURE = re.compile(r"[0-9０-９][0-9０-９.．,，%％]*(?:万|亿)?(?:元|个|项|家|人|亩|吨|公里|千米|平方米|户|座|起|次|倍|%|％)?")
_PERIOD = re.compile(r"[一二三四]季度|上半年|下半年|前三季度|1-\d+月")
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,4}(?:省|市|县))(?=委|政府|人民政府)")
_MEETING = re.compile(r"(?:召开|举行|举办)(?:这次|本次|今天的|了)?([^，。；：]{4,40}?(?:会议|大会|会|仪式|典礼|开幕式))")
_STEM_NOISE = re.compile(r"^[0-9_\-]+|[_\-][0-9a-f]{6,}$")


@dataclass
class Speech:
    path: Path
    draft: Draft
    title: str
    occasion_id: str = ""
    occasion_name: str = ""
    parts: list[MinedPart] = field(default_factory=list)


@dataclass
class Induction:
    templates: dict[str, dict]
    notices: list[str]            # occasions with a single speech, left without a template
    groups: dict[str, list[Path]]


def occasion_name(oid: str) -> str:
    return next((name for key, name, _words in OCCASIONS if key == oid), "")


def speech_title(path: Path, draft: Draft) -> str:
    title = draft.title or draft.occasion or _STEM_NOISE.sub("", path.stem)
    return title.strip() or path.stem


def _opening_text(draft: Draft, limit: int = 400) -> str:
    text = ""
    for block in draft.blocks:
        if block.is_heading:
            break
        text += block.text
        if len(text) >= limit:
            break
    return text[:limit]


def meeting_of(draft: Draft) -> str:
    """The meeting a speech was given at: the front matter's, else 今天，我们召开……会议."""
    if draft.occasion:
        return draft.occasion
    found = _MEETING.search(_opening_text(draft))
    return found.group(1) if found else ""


def occasion_of(path: Path, draft: Draft) -> tuple[str, str]:
    """(id, name) of a speech's occasion; the title and meeting count before the opening."""
    for text in (" ".join((draft.title, draft.occasion, path.stem)),
                 meeting_of(draft) + " " + _opening_text(draft)):
        for oid, name, words in OCCASIONS:
            if any(w in text for w in words):
                return oid, name
    meeting = generalise_meeting(meeting_of(draft) or speech_title(path, draft))
    digest = hashlib.sha1(meeting.encode()).hexdigest()[:6]
    return f"mined-{digest}", meeting or "其他讲话"


def generalise_meeting(text: str) -> str:
    """全县安全生产工作会议 → 安全生产工作会议 (the level word and place taken out)."""
    text = _YEAR.sub("", text)
    for level in LEVELS.values():
        text = text.replace(level.whole, "")
    return _PLACE.sub("", text).strip("（）() ")


# ----- turning a speech's text into template text -----------------------------------------
_LEVEL_WORDS = sorted(((getattr(lv, attr), name) for lv in LEVELS.values()
                       for name, attr in TEMPLATE_VARIABLES.items()
                       if attr in ("party", "government", "whole", "ours", "units", "departments")),
                      key=lambda pair: -len(pair[0]))


def generalise(text: str, meeting: str) -> str:
    """A sentence of one speech as template text: its meeting, level words and year become
    fields, its figures 【】 prompts."""
    text = text.replace("{", "｛").replace("}", "｝").replace("\x00", "")
    if meeting and meeting in text:
        text = text.replace(meeting, "\x00meeting\x00")
    for word, name in _LEVEL_WORDS:
        text = text.replace(word, f"\x00{name}\x00")
    text = _PLACE.sub("\x00place\x00", text)
    text = _YEAR.sub("\x00year\x00", text)
    text = _FIGURE.sub("【数字】", text)
    text = re.sub(r"(【数字】[^，。；【]{0,3})+【数字】", "【数字】", text)
    return re.sub("\x00([a-z_]+)\x00", r"{{ \1 }}", text)


_PLACEHOLDER = re.compile(r"[*＊]{2,}|[XＸ×]{2,}")


def _first_sentence(text: str, limit: int = 80) -> str:
    """The first sentence; a long one cut after a clause and left open (……) for the writer."""
    cut = next((i + 1 for i, ch in enumerate(text) if ch in "。！？；"), len(text))
    sentence = text[:cut]
    if _PLACEHOLDER.search(sentence):
        return ""
    if len(sentence) <= limit:
        return sentence
    stop = sentence.rfind("，", 0, limit)
    return sentence[:stop] + "……" if stop > 8 else ""


# ----- one template per occasion ----------------------------------------------------------
def _representative(speeches: list[Speech]) -> Speech:
    """The speech whose part sequence is the most common (ties: more parts, then by name)."""
    counts = Counter(tuple(p.role for p in s.parts) for s in speeches)
    return sorted(speeches, key=lambda s: (-counts[tuple(p.role for p in s.parts)],
                                          -len(s.parts), s.path.name))[0]


def _section_paragraph(draft: Draft, index: int, meeting: str) -> str:
    block = draft.blocks[index]
    body = block.body
    if not body and index + 1 < len(draft.blocks) and not draft.blocks[index + 1].is_heading:
        body = draft.blocks[index + 1].text
    topic = generalise(heading_sentence(block.text)[:16], meeting)
    start = generalise(_first_sentence(body), meeting) if body else ""
    return start + f"【{topic}：具体措施和数据】"


def _top_indices(draft: Draft) -> list[int]:
    top = min((b.level for b in draft.blocks if b.is_heading), default=1)
    return [i for i, b in enumerate(draft.blocks) if b.is_heading and b.level == top]


def template_for(oid: str, name: str, speeches: list[Speech], titles: dict[str, str]) -> dict:
    rep = _representative(speeches)
    meetings = Counter(meeting_of(s.draft) for s in speeches if meeting_of(s.draft))
    meeting = meetings.most_common(1)[0][0] if meetings else ""
    shared = bool(meetings) and meetings.most_common(1)[0][1] >= 2
    aligned = [align([{"role": p.role} for p in rep.parts], s.parts) for s in speeches]
    tops = _top_indices(rep.draft)
    top_pos = 0
    parts = []
    for k, part in enumerate(rep.parts):
        examples: list[str] = []
        for row in aligned:
            match = row[k]
            for text in ([match.heading] if match and match.heading else []) + (match.subheadings if match else []):
                if text and text not in examples:
                    examples.append(text)
        out: dict = {"role": part.role}
        if part.heading:
            index = tops[top_pos]
            top_pos += 1
            out["heading"] = generalise(part.heading, meeting)
            out["guidance"] = _GENERIC_GUIDANCE.get(part.role) or "按语料中同类讲话的这一部分写。"
            out["examples"] = examples
            body = rep.draft.blocks[index].body
            out["paragraphs"] = [(generalise(_first_sentence(body), meeting) if body else "")
                                 + f"【{generalise(heading_sentence(part.heading)[:20], meeting)}：要点和数据】"]
            kids = rep.draft.children(index)
            if kids:
                out["sections"] = [{"heading": generalise(heading_sentence(rep.draft.blocks[i].text), meeting) + "。",
                                    "paragraphs": [_section_paragraph(rep.draft, i, meeting)]}
                                   for i in kids]
        else:
            out["guidance"] = _GENERIC_GUIDANCE.get(part.role, "")
            out["paragraphs"] = _edge_paragraphs(rep.draft, part.role, meeting)
        out["phrase_categories"] = _GENERIC_CATEGORIES.get(part.role, [])
        parts.append({key: v for key, v in out.items() if v not in ("", [], None)})
    levels = sorted({b.level for b in rep.draft.blocks if b.is_heading} | {1})
    # the meeting the speeches share (held every year), else the occasion's generic name
    default = generalise(meeting, "") if shared else f"{{{{ lv_whole }}}}{name.split('、')[0]}"
    fields = [{"key": "meeting", "default": default}]
    periods = Counter(m.group(0) for s in speeches for m in _PERIOD.finditer(_opening_text(s.draft)))
    if len(periods) > 1:
        fields.append({"key": "period", "label": "时段", "default": periods.most_common(1)[0][0]})
    return {
        "id": oid,
        "name": f"{name}讲话（由 {len(speeches)} 篇讲话归纳）",
        "occasion": name,
        "title": "{{ speaker }}在{{ meeting }}上的讲话",
        "speaker": "{{ speaker }}",
        "date": "{{ date }}",
        "salutation": rep.draft.salutation or "同志们：",
        "fields": fields,
        "numbering": {lv: rep.draft.numbering[lv] for lv in levels if lv in rep.draft.numbering},
        "parts": parts,
        "sources": [f"{s.path.name}《{titles.get(s.path.name) or s.title}》" for s in speeches],
    }


def _meeting_sentence(text: str) -> str:
    found = _MEETING.search(text)
    start = max(text.rfind(ch, 0, found.start()) for ch in "。！？；") + 1
    return _first_sentence(text[start:], 90)


def _edge_paragraphs(draft: Draft, role: str, meeting: str) -> list[str]:
    blocks = [b for b in draft.blocks if not b.is_heading and b.role == role]
    if role == "opening":  # the sentence naming the meeting; the rest is this year's news
        blocks = [b for b in blocks[:3] if _MEETING.search(b.text)][:1]
        prompt = "【会前议程和本次会议的主要任务】下面，我讲{{ parts_count }}点意见。"
        text = []
        for b in blocks:
            sentence = _meeting_sentence(b.text)
            found = _MEETING.search(sentence)
            text.append(generalise(sentence, found.group(1) if found else meeting))
        if not any(p.heading for p in mine_parts(draft)):
            prompt = prompt.replace("{{ parts_count }}", "几")
        return [t for t in text if t] + [prompt]
    else:
        blocks = blocks[-1:]
        prompt = "【结束语：发出号召】"
    text = [generalise(_first_sentence(b.text, 90), meeting) for b in blocks if b.text]
    return [t for t in text if t] + [prompt]


def _bigrams(speech: Speech) -> set[str]:
    text = "".join(generalise_meeting(p.heading) for p in speech.parts if p.heading)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _group_by_structure(unknown: list[Speech], threshold: float = 0.5) -> None:
    """Speeches no title word places: those whose top-level headings share most of their
    wording (the same meeting held another year) join one occasion."""
    grams = [_bigrams(s) for s in unknown]
    for i, speech in enumerate(unknown):
        for j in range(i):
            union = grams[i] | grams[j]
            if union and len(grams[i] & grams[j]) / len(union) >= threshold:
                speech.occasion_id = unknown[j].occasion_id
                speech.occasion_name = unknown[j].occasion_name
                break


def induce(corpus: list[tuple[Path, Draft]], titles: dict[str, str] | None = None,
           only: str | None = None) -> Induction:
    """One template per occasion with two or more speeches; a notice for each occasion with one."""
    speeches = []
    for path, draft in corpus:
        speech = Speech(path, draft, speech_title(path, draft))
        speech.occasion_id, speech.occasion_name = occasion_of(path, draft)
        speech.parts = mine_parts(draft)
        speeches.append(speech)
    _group_by_structure([s for s in speeches if s.occasion_id.startswith("mined-")])
    groups: dict[str, list[Speech]] = {}
    for speech in sorted(speeches, key=lambda s: s.path.name):
        if only and only not in (speech.occasion_id, speech.occasion_name) and \
                not (only in speech.occasion_name):
            continue
        groups.setdefault(speech.occasion_id, []).append(speech)
    templates: dict[str, dict] = {}
    notices = []
    for oid, members in sorted(groups.items()):
        name = members[0].occasion_name
        if len(members) < 2:
            notices.append(f"{members[0].path}：“{name}”类只有这一篇讲话，至少要两篇同类讲话才能归纳模板，已跳过")
            continue
        templates[oid] = template_for(oid, name, members, titles or {})
    return Induction(templates, notices, {k: [s.path for s in v] for k, v in groups.items()})
