"""`drafter parse`: 显示讲话稿的提纲结构."""

from __future__ import annotations

from drafter.commands._common import add_command, not_built


def register(sub) -> None:
    parser = add_command(sub, "parse", "显示讲话稿的提纲结构")
    parser.add_argument("file", help="讲话稿（.txt 或 .docx）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(func=not_built("parse"))
