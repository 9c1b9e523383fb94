"""`drafter templates`: 列出结构模板."""

from __future__ import annotations

from drafter.commands._common import add_command, not_built


def register(sub) -> None:
    parser = add_command(sub, "templates", "列出结构模板")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(func=not_built("templates"))
