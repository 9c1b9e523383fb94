"""YAML in and out for templates and the phrase bank.

``load_yaml`` returns the data together with the line of every value (so a bad field can be
reported by file and line); ``dump_yaml`` writes deterministic YAML (key order kept, Chinese
unescaped, no line wrapping) so a rebuild reproduces the same bytes.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import yaml

from drafter.core import safeio
from drafter.core.errors import DrafterError

logger = logging.getLogger(__name__)

Lines = dict[tuple, int]

MAX_BYTES = safeio.MAX_YAML_BYTES
MAX_NODES = 1_000_000  # after alias expansion: refuses "billion laughs" files
#: nesting of lists and mappings; our files need 8, a hostile one has 20,000 (PyYAML's
#: composer is recursive and would die with an unnamed RecursionError).
MAX_DEPTH = 64


class DepthError(yaml.YAMLError):
    def __init__(self, line: int):
        super().__init__(f"nesting deeper than {MAX_DEPTH}")
        self.line = line


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses nesting deeper than ``MAX_DEPTH`` while composing."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise DepthError(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_SLOW = object()


def _fast_compose(text: str):
    """libyaml's composer (about six times faster: the editor's start-up reads the phrase bank
    and templates through here) when libyaml is there and the text nests no deeper than
    ``MAX_DEPTH`` — checked first on libyaml's event stream, which does not recurse.  Any
    other case (too deep, not valid YAML, no libyaml) returns ``_SLOW``: the bounded
    pure-Python composer then reads it and words the error with its line."""
    if not getattr(yaml, "__with_libyaml__", False):
        return _SLOW
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return _SLOW
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return _SLOW


def compose(text: str, source: str, first_line: int = 1, label: str = "YAML ") -> yaml.Node | None:
    """The YAML node tree of ``text``, depth-bounded; DrafterError naming the line otherwise.
    ``first_line`` is the line of the file where ``text`` starts (front matter)."""
    node = _fast_compose(text)
    if node is not _SLOW:
        return node
    try:
        return yaml.compose(text, Loader=BoundedLoader)
    except DepthError as exc:
        raise DrafterError(f"{label}嵌套过深（超过 {MAX_DEPTH} 层），已拒绝", source,
                           exc.line + first_line - 1) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        raise DrafterError(f"{label}格式错误：{describe_problem(exc)}", source, line) from None
    except yaml.YAMLError as exc:
        raise DrafterError(f"{label}格式错误：{describe_problem(exc)}", source) from None
    except RecursionError:
        raise DrafterError(f"{label}嵌套过深，已拒绝", source) from None


def safe_load(text: str, source: str, first_line: int = 1, label: str = "YAML ") -> Any:
    """``yaml.safe_load`` bounded in depth and in nodes after alias expansion."""
    node = compose(text, source, first_line, label)
    if node is None:
        return None
    try:
        return _convert(node, (), {}, source)
    except yaml.YAMLError as exc:
        raise DrafterError(f"YAML 格式错误：{describe_problem(exc)}", source) from None


_PROBLEMS = [
    ("expected ',' or ']'", "方括号“[ ]”没有闭合，或列表项之间缺少逗号"),
    ("expected ',' or '}'", "花括号“{ }”没有闭合，或项之间缺少逗号"),
    ("mapping values are not allowed", "此处不能再出现“键: 值”（文字中含冒号时请加引号）"),
    ("cannot start any token", "含有不能开头的字符（如制表符或 @、`），缩进只能用空格，特殊字符请加引号"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("did not find expected key", "缩进不一致，或缺少“键:”"),
    ("expected <block end>", "缩进不一致"),
    ("did not find expected '-' indicator", "列表缩进不一致"),
    ("found unexpected end of stream", "引号没有闭合，文件意外结束"),
    ("found undefined alias", "引用了未定义的锚点（*名称）"),
    ("found unknown escape character", "双引号中的反斜杠转义无效"),
    ("found unexpected ':'", "冒号位置不对（文字中含冒号时请加引号）"),
    ("expected the node content", "此处缺少内容：“-”或“键:”之后没有值，或括号没有闭合"),
    ("found another document", "文件中有不止一份文档（“---”分隔），请只保留一份"),
    ("unacceptable character", "含有不可用的控制字符"),
    ("could not determine a constructor", "含有不支持的标签（!!…）"),
    ("expected alphabetic or numeric character", "锚点或引用（&名称、*名称）的名称无效"),
    ("found a tab character", "缩进中有制表符，缩进只能用空格"),
]


def describe_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's English problem, said in Chinese (with the original kept for the rare rest)."""
    problem = str(getattr(exc, "problem", None) or getattr(exc, "context", None) or exc)
    for needle, chinese in _PROBLEMS:
        if needle in problem:
            return chinese
    return f"无法解析（{problem}）"


def _convert(node: yaml.Node, path: tuple, lines: Lines, source: str) -> Any:
    if len(lines) >= MAX_NODES:
        raise DrafterError("YAML 内容过大或含有过多的锚点引用（&/*），已拒绝", source)
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise DrafterError("YAML 中的键必须是简单值（含 {{ }} 的文字请加引号）", source,
                                  key_node.start_mark.line + 1)
            key = _scalar(key_node) if key_node.tag != "tag:yaml.org,2002:str" else key_node.value
            if key in result:
                raise DrafterError(f"键“{key}”重复", source, key_node.start_mark.line + 1)
            result[key] = _convert(value_node, path + (key,), lines, source)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (i,), lines, source) for i, child in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def load_yaml(path: str | os.PathLike[str], text: str | None = None) -> tuple[Any, Lines]:
    """Parse one YAML file; DrafterError (with the line) when it is not valid YAML."""
    source = os.fspath(path)
    if text is None:
        text = safeio.read_text(path, MAX_BYTES)
    elif len(text) > MAX_BYTES:
        raise DrafterError(f"YAML 内容过大（超过 {MAX_BYTES // safeio.MB} MB），已拒绝", source)
    node = compose(text, source)
    if node is None:
        return None, {(): 1}
    lines: Lines = {}
    try:
        return _convert(node, (), lines, source), lines
    except yaml.YAMLError as exc:
        raise DrafterError(f"YAML 格式错误：{describe_problem(exc)}", source) from None


def line_of(lines: Lines, path: tuple) -> int | None:
    """The line of the value at ``path``, or of its nearest ancestor."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(data: Any, header: str = "") -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False, indent=2)
    return (header + body) if header else body
