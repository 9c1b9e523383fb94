"""`drafter export`: 导出为 Word 或纯文本."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from pathlib import Path

from drafter.commands._common import add_command
from drafter.corpus.documents import load_document
from drafter.export.fonts import FONT_SETS, get_font_set, substitution_note

logger = logging.getLogger(__name__)


def register(sub) -> None:
    parser = add_command(sub, "export")
    parser.add_argument("input", help="草稿、.txt 或 .docx")
    parser.add_argument("-o", "--output", required=True, help="输出的 .docx 或 .txt")
    parser.add_argument("--profile", choices=["print", "read-aloud"], default="print", help="版式：print（印发稿）或 read-aloud（大字版）")
    parser.add_argument("--fonts", default="gb2312", choices=list(FONT_SETS),
                        help="字体方案：gb2312（仿宋_GB2312 等）、windows（仿宋 楷体 黑体 宋体）、founder（方正字体）")
    parser.add_argument("--bold-minor-headings", action="store_true", help="三、四级标题加粗")
    parser.add_argument("--indent", action="store_true", help="纯文本导出时每段前加两个全角空格")
    parser.add_argument("--author", default=os.environ.get("DRAFTER_AUTHOR", ""),
                        help="写入 Word 文档属性的作者（默认取环境变量 DRAFTER_AUTHOR）")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from drafter.export import export_draft

    # Which of the set's fonts this machine lacks (fc-list, a process of its own) is asked
    # while the speech is read and written, not after.
    notes: list[str | None] = []
    fonts_checked = threading.Thread(target=lambda: notes.append(substitution_note(get_font_set(args.fonts))),
                                     daemon=True)
    word = Path(args.output).suffix.lower() == ".docx"
    if word:
        fonts_checked.start()
    draft = load_document(Path(args.input))
    warnings = export_draft(draft, args.output, profile=args.profile, fonts=args.fonts,
                            bold_minor_headings=args.bold_minor_headings, indent_text=args.indent,
                            author=args.author)
    if word:
        fonts_checked.join()
        warnings += [note for note in notes if note]
    for warning in warnings:
        print(warning, file=sys.stderr)
    print(f"已导出：{args.output}")
    return 0
