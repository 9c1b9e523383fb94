"""`drafter library`: the local library of past speeches."""

from __future__ import annotations

import argparse
import sys

from drafter.commands._common import add_command, print_json
from drafter.corpus.library import Library


def run_add(args: argparse.Namespace) -> int:
    failed = added = same = 0
    with Library() as library:
        for result in library.add(args.paths):
            if result.error is not None:
                failed += 1
                print(result.error.message, file=sys.stderr)
            elif result.added:
                added += 1
                print(f"已导入：{result.path}")
            else:
                same += 1
    print(f"共导入 {added} 篇，{same} 篇已在库中未变，{failed} 篇失败")
    return 2 if failed else 0


def run_search(args: argparse.Namespace) -> int:
    with Library() as library:
        hits = library.search(args.query, args.limit)
    if args.json:
        print_json([{"path": h.path, "title": h.title, "block": h.block, "role": h.role,
                     "marker": h.marker, "text": h.text} for h in hits])
        return 0
    if not hits:
        print(f"未找到“{args.query}”")
    for h in hits:
        print(f"《{h.title}》 第 {h.block + 1} 段 {h.marker}［{h.role}］\n    {h.snippet(args.query)}")
    return 0


def register(sub) -> None:
    parser = add_command(sub, "library")
    inner = parser.add_subparsers(dest="library_command", metavar="操作", required=True,
                                  parser_class=type(parser))
    add = add_command(inner, "add", "导入文件或文件夹")
    add.add_argument("paths", nargs="+", help="文件或文件夹")
    add.set_defaults(func=run_add)
    search = add_command(inner, "search", "全文检索")
    search.add_argument("query", help="检索词")
    search.add_argument("--limit", type=int, default=20, help="最多显示条数")
    search.add_argument("--json", action="store_true", help="以 JSON 输出")
    search.set_defaults(func=run_search)
