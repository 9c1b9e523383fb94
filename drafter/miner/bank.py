"""Build the phrase bank: run every extractor over the corpus, merge duplicates, apply the
hand curation, and give each entry a stable id."""

from __future__ import annotations

import hashlib
import logging
import re
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from drafter.core import segment
from drafter.core.markers import match_marker
from drafter.core.model import Draft
from drafter.core.vocab import (
    ANTITHESIS,
    CLOSING,
    FOUR_CHAR,
    NUMBERED,
    OPENING,
    PARALLEL,
    SCAFFOLD,
    TRANSITION,
)
from drafter.core.yamlio import load_yaml
from drafter.miner import antithesis, four_char, numbered, parallel, scaffolds, shapes
from drafter.miner.candidate import Candidate
from drafter.miner.text import Paragraph

logger = logging.getLogger(__name__)

#: file name (without .yaml) of each category in phrasebank/.
CATEGORY_FILES = OrderedDict([
    (PARALLEL, "parallel"),
    (ANTITHESIS, "antithesis"),
    (NUMBERED, "numbered"),
    (SCAFFOLD, "scaffold"),
    (FOUR_CHAR, "four_char"),
    (TRANSITION, "transition"),
    (OPENING, "opening"),
    (CLOSING, "closing"),
])
_ID_PREFIX = {"parallel": "pl", "antithesis": "dy", "numbered": "sz", "scaffold": "tg",
              "four_char": "sz4", "transition": "gd", "opening": "kt", "closing": "jw"}


def entry_id(category: str, text: str) -> str:
    digest = hashlib.sha1(f"{category}\n{text}".encode()).hexdigest()[:8]
    return f"{_ID_PREFIX[CATEGORY_FILES[category]]}-{digest}"


class _NounFilter:
    """Tells a list of nouns (矿山、冶金、道路交通) from a run of four-character phrases."""

    def __init__(self) -> None:
        self._pseg = None

    def __call__(self, members: list[str]) -> bool:
        if self._pseg is None:
            self._pseg = segment.posseg()
        for member in members:
            tags = [w.flag for w in self._pseg.cut(member)]
            if any(t[0] in "vaidl" and t != "vn" for t in tags) or not shapes.nominal(member):
                return False
        return True


def _without_marker(par: Paragraph) -> Paragraph:
    """The paragraph without the number it opens with (一、深化认识，提高站位 → 深化认识，提高
    站位), so the marker is not read as a member of a series."""
    marker = match_marker(par.text)
    if marker is None or len(marker.text) >= len(par.text):
        return par
    return replace(par, text=par.text[len(marker.text):])


def candidates(corpus: list[tuple[Path, Draft, list[Paragraph]]]) -> list[Candidate]:
    nouns = _NounFilter()
    found: list[Candidate] = []
    for _path, draft, paragraphs in corpus:
        found.extend(scaffolds.sibling_scaffolds(draft, paragraphs))
        found.extend(scaffolds.dash_series(paragraphs))
        first_heading = next((k for k, p in enumerate(paragraphs) if p.heading), len(paragraphs))
        for k, par in enumerate(paragraphs):
            bare = _without_marker(par)
            series = parallel.parallels(bare)
            found.extend(series)
            found.extend(antithesis.antitheses(bare, antithesis.clause_series(series)))
            found.extend(numbered.numbered(bare))
            found.extend(four_char.four_char_runs(bare, nouns))
            found.extend(scaffolds.inline_series(par))
            found.extend(scaffolds.short_sentence_series(par))
            if k < first_heading or par.role == "opening":
                position = "first"
            elif par.role == "closing" or k == len(paragraphs) - 1:
                position = "last"
            else:
                position = ""
            found.extend(scaffolds.connectives(par, position))
    return found


def merge(found: list[Candidate]) -> list[dict]:
    """One entry per (category, text): frequency, roles, first source."""
    groups: dict[tuple[str, str], list[Candidate]] = {}
    for cand in found:
        groups.setdefault((cand.category, cand.text), []).append(cand)
    entries = []
    for (category, text), cands in groups.items():
        cands.sort(key=lambda c: (c.file, c.paragraph))
        first = cands[0]
        entry = {
            "id": entry_id(category, text),
            "text": text,
            "category": category,
            "roles": sorted({c.role for c in cands}),
            "frequency": len(cands),
            "source": {"file": first.file, "paragraph": first.paragraph},
        }
        members = next((c.members for c in cands if c.members), ())
        if members:
            entry["members"] = list(members)
        frame = next((c for c in cands if c.frame), None)
        if frame is not None:
            entry["frame"] = frame.frame
            entry["slots"] = list(frame.slots)
        entries.append(entry)
    entries.sort(key=lambda e: (e["source"]["file"], e["source"]["paragraph"], e["text"]))
    return entries


