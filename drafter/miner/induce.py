"""Templates induced from a user's own archive: one template per occasion, not per speech.

Speeches are grouped by occasion (the title, the meeting named in the front matter or the
opening, the file name; failing those, the meeting name with its place taken out).  The parts
of the speeches of one occasion are aligned by role on the most common part sequence; what
varies between them becomes a field (place and level words, year, meeting, period) and every
figure a 【】 prompt, so the template renders for any place and parses back.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.levels import LEVELS, TEMPLATE_VARIABLES, Level
from drafter.core.model import Draft
from drafter.miner.scaffolds import heading_sentence
from drafter.miner.skeleton import _GENERIC_CATEGORIES, _GENERIC_GUIDANCE, MinedPart, align, mine_parts
from drafter.miner.text import clean

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


def speech_text(draft: Draft) -> str:
    return "".join(b.text + b.body for b in draft.blocks)


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
_OWN_ATTRIBUTES = ("party", "government", "congress", "cppcc", "whole", "ours", "units",
                   "departments", "leaders")
_VARIABLE = {attr: name for name, attr in TEMPLATE_VARIABLES.items()}
#: offices a speech names by its level's one-character name (省安委会, 县人民政府, 市纪委).
_ORGANS = ("人民政府", "安委会", "纪委监委", "纪委", "监委", "委办", "政府办", "人大", "政协")


def level_of_text(text: str) -> Level | None:
    """The level a speech speaks for: the one whose 全X/我X it says most (全县、我县 → 县)."""
    # lowest level first, so that 全区 (a district's and an autonomous region's) goes to 区
    counts = Counter({lv.key: text.count(lv.whole) + text.count(lv.ours)
                      for lv in sorted(LEVELS.values(), key=lambda lv: -lv.rank)})
    key, count = counts.most_common(1)[0]
    return LEVELS[key] if count else None


@functools.lru_cache(maxsize=64)
def _replacements(key: str | None) -> tuple[tuple[str, str], ...]:
    """(word, variable) pairs, longest word first, for a speech of level ``key``: its own words
    become its level's variables, the level above's 市委/市政府 the upper level's; with no level
    known, every level's words are taken for the speech's own."""
    pairs: dict[str, str] = {}
    # a speech's own level and its kind (区 and 旗 speak like 县): 区委 in a county's archive is its own
    own = sorted((lv for lv in LEVELS.values() if not key or lv.rank == LEVELS[key].rank),
                 key=lambda lv: lv.key != key)
    for level in own:
        for attr in _OWN_ATTRIBUTES:
            pairs.setdefault(getattr(level, attr), _VARIABLE[attr])
        for organ in _ORGANS:
            pairs.setdefault(level.key + organ, "lv_key\x01" + organ)
    if key:
        level = LEVELS[key]
        above = next((lv for lv in LEVELS.values() if lv.party == level.upper_party), None)
        pairs.setdefault(level.upper_party, "lv_upper_party")
        pairs.setdefault(level.upper_government, "lv_upper_gov")
        if above is not None:
            pairs.setdefault(above.key + "人民政府", "lv_upper_gov")
            pairs.setdefault(above.government, "lv_upper_gov")
    return tuple(sorted(pairs.items(), key=lambda pair: -len(pair[0])))


#: 各市县（区）, 各县区, 各乡镇: the units one level down, however a speech spells them.
_UNIT = r"(?:[市州盟县区旗乡镇]|街道|苏木)"
_UNITS = re.compile(rf"各({_UNIT}{{2,}}(?:（[市州盟县区旗乡镇街道、]+）)?|{_UNIT}（[市州盟县区旗乡镇街道、]+）)")  # not 各区域
_UNIT_RANK = {"市": 2, "州": 2, "盟": 2, "县": 3, "区": 3, "旗": 3, "乡": 4, "镇": 4, "街": 4, "苏": 4}


def generalise(text: str, meeting: str, level: Level | None = None) -> str:
    """A sentence of one speech as template text: its meeting, level words and year become
    fields, its figures 【】 prompts.  ``level`` is the speech's own (found from the text when
    not given): 县人民政府 in a county's speech is {{ lv_key }}人民政府, its 市委 the level above."""
    text = clean(text)  # 今天,我们召开 → 今天，我们召开: a web copy's ASCII commas made full-width
    text = text.replace("{", "｛").replace("}", "｝").replace("\x00", "").replace("\x01", "")
    if level is None:
        level = level_of_text(text)
    if meeting and meeting in text:
        text = text.replace(meeting, "\x00meeting\x00")
    if level is not None:
        text = _UNITS.sub(lambda m: "\x00lv_units\x00" if max(_UNIT_RANK.get(ch, 0) for ch in m.group(1))
                          >= level.rank else m.group(0), text)  # 各市县（区）: the units below (a county never lists its peers)
    for word, name in _replacements(level.key if level else None):
        variable, _sep, organ = name.partition("\x01")
        text = text.replace(word, f"\x00{variable}\x00{organ}")
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


