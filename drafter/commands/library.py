"""`drafter library`: the local library of past speeches."""

from __future__ import annotations

from drafter.commands._common import add_command, not_built


def register(sub) -> None:
    parser = add_command(sub, "library", "本地讲话稿库：导入与全文检索")
    inner = parser.add_subparsers(dest="library_command", metavar="操作", required=True,
                                  parser_class=type(parser))
    add = add_command(inner, "add", "导入文件或文件夹")
    add.add_argument("paths", nargs="+", help="文件或文件夹")
    add.set_defaults(func=not_built("library add"))
    search = add_command(inner, "search", "全文检索")
    search.add_argument("query", help="检索词")
    search.add_argument("--limit", type=int, default=20, help="最多显示条数")
    search.add_argument("--json", action="store_true", help="以 JSON 输出")
    search.set_defaults(func=not_built("library search"))
