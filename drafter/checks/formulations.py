"""Standard formulations (规范表述), outdated ones, and the fixed numbered formulae.

- A formula quoted with a member that is not its own (“四个意识”……服务意识) is an error; its
  members in another order, or with the wrong verb (坚定“四个意识”), a warning.  A formula is
  never "corrected" to another number.
- A wrong form (以习近平总书记为核心的党中央) is a warning; an outdated one (新冠肺炎 since
  2022-12-26) a warning in the draft's tasks and only a note where the draft looks back (a
  review part, 五年来……打赢了脱贫攻坚战), where the words of the time were right.
- The draft's date decides what is outdated: its date line, else a year in its title, else the
  year its text speaks of most, else today.  An entry dated after it is not applied.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from statistics import median

from drafter.checks.base import ERROR, INFO, WARNING, Finding, content
from drafter.checks.rules import ACTIONS, Formulation, Rules, load_rules
from drafter.core.formulae import Formula
from drafter.core.model import Draft

_DATE = re.compile(r"(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?")
_DASHED = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_YEAR = re.compile(r"(?<![\d到至～~—-])((?:19|20)\d\d)\s*年(?!前|以前|之前|底前)")
_OPEN = "“\"‘「『"
_CLOSE = "”\"’」』"
_SENTENCE_END = "。！？"
#: A sentence that looks back (what was done then): the words of that time are right there.
#: Outside a review part only plain words of the past count (要巩固……成效, 今年以来……要 look forward).
_LOOKED_BACK = re.compile(r"过去[一二三四五六七八九十\d]*年|回顾|[一二三四五六七八九十]年来|取得了|实现了|打赢了|完成了|曾经|当年|那时")


def draft_date(draft: Draft) -> dt.date | None:
    """The date the speech is given, from its date line (2023年7月20日; 2024年7月X日 → July)."""
    for value in (draft.date, draft.fields.get("date", ""), draft.fields.get("日期", "")):
        value = value or ""
        m = _DASHED.search(value)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
        m = _DATE.search(value)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
            except ValueError:
                continue
    return None


#: Events a speech may speak of as current, with the day from which it can: a speech without
#: a date or a year that speaks of 党的十九大 and 十三五 but of nothing later was given then.
#: A mention of anything from 党的二十大 on says nothing about how old the speech is.
_ERAS = [(re.compile(p), day) for p, day in (
    (r"党的十八大|十八届", dt.date(2012, 11, 8)),
    (r"十三五", dt.date(2016, 1, 1)),
    (r"党的十九大|十九大精神|十九届", dt.date(2017, 10, 18)),
    (r"十四五", dt.date(2021, 1, 1)),
    (r"十九届六中全会", dt.date(2021, 11, 11)),
)]
_RECENT = re.compile(r"二十大|二十届|十五五|中国式现代化")


def era_date(draft: Draft) -> dt.date | None:
    """The earliest day a speech with no date or year could have been given, from the events it
    names; None when it names none, or names something from 党的二十大 on."""
    text = "".join(b.text + b.body for b in draft.blocks)
    if _RECENT.search(text):
        return None
    days = [day for pattern, day in _ERAS if pattern.search(text)]
    return max(days) if days else None


def text_date(draft: Draft, today: dt.date | None = None) -> dt.date | None:
    """1 January of the year the title names, else of the year the text names most often (not
    a target: 到2035年); None when it names none."""
    today = today or dt.date.today()
    for value in (draft.title, draft.occasion):
        m = _YEAR.search(value or "")
        if m and int(m.group(1)) <= today.year:
            return dt.date(int(m.group(1)), 1, 1)
    years: Counter[int] = Counter()
    for block in draft.blocks:
        for m in _YEAR.finditer(block.text + block.body):
            year = int(m.group(1))
            if year <= today.year:
                years[year] += 1
    if not years:
        return None
    top = max(n for n in years.values())
    year = max(y for y, n in years.items() if n == top)
    return dt.date(year, 1, 1)


def judged_date(draft: Draft, options) -> tuple[dt.date, str]:
    """The date the draft is judged against, and where it came from (for messages)."""
    if options.today:
        return options.today, "指定日期"
    day = draft_date(draft)
    if day:
        return day, f"本稿日期为 {day.year}年{day.month}月{day.day}日"
    day = text_date(draft)
    if day:
        return day, f"据文中年份推断为 {day.year} 年"
    day = era_date(draft)
    if day:
        return day, f"未写日期，据文中提到的时事推断不早于 {day.year}年{day.month}月"
    return dt.date.today(), "未写日期，按今天"


def check(draft: Draft, options, rules: Rules | None = None) -> list[Finding]:
    rules = rules or load_rules(options.rules)
    today, how = judged_date(draft, options)
    formulae = [f for f in rules.formulae if f.current(today)]
    # a form that was never right (以习近平总书记为核心的党中央) is judged by an era only guessed as today
    guessed = how.startswith("未写日期，据")
    forms = [f for f in rules.formulations if f.since <= (dt.date.today() if guessed and not f.outdated else today)]
    found = []
    for index in range(len(draft.blocks)):
        text = content(draft, index)
        for formula in formulae:
            if formula.name in text:
                found += _formula(formula, index, text)
        for form in forms:
            for m in form.pattern.finditer(text):
                if m.group(0):
                    found.append(_form_finding(draft, index, text, m, form, how))
    errors = [(f.block, f.start, f.end) for f in found if f.severity == ERROR]
    found = [f for f in found if f.severity == ERROR
             or not any(b == f.block and s < f.end and f.start < e for b, s, e in errors)]
    found.sort(key=lambda f: (f.block, f.start))
    return found


def _form_finding(draft: Draft, index: int, text: str, m: re.Match, form: Formulation, how: str) -> Finding:
    kind = "过时表述" if form.outdated else "不规范表述"
    day = form.since
    since = f"（自 {day.year}年{day.month}月{day.day}日 起；{how}）" if form.outdated else ""
    severity = WARNING
    if form.outdated and _looking_back(draft, index, text, m.start(), m.end()):
        severity = INFO
        message = (f"过时表述：“{m.group(0)}”{since}——{form.reason}。此处在回顾过去，沿用当时的说法可以；"
                   "如是部署当前任务，请改")
    else:
        message = f"{kind}：“{m.group(0)}”{since}——{form.reason}"
    if form.action == "replace":
        suggestion = f"替换为“{form.use}”"
    elif form.action == "delete":
        suggestion = "删去这项任务（已不再部署）" + (f"；如需保留，改为“{form.use}”" if form.use else "")
    else:
        suggestion = "按现行部署改写这项任务" + (f"（如“{form.use}”）" if form.use else "")
    return Finding("formulation", severity, index, m.start(), m.end(), message, suggestion,
                   source={"kind": "outdated" if form.outdated else "wrong", "entry": form.text,
                           "since": form.since.isoformat(), "action": form.action,
                           "action_name": ACTIONS[form.action], "use": form.use or None,
                           "source": form.source or None, "reason": form.reason})


def _looking_back(draft: Draft, index: int, text: str, start: int, end: int) -> bool:
    if draft.blocks[index].role == "review":
        return True
    left = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    return bool(_LOOKED_BACK.search(text[left:start]))


def _formula_source(formula: Formula) -> dict:
    return {"kind": "formula", "name": formula.name, "members": list(formula.members),
            "since": formula.since.isoformat(), "source": formula.source or None, "reason": formula.reason}


def _formula(formula: Formula, index: int, text: str) -> list[Finding]:
    found = []
    name = re.escape(formula.name)
    quoted = rf"[{_OPEN}]?{name}[{_CLOSE}]?"
    if formula.wrong_verbs:
        verbs = "|".join(sorted(map(re.escape, formula.wrong_verbs), key=len, reverse=True))
        for m in re.finditer(rf"({verbs}){quoted}", text):
            right = formula.verbs[0] if formula.verbs else ""
            suggestion = f"改为“{right}“{formula.name}””" if right else None
            found.append(Finding("formulation", WARNING, index, m.start(), m.end(),
                                 f"搭配不当：“{m.group(0)}”——{formula.reason}", suggestion,
                                 source=_formula_source(formula)))
    if len(formula.members) >= 2:
        found += _members(formula, index, text)
    return found


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    rights = [p for p in (text.find(c, end) for c in _SENTENCE_END) if p >= 0]
    return left, min(rights) if rights else len(text)


def _common(items: tuple[str, ...], backwards: bool) -> str:
    seq = [x[::-1] for x in items] if backwards else list(items)
    n = 0
    while n < min(len(x) for x in seq) and len({x[n] for x in seq}) == 1:
        n += 1
    shared = seq[0][:n]
    return shared[::-1] if backwards else shared


def _members(formula: Formula, index: int, text: str) -> list[Finding]:
    """The formula's members listed in its sentence: one that is not a member is an error,
    the right members in another order a warning."""
    members = formula.members
    found = []
    seen: set[int] = set()
    for m in re.finditer(re.escape(formula.name), text):
        left, right = _sentence_bounds(text, m.start(), m.end())
        if left in seen:
            continue
        seen.add(left)
        sentence = text[left:right]
        where = {x: sentence.find(x) for x in members if x in sentence}
        if len(where) == len(members):
            order = sorted(members, key=lambda x: where[x])
            s = left + min(where.values())
            e = left + max(where[x] + len(x) for x in members)
            # only an enumeration of the members (政治意识、大局意识……), not words spread over a sentence
            compact = sum(len(x) for x in members) >= 0.6 * (e - s)
            if order != list(members) and compact:
                found.append(Finding("formulation", WARNING, index, s, e,
                                     f"“{formula.name}”的顺序与规范表述不同：“{text[s:e]}”——{formula.reason}",
                                     f"按规范顺序写作“{'、'.join(members)}”", source=_formula_source(formula)))
            continue
        if len(where) < max(2, (len(members) + 1) // 2):
            continue
        wrong = _impostors(formula, sentence, where)
        if not wrong:
            continue
        missing = [x for x in members if x not in where]
        s, e = left + wrong[0][0], left + wrong[-1][1]
        names = "、".join(f"“{sentence[a:b]}”" for a, b in wrong)
        found.append(Finding("formulation", ERROR, index, s, e,
                             f"“{formula.name}”的内容有误：{names}不在其中"
                             f"（规范内容为{'、'.join(members)}）——{formula.source or formula.reason}",
                             f"改为“{'”“'.join(missing)}”" if len(missing) == len(wrong) else
                             f"按规范内容写作“{'、'.join(members)}”", source=_formula_source(formula)))
    return found


def _impostors(formula: Formula, sentence: str, where: dict[str, int]) -> list[tuple[int, int]]:
    """Spans of items in the enumeration that look like members (服务意识 among 政治意识、大局意识)
    but are not."""
    members = formula.members
    suffix, prefix = _common(members, True), _common(members, False)
    if not suffix and not prefix:
        return []
    lengths = [len(x) for x in members]
    low, high = min(lengths), max(lengths)
    first = min(where.values())
    last = max(where[x] + len(x) for x in where)
    found = []
    for t in re.finditer(r"[^、，；,;和及与]+", sentence):
        token, start = t.group(0), t.start()
        if start < first - high - 3 or start > last + 2 or formula.name in token:
            continue
        if any(x in token for x in members):
            continue
        token = token.strip("“”‘’\"「」 ")
        if suffix and token.endswith(suffix):
            size = min(len(token), round(median(lengths)) if low <= len(token) else low)
            size = max(low, min(size, high, len(token)))
            item_end = t.start() + t.group(0).rstrip("“”‘’\"「」 ").__len__()
            found.append((item_end - size, item_end))
        elif prefix and prefix in token:
            at = t.start() + t.group(0).find(prefix)
            size = min(high, len(token) - token.find(prefix))
            found.append((at, at + size))
    return found
