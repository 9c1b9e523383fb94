"""`drafter check`: 审校：检查草稿中的问题.

Prints the findings of ``drafter.checks.run_checks`` grouped by level-1 part, each with its
paragraph number and marker; ``--json`` prints a list of objects instead.  Exit code 1 when
there is any error, 0 otherwise, 2 for bad input.  The overlap check (查重) uses the user's
library when it exists (``--no-library`` skips it).
"""

from __future__ import annotations

import argparse
import sys

from drafter.checks import CHECK_NAMES, CHECKS, ERROR, CheckOptions, Finding
from drafter.checks.base import (
    SEVERITIES,
    SEVERITY_NAMES,
    around,
    content,
    marker_of,
    section_head,
    section_label,
    where_label,
)
from drafter.commands._common import add_command, print_json
from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.editing.checking import run_findings


def register(sub) -> None:
    parser = add_command(sub, "check")
    parser.add_argument("file", help="草稿、.txt 或 .docx")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.add_argument("--budget", type=float, metavar="分钟", help="讲话时限（分钟），超出时提醒")
    parser.add_argument("--rate", type=int, default=230, metavar="字数",
                        help="每分钟讲多少字（默认 230，一般 220～250）")
    parser.add_argument("--place", metavar="地名", help="本稿的地名，如 临江县、吉林省白山市抚松县（默认取草稿字段、标题或正文）")
    parser.add_argument("--rules", metavar="F.yaml", help="补充的规范表述/过时表述/地名列表")
    parser.add_argument("--divisions", metavar="区划数据.tsv", help="另用一份行政区划数据（默认为内置的民政部区划代码）")
    parser.add_argument("--no-library", action="store_true", help="不与本地讲话稿库查重")
    parser.add_argument("--library", metavar="位置", help="用指定的讲话稿库查重：SQLite 文件或 "
                        "postgresql://用户@主机:端口/库名（默认取 DRAFTER_LIBRARY，再默认为个人数据中的库）")
    parser.add_argument("--min-overlap", type=int, default=20, metavar="字数",
                        help="查重时报告的最短相同字数（默认 20）")
    parser.add_argument("--max-parallels", type=int, default=3, metavar="组数",
                        help="一段中排比多于几组时提醒（默认 3）")
    parser.add_argument("--only", metavar="检查", help="只做这些检查（逗号分隔）：" + "，".join(
        f"{k}={v}" for k, v in CHECK_NAMES.items()))
    parser.set_defaults(func=run)


def _options(args: argparse.Namespace) -> CheckOptions:
    if args.budget is not None and not args.budget > 0:
        raise DrafterError(f"时限应大于 0 分钟（--budget {args.budget:g}）")
    if args.rate <= 0:
        raise DrafterError(f"每分钟字数应大于 0（--rate {args.rate}）")
    if args.max_parallels < 1:
        raise DrafterError(f"排比组数至少为 1（--max-parallels {args.max_parallels}）")
    if args.min_overlap < 6:
        raise DrafterError(f"查重的最短字数至少为 6（--min-overlap {args.min_overlap}）")
    only = None
    if args.only:
        only = {name.strip() for name in args.only.replace("，", ",").split(",") if name.strip()}
        unknown = only - set(CHECKS)
        if unknown:
            raise DrafterError(f"没有名为“{'、'.join(sorted(unknown))}”的检查（可用：{'、'.join(CHECKS)}）")
    return CheckOptions(only=only, place=args.place, rules=args.rules, divisions=args.divisions, source_path=args.file,
                        min_overlap=args.min_overlap, rate=args.rate, budget_minutes=args.budget,
                        max_parallels=args.max_parallels)


def run(args: argparse.Namespace) -> int:
    from drafter.corpus.documents import load_document

    options = _options(args)
    draft = load_document(args.file)
    # the runner the editor's 审校 panel uses too: the library opened read-only when there is
    # one (--library names one that must be there), a broken own library skipped with a note
    findings, note = run_findings(draft, options, use_library=not args.no_library,
                                  library_path=args.library, explicit=bool(args.library))
    if "本次未查重" in note:
        print(note.strip("（）"), file=sys.stderr)
    for f in findings:
        if f.source and f.source.get("skipped") and f.source.get("file"):
            print(f.message, file=sys.stderr)  # a broken rules or division file: say so where it shows
    if args.json:
        derived = draft.markers()
        print_json([finding_json(draft, f, derived) for f in findings])
    else:
        print(report(draft, findings, args.file))
    return 1 if any(f.severity == ERROR for f in findings) else 0


def finding_json(draft: Draft, f: Finding, derived: list[str] | None = None) -> dict:
    derived = derived if derived is not None else draft.markers()
    head = section_head(draft, f.block)
    return {**f.to_dict(),
            "name": CHECK_NAMES.get(f.check, f.check),
            "marker": marker_of(draft, f.block, derived) if f.block is not None else "",
            "section": None if f.block is None else section_label(draft, head, derived)}


def report(draft: Draft, findings: list[Finding], path: str) -> str:
    derived = draft.markers()
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    lines = [f"审校：{path}（错误 {counts['error']} 处，提醒 {counts['warning']} 处，信息 {counts['info']} 处）"]
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        label = "全文" if f.block is None else section_label(draft, section_head(draft, f.block), derived)
        groups.setdefault(label, []).append(f)
    for label, group in groups.items():
        lines.append("")
        lines.append(f"【{label}】")
        for f in _fold_placeholders(draft, group):
            lines.append(f"  {where_label(draft, f.block, derived)}　{SEVERITY_NAMES[f.severity]}"
                         f"（{CHECK_NAMES.get(f.check, f.check)}）：{f.message}")
            if f.suggestion:
                lines.append(f"      建议：{f.suggestion}")
    if not any(f.severity != "info" for f in findings):
        lines.append("")
        lines.append("未发现错误或需要提醒的问题。")
    return "\n".join(lines)


#: A paragraph with more placeholders than this gets one line in the report (an anonymised or
#: half-filled speech has dozens: 117 lines of “**” say less than one line a paragraph).
FOLD_PLACEHOLDERS = 3


def _fold_placeholders(draft: Draft, group: list[Finding]) -> list[Finding]:
    """The findings of a report section, with the placeholders of a paragraph that has many of
    them said in one line (本段 12 处占位未填：“**”×10、“X月X日”×2); --json keeps each one."""
    by_block: dict[int, list[Finding]] = {}
    for f in group:
        if f.check == "placeholder" and f.block is not None:
            by_block.setdefault(f.block, []).append(f)
    folded, done = [], set()
    for f in group:
        many = by_block.get(f.block) if f.check == "placeholder" else None
        if not many or len(many) <= FOLD_PLACEHOLDERS:
            folded.append(f)
            continue
        if f.block in done:
            continue
        done.add(f.block)
        text = content(draft, f.block)
        kinds: dict[str, int] = {}
        for g in many:
            kinds[text[g.start:g.end]] = kinds.get(text[g.start:g.end], 0) + 1
        said = "、".join(f"“{k}”" + (f"×{n}" if n > 1 else "") for k, n in kinds.items())
        severity = ERROR if any(g.severity == ERROR for g in many) else many[0].severity
        folded.append(Finding("placeholder", severity, f.block, f.start, many[-1].end,
                              f"本段 {len(many)} 处占位未填：{said}（第一处：{around(text, f.start, f.end)}）",
                              "逐处填写实际内容或删去"))
    return folded
