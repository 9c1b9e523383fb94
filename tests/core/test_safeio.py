"""safeio: every input is known to be a bounded regular file before a byte is read."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from drafter.core import safeio, yamlio
from drafter.core.errors import DrafterError


def refused(call, *args) -> DrafterError:
    with pytest.raises(DrafterError) as info:
        call(*args)
    return info.value


def test_regular_file_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    assert safeio.read_file(path, 10) == b"abc"


def test_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    error = refused(safeio.read_file, path, 100)
    assert error.path == str(path) and "命名管道" in error.reason


def test_link_to_dev_zero_is_refused(tmp_path):
    path = tmp_path / "zero.draft"
    path.symlink_to("/dev/zero")
    error = refused(safeio.read_file, path, 100)
    assert "/dev/zero" in error.reason and "字符设备" in error.reason


def test_symlink_loop_is_named(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    assert "循环" in refused(safeio.read_file, a, 100).reason


def test_sparse_file_refused_by_size(tmp_path):
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as handle:
        handle.truncate(3 * 1024 ** 3)
    error = refused(safeio.read_file, path, safeio.MAX_TEXT_BYTES)
    assert "文件过大" in error.reason and "3072.0 MB" in error.reason


def test_symlink_to_regular_file_is_followed(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"x")
    (tmp_path / "link.txt").symlink_to(real)
    assert safeio.read_file(tmp_path / "link.txt", 10) == b"x"


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_bomb_in_an_image_part():
    data = _zip({"word/document.xml": b"<w/>", "word/media/image1.png": b"\0" * (50 * safeio.MB)})
    error = refused(safeio.check_docx, data, "bomb.docx")
    assert "image1.png" in error.reason and "压缩炸弹" in error.reason


def test_total_uncompressed_size_counts_every_part(monkeypatch):
    monkeypatch.setattr(safeio, "MAX_DOCX_UNCOMPRESSED", 2 * safeio.MB)
    data = _zip({f"word/_rels/{i}.rels": os.urandom(600 * 1024) for i in range(4)})
    assert "总大小" in refused(safeio.check_docx, data, "big.docx").reason


def test_too_many_parts():
    data = _zip({f"p/{i}.xml": b"" for i in range(safeio.MAX_DOCX_PARTS + 1)})
    assert "部件过多" in refused(safeio.check_docx, data, "many.docx").reason


def test_yaml_nested_20000_deep(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 20000 + "]" * 20000, "utf-8")
    error = refused(yamlio.load_yaml, path)
    assert "嵌套过深" in error.reason and error.path == str(path)
    mapping = "\n".join("  " * i + f"k{i}:" for i in range(200)) + " 1\n"
    assert "嵌套过深" in refused(yamlio.safe_load, mapping, "x.yaml").reason


def test_yaml_fifo_is_refused(tmp_path):
    path = tmp_path / "user.yaml"
    os.mkfifo(path)
    assert "命名管道" in refused(yamlio.load_yaml, path).reason
