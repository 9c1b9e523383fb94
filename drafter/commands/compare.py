"""`drafter compare OLD NEW [-o OUT.docx | --json]`: 比较两个版本（修订稿）.

OLD and NEW are drafts (.draft), Word files (.docx), text files (.txt) or rounds of a draft
written ``讲话.draft@第一稿`` (see ``core/rounds.py``).  Without options a summary and one
line per change; ``--json`` the comparison as JSON; ``-o OUT.docx`` NEW in its print layout with
every difference from OLD as a Word tracked change (修订).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafter.commands._common import add_command, print_json
from drafter.compare import compare_drafts
from drafter.compare.report import change_entries, comparison_json, describe, little_in_common_note, summary
from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.core.rounds import open_round, split_spec, strictest_source
from drafter.corpus.documents import load_document
from drafter.export.fonts import FONT_SETS


def register(sub) -> None:
    parser = add_command(sub, "compare")
    parser.add_argument("old", help="旧版本：草稿、.docx、.txt，或“草稿.draft@轮次名”")
    parser.add_argument("new", help="新版本：同上")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", help="输出带修订（修订标记）的 .docx")
    out.add_argument("--json", action="store_true", help="以 JSON 输出比较结果")
    parser.add_argument("--author", default="Drafter", help="修订的作者（默认 Drafter）")
    parser.add_argument("--fonts", default="gb2312", choices=list(FONT_SETS), help="字体方案")
    parser.set_defaults(func=run)


def load_version(spec: str, notes: list[str] | None = None) -> Draft:
    """A draft, a .docx/.txt speech, or a round (``FILE.draft@NAME``).  A reviewer's .docx
    counts with its pending revisions accepted (that is the version the reviewer made); a note
    says so."""
    path, name = split_spec(spec)
    if name is None:
        draft = load_document(path)
        if draft.review is not None and draft.review.revisions and draft.review.accepted is not None:
            if notes is not None:
                notes.append(f"提示：{path} 中有{draft.review.summary().rstrip('。')}，比较时按全部接受计算")
            return draft.review.accepted
        return draft
    if not path.exists():
        raise DrafterError("文件不存在", path)
    return open_round(path, name)


def run(args: argparse.Namespace) -> int:
    from drafter.core.storage import atomic_write
    from drafter.export import check_target
    from drafter.export.tracked import tracked_docx_bytes

    notes: list[str] = []
    old, new = load_version(args.old, notes), load_version(args.new, notes)
    comparison = compare_drafts(old, new)
    if args.json:
        print_json(comparison_json(comparison, args.old, args.new))
        return 0
    for note in [*notes, little_in_common_note(comparison)]:
        if note:
            print(note, file=sys.stderr)
    if args.output:
        target = Path(args.output)
        if target.suffix.lower() != ".docx":
            raise DrafterError("带修订的比较结果只能导出为 .docx", target)
        check_target(target)
        like = strictest_source(split_spec(spec)[0] for spec in (args.old, args.new))
        atomic_write(target, tracked_docx_bytes(comparison, new, args.author, fonts=args.fonts), like=like)
        print(summary(comparison))
        print(f"已导出带修订的文件：{target}")
        return 0
    print(summary(comparison))
    for entry in change_entries(comparison, collapse_moves=True):
        print(describe(entry))
    return 0
