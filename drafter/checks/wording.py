"""本级用语: words of another level left from someone else's speech — 全市上下 or 我市 in a
county's draft, 全县 or 县委 in a city's, 各县区 in a county's (a county has no counties under it).

Naming a superior is right (a county speech says 在市委、市政府的坚强领导下, 居全市第一, 全省第三,
我省, 贯彻全市经济工作会议精神): only words that speak *as* another level are reported.  The line
between the two: a superior named as the *source* of guidance, decisions or support is right; a
superior's body named as the *owner* of the draft's own work is a leftover from a superior's
speech — its departments addressed (市政府各部门要……), its meeting convened as the one now held
(今天，我们召开市政府第三次全体会议 / 这次全市经济工作会议的主要任务是).  The draft's own level comes from
``ownplace``; the level words of each level are built here from ``drafter.core.levels``."""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.checks.base import ERROR, WARNING, Finding, around, content
from drafter.checks.ownplace import KEY_RANK, OwnPlace
from drafter.core.levels import LEVELS

KEYS = ("国", "省", "自治区", "市", "州", "盟", "县", "区", "旗", "镇", "乡")
OURS, WHOLE, STRONG, ORGAN, UNITS, DEPARTMENTS = "ours", "whole", "strong", "organ", "units", "departments"
MEETING, DEPUTIES = "meeting", "deputies"
KIND_NAMES = {OURS: "自称", WHOLE: "全域称谓", STRONG: "全域称谓", ORGAN: "领导机关", UNITS: "下级单位称谓",
              DEPARTMENTS: "直属部门称谓", MEETING: "本次会议名称", DEPUTIES: "本级领导称谓"}

_UNITS = {
    "国": ("各省（区、市）", "各省区市"),
    "省": ("各市（州）", "各市(州)", "各市州", "各地市", "各市（地）", "各设区市", "各盟市", "各市（州、盟）"),
    "自治区": ("各市（州）", "各盟市", "各设区市", "各地市"),
    "市": ("各县（市、区）", "各县(市、区)", "各县（市、区、旗）", "各县市区", "各县区", "各区县", "各县（区）",
          "各县（市）", "各旗县（市、区）", "各旗县区", "各县区市"),
    "州": ("各县（市）", "各县市", "各县（市、区）"),
    "盟": ("各旗县市", "各旗县（市、区）", "各旗县"),
    "县": ("各乡镇（街道）", "各乡镇(街道)", "各乡（镇）", "各乡镇", "各乡（镇、街道）", "各镇（乡、街道）"),
    "区": ("各街道（镇）", "各镇（街道）", "各镇街", "各街道", "各街镇", "各镇（街）"),
    "旗": ("各苏木（镇）", "各苏木镇", "各苏木乡镇"),
    "镇": ("各村（社区）", "各村(社区)", "各行政村", "各村居", "各村"),
    "乡": ("各村（社区）", "各行政村", "各村"),
}
_PARTY = {"国": (), "自治区": ("自治区党委",), "镇": ("镇党委",), "乡": ("乡党委",), "盟": ("盟委",)}
_GOVERNMENT = {"国": (), "盟": ("盟行署", "行署"), "镇": ("镇政府", "镇人民政府"), "乡": ("乡政府", "乡人民政府")}
#: 全县 followed by these speaks for the whole county: a leftover whatever the draft's rank.
_STRONG = ("上下", "人民", "各级", "广大", "党员", "干部", "各族", "城乡", "一盘棋", "各地各部门", "各部门", "各单位")
#: 全市 / 全区 inside another word: 全市场, 全区域, 安全区, 健全市场.
_WHOLE_NOT_AFTER = "安健完齐周保成求顾"
_WHOLE_NOT_BEFORE = {"市": "场值", "区": "域块间", "县": "域", "州": "县", "省": "份", "国": ""}
#: A mention that compares or ranks (居全市第一, 在全市各县区中排名第三) is not the draft speaking as that level.
_RANKING = re.compile(r"^[^，。；：！？]{0,6}?(?:中|排名|排位|位列|位居|居|第[一二三四五六七八九十\d]|前列|前茅|首位|之首|领先|率先|最)")
#: A body's departments as a class: 市政府各部门, 市委各部门 (its own speech addresses them).
_ORGAN_DEPARTMENTS = ("各部门", "各单位", "各有关部门", "所属各部门", "各委办局", "各直属机构", "各工作部门")
#: A superior's departments named as the source of support or guidance, not as the ones addressed:
#: 在市直各部门的大力支持下, 感谢市政府各部门, 积极对接市直各部门.
_SUPPORT_AFTER = re.compile(r"^[^，。；！？]{0,8}?(?:支持|帮助|指导|关心|关怀|帮扶|厚爱|协调|对接)")
_SUPPORT_BEFORE = re.compile(r"(?:感谢|感激|得到了?|争取|对接|配合|请示|汇报|向|在)$")
#: The meeting named after a superior's word: 市政府第三次全体会议, 全市经济工作会议, 市委常委会.
_MEETING_TAIL = re.compile(r"^[^，。；：！？、“”《》（）()]{0,16}?(?:会议|全会|常委会(?:会议|议)?|大会)")
#: The meeting is the one being held: 这次/本次…, 今天（，我们）召开（的）…, …的主要任务是.
_HELD_BEFORE = re.compile(r"(?:(?:这次|本次|此次|本届|今天的|今天这次)"
                          r"|(?:我们|今天|今日|上午|下午|现在)(?P<between>[^。；！？]{0,6}?)召开(?:了|的)?(?:这次|本次|此次)?)$")
