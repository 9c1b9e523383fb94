"""Small helpers the subcommands share."""

from __future__ import annotations

import argparse
import json
import sys

from drafter.core.errors import DrafterError


def add_command(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
    parser.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    return parser


def not_built(name: str):
    def run(args: argparse.Namespace) -> int:
        raise DrafterError(f"“drafter {name}”尚未实现")
    return run


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
