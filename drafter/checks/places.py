"""Leftovers from another place's speech: words of another level (``wording``: 全市上下 in a
county's draft) and names of places that are not the draft's own (广州市南沙区 in 临江县's).

Place names are looked up in the administrative-division data (``divisions``: every province,
prefecture, county and township, with its parent).  A name inside the draft's own area (its
towns) or above it (its city and province) is right; another place's name is reported — as a
note only where the sentence plainly speaks of somewhere else (学习借鉴、对口支援、赴……考察).
Without the data, or without knowing the draft's place, the part that needs it is skipped and
the report says so."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.checks import divisions as division_data
from drafter.checks import wording
from drafter.checks.base import ERROR, INFO, WARNING, Finding, around, content, skipped
from drafter.checks.divisions import COUNTY, PREFECTURE, PROVINCE, TOWNSHIP, Division, Divisions
from drafter.checks.ownplace import KEY_RANK, OwnPlace, key_of, own_place
from drafter.checks.rules import Rules, load_rules
from drafter.core.errors import DrafterError

#: A sentence that speaks of another place on purpose: learning from it, helping it, travelling
#: to it, trading or building with it, bordering it.
_ELSEWHERE = re.compile(
    r"学习|借鉴|考察|对口|帮扶|协作|支援|援建|援助|结对|兄弟|赴|前往|调研|参观|观摩|对标|看齐|追赶|比学|"
    r"接壤|毗邻|相邻|交界|来自|签约|落户|引进|飞地|等地|等市|等县|等省|事件|事故|教训|警示|通报|"
    r"案件|一案|违纪|违法|查处|落马|审查调查|灾害|暴雨|火灾|爆炸|坍塌|洪水|地震|"
    r"总书记|工作期间|视察|经验|做法|模式|试点|示范|相比|对比|比较|超过|落后|低于|高于|差距|排在|紧随")
#: Right before a name: 与广州市合作, 赴南沙区, 到北京市.
_TOWARDS = "与同赴到至从往向和及比较像如"
_SENTENCE_END = "。！？；"
#: A name's ending that is the first character of the next word: 开拓上海市场, 区块链.
_NOT_AFTER = {"市": "场值", "区": "块间"}


@dataclass
class Mention:
    block: int
    start: int
    end: int
    chain: list[list[Division]]  # candidates of each name in a run (广州市 + 南沙区)


def _ambiguous(name: str, ignore: set[str]) -> bool:
    """Names that are mostly words: 城区, 矿区, 新城区 (also districts of 阳泉、西安 …), 杨镇."""
    if name in ignore:
        return True
    return len(name) <= 2


def _extra_names(names: frozenset[str]) -> dict[str, list[Division]]:
    """Place names a rules file adds (``names``), as divisions of the level their ending shows."""
    extra: dict[str, list[Division]] = {}
    for name in names:
        key = key_of(name)
        if key and len(name) >= 3:
            extra[name] = [Division("", "", name, max(1, KEY_RANK[key]))]
    return extra


def find_names(draft, divisions: Divisions, ignore: set[str], names: frozenset[str] = frozenset()) -> list[Mention]:
    """Every run of division names (and of the rules' extra ``names``) in the text, longest names first."""
    found = []
    extra = _extra_names(names)
    endings = divisions.endings | {n[-1] for n in extra}
    longest = max([divisions.longest, *map(len, extra)])
    by_name = {**divisions.by_name, **extra} if extra else divisions.by_name
    for index in range(len(draft.blocks)):
        text = content(draft, index)
        runs: list[Mention] = []
        i = len(text) - 1
        while i >= 1:
            if text[i] not in endings:
                i -= 1
                continue
            if text[i + 1:i + 2] in _NOT_AFTER.get(text[i], ""):
                i -= 1
                continue  # 上海市场, 区块链: the ending belongs to the next word
            hit = None
            for k in range(min(longest, i + 1), 1, -1):
                name = text[i + 1 - k:i + 1]
                if name in by_name and not _ambiguous(name, ignore):
                    hit = name
                    break
            if hit is None:
                i -= 1
                continue
            start = i + 1 - len(hit)
            if runs and runs[0].start == i + 1:
                runs[0].start = start
                runs[0].chain.insert(0, by_name[hit])
            else:
                runs.insert(0, Mention(index, start, i + 1, [by_name[hit]]))
            i = start - 1
        found += runs
    return found


def check(draft, options, rules: Rules | None = None) -> list[Finding]:
    rules = rules or load_rules(options.rules)
    found: list[Finding] = []
    try:
        data = division_data.load(options.divisions)
    except DrafterError as exc:
        data = None
        found.append(skipped("place", f"未核对地名：{exc.message}；本级用语照常检查", exc))
    own = own_place(draft, options.place, data)
    if own is None:
        found.append(skipped("place", "未能确定本稿的地名和层级（可用 --place 指定，如 --place 临江县，"
                                      "或在草稿字段“城市/单位”中填写），本级用语和地名未检查"))
        return found
    if not options.place:
        own = _with_given_level(draft, own)  # --place names the place and its level outright
    mentions = find_names(draft, data, rules.ignore, frozenset(rules.names)) if data is not None else []
    spans = [(m.block, m.start, m.end) for m in mentions]
    if own.name:
        spans += [(i, m.start(), m.end()) for i in range(len(draft.blocks))
                  for m in re.finditer(re.escape(own.name), content(draft, i))]
    autonomous = _autonomous(own, data)
    found += wording.check(draft, own, rules.ignore, spans, autonomous)
    if data is not None and own.rank > 0:
        if own.name is None:
            found.append(Finding("place", INFO, None, None, None,
                                 f"只知道本稿为{own.label}（据{own.how}），不知道具体地名，未核对其他地名；"
                                 "可用 --place 指定，如 --place 临江县"))
        else:
            found += _other_places(draft, own, mentions, data)
    found.sort(key=lambda f: (-1 if f.block is None else f.block, f.start or 0))
    return found


def _with_given_level(draft, own: OwnPlace) -> OwnPlace:
    """A level the draft's fields give (level: 市) wins over the one the name shows."""
    given = (draft.fields.get("level") or "").replace("级", "").strip()
    if given in KEY_RANK and given != own.key:
        own.key, own.rank = given, KEY_RANK[given]
    return own


def _autonomous(own: OwnPlace, data: Divisions | None) -> bool | None:
    if own.key in ("自治区",):
        return True
    if own.division is None or data is None:
        return None
    province = data.by_code.get(own.division.province)
    return bool(province and province.name.endswith("自治区"))


def _relation(candidates: list[Division], own: OwnPlace, data: Divisions) -> str:
    """own (inside the draft's area), above (its city, its province), other."""
    if own.division is None:
        if own.name and any(d.name == own.name for d in candidates):
            return "own"
        return "unknown"
    area = own.division.code
    above = {d.code for d in data.ancestors(area)}
    for d in candidates:
        if d.code == area or data.within(d.code, area):
            return "own"
    for d in candidates:
        if d.code in above:
            return "above"
    return "other"


def _other_places(draft, own: OwnPlace, mentions: list[Mention], data: Divisions) -> list[Finding]:
    found = []
    reported: set[tuple[int, str]] = set()
    for mention in mentions:
        relations = [_relation(c, own, data) for c in mention.chain]
        if all(r in ("own", "above") for r in relations):
            continue
        # the first name of the run not the draft's own tells where the run points
        k = next(i for i, r in enumerate(relations) if r not in ("own", "above"))
        if relations[k] == "unknown" and own.division is None:
            deepest = max(d.level for d in mention.chain[-1])
            if deepest < own.rank:
                continue  # a city or province above a place we do not know: may be its own superior
            if deepest == TOWNSHIP and len(mention.chain) == 1:
                continue  # a town of a place the data does not know may well be its own
        text = content(draft, mention.block)
        name = text[mention.start:mention.end]
        if (mention.block, name) in reported:
            continue
        reported.add((mention.block, name))
        level = max(d.level for d in mention.chain[-1])
        severity = _severity(text, mention, level, own, data)
        found.append(_finding(mention, text, name, severity, own))
    return found


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    rights = [p for p in (text.find(c, end) for c in _SENTENCE_END) if p >= 0]
    return text[left:min(rights) if rights else len(text)]


def _severity(text: str, mention: Mention, level: int, own: OwnPlace, data: Divisions) -> str:
    sentence = _sentence(text, mention.start, mention.end)
    if (_ELSEWHERE.search(sentence) or text[mention.start - 1:mention.start] in _TOWARDS and mention.start
            or _listed_with_others(sentence, data)):
        return INFO  # 学习借鉴广州市南沙区的经验: named on purpose
    own_level = own.division.level if own.division is not None else own.rank
    if level != own_level or level in (TOWNSHIP, PROVINCE):
        return WARNING  # a city named in a county's speech, another province, a town: likely, not sure
    return ERROR  # a place of the draft's own rank: 广州市南沙区 in 抚松县's speech


def _listed_with_others(sentence: str, data: Divisions) -> bool:
    """Several places in one enumeration (与杭州市、宁波市、温州市……) are compared, not leftovers."""
    hits = 0
    for m in re.finditer(r"[\u4e00-\u9fff]{2,8}?(?:市|县|区|省)(?=[、和与及])", sentence):
        if m.group(0) in data.by_name:
            hits += 1
    return hits >= 2


def _finding(mention: Mention, text: str, name: str, severity: str, own: OwnPlace) -> Finding:
    last = mention.chain[-1]
    kinds = {PROVINCE: "省级", PREFECTURE: "地级", COUNTY: "县级", TOWNSHIP: "乡镇级"}
    level = kinds.get(max(d.level for d in last), "")
    where = around(text, mention.start, mention.end)
    if severity == INFO:
        message = f"提到外地地名“{name}”（{level}），看来是有意提及，请核对无误（{where}）"
        suggestion = None
    else:
        message = (f"地名“{name}”（{level}）不在本稿的{own.name}（据{own.how}）范围内，"
                   f"可能是其他讲话稿的遗留（{where}）")
        suggestion = f"如系遗留，改为本地的相应地名（本稿为“{own.name}”）或删去"
    return Finding("place", severity, mention.block, mention.start, mention.end, message, suggestion,
                   source={"kind": "place_name", "name": name,
                           "divisions": [{"code": d.code, "name": d.name, "level": d.level,
                                          "parent": d.parent} for d in last[:5]],
                           "own_place": own.name,
                           "own_code": own.division.code if own.division else None})
