"""Template extraction: the skeleton of each kind of speech, taken from the parser's outline
and merged with the hand-written parts of the curation file.

A speech's skeleton is its opening, one part per top-level heading (with the role the parser
gives it and the headings under it as examples) and its closing.  Speeches of one kind are
aligned part by part on their roles; the curation supplies what cannot be mined (the fields,
guidance, starter paragraphs with ``{{ field }}`` slots) and is matched to the mined parts
in the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.model import Draft
from drafter.miner.scaffolds import heading_sentence

_GENERIC_GUIDANCE = {
    "opening": "称呼、会议主要任务、对前面议程的简要评价，并预告讲几点意见。",
    "review": "回顾成绩、认清形势、指出存在问题，用数据说话。",
    "tasks": "部署重点任务，每项任务一个小标题，小标题尽量对仗、成排比。",
    "conduct": "提出作风建设、党风廉政建设和纪律要求。",
    "closing": "以“同志们，……”或“总之，……”收束，发出号召。",
    "other": "",
}
#: the 【】 prompt a part without a heading starts with.
PROMPTS = {"opening": "【开场：会议的主要任务，对前面议程的评价，讲几点意见】",
           "closing": "【结束语：以“同志们，……”收束，发出号召】"}
_GENERIC_CATEGORIES = {
    "opening": ["开头", "过渡语"], "review": ["数字概括", "四字格", "过渡语"],
    "tasks": ["提纲", "排比", "四字格"], "conduct": ["提纲", "排比", "数字概括"],
    "closing": ["结尾", "排比"], "other": [],
}


@dataclass
class MinedPart:
    role: str
    heading: str = ""
    examples: list[str] = field(default_factory=list)
    subheadings: list[str] = field(default_factory=list)


def mine_parts(draft: Draft) -> list[MinedPart]:
    parts: list[MinedPart] = []
    blocks = draft.blocks
    first = next((i for i, b in enumerate(blocks) if b.is_heading), len(blocks))
    if first > 0 or draft.salutation:
        parts.append(MinedPart("opening"))
    top = min((b.level for b in blocks if b.is_heading), default=1)
    for i, block in enumerate(blocks):
        if not (block.is_heading and block.level == top):
            continue
        kids = [heading_sentence(blocks[k].text) for k in draft.children(i)]
        text = heading_sentence(block.text)
        parts.append(MinedPart(block.role, text, [text], kids))
    last_heading = max((i for i, b in enumerate(blocks) if b.is_heading), default=-1)
    closing = [b for b in blocks[last_heading + 1:] if not b.is_heading and b.role == "closing"]
    if closing:
        parts.append(MinedPart("closing"))
    return parts


def align(curated: list[dict], mined: list[MinedPart]) -> list[MinedPart | None]:
    """For each curated part, the mined part with the same role, in order."""
    result: list[MinedPart | None] = []
    pos = 0
    for part in curated:
        match = None
        for j in range(pos, len(mined)):
            if mined[j].role == part.get("role"):
                match = mined[j]
                pos = j + 1
                break
        result.append(match)
    return result


def _examples(matches: list[MinedPart | None]) -> list[str]:
    examples: list[str] = []
    for m in matches:
        if m is None:
            continue
        for text in m.examples + m.subheadings:
            if text and text not in examples:
                examples.append(text)
    return examples


_ORDER = ("role", "heading", "guidance", "examples", "paragraphs", "sections", "phrase_categories")


def source_names(spec: dict, sources: list[tuple[Path, Draft]], titles: dict) -> list[str]:
    """What a template was taken from: corpus speeches by file and title, public speeches
    outside the corpus by title and address."""
    names = [f"{path.name}《{titles.get(path.name) or draft.title or path.stem}》"
             for path, draft in sources]
    for ref in spec.get("references") or []:
        names.append(f"《{ref['title']}》{ref.get('url', '')}")
    return names


_FIELD_KEYS = ("key", "label", "default", "required")


def curated_template(spec: dict, sources: list[tuple[Path, Draft]],
                     titles: dict | None = None) -> dict:
    """A curated template spec filled in with what the sources show."""
    mined = [mine_parts(draft) for _, draft in sources]
    curated_parts = spec.get("parts") or []
    aligned = [align(curated_parts, m) for m in mined]
    parts = []
    for i, part in enumerate(curated_parts):
        merged = dict(part)
        merged["examples"] = _examples([a[i] for a in aligned]) or list(part.get("examples") or [])
        merged.setdefault("phrase_categories", _GENERIC_CATEGORIES.get(part.get("role"), []))
        parts.append({k: merged[k] for k in _ORDER if merged.get(k) not in (None, [], "")})
    numbering = spec.get("numbering")
    if not numbering and sources:
        numbering = dict(sorted(sources[0][1].numbering.items()))
    out = {k: spec[k] for k in ("id", "name", "occasion", "title", "speaker", "date", "salutation")
           if spec.get(k)}
    out["fields"] = [{k: f[k] for k in _FIELD_KEYS if k in f} for f in spec.get("fields") or []]
    out["numbering"] = {int(k): v for k, v in numbering.items()}
    out["parts"] = parts
    out["sources"] = source_names(spec, sources, titles or {})
    return out


def generic_template(path: Path, draft: Draft) -> dict:
    """A template for a speech no curation describes: its own skeleton, headings as examples."""
    parts = []
    for mined in mine_parts(draft):
        part: dict = {"role": mined.role}
        if mined.heading:
            part["heading"] = mined.heading
        part["guidance"] = _GENERIC_GUIDANCE.get(mined.role, "")
        if mined.examples or mined.subheadings:
            part["examples"] = mined.examples + mined.subheadings
        if mined.subheadings:
            part["sections"] = [{"heading": h + "。"} for h in mined.subheadings]
        if not mined.heading:
            part["paragraphs"] = [PROMPTS.get(mined.role, "【本部分内容】")]
        part["phrase_categories"] = _GENERIC_CATEGORIES.get(mined.role, [])
        parts.append({k: v for k, v in part.items() if v not in ("", [])})
    if not parts:
        parts = [{"role": "other", "guidance": "（未识别出提纲结构）"}]
    levels = sorted({b.level for b in draft.blocks if b.is_heading} | {1, 2})
    return {
        "id": f"mined-{path.stem}",
        "name": draft.title or f"{path.stem} 的结构",
        "occasion": draft.occasion or "",
        "title": draft.title or "",
        "salutation": draft.salutation or "同志们：",
        "fields": [],
        "numbering": {lv: draft.numbering[lv] for lv in levels if lv in draft.numbering},
        "parts": parts,
        "sources": [path.name],
    }
