"""`drafter phrases`: 检索语料库中的常用表述."""

from __future__ import annotations

from drafter.commands._common import add_command, not_built


def register(sub) -> None:
    parser = add_command(sub, "phrases", "检索语料库中的常用表述")
    parser.add_argument("query", help="检索词")
    parser.add_argument("--category", help="类别")
    parser.add_argument("--role", help="适用部分")
    parser.add_argument("--limit", type=int, default=20, help="最多显示条数")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(func=not_built("phrases"))
