"""Leftovers from another speech: a place name that is not the draft's own place, and the
word for "our city/county/district" of another level (我市 in a county's draft).

The draft's own place comes from ``options.place``, else from its fields (城市/单位/city …),
else from its title (临江市人民政府……).  Place names are found with the place names of
jieba's dictionary (words tagged ``ns`` ending in 市/县/区/州/旗/镇/盟, read once from the
dictionary file, without loading jieba) plus the ``names`` of the rules file."""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from functools import lru_cache

from drafter.checks.base import INFO, WARNING, Finding, around, content
from drafter.checks.rules import Rules, load_rules
from drafter.core.model import Draft

logger = logging.getLogger(__name__)

_SUFFIXES = "市县区州旗镇盟"
PLACE_FIELDS = ("place", "city", "county", "城市", "地区", "地名", "单位", "unit", "org")
#: A two-character name not in the dictionary still shows itself right after punctuation and
#: before 市委/县政府/区人大 …: ，通化市委….
_NAME_BEFORE_ORGAN = re.compile(
    r"(?:^|(?<=[，。；：、“（\s]))([\u4e00-\u9fff]{2}[市县区旗])(?=委|政府|人民政府|人大|政协)")
_NOT_A_NAME_START = set("全我本各该省市县区其此每两几多原")
_NOT_A_NAME = {"通过", "以及", "按照", "经过", "根据", "报请", "提请", "协调", "配合", "请示", "报告", "关于",
               "对于", "同时", "会同", "联合", "要求", "请求", "协助", "代表", "并由", "经由", "得到", "成立",
               "建议", "积极", "主动", "争取", "确保", "督促", "推动", "支持", "服从", "落实", "向着"}
