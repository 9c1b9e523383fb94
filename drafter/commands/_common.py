"""Small helpers the subcommands share."""

from __future__ import annotations

import argparse
import json
import sys

from drafter.core.errors import DrafterError


#: The subcommands in the order ``drafter -h`` lists them, with their one-line help.  The
#: command line imports a command's module only when that command runs (start-up time).
COMMANDS = {
    "open": "在编辑器中打开草稿、.docx 或 .txt",
    "parse": "显示讲话稿的提纲结构",
    "templates": "列出结构模板",
    "new": "用模板新建讲话稿",
    "export": "导出为 Word 或纯文本",
    "phrases": "检索语料库中的常用表述",
    "library": "讲话稿库：导入、列出、删除与检索",
    "mine": "从语料重建结构模板和常用表述库",
    "check": "审校：检查草稿中的问题",
    "compare": "比较两个版本，可导出带修订的 Word 文件",
    "rounds": "送审轮次：保存、列出、查看、恢复",
    "doctor": "检查运行环境：版本、数据文件夹、字体和各项功能",
}


def add_command(sub, name: str, help_text: str | None = None) -> argparse.ArgumentParser:
    """Add subcommand ``name``; its help comes from ``COMMANDS`` unless given (nested commands)."""
    help_text = help_text or COMMANDS[name]
    parser = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
    parser.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    return parser


def not_built(name: str):
    def run(args: argparse.Namespace) -> int:
        raise DrafterError(f"“drafter {name}”尚未实现")
    return run


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
