"""`drafter doctor`: 检查运行环境 — versions, folders, fonts, and whether each part works.

Exit 0 when every part works, 1 when one does not (the report says which)."""

from __future__ import annotations

import argparse

from drafter.commands._common import add_command


def register(sub) -> None:
    parser = add_command(sub, "doctor")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from drafter.diagnostics import all_ok, format_report, report

    sections = report()
    print(format_report(sections))
    return 0 if all_ok(sections) else 1
