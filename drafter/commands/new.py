"""`drafter new`: 用模板新建讲话稿."""

from __future__ import annotations

from drafter.commands._common import add_command, not_built


def register(sub) -> None:
    parser = add_command(sub, "new", "用模板新建讲话稿")
    parser.add_argument("template", help="模板编号或模板文件")
    parser.add_argument("--set", action="append", default=[], metavar="键=值", help="填写字段，可重复")
    parser.add_argument("--fields", metavar="F.yaml", help="字段文件")
    parser.add_argument("-o", "--output", required=True, help="输出文件：草稿、.txt 或 .docx")
    parser.set_defaults(func=not_built("new"))
