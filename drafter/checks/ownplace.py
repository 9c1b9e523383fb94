"""The draft's own place and level: from ``--place``, the draft's fields, its title, meeting
line or speaker, else from the level words its text uses most (全县/我县 …).

The level decides which words are the draft's own (全县, 县委, 各乡镇 for a county); the place,
when it is found in the division data, also decides which place names lie inside the draft's
own area (its towns, its superior city and province)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.checks.divisions import COUNTY, PREFECTURE, PROVINCE, TOWNSHIP, Division, Divisions

#: Draft fields that may name its place (the first non-empty one wins).
PLACE_FIELDS = ("place", "city", "county", "城市", "地区", "地名", "单位", "unit", "org")
#: The wording key of a place by its ending (自治区 before 区; 街道 speaks as a 镇).
KEY_BY_ENDING = (("自治区", "自治区"), ("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"), ("地区", "市"),
                 ("街道", "镇"), ("苏木", "镇"), ("省", "省"), ("市", "市"), ("州", "州"), ("盟", "盟"),
                 ("县", "县"), ("区", "区"), ("旗", "旗"), ("镇", "镇"), ("乡", "乡"))
#: The usual rank of a wording key (0 the nation … 4 a township).
KEY_RANK = {"国": 0, "省": PROVINCE, "自治区": PROVINCE, "市": PREFECTURE, "州": PREFECTURE, "盟": PREFECTURE,
            "县": COUNTY, "区": COUNTY, "旗": COUNTY, "镇": TOWNSHIP, "乡": TOWNSHIP}
_NAME = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:自治区|自治州|自治县|自治旗|地区|街道|苏木|[省市州盟县区旗镇乡])")
#: 全县/县委 in a title or meeting line: the meeting is the county's.
_TITLE_LEVEL = re.compile(r"(?:全|我|本)(省|自治区|市|州|盟|县|区|旗|镇|乡)|(国务院常务会议|中央经济工作会议)"
                          r"|(?<![\u4e00-\u9fff])(省|市|州|县|区|旗)(?:委|政府|人大|政协)")
_DEPARTMENT = re.compile(r"(省|自治区|市|州|盟|县|区|旗|镇|乡)[\u4e00-\u9fff]{1,12}(?:局|委|办|厅|部|中心|院|所|站|队|处|科)")
_SPEAKER_LEVEL = re.compile(r"(省|市|州|盟|县|区|旗|镇|乡)(?:委|长|政府|党委)")
_TEXT_WORDS = re.compile(r"(?<![安健完齐周保成求顾])[全我本](省|市|州|县|区|旗|镇|乡)(?![场域块])")


#: 临江县 in 在临江县2025年……会议上的讲话 / 临江县政府工作报告: a name at the start of a title or
#: after 在, two to four characters and a place's ending, before a year, a word or the end.
_TITLE_PLACE = re.compile(r"(?:^|在|于)([\u4e00-\u9fff]{2,4}?(?:自治县|县|市|区|旗|盟))(?=[0-9０-９\u4e00-\u9fff]|$)")

#: A two-character name starting with one of these is more likely words (乡镇和县直部门: not 和县).
_FUNCTION_CHARS = set("和与及各全本我该每两其此这那在向对为是从把被让给由于")


@dataclass
class OwnPlace:
    """``name`` the place (临江县; None when only the level is known), ``key`` its wording
    (县: 全县/县委), ``rank`` 0 nation … 4 township, ``division`` its entry in the division data
    (None when not there), ``chain`` the divisions the given place string names (广州市南沙区 →
    广州市, 南沙区), ``how`` where it was found, for messages, ``sure`` False when guessed from
    the text's own words."""

    name: str | None
    key: str
    rank: int
    how: str
    division: Division | None = None
    chain: list[Division] = field(default_factory=list)
    sure: bool = True

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        return {"国": "全国", "自治区": "自治区级"}.get(self.key, f"{self.key}级")


def key_of(name: str) -> str | None:
    for ending, key in KEY_BY_ENDING:
        if name.endswith(ending) and len(name) > len(ending):
            return key
    return None


