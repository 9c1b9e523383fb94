"""`drafter library`: the library of past speeches — add, list, remove, search.

Every subcommand takes ``--library LOCATION`` (a SQLite file or ``postgresql://user@host:port/db``);
without it, DRAFTER_LIBRARY, else the SQLite file in the user data folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

from drafter.commands._common import add_command, print_json
from drafter.core.errors import DrafterError
from drafter.core.vocab import ROLE_NAMES, ROLES
from drafter.corpus.library import expand, open_library, parse_query


def _progress(done: int, total: int, name: str) -> None:
    if sys.stderr.isatty():
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:30]:<30}")
        sys.stderr.flush()


def run_add(args: argparse.Namespace) -> int:
    expanded = expand(args.paths)
    if expanded.skipped:
        print(f"已跳过 {len(expanded.skipped)} 个非普通文件：" +
              "；".join(f"{p}（{why}）" for p, why in expanded.skipped))
    failed = added = same = 0
    total = len(expanded.files)
    with open_library(args.library) as library:
        _upgrade(library)
        try:
            for done, result in enumerate(library.add(expanded), 1):
                _progress(done, total, result.path.name)
                if result.error is not None:
                    failed += 1
                    print(("\n" if sys.stderr.isatty() else "") + result.error.message, file=sys.stderr)
                elif result.added:
                    added += 1
                    print(f"已导入：{result.path}")
                else:
                    same += 1
        except KeyboardInterrupt:
            # PostgreSQL finishes storing the file it was writing (whole, not reported); the one
            # being read is not written: no file is ever left half in
            print(f"\n已中断：已导入 {added} 篇（中断时正在写入的一篇可能也已完整写入），不会留下写了一半的讲话稿，"
                  "讲话稿库保持完好；再次运行可继续",
                  file=sys.stderr)
            return 130
        finally:
            if sys.stderr.isatty() and total:
                sys.stderr.write("\n")
    skipped = f"，跳过 {len(expanded.skipped)} 个非普通文件" if expanded.skipped else ""
    print(f"共导入 {added} 篇，{same} 篇已在库中未变，{failed} 篇失败{skipped}")
    return 2 if failed else 0


def _upgrade(library) -> bool:
    pending = library.pending_upgrade()
    if pending:
        print(f"讲话稿库格式升级（一次性）：{pending}……", flush=True)
        start = time.monotonic()
        library.upgrade()
        print(f"升级完成，用时 {time.monotonic() - start:.0f} 秒", flush=True)
    return bool(pending)


def run_upgrade(args: argparse.Namespace) -> int:
    with open_library(args.library, create=False) as library:
        if not _upgrade(library):
            print("讲话稿库已是当前格式，无需升级")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_library(args.library, create=False) as library:
        documents = library.documents()
    if args.json:
        print_json([d.to_dict() for d in documents])
        return 0
    if not documents:
        print("讲话稿库中还没有讲话稿")
        return 0
    for d in documents:
        when = dt.datetime.fromtimestamp(d.added_at).strftime("%Y-%m-%d")
        who = f"{d.speaker}　" if d.speaker else ""
        print(f"{d.id:>6}　《{d.title}》　{who}{d.date or '日期不详'}　{d.chars:,} 字　"
              f"{when} 由 {d.added_by or '未知'} 导入\n        {d.path}")
    print(f"共 {len(documents)} 篇")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    ids = []
    for value in args.ids:
        if not value.isdigit():
            raise DrafterError(f"“{value}”不是讲话稿编号（编号见 drafter library list）")
        ids.append(int(value))
    with open_library(args.library, create=False) as library:
        removed = library.remove(ids)
    missing = sorted(set(ids) - set(removed))
    if removed:
        print(f"已删除 {len(removed)} 篇：{'、'.join(map(str, removed))}")
    if missing:
        print(f"库中没有编号为 {'、'.join(map(str, missing))} 的讲话稿", file=sys.stderr)
        return 2
    return 0


def run_search(args: argparse.Namespace) -> int:
    query = parse_query(" ".join(args.query))
    if args.role and args.role not in ROLES:
        raise DrafterError(f"没有名为“{args.role}”的部分（可用：{'、'.join(ROLES)}）")
    with open_library(args.library, create=False) as library:
        hits = library.search(query, args.limit, role=args.role, year=args.year, place=args.place)
    if args.json:
        print_json([{**h.to_dict(), "part": ROLE_NAMES.get(h.role, h.role)} for h in hits])
        return 0
    if not hits:
        print(f"未找到“{query.text}”")
    for h in hits:
        date = f"（{h.date}）" if h.date else ""
        path = f" {h.trail}" if h.trail else ""
        print(f"《{h.title}》{date} 第 {h.block + 1} 段［{ROLE_NAMES.get(h.role, h.role)}］{path}\n"
              f"    {h.snippet(query.terms)}")
    return 0


def register(sub) -> None:
    parser = add_command(sub, "library")
    inner = parser.add_subparsers(dest="library_command", metavar="操作", required=True,
                                  parser_class=type(parser))

    def command(name: str, help_text: str, func) -> argparse.ArgumentParser:
        child = add_command(inner, name, help_text)
        child.add_argument("--library", metavar="位置",
                           help="讲话稿库：SQLite 文件或 postgresql://用户@主机:端口/库名（默认取 DRAFTER_LIBRARY，"
                                "再默认为个人数据中的库）")
        child.set_defaults(func=func)
        return child

    add = command("add", "导入文件或文件夹（已导入且未变的跳过，改过的重新导入）", run_add)
    add.add_argument("paths", nargs="+", help="文件或文件夹")
    command("upgrade", "把讲话稿库升级到本版本的格式（库大时需数分钟；导入时也会先做）", run_upgrade)
    listing = command("list", "列出库中的讲话稿", run_list)
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    remove = command("remove", "按编号删除讲话稿", run_remove)
    remove.add_argument("ids", nargs="+", metavar="编号", help="讲话稿编号（见 list）")
    search = command("search", "全文检索（几个词须同时出现；加引号为一个词组）", run_search)
    search.add_argument("query", nargs="+", help="检索词")
    search.add_argument("--role", help="只看某一部分：" + "、".join(f"{k}={v}" for k, v in ROLE_NAMES.items()))
    search.add_argument("--year", help="只看某一年的讲话")
    search.add_argument("--place", help="只看某地或某级（如 临江、县）的讲话")
    search.add_argument("--limit", type=int, default=20, help="最多显示条数")
    search.add_argument("--json", action="store_true", help="以 JSON 输出")
