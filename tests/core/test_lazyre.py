"""Patterns compiled on first use behave as the compiled pattern and cost nothing until then."""

from __future__ import annotations

import re

from drafter.core.lazyre import lazy


def test_compiles_on_first_use_only():
    pattern = lazy(r"(?P<y>[0-9]{4})\s*年", re.IGNORECASE)
    assert pattern._compiled is None
    assert pattern.pattern == r"(?P<y>[0-9]{4})\s*年" and pattern.flags == re.IGNORECASE  # no compile
    assert pattern._compiled is None
    assert pattern.search("于2024年召开").group("y") == "2024"
    compiled = pattern._compiled
    assert isinstance(compiled, re.Pattern)
    pattern.match("2024年")
    assert pattern._compiled is compiled  # compiled once


def test_answers_as_the_compiled_pattern():
    text = "一是抓好项目，二是稳住大盘，三是守住底线。"
    lazy_one, real = lazy(r"[一二三]是"), re.compile(r"[一二三]是")
    assert lazy_one.findall(text) == real.findall(text)
    assert lazy_one.sub("X", text) == real.sub("X", text)
    assert [m.span() for m in lazy_one.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy_one.split(text) == real.split(text)
    assert lazy(r"(?P<a>x)").groupindex == {"a": 1}