#: Short names of provinces: 河南村镇银行 holds no town called 南村镇.
_PROVINCES = {"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽", "福建",
              "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
              "青海", "台湾", "内蒙", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"}
_NAME_IN_TEXT = re.compile(rf"[\u4e00-\u9fff]{{2,6}}?[{_SUFFIXES}]")


@lru_cache(maxsize=1)
def dictionary_places() -> frozenset[str]:
    """Place names (ns) ending in a level suffix from jieba's dictionary; empty when absent."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("jieba")
        if spec is None or spec.origin is None:
            return frozenset()
        path = os.path.join(os.path.dirname(spec.origin), "dict.txt")
        names = set()
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.endswith(" ns\n"):
                    word = line.split(" ", 1)[0]
                    if word[-1] in _SUFFIXES and 3 <= len(word) <= 8:
                        names.add(word)
        return frozenset(names)
    except OSError as exc:
        logger.info("no jieba dictionary for place names: %s", exc)
        return frozenset()


def own_places(draft: Draft, place: str | None) -> list[str]:
    """The draft's own place names, most specific first: 临江市 from the option or fields, or
    the place the title names."""
    values = [place] if place else [draft.fields.get(k, "") for k in PLACE_FIELDS]
    names = []
    for value in values:
        for part in re.split(r"[，,、；;\s]+", value or ""):
            m = re.match(rf"[\u4e00-\u9fff]{{2,12}}?[{_SUFFIXES}省]", part)
            if m:
                names.append(m.group(0))
    if not names and not place:
        known = dictionary_places()
        for value in (draft.title, draft.occasion):
            for m in _NAME_IN_TEXT.finditer(value or ""):
                for k in range(len(m.group(0)) - 3, -1, -1):
                    if m.group(0)[k:] in known:
                        names.append(m.group(0)[k:])
                        break
    return names


def level_of(name: str) -> str:
    return name[-1]


#: Rank of each level (smaller is higher).  A speech often speaks of a higher level (a city's
#: speech: 全省第三, 我省); words of its own rank or below, and 我+a higher level other than
#: 我省 (我市 in a county's speech), are the leftovers.
RANK = {"省": 0, "市": 1, "州": 1, "盟": 1, "县": 2, "区": 2, "旗": 2, "镇": 3, "乡": 3}


def out_of_place(word: str, level: str, own: str) -> bool:
    """Whether the level word ``word`` (of ``level``) is suspicious in a draft of ``own``."""
    if level == own:
        return False
    rank, own_rank = RANK.get(level, 9), RANK.get(own, 9)
    if rank >= own_rank:
        return True
    return word.startswith("我") and level != "省"


def check(draft: Draft, options, rules: Rules | None = None) -> list[Finding]:
    rules = rules or load_rules(options.rules)
    own = own_places(draft, options.place)
    found: list[Finding] = []
    if own:
        found += _other_level_words(draft, level_of(own[0]), own[0], rules)
        found += _other_names(draft, own, rules)
    else:
        found += _minority_level_words(draft, rules)
        found.append(Finding("place", INFO, None, None, None,
                             "未指定本稿的地名（可用 --place 或草稿字段“城市/单位”），"
                             "只检查了“我市/全县”等本级用语是否前后一致"))
    found.sort(key=lambda f: (-1 if f.block is None else f.block, f.start or 0))
    return found


def _level_words(rules: Rules) -> dict[str, str]:
    return {word: level for level, words in rules.levels.items() for word in words}


def _other_level_words(draft: Draft, level: str, own: str, rules: Rules) -> list[Finding]:
    words = {w: lv for w, lv in _level_words(rules).items() if out_of_place(w, lv, level)}
    mine = rules.levels.get(level, ())
    if not words:
        return []
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    found = []
    for index in range(len(draft.blocks)):
        text = content(draft, index)
        for m in pattern.finditer(text):
            right = next((w for w in mine if w[0] == m.group(0)[0]), "")
            found.append(Finding("place", WARNING, index, m.start(), m.end(),
                                 f"“{m.group(0)}”与本稿（{own}）的层级不符，可能是其他讲话稿的遗留"
                                 f"（{around(text, m.start(), m.end())}）",
                                 f"改为“{right}”" if right else None))
    return found


def _minority_level_words(draft: Draft, rules: Rules) -> list[Finding]:
    """No place known: the level most of 我X/全X words point to is the draft's; the few of
    another level are reported."""
    words = _level_words(rules)
    if not words:
        return []
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    hits = [(i, m) for i in range(len(draft.blocks)) for m in pattern.finditer(content(draft, i))]
    counts = Counter(words[m.group(0)] for _, m in hits)
    if not counts:
        return []
    (level, top), *rest = counts.most_common()
    if top < 3 or any(n * 3 > top for lv, n in rest if RANK.get(lv, 9) >= RANK.get(level, 9)):
        return []  # no clear own level: two levels of the same rank or below are both common
    mine = rules.levels.get(level, ())
    found = []
    for index, m in hits:
        if not out_of_place(m.group(0), words[m.group(0)], level):
            continue
        text = content(draft, index)
        right = next((w for w in mine if w[0] == m.group(0)[0]), "")
        found.append(Finding("place", WARNING, index, m.start(), m.end(),
                             f"全文多用“{'/'.join(mine)}”（{top} 处），此处却是“{m.group(0)}”，"
                             f"可能是其他讲话稿的遗留（{around(text, m.start(), m.end())}）",
                             f"改为“{right}”" if right else None))
    return found


def _other_names(draft: Draft, own: list[str], rules: Rules) -> list[Finding]:
    known = (dictionary_places() | rules.names) - rules.ignore
    own_bases = {name[:-1] for name in own} | set(own)
    found = []
    for index in range(len(draft.blocks)):
        text = content(draft, index)
        seen = set()
        for m in _NAME_BEFORE_ORGAN.finditer(text):
            name = m.group(1)
            if (set(name[:-1]) & _NOT_A_NAME_START or name[:-1] in _NOT_A_NAME or name in known
                    or name in rules.ignore):
                continue  # dictionary names are found below
            if name in own or name[:-1] in own_bases or any(o.startswith(name[:-1]) for o in own):
                continue
            if name not in seen:
                seen.add(name)
                found.append(_name_finding(index, text, m.start(1), m.end(1), own[0]))
        for i, ch in enumerate(text):
            if ch not in _SUFFIXES:
                continue
            for k in range(min(8, i + 1), 2, -1):
                name = text[i + 1 - k:i + 1]
                start = i + 1 - k
                if (name not in known or name.endswith(("城市", "都市", "城区"))
                        or name[0] in _NOT_A_NAME_START or text[start - 1:start + 1] in _PROVINCES):
                    continue
                if name in own or name[:-1] in own_bases or any(o.startswith(name) or name.startswith(o[:-1]) for o in own):
                    break
                if name not in seen:
                    seen.add(name)
                    found.append(_name_finding(index, text, i + 1 - k, i + 1, own[0]))
                break
    return found



def _name_finding(index: int, text: str, start: int, end: int, own: str) -> Finding:
    """A place of the draft's rank or above (another city in a city's speech) is a likely
    leftover; one below it (a county, a town) may well lie within the draft's own area."""
    name = text[start:end]
    where = around(text, start, end)
    if RANK.get(level_of(name), 9) <= RANK.get(level_of(own), 9):
        return Finding("place", WARNING, index, start, end,
                       f"地名“{name}”不是本稿的“{own}”，请核对是否为其他讲话稿的遗留（{where}）")
    return Finding("place", INFO, index, start, end,
                   f"地名“{name}”：请核对是否属于{own}（{where}）")