def _section_paragraph(draft: Draft, index: int, meeting: str, level: Level | None) -> str:
    block = draft.blocks[index]
    body = block.body
    if not body and index + 1 < len(draft.blocks) and not draft.blocks[index + 1].is_heading:
        body = draft.blocks[index + 1].text
    topic = generalise(heading_sentence(block.text)[:16], meeting, level)
    start = generalise(_first_sentence(body), meeting, level) if body else ""
    return start + f"【{topic}：具体措施和数据】"


def _top_indices(draft: Draft) -> list[int]:
    top = min((b.level for b in draft.blocks if b.is_heading), default=1)
    return [i for i, b in enumerate(draft.blocks) if b.is_heading and b.level == top]


def template_for(oid: str, name: str, speeches: list[Speech], titles: dict[str, str]) -> dict:
    rep = _representative(speeches)
    level = level_of_text(speech_text(rep.draft))
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
            out["heading"] = generalise(part.heading, meeting, level)
            out["guidance"] = _GENERIC_GUIDANCE.get(part.role) or "按语料中同类讲话的这一部分写。"
            out["examples"] = examples
            body = rep.draft.blocks[index].body
            out["paragraphs"] = [(generalise(_first_sentence(body), meeting, level) if body else "")
                                 + f"【{generalise(heading_sentence(part.heading)[:20], meeting, level)}：要点和数据】"]
            kids = rep.draft.children(index)
            if kids:
                out["sections"] = [{"heading": generalise(heading_sentence(rep.draft.blocks[i].text), meeting, level) + "。",
                                    "paragraphs": [_section_paragraph(rep.draft, i, meeting, level)]}
                                   for i in kids]
        else:
            out["guidance"] = _GENERIC_GUIDANCE.get(part.role, "")
            out["paragraphs"] = _edge_paragraphs(rep.draft, part.role, meeting, level)
        out["phrase_categories"] = _GENERIC_CATEGORIES.get(part.role, [])
        parts.append({key: v for key, v in out.items() if v not in ("", [], None)})
    parts, borrowed_fields, borrowed_numbering = complete(oid, name, parts)
    levels = sorted({b.level for b in rep.draft.blocks if b.is_heading} | {1})
    # the meeting the speeches share (held every year), else the occasion's generic name
    default = generalise(meeting, "", level) if shared else f"{{{{ lv_whole }}}}{name.split('、')[0]}"
    fields = [{"key": "meeting", "default": default}]
    periods = Counter(m.group(0) for s in speeches for m in _PERIOD.finditer(_opening_text(s.draft)))
    if len(periods) > 1:
        fields.append({"key": "period", "label": "时段", "default": periods.most_common(1)[0][0]})
    fields += [f for f in borrowed_fields if f["key"] not in {g["key"] for g in fields}]
    numbering = {lv: rep.draft.numbering[lv] for lv in levels if lv in rep.draft.numbering}
    for lv, style in borrowed_numbering.items():
        numbering.setdefault(lv, style)
    return {
        "id": oid,
        "name": f"{name}讲话（由 {len(speeches)} 篇讲话归纳）",
        "occasion": name,
        "title": "{{ speaker }}在{{ meeting }}上的讲话",
        "speaker": "{{ speaker }}",
        "date": "{{ date }}",
        "salutation": rep.draft.salutation or "同志们：",
        "fields": fields,
        "numbering": dict(sorted(numbering.items())),
        "parts": parts,
        "sources": [f"{s.path.name}《{titles.get(s.path.name) or s.title}》" for s in speeches],
    }


# ----- parts the archive does not show ------------------------------------------------------
#: the shipped template of each occasion, where its id differs from the occasion's.
SHIPPED = {"zhengfu-baogao": "zhengfu-gongzuo-baogao", "lianzheng": "quanti-lianzheng",
           "bannian": "bannian-gongzuo", "xiangmu": "xiangmu-guanmo", "zuotan": "diaoyan-zuotan",
           "lianghui": "lianghui-luoshi", "shouxin": "jiehou-shouxin", "dongyuan": "zhuanxiang-dongyuan"}
