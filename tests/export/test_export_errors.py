"""Bad input to export: a clear message, no partial file, the previous file untouched."""

from __future__ import annotations

import os

import docx
import pytest

from drafter.core.errors import DrafterError
from drafter.core.model import Block, Draft
from drafter.export import MAX_CHARS, export_draft, office_lock_files

PREVIOUS = b"previous export, must survive"


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "out.docx"
    path.write_bytes(PREVIOUS)
    return path


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def refused(draft, path, match, **kwargs):
    with pytest.raises(DrafterError) as info:
        export_draft(draft, path, **kwargs)
    assert match in info.value.message
    return info.value


def test_missing_folder(tmp_path, draft):
    error = refused(draft, tmp_path / "no" / "such" / "out.docx", "文件夹不存在")
    assert error.path == str(tmp_path / "no" / "such")
    assert not (tmp_path / "no").exists()


def test_parent_is_a_file(tmp_path, draft):
    (tmp_path / "file").write_text("x")
    refused(draft, tmp_path / "file" / "out.docx", "不是文件夹")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_folder_real(tmp_path, draft):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "out.docx").write_bytes(PREVIOUS)
    folder.chmod(0o555)
    try:
        refused(draft, folder / "out.docx", "没有在该文件夹中写入的权限")
    finally:
        folder.chmod(0o755)
    assert (folder / "out.docx").read_bytes() == PREVIOUS


def test_unwritable_folder_when_creating_the_temporary_file_fails(target, draft, monkeypatch):
    """As root the permission check passes; the failure then comes from the disk itself."""
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    refused(draft, target, "保存失败")
    assert target.read_bytes() == PREVIOUS


def test_directory_at_the_output_path(tmp_path, draft):
    (tmp_path / "out.docx").mkdir()
    refused(draft, tmp_path / "out.docx", "是一个文件夹")
    assert (tmp_path / "out.docx").is_dir() and leftovers(tmp_path) == []


@pytest.mark.parametrize("lock_name", ["~$out.docx", "~$t.docx", ".~lock.out.docx#"])
def test_output_open_in_word_wps_or_libreoffice(target, draft, lock_name):
    assert target.with_name(lock_name) in office_lock_files(target)
    target.with_name(lock_name).write_text("owner")
    refused(draft, target, "正在 Word/WPS/LibreOffice 中打开")
    assert target.read_bytes() == PREVIOUS


def test_output_locked_when_replacing(target, draft, monkeypatch):
    """On Windows, replacing a file Word holds open fails with a sharing violation."""
    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    error = refused(draft, target, "原文件未被改动")
    assert error.path == str(target)
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_output_file(target, draft):
    target.chmod(0o444)
    refused(draft, target, "只读")
    assert target.read_bytes() == PREVIOUS


def test_crash_while_writing_leaves_the_old_file(target, draft, monkeypatch):
    from drafter.core import storage

    real_fdopen = os.fdopen

    class Broken:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "fdopen", lambda fd, mode: Broken(real_fdopen(fd, mode)))
    refused(draft, target, "原文件未被改动")
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent) == []


def test_empty_draft(target):
    refused(Draft(), target, "草稿是空的")
    refused(Draft(title="  ", blocks=[Block.paragraph("")]), target, "草稿是空的")
    assert target.read_bytes() == PREVIOUS


def test_unsupported_suffix(tmp_path, draft):
    refused(draft, tmp_path / "out.pdf", "不支持的导出格式")


def test_unknown_profile_and_font_set(target, draft):
    refused(draft, target, "未知的版式", profile="poster")
    refused(draft, target, "未知的字体方案", fonts="comic")
    assert target.read_bytes() == PREVIOUS


def test_characters_outside_the_fonts_are_kept_and_reported(tmp_path):
    """Chosen behaviour: export anyway (Word draws them in a fallback font) and warn, naming
    the characters; nothing is dropped."""
    rare = "朱镕基𠮷😀"
    draft = Draft(title="标题", blocks=[Block.paragraph(f"请注意{rare}等字。")])
    path = tmp_path / "rare.docx"
    warnings = export_draft(draft, path)
    assert len(warnings) == 1
    assert "3 个字符" in warnings[0] and "镕𠮷😀" in warnings[0] and str(path) in warnings[0]
    assert rare in "".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert export_draft(draft, tmp_path / "rare2.docx", fonts="windows") != []  # GBK lacks 𠮷😀
    assert export_draft(Draft(blocks=[Block.paragraph("普通的字——“引号”·…")]), tmp_path / "ok.docx") == []


def test_control_characters_do_not_break_the_file(tmp_path):
    draft = Draft(blocks=[Block.paragraph("第一行\x00\x07\n第二行\t尾")])
    path = tmp_path / "ctl.docx"
    export_draft(draft, path)
    assert [p.text for p in docx.Document(str(path)).paragraphs] == ["第一行 第二行 尾"]


def test_200000_character_draft_exports_whole(target):
    paragraph = "全市上下要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。" * 10  # 310 chars
    blocks = []
    for i in range(1, 21):
        blocks.append(Block.heading(1, f"关于第{i}项工作"))
        blocks.extend(Block.paragraph(paragraph) for _ in range(33))
    draft = Draft(title="长稿", blocks=blocks)
    assert draft.char_count() > 200_000
    export_draft(draft, target)
    document = docx.Document(str(target))
    text = "".join(p.text for p in document.paragraphs)
    assert text.count(paragraph) == 20 * 33
    assert leftovers(target.parent) == []


def test_oversized_draft_is_refused_before_anything_is_written(target):
    draft = Draft(blocks=[Block.paragraph("字" * (MAX_CHARS + 1))])
    refused(draft, target, "草稿过长")
    assert target.read_bytes() == PREVIOUS