def _chain(value: str, divisions: Divisions | None) -> list[Division]:
    """The divisions named one after another in ``value`` (吉林省白山市临江市), each inside the one before."""
    if divisions is None:
        return []
    found: list[Division] = []
    i = 0
    while i < len(value):
        match = None
        for k in range(min(divisions.longest, len(value) - i), 1, -1):
            candidates = divisions.by_name.get(value[i:i + k])
            if candidates:
                match = candidates
                break
        if match is None:
            i += 1
            continue
        best = match[0]
        if found:
            inside = [d for d in match if divisions.within(d.code, found[-1].code)]
            best = inside[0] if inside else best
        found.append(best)
        i += len(best.name)
    return found


def from_value(value: str, how: str, divisions: Divisions | None) -> OwnPlace | None:
    """The place a --place value or a field names (临江县; 广州市南沙区; 县级 alone gives the level)."""
    value = (value or "").strip()
    if not value:
        return None
    chain = _chain(value, divisions)
    if chain:
        own = chain[-1]
        key = key_of(own.name) or "县"
        if own.level == PREFECTURE and own.name.endswith("地区"):
            key = "市"
        return OwnPlace(own.name, key, own.level, how, own, chain)
    for part in re.split(r"[，,、；;\s]+", value):
        m = _NAME.search(part)
        if m:
            key = key_of(m.group(0))
            if key:
                return OwnPlace(m.group(0), key, KEY_RANK[key], how)
    m = re.fullmatch(r"(国|省|自治区|市|州|盟|县|区|旗|镇|乡)级?", value)
    if m:
        return OwnPlace(None, m.group(1), KEY_RANK[m.group(1)], how)
    # a department speaks in its government's words: 市教育局 → 全市, 县应急管理局 → 全县
    m = _DEPARTMENT.fullmatch(value)
    if m:
        return OwnPlace(None, m.group(1), KEY_RANK[m.group(1)], f"{how}（{m.group(1)}级部门）")
    return None


def _from_title(text: str, how: str, divisions: Divisions | None) -> OwnPlace | None:
    if not text:
        return None
    text = re.sub(r"[“\"「『][^”\"」』]*[”\"」』]", "", text)  # a slogan in quotes names no place of the speech
    if divisions is not None:
        for m in re.finditer(r"[\u4e00-\u9fff]+", text):
            chain = _chain(m.group(0), divisions)
            # a township name alone in a title is more likely a word (振兴乡) than the place
            while chain and chain[-1].level == TOWNSHIP and (len(chain) == 1 or chain[-2].level != COUNTY):
                chain.pop()
            if chain:
                own = chain[-1]
                return OwnPlace(own.name, key_of(own.name) or "县", own.level, how, own, chain)
    m = _TITLE_LEVEL.search(text)
    if m:
        key = "国" if m.group(2) else (m.group(1) or m.group(3))
        return OwnPlace(None, key, KEY_RANK[key], how)
    # a place the division data does not hold (临江县 in trials and templates): named where a
    # title names its place — at the start or after 在 — and ending like one
    m = _TITLE_PLACE.search(text)
    if m and m.group(1)[0] not in _FUNCTION_CHARS:
        key = key_of(m.group(1))
        if key:
            return OwnPlace(m.group(1), key, KEY_RANK[key], how)
    return None