BORROWED = "（您的讲话稿里没有这一部分，按内置的同类模板补上，请按本地情况改写）"
#: a speech's parts in order, and the part a template needs where the archive shows none of a
#: role and no shipped template covers the occasion: a heading, starter text and 【】 prompts.
ROLE_ORDER = ("opening", "review", "tasks", "conduct", "closing")
GENERIC_PARTS = {
    "review": {"heading": "回顾工作，认清形势",
               "paragraphs": ["过去一段时间，{{ lv_whole }}上下【主要工作和取得的成绩，用数据说话】。",
                              "同时也要清醒看到，【存在的突出问题和面临的形势】。"]},
    "tasks": {"heading": "突出重点，扎实抓好各项工作",
              "paragraphs": ["要紧紧围绕【本次会议部署的中心任务】，重点抓好以下工作：【重点任务，每项一个小标题】。"]},
    "conduct": {"heading": "加强领导，确保各项任务落到实处",
                "paragraphs": ["{{ lv_units }}、{{ lv_depts }}要【组织领导、责任分工和督查考核的具体要求】。"]},
    "closing": {"paragraphs": ["同志们，【结束语：重申任务，发出号召】！"]},
}
_FIELD_USE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)")


def _shipped(oid: str) -> dict | None:
    from drafter.core import paths as core_paths
    from drafter.core.yamlio import load_yaml
    path = core_paths.package_root() / "templates" / f"{SHIPPED.get(oid, oid)}.yaml"
    if not path.is_file():
        return None
    data, _lines = load_yaml(path)
    return data if isinstance(data, dict) else None


def complete(oid: str, name: str, parts: list[dict]) -> tuple[list[dict], list[dict], dict]:
    """The induced parts, and for each role of a speech the archive's speeches do not show (they
    are often openings only) the shipped template's part of that occasion, else a generic one:
    every part a secretary gets has its heading, starter text and 【】 prompts.  Returns the
    parts, the shipped template's fields those parts use, and its numbering."""
    have = {p["role"] for p in parts}
    shipped = _shipped(oid)
    if shipped is not None:
        extra = [dict(p) for p in shipped.get("parts") or [] if p.get("role") not in have]
        order = [p.get("role") for p in shipped.get("parts") or []]
    else:
        roles = ROLE_ORDER if oid != "zhici" else ("opening", "closing")
        extra = [{"role": role, **GENERIC_PARTS[role]} for role in roles
                 if role not in have and role in GENERIC_PARTS]
        order = list(ROLE_ORDER)
    for part in extra:
        part.pop("examples", None)
        part["guidance"] = BORROWED + (part.get("guidance") or _GENERIC_GUIDANCE.get(part["role"], ""))
        part.setdefault("phrase_categories", _GENERIC_CATEGORIES.get(part["role"], []))
    rank = {role: k for k, role in enumerate(order)}
    merged = sorted(parts + extra, key=lambda p: rank.get(p["role"], len(rank)))  # stable: archive order kept
    used = {m.group(1) for p in extra for m in _FIELD_USE.finditer(repr(p))}
    fields = []
    for spec in (shipped or {}).get("fields") or []:
        if spec.get("key") in used:
            spec = dict(spec)
            if spec.pop("required", False) and not spec.get("default"):
                # the archive never named it: a 【】 prompt the check reports, not a question the
                # user of an induced template cannot answer before seeing the draft
                spec["default"] = f"【{(spec.get('label') or spec['key']).split('（')[0]}】"
            fields.append(spec)
    numbering = {int(k): v for k, v in ((shipped or {}).get("numbering") or {}).items()} if extra else {}
    if not any(p.get("heading") for p in merged):
        numbering = {}
    return merged, fields, numbering


def _meeting_sentence(text: str) -> str:
    found = _MEETING.search(text)
    start = max(text.rfind(ch, 0, found.start()) for ch in "。！？；") + 1
    return _first_sentence(text[start:], 90)


def _edge_paragraphs(draft: Draft, role: str, meeting: str, level: Level | None) -> list[str]:
    blocks = [b for b in draft.blocks if not b.is_heading and b.role == role]
    if role == "opening":  # the sentence naming the meeting; the rest is this year's news
        blocks = [b for b in blocks[:3] if _MEETING.search(b.text)][:1]
        prompt = "【会前议程和本次会议的主要任务】下面，我讲{{ parts_count }}点意见。"
        text = []
        for b in blocks:
            sentence = _meeting_sentence(b.text)
            found = _MEETING.search(sentence)
            text.append(generalise(sentence, found.group(1) if found else meeting, level))
        if not any(p.heading for p in mine_parts(draft)):
            prompt = prompt.replace("{{ parts_count }}", "几")
        return [t for t in text if t] + [prompt]
    else:
        blocks = blocks[-1:]
        prompt = "【结束语：发出号召】"
    text = [generalise(_first_sentence(b.text, 90), meeting, level) for b in blocks if b.text]
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
