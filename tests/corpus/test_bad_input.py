"""Every bad input gets one Chinese line naming the file and the reason, exit code 2, no traceback."""

import io
import os
import subprocess
import sys
import zipfile

import docx
import pytest

from drafter.cli import main
from drafter.core import safeio
from drafter.corpus import docx_reader, loaders

MB = 1024 * 1024


def _empty(path):
    path.write_bytes(b"")


def _binary(path):
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)


def _not_zip(path):
    path.write_bytes("这不是压缩包，只是改了扩展名的文本。".encode())


def _zip_not_docx(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")


def _broken_xml(path):
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut in the middle of an element
            target.writestr(item, data)


def _huge(path):
    with open(path, "wb") as handle:
        handle.truncate(50 * MB)  # sparse: takes no disk space, still 50 MB for stat()


def _long_line(path):
    path.write_bytes(("同志们：\n" + "字" * (5 * MB // 3) + "\n").encode("utf-8"))


def _old_doc(path):
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)


def _folder(path):
    path.mkdir()


def _blank(path):
    path.write_text("\n\u3000\u3000\n   \n", encoding="utf-8")


CASES = [
    ("empty.txt", _empty, "文件是空的"),
    ("blank.txt", _blank, "没有文字"),
    ("binary.txt", _binary, "不是文本文件"),
    ("not-zip.docx", _not_zip, "不是 zip 压缩包"),
    ("zip-not-docx.docx", _zip_not_docx, "不是 .docx 文件"),
    ("broken-xml.docx", _broken_xml, "XML 无法解析"),
    ("huge.txt", _huge, "文件过大"),
    ("long-line.txt", _long_line, "这一段过长"),
    ("old.docx", _old_doc, "旧版 Word"),
    ("folder.txt", _folder, "文件夹"),
    ("missing.txt", None, "文件不存在"),
    ("speech.pdf", _empty, "不支持的文件类型"),
]


@pytest.mark.parametrize("name,make,reason", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("json_flag", [[], ["--json"]], ids=["text", "json"])
def test_bad_input_one_line_exit_2(tmp_path, capsys, name, make, reason, json_flag):
    path = tmp_path / name
    if make is not None:
        make(path)
    assert main(["parse", str(path), *json_flag]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in captured.err


def test_long_line_error_names_the_line(tmp_path, capsys):
    path = tmp_path / "long-line.txt"
    _long_line(path)
    assert main(["parse", str(path)]) == 2
    assert "第 2 行" in capsys.readouterr().err


def test_unreadable_file(tmp_path, capsys, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("同志们：\n正文。\n", encoding="utf-8")
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: make the read itself fail as it would for a normal user
        real_open = os.open

        def refuse(name, *args, **kwargs):
            if os.fspath(name) == str(path):
                raise PermissionError(13, "Permission denied")
            return real_open(name, *args, **kwargs)
        monkeypatch.setattr(os, "open", refuse)
    try:
        assert main(["parse", str(path)]) == 2
    finally:
        path.chmod(0o644)
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and str(path) in err and "没有访问权限" in err


def test_huge_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    _huge(path)

    real_open = os.open

    def no_read(name, *args, **kwargs):
        assert os.fspath(name) != str(path), "the file was opened although it is over the limit"
        return real_open(name, *args, **kwargs)
    monkeypatch.setattr(os, "open", no_read)
    with pytest.raises(loaders.DrafterError, match="文件过大"):
        loaders.read_text_file(path)


def test_zip_bomb_is_refused_before_inflating(tmp_path, monkeypatch):
    path = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, \
            zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        target.writestr("word/padding.xml", b" " * (8 * MB))
    monkeypatch.setattr(safeio, "MAX_DOCX_UNCOMPRESSED", 4 * MB)
    with pytest.raises(loaders.DrafterError, match="压缩炸弹"):
        docx_reader.read_docx_paragraphs(path)


@pytest.mark.parametrize("name,make,reason", [CASES[2], CASES[5]], ids=["binary", "broken-xml"])
def test_bad_input_in_a_real_process(tmp_path, name, make, reason):
    path = tmp_path / name
    make(path)
    env = dict(os.environ, DRAFTER_HOME=str(tmp_path / "home"))
    result = subprocess.run([sys.executable, "-m", "drafter.cli", "parse", str(path)],
                            check=False, capture_output=True, text=True, encoding="utf-8", env=env,
                            timeout=120)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert str(path) in result.stderr and reason in result.stderr
    assert "Traceback" not in result.stderr
