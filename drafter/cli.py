"""The ``drafter`` command line (DESIGN §4).

Each subcommand lives in ``drafter/commands/NAME.py`` with ``register(subparsers)``, which
adds its arguments and sets ``func``.  Errors are one Chinese line on stderr and exit code 2;
``check`` exits 1 when it finds errors; an unexpected failure is logged with its traceback
and reported in one line (exit 3).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import sys

from drafter import __version__
from drafter.commands._common import COMMANDS, add_command
from drafter.core.errors import DrafterError

logger = logging.getLogger(__name__)

_TRANSLATIONS = [
    (r"argument 命令: invalid choice: (.*?) \(choose from (.*)\)", r"无效的命令 \1，可用命令：\2"),
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"参数 \1 的取值 \2 无效，可选：\3"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"参数 \1 的值 \3 无效"),
    (r"argument (\S+): expected one argument", r"参数 \1 需要一个值"),
    (r"argument (\S+): expected at least one argument", r"参数 \1 至少需要一个值"),
]


def translate(message: str) -> str:
    for pattern, replacement in _TRANSLATIONS:
        translated, n = re.subn(pattern, replacement, message)
        if n:
            return translated
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # argparse's name
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"

    def error(self, message: str):  # argparse's name
        self.exit(2, f"{self.prog}：{translate(message)}（用 -h 查看用法）\n")


def selected_command(argv: list[str]) -> str | None:
    """The subcommand ``argv`` names (its first word that is not an option), if any."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def build_parser(selected: str | None = None, *, all_commands: bool = False) -> argparse.ArgumentParser:
    """The parser; only the ``selected`` command's module is imported (every command's with
    ``all_commands``), the others are listed by name and help so ``drafter -h`` shows them."""
    parser = ChineseArgumentParser(prog="drafter", description="讲话稿起草助手",
                                   add_help=False)
    parser.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    parser.add_argument("--version", action="version", version=f"drafter {__version__}",
                        help="显示版本并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)
    for name in COMMANDS:
        if all_commands or name == selected:
            importlib.import_module(f"drafter.commands.{name}").register(sub)
        else:
            add_command(sub, name)
    return parser


def _print_error(message: str) -> None:
    try:
        print(message, file=sys.stderr)
    except (OSError, ValueError):  # stderr closed or unusable: nothing else to tell
        pass


def _run(argv: list[str]) -> int:
    # Imported here, inside main's error handling, so a failure while they load (a broken
    # installation, an unusable data folder) is reported like any other error.
    from drafter.core import paths
    from drafter.core.logs import setup_logging

    global _log_file
    _log_file = setup_logging()
    selected = selected_command(argv)
    args = build_parser(selected).parse_args(argv)
    if args.command is None:
        args = build_parser("open").parse_args(["open"])
    problem = paths.check_data_home()
    try:
        code = int(args.func(args) or 0)
    except paths.DataHomeError as exc:
        logger.info("data folder: %s", exc.message)
        _print_error(exc.message)
        return 2
    if problem is not None:  # the command did not need the folder: say once that it is unusable
        _print_error(f"注意：{problem.message}；本次未写日志")
    return code


_log_file: str | None = None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")  # never fail on printing Chinese
            except (OSError, ValueError):
                pass
    try:
        return _run(argv)
    except DrafterError as exc:
        _print_error(exc.message)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head/more that stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except MemoryError:
        _print_error("drafter：内存不足，未完成操作")
        return 3
    except RecursionError:
        _print_error("drafter：输入的结构嵌套过深，未完成操作")
        return 2
    except ImportError as exc:
        _print_error(f"drafter：程序组件缺失或损坏（{exc.name or exc}），请重新安装 Drafter")
        return 3
    except Exception:
        logger.exception("unexpected failure")
        where = f"详情已写入日志 {_log_file}" if _log_file else "（日志不可用）"
        _print_error(f"drafter：内部错误，未完成操作；{where}")
        return 3


if __name__ == "__main__":
    sys.exit(main())
