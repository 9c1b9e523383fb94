"""Standard formulations (规范表述) and outdated ones, from the editable lists in
``resources/checks/formulations.yaml``: a numbered concept with the wrong verb (坚定“四个意识”)
or with wrong or misordered members, a form that is never right, and a form that has been
out of date since a given day (新冠肺炎 → 新型冠状病毒感染 since 2022-12-26).  An entry dated
after the draft's own date is not applied."""

from __future__ import annotations

import datetime as dt
import re

from drafter.checks.base import WARNING, Finding, content
from drafter.checks.rules import Concept, Rules, load_rules
from drafter.core.model import Draft

_DATE = re.compile(r"(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?")
_OPEN = "“\"‘「『"
_CLOSE = "”\"’」』"


def draft_date(draft: Draft) -> dt.date | None:
    """The date the speech is given, from its date line (2023年7月20日; 2024年7月X日 → July)."""
    for value in (draft.date, draft.fields.get("date", ""), draft.fields.get("日期", "")):
        m = _DATE.search(value or "")
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2) or 12), int(m.group(3) or 1))
            except ValueError:
                continue
    return None


def check(draft: Draft, options, rules: Rules | None = None) -> list[Finding]:
    rules = rules or load_rules(options.rules)
    today = options.today or draft_date(draft) or dt.date.today()
    concepts = [c for c in rules.concepts if c.since <= today]
    forms = [f for f in rules.formulations if f.since <= today]
    found = []
    for index in range(len(draft.blocks)):
        text = content(draft, index)
        for concept in concepts:
            if concept.name in text:
                found += _concept(concept, index, text)
        for form in forms:
            for m in form.pattern.finditer(text):
                if not m.group(0):
                    continue
                kind = "过时表述" if form.outdated else "不规范表述"
                day = form.since
                since = f"（自 {day.year}年{day.month}月{day.day}日 起）" if form.outdated else ""
                found.append(Finding("formulation", WARNING, index, m.start(), m.end(),
                                     f"{kind}：“{m.group(0)}”{since}——{form.reason}",
                                     f"改为“{form.use}”" if form.use else "删去，或按当前的部署重新表述"))
    found.sort(key=lambda f: (f.block, f.start))
    return found


def _concept(concept: Concept, index: int, text: str) -> list[Finding]:
    found = []
    name = re.escape(concept.name)
    quoted = rf"[{_OPEN}]?{name}[{_CLOSE}]?"
    if concept.wrong_verbs:
        verbs = "|".join(sorted(map(re.escape, concept.wrong_verbs), key=len, reverse=True))
        for m in re.finditer(rf"({verbs}){quoted}", text):
            right = concept.verbs[0] if concept.verbs else ""
            suggestion = f"改为“{right}“{concept.name}””" if right else None
            found.append(Finding("formulation", WARNING, index, m.start(), m.end(),
                                 f"搭配不当：“{m.group(0)}”——{concept.reason}", suggestion))
    if len(concept.members) >= 2:
        found += _members(concept, index, text)
    return found


def _members(concept: Concept, index: int, text: str) -> list[Finding]:
    """An enumeration next to the concept's name (within its sentence) that lists other
    items, or the right items in another order."""
    suffix = _common_suffix(concept.members)
    if len(suffix) < 2:
        return []
    item = rf"[\u4e00-\u9fff]{{1,8}}?{re.escape(suffix)}"
    run = re.compile(rf"{item}(?:[、，和及与]{item}){{{len(concept.members) - 2},}}")
    found = []
    seen: set[int] = set()
    for m in re.finditer(re.escape(concept.name), text):
        start = max(text.rfind(c, 0, m.start()) for c in "。；！？") + 1
        stops = [p for p in (text.find(c, m.end()) for c in "。；！？") if p >= 0]
        end = min(stops) if stops else len(text)
        sentence = text[start:end]
        for r in run.finditer(sentence):
            raw = re.split(r"[、，和及与]", r.group(0))
            items = [_trim(x, concept.members) for x in raw]
            if items == list(concept.members):
                continue
            if len(set(items) & set(concept.members)) < len(concept.members) // 2:
                continue  # another enumeration in the same sentence
            s, e = start + r.start() + len(raw[0]) - len(items[0]), start + r.end()
            if s in seen:
                continue
            seen.add(s)
            right = "、".join(concept.members)
            what = "顺序与规范表述不同" if sorted(items) == sorted(concept.members) else "内容与规范表述不符"
            found.append(Finding("formulation", WARNING, index, s, e,
                                 f"“{concept.name}”{what}：“{text[s:e]}”——{concept.reason}",
                                 f"改为“{right}”"))
    return found


def _trim(item: str, members: tuple[str, ...]) -> str:
    """增强政治意识 → 政治意识 (a lead-in verb swallowed by the enumeration)."""
    for member in sorted(members, key=len, reverse=True):
        if item.endswith(member):
            return member
    return item


def _common_suffix(items: tuple[str, ...]) -> str:
    n = 0
    shortest = min(len(x) for x in items)
    while n < shortest and len({x[len(x) - 1 - n] for x in items}) == 1:
        n += 1
    return items[0][len(items[0]) - n:]
