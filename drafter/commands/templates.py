"""`drafter templates`: 列出结构模板."""

from __future__ import annotations

import argparse
import sys

from drafter.commands._common import add_command, print_json
from drafter.core.vocab import ROLE_NAMES




def register(sub) -> None:
    parser = add_command(sub, "templates")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(func=run)


def report_errors(errors) -> int:
    for error in errors:
        print(error.message, file=sys.stderr)
    return 2 if errors else 0


def run(args: argparse.Namespace) -> int:
    from drafter.templates import load_templates, summary
    templates, errors = load_templates()
    if args.json:
        print_json([summary(t) for t in templates])
    else:
        for t in templates:
            parts = " → ".join(ROLE_NAMES.get(p.role, p.role) for p in t.parts)
            fields = "、".join(f"{f.key}（{f.label}{'，必填' if f.required else ''}）" for f in t.fields)
            print(f"{t.id}\t{t.name}")
            print(f"    场合：{t.occasion}")
            print(f"    结构：{parts}")
            print(f"    编号：{' / '.join(v for _, v in sorted(t.numbering.items()))}")
            if fields:
                print(f"    字段：{fields}")
    return report_errors(errors)
