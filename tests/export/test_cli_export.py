"""`drafter export IN -o OUT [--profile] [--fonts]` with a draft, a .txt and a .docx."""

from __future__ import annotations

import docx
import pytest

from drafter.cli import main
from drafter.core.model import Block, Draft
from drafter.core.storage import save_draft
from drafter.corpus.docx_reader import read_docx
from tests.export.conftest import CORPUS


def test_export_text_speech_to_docx(tmp_path, capsys):
    out = tmp_path / "speech.docx"
    assert main(["export", str(CORPUS[0]), "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert read_docx(out).headings()


def test_export_draft_file_read_aloud_windows_fonts(tmp_path, draft):
    source = tmp_path / "my.draft"
    save_draft(source, draft)
    out = tmp_path / "big.docx"
    assert main(["export", str(source), "-o", str(out), "--profile", "read-aloud", "--fonts", "windows"]) == 0
    document = docx.Document(str(out))
    assert document.styles["Normal"].element.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPr/"
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts").get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋"
    assert document.styles["Normal"].font.size.pt == 18
    assert [b.text for b in read_docx(out).blocks] == [b.text for b in draft.blocks]


def test_export_docx_to_text(tmp_path, draft):
    from drafter.export import export_draft
    source = tmp_path / "in.docx"
    export_draft(draft, source)
    out = tmp_path / "out.txt"
    assert main(["export", str(source), "-o", str(out), "--indent"]) == 0
    text = out.read_text("utf-8")
    assert text.startswith("在全市经济工作会议上的讲话\n")
    assert "\u3000\u3000（一）认清形势，正视问题。年初以来" in text


def test_warning_for_rare_characters_goes_to_stderr(tmp_path, capsys):
    source = tmp_path / "rare.draft"
    save_draft(source, Draft(title="题", blocks=[Block.paragraph("𠮷字")]))
    assert main(["export", str(source), "-o", str(tmp_path / "rare.docx")]) == 0
    err = capsys.readouterr().err
    assert "𠮷" in err and "提示" in err


@pytest.mark.parametrize("args, reason", [
    (["missing.txt", "-o", "out.docx"], "不存在"),
    (["{corpus}", "-o", "nofolder/out.docx"], "文件夹不存在"),
    (["{corpus}", "-o", "out.pdf"], "不支持的导出格式"),
])
def test_bad_input_exits_2_with_one_chinese_line(tmp_path, capsys, monkeypatch, args, reason):
    monkeypatch.chdir(tmp_path)
    args = [a.replace("{corpus}", str(CORPUS[0])) for a in args]
    assert main(["export", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert reason in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_unknown_font_set_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["export", str(CORPUS[0]), "-o", str(tmp_path / "out.docx"), "--fonts", "comic"])
    assert info.value.code == 2
    assert "无效" in capsys.readouterr().err
    assert not (tmp_path / "out.docx").exists()
