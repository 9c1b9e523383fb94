"""Jinja's English messages about a template, said in Chinese for the user (the file and line
are added by the caller).  Whatever Jinja says that is not recognised becomes a plain Chinese
sentence rather than reaching the user in English."""

from __future__ import annotations

import re

_SYNTAX = (
    (re.compile(r"unexpected end of template, expected '(?:end of print statement|\}\})'"),
     "“{{”之后没有对应的“}}”"),
    (re.compile(r"unexpected end of template.*looking for the following tags: .*?'(end\w+)'", re.S | re.I),
     "条件或语句块没有结尾（缺少“{% {0} %}”）"),
    (re.compile(r"unexpected end of template", re.I), "模板在语句写完之前就结束了（“{{”或“{%”没有写完整）"),
    (re.compile(r"Encountered unknown tag '([^']+)'"), "不认识的语句“{0}”（模板只允许 if / elif / else / endif）"),
    (re.compile(r"unexpected char '(.)'"), "此处不能出现字符“{0}”"),
    (re.compile(r"expected token '([^']+)', got '([^']+)'"), "此处应为“{0}”，却是“{1}”"),
    (re.compile(r"tag name expected"), "“{%”之后缺少语句名"),
    (re.compile(r"unexpected '([^']+)'"), "此处不应出现“{0}”"),
    (re.compile(r"expected an expression"), "此处缺少字段名或表达式"),
)
_TOKEN_WORDS = {"end of print statement": "}}", "end of statement block": "%}", "end of template": "模板结尾",
                "name": "字段名", "string": "文字", "integer": "数字"}


def syntax_reason(message: str | None) -> str:
    """What is wrong with a template's syntax, in Chinese."""
    text = message or ""
    for pattern, reason in _SYNTAX:
        found = pattern.search(text)
        if found:
            for k, group in enumerate(found.groups()):
                reason = reason.replace(f"{{{k}}}", _TOKEN_WORDS.get(group, group))
            return reason
    return "“{{ }}”或“{% %}”写得不完整或不合规"


#: node types of Jinja's syntax tree a template may not use, by what a writer would call them.
_NODE_WORDS = {
    "For": "循环（for）", "Macro": "宏（macro）", "CallBlock": "宏调用", "Call": "函数调用",
    "Assign": "赋值（set）", "AssignBlock": "赋值（set）", "With": "with 语句", "FilterBlock": "过滤块",
    "Add": "加法", "Sub": "减法", "Mul": "乘法", "Div": "除法", "FloorDiv": "整除", "Mod": "取余",
    "Pow": "乘方", "Neg": "负号", "Pos": "正号", "List": "列表", "Dict": "字典", "Tuple": "元组",
    "Slice": "切片", "Getattr": "属性访问", "Getitem": "下标访问", "Test": "is 判断",
    "Block": "块（block）", "Scope": "作用域", "Break": "break", "Continue": "continue",
}


def node_name(kind: str) -> str:
    return _NODE_WORDS.get(kind, "复杂表达式")


_UNDEFINED = re.compile(r"'([^']+)' is undefined")


def undefined_reason(message: str) -> str:
    found = _UNDEFINED.search(message or "")
    return f"模板引用了未定义的字段“{found.group(1)}”" if found else "模板引用了未定义的字段"
