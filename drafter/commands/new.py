"""`drafter new`: 用模板新建讲话稿."""

from __future__ import annotations

import argparse
from pathlib import Path

from drafter.commands._common import add_command
from drafter.core.errors import DrafterError

OUTPUT_SUFFIXES = (".draft", ".txt", ".docx")


def register(sub) -> None:
    parser = add_command(sub, "new")
    parser.add_argument("template", help="模板编号或模板文件")
    parser.add_argument("--set", action="append", default=[], metavar="键=值", help="填写字段，可重复")
    parser.add_argument("--fields", metavar="F.yaml", help="字段文件")
    parser.add_argument("-o", "--output", required=True, help="输出文件：草稿、.txt 或 .docx")
    parser.set_defaults(func=run)


def parse_sets(items: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise DrafterError(f"参数 --set 的值“{item}”格式不对：应写成 键=值（例如 --set city=XX市）")
        values[key.strip()] = value
    return values


def read_fields_file(path: str) -> dict[str, str]:
    from drafter.core.yamlio import line_of, load_yaml
    data, lines = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DrafterError("字段文件应为“键: 值”的列表", path, 1)
    values = {}
    for key, value in data.items():
        if not isinstance(key, str) or isinstance(value, (dict, list)) or value is None:
            raise DrafterError(f"字段“{key}”的值应为文字", path, line_of(lines, (key,)))
        values[key] = str(value)
    return values


def write_draft(draft, output: Path) -> list[str]:
    suffix = output.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise DrafterError("不支持的输出格式：请用 .draft、.txt 或 .docx", output)
    if suffix == ".draft":
        from drafter.core.storage import save_draft
        save_draft(output, draft)
        return []
    try:
        from drafter.export import export_draft
    except ImportError:
        raise DrafterError("导出 .txt/.docx 的功能暂不可用", output) from None
    return export_draft(draft, output) or []


def run(args: argparse.Namespace) -> int:
    from drafter.templates import find_template, render
    values = parse_sets(args.set)
    if args.fields:
        values = {**read_fields_file(args.fields), **values}
    output = Path(args.output)
    if output.suffix.lower() not in OUTPUT_SUFFIXES:
        raise DrafterError("不支持的输出格式：请用 .draft、.txt 或 .docx", output)
    template = find_template(args.template)
    draft = render(template, values)
    for warning in write_draft(draft, output):
        print(warning)
    print(f"已用模板“{template.name}”生成：{output}")
    return 0
