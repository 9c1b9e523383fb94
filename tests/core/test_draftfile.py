import pytest
from hypothesis import given, settings

from drafter.core import draftfile
from drafter.core.errors import DrafterError
from drafter.core.model import Block, Draft
from drafter.core.storage import read_draft, save_draft

from .strategies import drafts


@settings(max_examples=300, deadline=None)
@given(drafts())
def test_load_save_round_trip(draft):
    assert draftfile.loads(draftfile.dumps(draft)) == draft


@settings(max_examples=50, deadline=None)
@given(drafts())
def test_round_trip_through_a_real_file(tmp_path_factory, draft):
    path = tmp_path_factory.mktemp("d") / "稿.draft"
    save_draft(path, draft)
    assert read_draft(path)[0] == draft


def test_tricky_texts_round_trip():
    texts = ["", "\\", "\\n", "\n", "\r\n", "@end 0", "---", "+ 正文", "@heading level=1", "　　（一）认清形势。",
             "\u2028\x85\ufeff", "a\\\\nb"]
    draft = Draft(title="\n---\n", blocks=[Block.heading(1, t, t) for t in texts] + [Block.paragraph(t) for t in texts])
    assert draftfile.loads(draftfile.dumps(draft)) == draft


def test_file_is_readable_text():
    draft = Draft(title="市长在全市会议上的讲话", blocks=[
        Block.paragraph("同志们：今天召开会议。", "opening"),
        Block.heading(1, "关于经济工作", role="tasks"),
        Block.heading(2, "认清形势。", "年初以来，全市上下……", "review", style="一是"),
    ])
    text = draftfile.dumps(draft)
    assert "title: 市长在全市会议上的讲话" in text
    assert "@heading level=2 role=review style=一是\n认清形势。\n+ 年初以来，全市上下……\n" in text
    assert text.rstrip().endswith("@end 3")


def sample_text():
    return draftfile.dumps(Draft(title="题目", blocks=[Block.heading(1, "甲", "正文"), Block.paragraph("乙")]))


def error_for(text, path="稿.draft"):
    with pytest.raises(DrafterError) as info:
        draftfile.loads(text, path)
    return info.value


@pytest.mark.parametrize("cut", [10, 40, -30, -12, -3])
def test_truncated_file_is_refused_with_line(cut):
    text = sample_text()
    err = error_for(text[:cut])
    assert err.path == "稿.draft" and err.line is not None
    assert "稿.draft" in err.message and "行" in err.message


def test_truncated_at_a_block_boundary_is_still_detected():
    text = sample_text()
    err = error_for(text[: text.index("@paragraph")])
    assert "不完整" in err.message


def test_unknown_version():
    err = error_for(sample_text().replace("drafter: 1", "drafter: 7"))
    assert "版本" in err.message and err.line == 2


def test_broken_front_matter():
    err = error_for(sample_text().replace("title: 题目", "title: [题目"))
    assert "文件头" in err.message and err.line is not None


def test_not_a_draft():
    assert "第一行" in error_for("同志们：\n今天……").message


@pytest.mark.parametrize("bad, word", [
    ("@heading level=9 role=other", "层级"), ("@heading level=1 role=nope", "讲话部分"),
    ("@chapter level=1", "类型"), ("@heading level=1 style=甲乙", "编号样式"),
])
def test_bad_block_headers(bad, word):
    text = sample_text().replace("@heading level=1 role=other", bad)
    err = error_for(text)
    assert word in err.message
    assert text.split("\n")[err.line - 1] == bad


def test_not_utf8_names_file_and_line(tmp_path):
    path = tmp_path / "旧.draft"
    path.write_bytes(sample_text().encode("utf-8") + b"\xb8\xc3\xff")
    with pytest.raises(DrafterError) as info:
        read_draft(path)
    assert "UTF-8" in info.value.message and str(path) in info.value.message
    assert info.value.line == sample_text().count("\n") + 1
