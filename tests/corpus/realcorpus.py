"""The reader measured on the real-speech corpus (tests/data/real/): the figures of issue 9.

For each text, ``evaluate`` parses it on the real code path (``parse_file``) and compares the
result with its hand-checked expectation file:

- *fields*: title, speaker, speaker_role, date (ISO), occasion, salutation — right when equal to
  the expectation or one of its ``*_alternatives``;
- *chrome left in the body*: expected ``dropped`` fragments and ``front_matter`` lines found in
  the text of a block (target 0); *dropped kept*: expected fragments found in ``Draft.dropped``;
- *invented markers*: headings whose marker on a plain re-export (``render_lines``) differs from
  the marker the source had, or that get a marker where the source had none (target 0);
- *headings*: precision, recall and F1 of (level, marker, start) against the expected headings;
- *level-1 roles*: the expected role of each level-1 heading against the parsed one;
- *closing*: the first closing paragraph starts where the expectation says (or there is none).

``bench/report_reader.py`` prints the table; ``test_real_corpus.py`` holds the targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from drafter.core.vocab import SPEAKER_ROLE
from drafter.corpus.chrome import iso_date
from drafter.corpus.documents import parse_file
from drafter.corpus.render import render_lines

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
FIELDS = ("title", "speaker", "speaker_role", "date", "occasion", "salutation")


def cases() -> list[Path]:
    return sorted(REAL.glob("[0-9][0-9][0-9]_*.yaml"))


@dataclass
class Result:
    id: str
    fields: dict[str, bool] = field(default_factory=dict)
    wrong_fields: list[str] = field(default_factory=list)
    chrome_in_body: list[str] = field(default_factory=list)
    dropped_expected: int = 0
    dropped_kept: int = 0
    invented: list[str] = field(default_factory=list)
    headings_expected: int = 0
    headings_found: int = 0
    headings_matched: int = 0
    heading_misses: list[str] = field(default_factory=list)
    roles_expected: int = 0
    roles_right: int = 0
    role_misses: list[str] = field(default_factory=list)
    closing_right: bool = True
    closing_note: str = ""


def _value(draft, key: str):
    if key == "date":
        return iso_date(draft.date) if draft.date else None
    if key == SPEAKER_ROLE:
        return draft.fields.get(SPEAKER_ROLE) or None
    return getattr(draft, key) or None


def evaluate(path: Path) -> Result:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    expected = doc["expected"]
    draft = parse_file(REAL / doc["text"])
    result = Result(doc["id"])
    for key in FIELDS:
        got = _value(draft, key)
        allowed = [expected.get(key)] + list(expected.get(f"{key}_alternatives") or [])
        ok = got in allowed
        result.fields[key] = ok
        if not ok:
            result.wrong_fields.append(f"{key}: {got!r} ≠ {expected.get(key)!r}")

    body = [b.text + b.body for b in draft.blocks]
    dropped = "\n".join(draft.dropped)
    for fragment in expected.get("dropped") or []:
        fragment = str(fragment).strip()
        result.dropped_expected += 1
        if fragment in dropped or any(d and d in fragment for d in draft.dropped if len(d) >= 4):
            result.dropped_kept += 1
        if any(fragment in text for text in body):
            result.chrome_in_body.append(fragment)
    for line in expected.get("front_matter") or []:
        line = str(line).strip()
        if any(text == line or text.startswith(line) and len(line) >= 8 for text in body):
            result.chrome_in_body.append(line)

    render_lines(draft)  # the plain re-export: its markers are draft.markers()
    for block, marker in zip(draft.blocks, draft.markers()):
        if block.is_heading and marker != block.source_marker:
            result.invented.append(f"{block.source_marker or '（无）'}→{marker} {block.text[:10]}")

    found = [(b.level, b.source_marker, b.text) for b in draft.blocks if b.is_heading]
    result.headings_found = len(found)
    used: set[int] = set()
    level_one = [i for i, b in enumerate(draft.blocks) if b.is_heading and b.level == 1]
    matched_level_one: list[int | None] = []
    for head in expected.get("headings") or []:
        result.headings_expected += 1
        start = str(head["start"])
        hit = next((k for k, (level, marker, text) in enumerate(found) if k not in used
                    and level == head["level"] and marker == head["marker"] and text.startswith(start)), None)
        if hit is None:
            result.heading_misses.append(f"{head['level']} {head['marker']}{start}")
        else:
            used.add(hit)
            result.headings_matched += 1
        if head["level"] == 1:
            heading_index = None
            if hit is not None:
                heading_index = [i for i, b in enumerate(draft.blocks) if b.is_heading][hit]
            matched_level_one.append(heading_index)
    roles = list(expected.get("roles") or [])
    for k, role in enumerate(roles):
        result.roles_expected += 1
        index = matched_level_one[k] if k < len(matched_level_one) else None
        got = draft.blocks[index].role if index is not None else None
        if got == role:
            result.roles_right += 1
        else:
            result.role_misses.append(f"#{k + 1}: {got} ≠ {role}")
    del level_one

    closing = next((b for b in draft.blocks if b.role == "closing"), None)
    want = expected.get("closing_start")
    if want is None:
        result.closing_right = closing is None
        result.closing_note = "" if closing is None else f"closing at {closing.text[:12]!r}, expected none"
    else:
        result.closing_right = closing is not None and (closing.text + closing.body).startswith(str(want))
        if not result.closing_right:
            result.closing_note = f"closing at {closing.text[:12] if closing else None!r}, expected {want!r}"
    return result


@dataclass
class Summary:
    texts: int
    field_accuracy: dict[str, float]
    chrome_in_body: int
    dropped_recall: float
    invented_markers: int
    heading_precision: float
    heading_recall: float
    heading_f1: float
    role_accuracy: float
    roles_expected: int
    closing_accuracy: float


def summarise(results: list[Result]) -> Summary:
    n = len(results)
    acc = {key: sum(r.fields[key] for r in results) / n for key in FIELDS}
    expected = sum(r.headings_expected for r in results)
    found = sum(r.headings_found for r in results)
    matched = sum(r.headings_matched for r in results)
    precision = matched / found if found else 1.0
    recall = matched / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    roles = sum(r.roles_expected for r in results)
    return Summary(
        texts=n, field_accuracy=acc,
        chrome_in_body=sum(len(r.chrome_in_body) for r in results),
        dropped_recall=sum(r.dropped_kept for r in results) / max(1, sum(r.dropped_expected for r in results)),
        invented_markers=sum(len(r.invented) for r in results),
        heading_precision=precision, heading_recall=recall, heading_f1=f1,
        role_accuracy=sum(r.roles_right for r in results) / roles if roles else 1.0, roles_expected=roles,
        closing_accuracy=sum(r.closing_right for r in results) / n)


def report(results: list[Result]) -> str:
    """The per-text table and the totals, as Markdown."""
    s = summarise(results)
    lines = ["| id | fields wrong | chrome in body | dropped kept | invented markers | headings (hit/exp/found) "
             "| roles | closing |", "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r.id} | {'; '.join(r.wrong_fields) or '—'} | {len(r.chrome_in_body)} "
                     f"| {r.dropped_kept}/{r.dropped_expected} | {len(r.invented)} "
                     f"| {r.headings_matched}/{r.headings_expected}/{r.headings_found} "
                     f"| {r.roles_right}/{r.roles_expected} | {'ok' if r.closing_right else r.closing_note} |")
    lines += ["", f"Texts: {s.texts}", "",
              "Field accuracy: " + ", ".join(f"{k} {v:.2f}" for k, v in s.field_accuracy.items()),
              f"Chrome lines left in the body: {s.chrome_in_body}",
              f"Expected dropped fragments kept under dropped: {s.dropped_recall:.2f}",
              f"Invented markers on re-export: {s.invented_markers}",
              f"Headings: precision {s.heading_precision:.2f}, recall {s.heading_recall:.2f}, "
              f"F1 {s.heading_f1:.2f}",
              f"Level-1 role accuracy: {s.role_accuracy:.2f} (of {s.roles_expected})",
              f"Closing recognition: {s.closing_accuracy:.2f}"]
    misses = [(r.id, m) for r in results for m in r.heading_misses + r.role_misses + r.chrome_in_body + r.invented]
    if misses:
        lines += ["", "Misses:"] + [f"- {i}: {m}" for i, m in misses]
    return "\n".join(lines)
