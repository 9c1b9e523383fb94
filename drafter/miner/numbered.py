"""数字概括: numbered concepts (“四个意识”, 三严三实, 一岗双责) and what each stands for when the
speech spells it out."""

from __future__ import annotations

import re

from drafter.core.numerals import from_chinese
from drafter.core.vocab import NUMBERED
from drafter.miner import shapes
from drafter.miner.candidate import Candidate, make_candidate
from drafter.miner.series import word_starts
from drafter.miner.text import Paragraph, all_cjk

_CN_NUM = "一二两三四五六七八九十"
_QUOTED_LONG = re.compile(r"“([^”“]{2,30})”")
_HEAD_NOUN = re.compile(r"[\u4e00-\u9fff]{2,3}?(?=[，、。；的和）]|$)")
_HAS_NUM = re.compile(rf"[{_CN_NUM}双百千]")
_NOT_CONCEPT = re.compile(r"^(第|十[一二三四五六七八九]?[届次]|二十|[一二三四五六七八九十]+[月日年届次])")
_COUNTED = re.compile(
    rf"(?<![第{_CN_NUM}])([{_CN_NUM}])(个|大|项|张|重|种|条|篇)"
    r"(文章|意识|自信|维护|确立|务必|区分开来|严抓|突破|着力|重大|满意|毫不动摇|没有变|不摘|"
    r"长期存在|永远在路上|一批|清单|工程|体系|思维|压力|提升行动|攻坚行动|成本|市场|机制|问题)"
)
_PAIRED_NUM = re.compile(rf"(?<![{_CN_NUM}第])([{_CN_NUM}双][\u4e00-\u9fff][{_CN_NUM}双][\u4e00-\u9fff]{{1,2}})(?=[”、，。；）\s]|$)")
#: sayings and idioms that contain numbers but are not numbered concepts.
_NOT_CONCEPTS = {"千方百计", "一心一意", "一五一十", "三心二意", "四面八方", "七上八下", "五一",
                 "一亩三分地", "十个手指弹钢琴", "千枪一孔", "一对一", "两难", "一把手",
                 "一竿子插到底", "行百里者半九十", "一万年太久"}
_MEASURES = "个大项张重种条篇"


def _concept_ok(text: str) -> bool:
    if not all_cjk(text) or text in _NOT_CONCEPTS or _NOT_CONCEPT.match(text):
        return False
    numerals = [ch for ch in text if ch in _CN_NUM + "双百千"]
    if not numerals or _HAS_NUM.search(text[:3]) is None:
        return False
    if set(numerals) == {"一"} and not re.match(r"^一.一.", text):
        return False
    if len(text) >= 4 and text[0] == text[2] and text[1] == text[3]:
        return False  # 一件一件: repetition, not a concept
    if len(text) >= 5:
        return text[0] in _CN_NUM and (text[1] in _MEASURES or len(numerals) >= 2)
    return True


_SERIES_CONCEPT = re.compile(rf"^[{_CN_NUM}][\u4e00-\u9fff]{{1,3}}(?:、[{_CN_NUM}][\u4e00-\u9fff]{{1,3}})+$")
_LIST_END = re.compile(r"[。；：！？（）]")
_INTRO = re.compile(r"^(?:，|：|——)?(?:即|就是|也就是|分别是|包括)?[：，]?")


def _count(concept: str) -> int:
    head = concept[0] if concept[0] != "两" else "二"
    try:
        return from_chinese(head)
    except ValueError:
        return 0


_TAIL_COUNT = re.compile(rf"(?:等)?[{_CN_NUM}]+(?:个|项|大|类|种)?(?:方面|领域|任务|内容|问题|工作)?$")


def _split_list(text: str) -> list[str]:
    items = [p.strip("“”\"") for p in re.split(r"[、，,]|和|及", text) if p.strip("“”\"")]
    if items:
        items[-1] = _TAIL_COUNT.sub("", items[-1])
    return items


def _even(items: list[str]) -> bool:
    lengths = [len(i) for i in items]
    return (all(2 <= n <= 24 for n in lengths) and max(lengths) <= 2 * min(lengths) + 2
            and not any(q in i for i in items for q in "“”\""))


def concept_members(text: str, start: int, end: int, concept: str) -> tuple[str, ...]:
    """The members a numbered concept stands for when the speech spells them out right before
    it (土地资源向土地资本、……“三个转变”) or right after (八尘共治：即……、……)."""
    n = _count(concept)
    if not 2 <= n <= 10:
        return ()
    after = text[end:end + 200]
    intro = _INTRO.match(after)
    if intro and intro.group(0):
        body = after[intro.end():]
        stop = _LIST_END.search(body)
        items = _split_list(body[:stop.start()] if stop else body)
        if len(items) == n and _even(items):
            return tuple(items)
    before = text[max(0, start - 200):start].rstrip("的等这“")
    cut = max(before.rfind(ch) for ch in "。；：！？，")
    items = _split_list(before[cut + 1:])
    if len(items) >= n and not any(q in i for i in items[-n:] for q in "“”\""):
        items = items[-n:]
        longest = max(len(i) for i in items[1:])
        if len(items[0]) > longest:  # 实现土地资源向土地资本 → 土地资源向土地资本
            starts = word_starts(items[0])
            keep = next((k for k in range(longest, 1, -1) if len(items[0]) - k in starts), 0)
            items[0] = items[0][-keep:] if keep else items[0]
        if _even(items):
            return tuple(items)
    return ()


def numbered(par: Paragraph) -> list[Candidate]:
    found: dict[str, tuple[str, ...]] = {}
    text = par.text
    for m in _QUOTED_LONG.finditer(text):
        inner = m.group(1)
        if _concept_ok(inner) and len(inner) <= 8:
            head = _HEAD_NOUN.match(text, m.end()) if len(inner) <= 2 and inner[-1] in _MEASURES else None
            if head:  # “三大”攻坚战: the concept is the number and the noun after the quote
                inner = inner + head.group(0)
            found[inner] = concept_members(text, m.start(), m.end(), inner)
        elif _SERIES_CONCEPT.match(inner):  # “三下降、两平稳”: a series of numbered aims
            found[inner] = ()
    for series in shapes.numbered_series(text):
        found.setdefault(series, ())
    for m in _COUNTED.finditer(text):
        if m.group(1) != "一" and not found.get(m.group(0)):
            found[m.group(0)] = concept_members(text, m.start(), m.end(), m.group(0))
    for m in _PAIRED_NUM.finditer(text):
        if _concept_ok(m.group(1)):  # the pattern has a numeral at both places: 一岗双责
            found.setdefault(m.group(1), ())
    return [make_candidate(par, t, NUMBERED, members=members) for t, members in found.items()]
