"""`drafter mine`: 从语料重建结构模板和常用表述库."""

from __future__ import annotations

from drafter.commands._common import add_command, not_built


def register(sub) -> None:
    parser = add_command(sub, "mine", "从语料重建结构模板和常用表述库")
    parser.add_argument("paths", nargs="*", help="语料文件或文件夹（默认内置语料）")
    parser.add_argument("--out", required=True, help="输出文件夹")
    parser.set_defaults(func=not_built("mine"))