def own_place(draft, place: str | None, divisions: Divisions | None) -> OwnPlace | None:
    """The draft's own place and level, or None when nothing tells."""
    if place:
        found = from_value(place, "--place", divisions)
        if found:
            return found
    for key in PLACE_FIELDS:
        found = from_value(draft.fields.get(key, ""), f"草稿字段“{key}”", divisions)
        if found:
            return found
    given = draft.fields.get("level", "")
    if given:
        found = from_value(given.replace("级", ""), "草稿字段“level”", divisions)
        if found:
            return found
    found = None
    for text, how in ((draft.title, "标题"), (draft.occasion, "会议名称")):
        found = _from_title(text, how, divisions)
        if found:
            break
    if found is None:
        m = _SPEAKER_LEVEL.search(f"{draft.fields.get('speaker_role', '')} {draft.speaker or ''}")
        if m:
            found = OwnPlace(None, m.group(1), KEY_RANK[m.group(1)], "讲话人职务")
    words = _from_text(draft)
    ours = _ours(draft)
    if found is not None and found.division is None and found.name is None and ours and ours[0] != found.key:
        # 在全市……会议上的交流发言 by a county: the speaker's own 我县 tells whose speech it is
        found = OwnPlace(None, ours[0], KEY_RANK[ours[0]], f"正文自称“我{ours[0]}”（{ours[1]} 处）")
    if found is None:
        found = words
    elif words is not None and words.rank > found.rank and found.division is not None:
        # 在福建省南靖……上的讲话 with 我县/全县 throughout: the speech is a county's in that province
        found = OwnPlace(None, words.key, words.rank, f"{found.how}与{words.how}", sure=words.sure,
                         chain=found.chain)
    if found is not None and found.name is None and divisions is not None:
        named = _name_from_text(draft, found, divisions)
        if named is not None:
            found = named
    return found


def _name_from_text(draft, own: OwnPlace, divisions: Divisions) -> OwnPlace | None:
    """The draft's place when its level is known: the division of that level its text names
    most (at least twice, or once inside the area its title names: 南靖县 in 福建省)."""
    counts: Counter[str] = Counter()
    area = own.chain[-1].code if own.chain else None
    for block in draft.blocks:
        text = block.text + block.body
        for i, ch in enumerate(text):
            if ch != own.key[-1]:
                continue
            for k in range(min(divisions.longest, i + 1), 1, -1):
                name = text[i + 1 - k:i + 1]
                if name in divisions.by_name and (k > 2 or name[0] not in _FUNCTION_CHARS):
                    counts[name] += 1
                    break
    for name, n in counts.most_common():
        candidates = [d for d in divisions.by_name[name] if d.level == own.rank or KEY_RANK.get(key_of(name) or "") == own.rank]
        if area is not None:
            candidates = [d for d in candidates if divisions.within(d.code, area)]
        if candidates and (n >= 2 or area is not None):
            d = candidates[0]
            return OwnPlace(d.name, own.key, own.rank, f"{own.how}，正文提到的{d.name}", d,
                            [*divisions.ancestors(d.code)[::-1], d], sure=own.sure)
        if n < 2:
            break
    return None


def _ours(draft) -> tuple[str, int] | None:
    """The level the text calls its own (我县 / 本县) when it names only one, at least twice."""
    counts: Counter[str] = Counter()
    for block in draft.blocks:
        for m in re.finditer(r"(?<![自忘你敌唯非])我(市|州|县|区|旗|镇|乡)(?![场])", block.text + block.body):
            counts[m.group(1)] += 1
    if len(counts) == 1:
        key, n = counts.most_common(1)[0]
        if n >= 2:
            return key, n
    return None


def _from_text(draft) -> OwnPlace | None:
    """The level most 全X/我X/本X words of the text point to, when one clearly leads."""
    counts: Counter[str] = Counter()
    for block in draft.blocks:
        for m in _TEXT_WORDS.finditer(block.text + block.body):
            counts[m.group(1)] += 1
    if not counts:
        return None
    (key, top), *rest = counts.most_common()
    if key == "省" and rest:
        # a city or county speech names its province often (全省第三); look at the next level down
        lower = [(k, n) for k, n in rest if KEY_RANK[k] > KEY_RANK["省"]]
        if lower and lower[0][1] >= 3:
            key, top = lower[0]
            rest = [(k, n) for k, n in counts.most_common() if k != key]
    rivals = [n for k, n in rest if KEY_RANK.get(k, 9) >= KEY_RANK.get(key, 9)]
    if top < 3 or any(n * 3 > top for n in rivals):
        return None
    return OwnPlace(None, key, KEY_RANK[key], f"正文多用“全{key}/我{key}”（{top} 处）", sure=False)
