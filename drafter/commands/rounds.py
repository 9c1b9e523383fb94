"""`drafter rounds`: 送审轮次（第一稿、征求意见稿、送审稿……）.

    drafter rounds save 讲话.draft 第一稿 [--replace]   把草稿当前的文字存为一个轮次
    drafter rounds list 讲话.draft [--json]             列出各轮次
    drafter rounds show 讲话.draft 第一稿 [--json]       只读查看某一轮次
    drafter rounds restore 讲话.draft 第一稿            恢复到某一轮次（当前文字先另存为一个轮次）

A round is compared with ``drafter compare 讲话.draft@第一稿 讲话.draft``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafter.commands._common import add_command, print_json
from drafter.core import rounds
from drafter.core.storage import read_draft, save_draft


def register(sub) -> None:
    parser = add_command(sub, "rounds")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True,
                                    parser_class=type(parser))
    save = add_command(actions, "save", "把草稿当前的文字存为一个轮次")
    save.add_argument("draft", help="草稿文件（.draft）")
    save.add_argument("name", help="轮次名称，如 第一稿、征求意见稿、送审稿")
    save.add_argument("--replace", action="store_true", help="覆盖同名的轮次")
    save.set_defaults(func=run_save)
    listing = add_command(actions, "list", "列出草稿的各轮次")
    listing.add_argument("draft", help="草稿文件（.draft）")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(func=run_list)
    show = add_command(actions, "show", "只读查看某一轮次的提纲和文字")
    show.add_argument("draft", help="草稿文件（.draft）")
    show.add_argument("name", help="轮次名称")
    show.add_argument("--json", action="store_true", help="以 JSON 输出（同 drafter parse --json）")
    show.set_defaults(func=run_show)
    restore = add_command(actions, "restore", "把草稿恢复为某一轮次（当前文字先另存为一个轮次）")
    restore.add_argument("draft", help="草稿文件（.draft）")
    restore.add_argument("name", help="轮次名称")
    restore.set_defaults(func=run_restore)


def run_save(args: argparse.Namespace) -> int:
    draft, _hash = read_draft(args.draft)
    entry = rounds.save_round(args.draft, draft, args.name, replace=args.replace)
    print(f"已保存轮次“{entry.name}”（{entry.chars:,} 字）：{rounds.rounds_dir(args.draft) / entry.file}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    if not Path(args.draft).is_file():
        read_draft(args.draft)  # the reader's message for a missing file or a folder
    found = rounds.list_rounds(args.draft)
    if args.json:
        print_json([{"name": r.name, "saved": r.saved, "chars": r.chars, "file": r.file} for r in found])
        return 0
    if not found:
        print("这份草稿还没有保存过轮次。")
    for r in found:
        print(f"{r.name}\t{r.saved}\t{r.chars:,} 字")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from drafter.commands.parse import outline_json, outline_text

    draft = rounds.open_round(args.draft, args.name)
    if args.json:
        print_json(outline_json(draft))
    else:
        sys.stdout.write(outline_text(draft))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    current, loaded = read_draft(args.draft)
    restored = rounds.restore_round(args.draft, args.name, current)
    save_draft(args.draft, restored, expected_hash=loaded)
    print(f"已恢复为轮次“{args.name}”；恢复前的文字已另存为一个轮次（drafter rounds list 可见）")
    return 0
