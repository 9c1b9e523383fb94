"""`drafter check`: 审校：检查草稿中的问题."""

from __future__ import annotations

from drafter.commands._common import add_command, not_built


def register(sub) -> None:
    parser = add_command(sub, "check", "审校：检查草稿中的问题")
    parser.add_argument("file", help="草稿、.txt 或 .docx")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(func=not_built("check"))