def apply_curation(entries: list[dict], curation: dict) -> list[dict]:
    """Drop entries judged noise, edit fields, add hand-written entries."""
    drop = set(curation.get("drop") or [])
    edits = curation.get("edit") or {}
    result = []
    for entry in entries:
        if entry["id"] in drop:
            continue
        if entry["id"] in edits:
            edit = edits[entry["id"]]
            entry = {**entry, **edit}
            if "text" in edit and "frame" not in edit:
                entry.pop("frame", None)  # the mined frame was of the old text
                entry.pop("slots", None)
        result.append(entry)
    known = {e["id"] for e in result}
    for added in curation.get("add") or []:
        entry = dict(added)
        entry.setdefault("id", entry_id(entry["category"], entry["text"]))
        if entry["id"] not in known:
            result.append(entry)
            known.add(entry["id"])
    return result


_PLACEHOLDER = re.compile(r"[*＊]{2,}|[XＸ×]{2,}|某某")


def formulation_rules(path: Path) -> list[tuple[re.Pattern[str], str]]:
    """(pattern, note) for every outdated or wrong formulation of the checks' dated list."""
    if not path.is_file():
        return []
    data, _lines = load_yaml(path)
    rules = []
    for kind, label in (("outdated", "过时表述"), ("wrong", "不规范表述")):
        for item in (data or {}).get(kind) or []:
            if not isinstance(item, dict) or not (item.get("text") or item.get("pattern")):
                continue
            try:
                pattern = re.compile(item.get("pattern") or re.escape(item["text"]))
            except re.error:
                continue
            since = f"（自 {item['since']} 起）" if item.get("since") else ""
            rules.append((pattern, f"{label}{since}：{item.get('reason') or ''}".rstrip("：")))
    return rules


def national_concepts(path: Path, extra: list[str]) -> dict[str, list[str]]:
    """Numbered concepts of national standing (the checks' list of fixed formulae, plus the
    curation's) with their canonical members where the list gives them."""
    found: dict[str, list[str]] = {name: [] for name in extra}
    if path.is_file():
        data, _lines = load_yaml(path)
        for item in (data or {}).get("formulae") or []:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                found[item["name"]] = [str(m) for m in item.get("members") or []]
    return found


#: short place names that are also common words (东方, 中山 …): only their full names count.
_COMMON_WORDS = {"东方", "中山", "安康", "长治", "白山", "大同", "吉安", "永安", "长安", "太平", "和平",
                 "宁安", "红河", "黄山", "合作", "开平", "大安", "新城", "城关", "丰都", "江北", "江南",
                 "河东", "河西", "城中", "城东", "城西", "城南", "城北", "青山", "南山", "北海", "西安",
                 "新华", "解放", "人民", "胜利", "光明", "前进", "朝阳", "向阳", "红旗", "东风"}


def place_names(path: Path) -> set[str]:
    """Province, prefecture and county names from the checks' division list, with the short
    form of province and prefecture names (长春市 → 长春) unless it is a common word."""
    names: set[str] = set()
    if not path.is_file():
        return names
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or len(parts[0]) != 6:
            continue
        code, name = parts[0], parts[2]
        if len(name) >= 3 and name not in ("市辖区", "矿区", "郊区", "城区"):
            names.add(name)
        short = re.sub(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|盟|自治州)$", "", name)
        if code.endswith("00") and len(short) >= 2 and short not in _COMMON_WORDS:
            names.add(short)
    return names


def annotate(entries: list[dict], titles: dict, rules: list[tuple[re.Pattern[str], str]],
             extra_notes: dict | None = None, national: dict | None = None,
             places: set[str] | None = None) -> list[dict]:
    """Entries with placeholders (**, XX) left out; the source named by its speech's title;
    entries the dated formulation list calls outdated, and those the curation marks (one-off
    local facts, finished tasks), carry a note instead of passing for insertable; numbered
    concepts say whether they are national (with the canonical members) or local."""
    national = national or {}
    result = []
    for entry in entries:
        if _PLACEHOLDER.search(entry["text"]):
            continue
        entry = dict(entry)
        source = dict(entry.get("source") or {})
        title = titles.get(source.get("file", ""))
        if title:
            source["title"] = title
        entry["source"] = source
        if entry["category"] == NUMBERED:
            canon = national.get(entry["text"].strip("“”"))
            entry["scope"] = "全国" if canon is not None else "地方"
            if canon and not entry.get("members"):
                entry["members"] = list(canon)
        notes = [note for pattern, note in rules if pattern.search(entry["text"])]
        if entry.get("scope") == "地方" and not entry.get("members"):
            notes.append("地方提法，原文未写明内容，不宜直接引用")
        local = sorted(p for p in places or () if p in entry["text"])
        if local:
            notes.append(f"含地名“{local[0]}”，是原讲话所在地的事实，换用本地内容")
        notes += [note for word, note in (extra_notes or {}).items() if word in entry["text"]]
        if notes:
            entry["note"] = "；".join(dict.fromkeys(notes))
        result.append(entry)
    return result


def by_file(entries: list[dict]) -> dict[str, list[dict]]:
    files: dict[str, list[dict]] = {name: [] for name in CATEGORY_FILES.values()}
    for entry in entries:
        files[CATEGORY_FILES[entry["category"]]].append(entry)
    return files