_HELD_AFTER = re.compile(r"^[，,]?(?:的)?(?:主要任务|主要目的|任务是)")
#: The meeting cited as the source of decisions: 这次全市经济工作会议精神 / ……对今年工作作出了部署.
_CITED_AFTER = re.compile(r"^[^。；！？]{0,30}?(?:精神|部署|要求|强调|指出|提出|明确|确定|作出|决定|审议|通过)")
#: A body between 今天 and 召开 is the one convening (今天，市委召开……): the superior's own meeting.
_CONVENER = re.compile(r"委|政府|国务院|中央|人大|政协|党组")
_GENERIC_ORGAN = re.compile(r"^(?:书记|副书记|常委|委员|组织部|宣传部|统战部|政法委|巡察|办公室|主要负责|主要领导|班子|领导班子|一把手)")


def _own_words(key: str) -> dict[str, str]:
    """kind → the usual word of level ``key`` (for suggestions)."""
    level = LEVELS.get(key)
    words = {OURS: f"我{key}", WHOLE: f"全{key}", ORGAN: f"{key}委", UNITS: _UNITS.get(key, ("",))[0],
             DEPARTMENTS: f"{key}直各部门", DEPUTIES: f"各位副{key}长" if key != "自治区" else "各位副主席"}
    if level is not None:
        words.update({OURS: level.ours, WHOLE: level.whole, ORGAN: level.party, UNITS: level.units,
                      DEPARTMENTS: level.departments})
    if _PARTY.get(key):
        words[ORGAN] = _PARTY[key][0]
    if key == "国":
        words.update({OURS: "我国", WHOLE: "全国"})
    return words


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[tuple[str, str]]]:
    """word → [(key, kind)] for the level words of every level (全区 is both 区's and 自治区's)."""
    table: dict[str, list[tuple[str, str]]] = {}

    def add(word: str, key: str, kind: str) -> None:
        table.setdefault(word, [])
        if (key, kind) not in table[word]:
            table[word].append((key, kind))

    for key in KEYS:
        if key == "国":
            continue
        short = "区" if key == "自治区" else key
        for word in (f"我{short}", f"本{short}"):
            add(word, key, OURS)
        add(f"全{short}", key, WHOLE)
        for tail in _STRONG:
            add(f"全{short}{tail}", key, STRONG)
        for word in _PARTY.get(key, (f"{key}委",)):
            add(word, key, ORGAN)
        for word in _GOVERNMENT.get(key, (f"{key}政府", f"{key}人民政府")):
            add(word, key, ORGAN)
        if key not in ("镇", "乡"):
            for word in (f"{key}人大常委会", f"{key}人大", f"{key}政协"):
                add(word, key, ORGAN)
            for tail in ("各部门", "部门", "各单位", "单位", "机关", "各有关部门"):
                add(f"{short}直{tail}", key, DEPARTMENTS)
            for organ in (*_PARTY.get(key, (f"{key}委",)), *_GOVERNMENT.get(key, (f"{key}政府", f"{key}人民政府"))):
                for tail in _ORGAN_DEPARTMENTS:
                    add(f"{organ}{tail}", key, DEPARTMENTS)
        if key != "自治区":
            add(f"各位副{key}长", key, DEPUTIES)  # the speaker's own deputies: 刚才，各位副市长……
        for word in _UNITS.get(key, ()):
            add(word, key, UNITS)
    for word in _UNITS["国"]:
        add(word, "国", UNITS)
    return table


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = sorted(vocabulary(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _book_titles(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"《[^》]{0,80}(?:》|$)", text)]


def _rank(key: str, own: OwnPlace, autonomous: bool | None) -> int:
    """The rank a word of ``key`` stands for in this draft: 全区 is the autonomous region's in
    a county of 广西, a district's elsewhere."""
    if key == "区" and autonomous:
        return 1
    return KEY_RANK[key]


def check(draft, own: OwnPlace, ignore: set[str], names: list[tuple[int, int, int]],
          autonomous: bool | None = None) -> list[Finding]:
    """Level words of another level.  ``names`` are (block, start, end) of place names found in
    the text (白山市委: the 市委 there is a named body, judged by the place-name check);
    ``ignore`` the words that are not places (社区 in 社区委员会); ``autonomous`` whether the
    draft's province is an autonomous region (None: not known)."""
    own_words = _own_words(own.key)
    pattern = _pattern()
    table = vocabulary()
    taken = {}
    for b, s, e in names:
        taken.setdefault(b, []).append((s, e))
    found = []
    for index in range(len(draft.blocks)):
        text = content(draft, index)
        books = _book_titles(text)
        units_here = None
        for m in pattern.finditer(text):
            word, start, end = m.group(0), m.start(), m.end()
            if any(s <= start < e for s, e in books):
                continue  # the title of a document: 《全市……实施方案》
            if any(s < end and start < e for s, e in taken.get(index, ())):
                continue
            entries = table[word]
            if any(key == own.key or (key == "自治区" and own.key == "区" and own.rank == 1)
                   for key, _ in entries):
                continue  # the draft's own word
            key, kind = next(((k, kd) for k, kd in entries if (k == "自治区") == bool(autonomous)), entries[0])
            if not _in_context(text, start, end, word, kind, key, ignore):
                continue
            rank = _rank(key, own, autonomous)
            after = text[end:end + 12]
            lead = _clause_before(text, start)
            severity = _judge(kind, rank, own, key, autonomous, after, lead, word)
            if kind == DEPUTIES and rank < own.rank and _at_superior_meeting(draft, key):
                severity = None  # 在全市……会议上的交流发言: the city's deputies are there
            if severity is None:
                if kind in (ORGAN, WHOLE) and rank < own.rank:
                    meeting = _held_meeting(draft, text, start, end, word)
                    if meeting is not None:
                        found.append(_meeting_finding(index, text, start, meeting, word, key, kind, own,
                                                      own_words, ERROR if own.sure else WARNING))
                continue
            if kind == UNITS and rank == own.rank + 1 and own.rank == 2:
                # 各乡镇 in a city's speech: right when the same paragraph also speaks to its counties
                if units_here is None:
                    units_here = bool(re.search(r"县（市|县市区|县区|区县|各县|县乡", text))
                if units_here:
                    continue
            if not own.sure and severity == ERROR:
                severity = WARNING
            found.append(_finding(index, text, start, end, word, key, kind, own, own_words, severity))
    return found


def _in_context(text: str, start: int, end: int, word: str, kind: str, key: str, ignore: set[str]) -> bool:
    """False when the match is part of another word (健全市场, 社区委员会, 安全区域)."""
    before = text[start - 1:start]
    if kind in (WHOLE, STRONG):
        if before and before in _WHOLE_NOT_AFTER:
            return False
        short = word[1:2] if word[1:2] != "自" else "区"
        if kind == WHOLE and text[end:end + 1] and text[end:end + 1] in _WHOLE_NOT_BEFORE.get(short, ""):
            return False
    if kind == OURS:
        if word.startswith("我") and before in ("自", "忘", "你", "敌", "唯", "非"):
            return False
        if word.startswith("本") and before and re.match(r"[基根成资样版文日书剧课账范脚标读蓝底工血老原]", before):
            return False
        if text[end:end + 1] in ("（", "(") or (word[-1] == "乡" and text[end:end + 1] == "镇"):
            return False  # 本县（市、区）, 本乡镇: each unit's own, said to all of them
    if kind == ORGAN:
        if before and before in "省市县区乡镇州旗盟":
            return False  # 省市政府, 县乡党委: several levels named together
        if word.endswith("委") and text[end:end + 1] == "员" and text[end:end + 3] != "员会":
            return False  # 社区委员, 县政协委员 is the whole 政协 word
        head = word[0]
        for w in ignore:
            if w.endswith(head) and len(w) > 1 and text[max(0, start - len(w) + 1):start + 1] == w:
                return False  # 社区委员会, 园区委
    return True


def _clause_before(text: str, start: int, width: int = 20) -> str:
    """Up to ``width`` characters before ``start``, back to the last sentence end."""
    lead = text[max(0, start - width):start]
    cut = max(lead.rfind(mark) for mark in "。；！？")
    return lead[cut + 1:]


def _held_meeting(draft, text: str, start: int, end: int, word: str) -> int | None:
    """The end of the meeting a superior's word begins (市政府第三次全体会议, 全市经济工作会议) when
    the draft speaks of it as the meeting now held — convened by us, 这次/本次, its 主要任务 — else
    None.  A meeting whose 精神 is relayed or whose decisions are cited is the superior's own; so
    is the one the title or meeting line names (a county's 交流发言 at the city's meeting)."""
    tail = _MEETING_TAIL.match(text[end:end + 20])
    if tail is None:
        return None
    stop = end + tail.end()
    held = _HELD_BEFORE.search(_clause_before(text, start))
    if held is not None and _CONVENER.search(held.group("between") or ""):
        held = None  # 今天，市委召开……: the superior convenes its own meeting
    if _HELD_AFTER.match(text[stop:stop + 6]):
        pass  # ……会议的主要任务是: the meeting now held, whatever came before
    elif held is None or held.group("between") is None and _CITED_AFTER.match(text[stop:stop + 40]):
        return None  # 市委刚召开的这次全市经济工作会议，对今年工作作出了部署: the superior's
    for line in (draft.title or "", draft.occasion or ""):
        at = line.find(word)
        if at >= 0 and _MEETING_TAIL.match(line[at + len(word):at + len(word) + 20]):
            return None  # 在全市经济工作会议上的交流发言: the speech is given at that meeting
    return stop


def _at_superior_meeting(draft, key: str) -> bool:
    """The speech is given at a meeting of level ``key`` (its title or meeting line says 全市…会议,
    市政府…会议): that level's leaders are in the room."""
    for line in (draft.title or "", draft.occasion or ""):
        for m in re.finditer(rf"全{key}|{key}(?:委|政府|人民政府)", line):
            if _MEETING_TAIL.match(line[m.end():m.end() + 20]):
                return True
    return False


def _judge(kind: str, rank: int, own: OwnPlace, key: str, autonomous: bool | None, after: str,
           lead: str, word: str) -> str | None:
    """The severity of a word of level ``key`` (rank ``rank``) in this draft, or None when it is
    right.  ``after`` is the text after the word, ``lead`` its clause before it."""
    before = lead[-1:]
    if kind == OURS:
        if key in ("省", "自治区") and own.rank > 1:
            return None  # 我省 in a city's or county's speech
        if key == "区" and autonomous is None and own.rank > 1 and own.key not in ("区",):
            return WARNING  # 我区 may be the autonomous region
        return ERROR
    if kind == STRONG:
        if rank < own.rank - 1 or (key in ("省", "自治区") and own.rank > 1):
            return None  # 当前，全省上下正……: a city's or county's speech describing its province
        return ERROR
    if kind == WHOLE:
        if rank < own.rank:
            return None  # 全省第三, 全市经济工作会议: the superior's whole
        if key == "区" and autonomous is None and own.rank >= 3:
            return None  # 全区 in a county's speech: most likely its autonomous region
        if rank == own.rank or (key == "区" and autonomous is None):
            return WARNING
        return ERROR
    if kind == ORGAN:
        if rank < own.rank:
            return None  # 在市委的坚强领导下
        if before == "各" or _GENERIC_ORGAN.match(after):
            return None  # 各县委, 县委书记: the subordinates named as a class
        if (key == "区" and autonomous is None and rank > own.rank) or key in ("镇", "乡"):
            return WARNING  # 镇党委、镇政府要……: a county speaking to its towns as a class
        return ERROR
    if kind == UNITS:
        if rank < own.rank:
            if _RANKING.match(after):
                return None  # 在全市各县区中排名第三
            return ERROR
        if rank == own.rank + 1 and own.rank == 2:
            return WARNING
        return None
    if kind == DEPUTIES:
        return ERROR  # a speech addresses only its own level's deputies as 各位副X长
    if kind == DEPARTMENTS:
        if rank < own.rank and ("各" not in word or _SUPPORT_AFTER.match(after) or _SUPPORT_BEFORE.search(lead)):
            return None  # 积极对接市直部门, 在市政府各部门的大力支持下; but 市政府各部门要…… addresses them
        return ERROR
    return None


def _own_organ(word: str, key: str, own: OwnPlace, own_words: dict[str, str]) -> str:
    """The draft's own body for a superior's (市政府 → 县政府, 市委 → 县委, 全市 → 全县), or ''."""
    if word.startswith("全"):
        return own_words[WHOLE]
    organ = word[len(key):] if word.startswith(key) else ""
    right = {"委": own_words[ORGAN]}.get(organ, "")
    if not right and organ and own.key not in ("国",):
        right = ("自治区" if own.key == "自治区" else own.key) + organ
    return right


def _meeting_finding(index: int, text: str, start: int, end: int, word: str, key: str, kind: str,
                     own: OwnPlace, own_words: dict[str, str], severity: str) -> Finding:
    meeting = text[start:end]
    organ = _own_organ(word, key, own, own_words)
    right = organ + meeting[len(word):] if organ else ""
    level = "自治区" if key == "自治区" else f"{key}级"
    message = (f"本级用语不符：“{meeting}”是{level}的会议，本稿为{own.label}（据{own.how}），"
               f"却作为本次召开的会议来讲，可能是其他讲话稿的遗留（{around(text, start, end)}）")
    suggestion = f"改为“{right}”" if right else "按本稿的层级改写本次会议的名称"
    return Finding("place", severity, index, start, end, message, suggestion,
                   source={"kind": "level_word", "word": meeting, "level": key, "own_level": own.key,
                           "own_place": own.name, "suggested": right or None, "class": MEETING})


def _finding(index: int, text: str, start: int, end: int, word: str, key: str, kind: str, own: OwnPlace,
             own_words: dict[str, str], severity: str) -> Finding:
    base = WHOLE if kind == STRONG else kind
    right = own_words.get(base, "")
    if kind == STRONG:
        right = own_words[WHOLE] + word[len(word) - len(word.lstrip("全")) + len(key if key != "自治区" else "区"):]
    elif kind == ORGAN:
        right = _own_organ(word, key, own, own_words)
    elif kind == DEPARTMENTS and "直" not in word:
        tail = next(t for t in sorted(_ORGAN_DEPARTMENTS, key=len, reverse=True) if word.endswith(t))
        organ = _own_organ(word[:-len(tail)], key, own, own_words)
        right = organ + tail if organ else right
    level = "自治区" if key == "自治区" else f"{key}级"
    why = {UNITS: f"“{word}”是{level}讲话对下级的称谓，本稿为{own.label}",
           DEPARTMENTS: f"“{word}”是{level}讲话对所属部门的称谓，本稿为{own.label}",
           DEPUTIES: f"“{word}”是{level}讲话对本级副职领导的称谓，本稿为{own.label}",
           ORGAN: f"“{word}”是{level}机关，本稿为{own.label}，作为本级说法不对"}.get(
        kind, f"“{word}”是{level}用语，本稿为{own.label}")
    message = f"本级用语不符：{why}（据{own.how}），可能是其他讲话稿的遗留（{around(text, start, end)}）"
    suggestion = f"改为“{right}”" if right and right != word else "按本稿的层级改写，或删去"
    return Finding("place", severity, index, start, end, message, suggestion,
                   source={"kind": "level_word", "word": word, "level": key, "own_level": own.key,
                           "own_place": own.name, "suggested": right or None})
