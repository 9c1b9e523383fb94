"""`drafter export`: 导出为 Word 或纯文本."""

from __future__ import annotations

from drafter.commands._common import add_command, not_built


def register(sub) -> None:
    parser = add_command(sub, "export", "导出为 Word 或纯文本")
    parser.add_argument("input", help="草稿、.txt 或 .docx")
    parser.add_argument("-o", "--output", required=True, help="输出的 .docx 或 .txt")
    parser.add_argument("--profile", choices=["print", "read-aloud"], default="print", help="版式：print（印发稿）或 read-aloud（大字版）")
    parser.add_argument("--fonts", default="gb2312", help="字体方案")
    parser.set_defaults(func=not_built("export"))
