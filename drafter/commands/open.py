"""`drafter open`: 在编辑器中打开草稿、.docx 或 .txt."""

from __future__ import annotations

from drafter.commands._common import add_command, not_built


def register(sub) -> None:
    parser = add_command(sub, "open", "在编辑器中打开草稿、.docx 或 .txt")
    parser.add_argument("file", nargs="?", help="要打开的文件")
    parser.set_defaults(func=not_built("open"))
