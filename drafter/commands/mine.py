"""`drafter mine`: 从语料重建结构模板和常用表述库."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from drafter.commands._common import add_command
from drafter.core.errors import DrafterError


def register(sub) -> None:
    parser = add_command(sub, "mine")
    parser.add_argument("paths", nargs="*", help="语料文件或文件夹（默认内置语料 resources/corpus）")
    parser.add_argument("--out", required=True, help="输出文件夹（写入 templates/ 和 phrasebank/）")
    parser.add_argument("--curation", metavar="F.yaml",
                        help="人工校订文件（默认 resources/curation.yaml）")
    parser.add_argument("--no-curation", action="store_true", help="不合并人工校订")
    parser.add_argument("--library", nargs="?", const="", metavar="位置",
                        help="从讲话稿库归纳（SQLite 文件或 postgresql://…；不写则为默认讲话稿库）")
    parser.add_argument("--occasion", metavar="场合",
                        help="只归纳这一类讲话的模板（如 安全生产工作会议 或 anquan-shengchan）")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from drafter.miner import default_curation, export_library, mine
    curation = Path(args.curation) if args.curation else default_curation()
    if args.no_curation:
        curation = Path("/nonexistent/curation.yaml")
    if args.library is not None:
        if args.paths:
            raise DrafterError("--library 与语料路径只能选一个")
        with tempfile.TemporaryDirectory(prefix="drafter-library-") as folder:
            export_library(args.library or None, Path(folder))
            result = mine([Path(folder)], Path(args.out), curation, args.occasion)
    else:
        result = mine([Path(p) for p in args.paths] or None, Path(args.out), curation, args.occasion)
    for notice in result.notices:
        print(notice, file=sys.stderr)
    print(f"模板 {len(result.templates)} 个：{Path(args.out) / 'templates'}")
    counts = "，".join(f"{k} {v}" for k, v in result.counts.items())
    print(f"常用表述：{counts}（{Path(args.out) / 'phrasebank'}）")
    return 0
