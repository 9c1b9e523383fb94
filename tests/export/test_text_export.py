"""Plain text export for pasting elsewhere."""

from __future__ import annotations

import pytest

from drafter.corpus.documents import parse_file
from drafter.corpus.parser import parse_text
from drafter.export import export_draft
from drafter.export.text import draft_to_text
from tests.export.conftest import CORPUS


def test_text_layout(draft):
    lines = draft_to_text(draft).splitlines()
    assert lines[:5] == ["在全市经济工作会议上的讲话", "市长 张三", "（2024年1月15日）", "", "同志们："]
    assert "（一）认清形势，正视问题。年初以来，全市上下攻坚克难、奋力拼搏。" in lines
    assert "一是抓好工业运行。" in lines
    assert lines[-1] == "同志们，让我们一天接着一天干，一关接着一关闯！"


def test_indent_option(draft):
    lines = draft_to_text(draft, indent=True).splitlines()
    assert lines[5] == "\u3000\u3000今天，我们召开全市经济工作会议，主要任务是总结工作、部署任务。"
    assert lines[4] == "同志们："


@pytest.mark.parametrize("source", CORPUS, ids=lambda p: p.stem[:3])
def test_text_file_is_utf8_and_parses_back_to_the_same_outline(tmp_path, source):
    original = parse_file(source)
    path = tmp_path / "speech.txt"
    assert export_draft(original, path, indent_text=True) == []
    back = parse_text(path.read_bytes().decode("utf-8"))
    assert [(b.kind, b.level, m, b.text, b.body) for b, m in zip(back.blocks, back.markers())] == \
        [(b.kind, b.level, m, b.text, b.body) for b, m in zip(original.blocks, original.markers())]
    assert (back.title, back.salutation) == (original.title, original.salutation)
