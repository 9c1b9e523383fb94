"""`drafter parse`: 显示讲话稿的提纲结构.

``--json`` prints the object of DESIGN §4; otherwise an indented outline with each point's
marker, heading, role and character count (the section's, heading and body included), and one
line for each run of plain paragraphs.
"""

from __future__ import annotations

import argparse
import sys

from drafter.commands._common import add_command, print_json
from drafter.core.model import Draft
from drafter.core.vocab import DRAFT_FIELDS, FIELD_LABELS, ROLE_NAMES
from drafter.corpus.chrome import iso_date
from drafter.corpus.roles import explain_draft


def register(sub) -> None:
    parser = add_command(sub, "parse")
    parser.add_argument("file", help="讲话稿（.txt 或 .docx）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--explain", action="store_true", help="说明每个一级部分的角色依据")
    parser.set_defaults(func=run)


def outline_json(draft: Draft) -> dict:
    """The JSON object of DESIGN §4."""
    blocks = []
    for block, derived in zip(draft.blocks, draft.markers()):
        if block.is_heading:
            blocks.append({"kind": "heading", "level": block.level,
                           "marker": block.source_marker or derived, "text": block.text,
                           "body": block.body, "role": block.role})
        else:
            blocks.append({"kind": "paragraph", "text": block.text, "role": block.role})
    return {"title": draft.title or None, "speaker": draft.speaker or None,
            "date": iso_date(draft.date) if draft.date else None, "occasion": draft.occasion or None,
            "salutation": draft.salutation or None, "dropped": list(draft.dropped),
            "revisions": [r.as_json() for r in draft.review.revisions] if draft.review else [],
            "comments": [c.as_json() for c in draft.review.comments] if draft.review else [], "doubts": list(draft.doubts), "blocks": blocks}


def _chars(draft: Draft, start: int, end: int) -> int:
    return sum(len(b.text) + len(b.body) for b in draft.blocks[start:end])


def outline_text(draft: Draft) -> str:
    lines = []
    for key in DRAFT_FIELDS:
        if getattr(draft, key):
            lines.append(f"{FIELD_LABELS[key]}：{getattr(draft, key)}")
    if draft.dropped:
        lines.append(f"已略去 {len(draft.dropped)} 行网页或排版信息（--json 可查看）")
    for doubt in draft.doubts:
        lines.append(f"注意：{doubt}")
    parts = sum(1 for b in draft.blocks if b.is_heading and b.level == 1)
    heads = len(draft.headings())
    lines.append(f"共 {len(draft.blocks)} 段，{heads} 个编号标题（{parts} 个一级部分），"
                 f"{draft.char_count():,} 字")
    markers = draft.markers()
    blocks = draft.blocks
    i = 0
    depth = 0
    while i < len(blocks):
        block = blocks[i]
        if block.is_heading:
            depth = block.level
            marker = block.source_marker or markers[i]
            count = _chars(draft, i, draft.section_end(i))
            body = f" ……（正文 {len(block.body):,} 字）" if block.body else ""
            lines.append(f"{'    ' * (depth - 1)}{marker}{block.text}{body}"
                         f"  〔{ROLE_NAMES.get(block.role, block.role)}，{count:,} 字〕")
            i += 1
            continue
        j = i
        while j < len(blocks) and not blocks[j].is_heading and blocks[j].role == block.role:
            j += 1
        first = block.text if len(block.text) <= 16 else block.text[:16] + "……"
        indent = 0 if block.role in ("opening", "closing") else depth
        lines.append(f"{'    ' * indent}¶ {j - i} 段：{first}"
                     f"  〔{ROLE_NAMES.get(block.role, block.role)}，{_chars(draft, i, j):,} 字〕")
        i = j
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from drafter.corpus.documents import load_document

    draft = load_document(args.file)
    if args.json:
        data = outline_json(draft)
        if args.explain:
            data["explain"] = [{"index": r.index, "role": r.role, "text": draft.blocks[r.index].text,
                                "scores": {k: round(v, 2) for k, v in r.scores.items()}, "reasons": r.reasons}
                               for r in explain_draft(draft)]
        print_json(data)
        return 0
    sys.stdout.write(outline_text(draft))
    if args.explain:
        sys.stdout.write(explain_text(draft))
    return 0


def explain_text(draft: Draft) -> str:
    """Why each part has its role: scores and the evidence (heading words, tense, position)."""
    lines = ["", "各部分角色的依据："]
    markers = draft.markers()
    for report in explain_draft(draft):
        block = draft.blocks[report.index]
        scores = "，".join(f"{ROLE_NAMES[k]} {v:.1f}" for k, v in report.scores.items())
        lines.append(f"{block.source_marker or markers[report.index]}{block.text[:24]} → "
                     f"{ROLE_NAMES.get(report.role, report.role)}（{scores}）")
        lines.extend(f"    {reason}" for reason in report.reasons or ["没有明显的用词或语气依据"])
    return "\n".join(lines) + "\n"
