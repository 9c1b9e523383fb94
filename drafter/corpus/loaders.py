"""Reading speeches from disk: plain text in any of the encodings Chinese offices produce, and .docx.

Text files
    UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the NUL bytes of
    ASCII characters give the byte order away), UTF-32 with BOM, and GB18030/GBK.  Without a
    BOM, strict UTF-8 is tried first (it practically never decodes anything else by
    accident); otherwise GB18030, which decodes almost any byte string, is only accepted when
    the result looks like Chinese prose: no control characters, and most Chinese characters
    among the 3,755 common ones (GB2312 level 1).  When neither is convincing we say so
    (``DrafterError``) instead of guessing silently.  Any line ending (\\n, \\r\\n, \\r) is
    accepted; the text comes back with ``\\n`` line ends.

.docx
    ``open_docx`` checks and opens the file; ``drafter.corpus.docx_reader`` walks it.

Limits (checked before anything large is read into memory, so a huge or hostile file is
refused instead of exhausting memory):

- a text file may be at most ``MAX_TEXT_BYTES`` (20 MB) — a long speech is 50 KB;
- a .docx file may be at most ``MAX_DOCX_BYTES`` (50 MB); all its parts together at most
  200 MB uncompressed, at most 3,000 parts, no large part compressed more than 200 times
  (``drafter.core.safeio.check_docx``: a zip bomb is refused before inflating);
- FIFOs, devices, sockets and symlink loops are refused before they are opened (safeio);
- one paragraph (line) may be at most ``MAX_PARAGRAPH_CHARS`` (200,000 characters, about
  130 printed pages) — a longer "line" is not a speech paragraph, and the editor and the
  parser's per-paragraph work should never see one.

Every refusal is a ``DrafterError`` naming the file and the reason in Chinese.
"""

from __future__ import annotations

import io
import logging
import os
import re
import zipfile
from pathlib import Path

from drafter.core import safeio
from drafter.core.errors import DrafterError

logger = logging.getLogger(__name__)

MAX_TEXT_BYTES = safeio.MAX_TEXT_BYTES
MAX_DOCX_BYTES = safeio.MAX_DOCX_BYTES
MAX_PARAGRAPH_CHARS = 200_000

_CONTROL_OK = "\t\n\r\x0b\x0c"
#: A control character no text file holds (C0 except those above): binary content.
_BINARY = re.compile("[\x00-\x08\x0e-\x1f]")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# ----- files ---------------------------------------------------------------------------------
def _read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file within ``limit`` (``drafter.core.safeio``), not empty."""
    data = safeio.read_file(path, limit)
    if not data:
        raise DrafterError("文件是空的", path)
    return data


# ----- encodings -----------------------------------------------------------------------------
def _is_common_hanzi(ch: str) -> bool:
    try:
        code = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xB0 <= code[0] <= 0xD7


def _is_hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _looks_like_text(text: str) -> bool:
    """True when ``text`` reads like (Chinese) prose rather than decoded noise."""
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _CONTROL_OK)
    odd = sum(1 for ch in sample if "\ue000" <= ch <= "\uf8ff" or ch in "\ufffd\ufffe\uffff"
              or "\ud800" <= ch <= "\udfff")
    if controls or odd > len(sample) * 0.01:
        return False
    hanzi = [ch for ch in sample if _is_hanzi(ch)]
    if len(hanzi) < 2:
        # No Chinese: accept only printable ASCII-ish text.
        return all(ch.isprintable() or ch in _CONTROL_OK for ch in sample)
    common = sum(1 for ch in hanzi if _is_common_hanzi(ch))
    return common >= len(hanzi) * 0.8


def _utf16_order(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for BOM-less UTF-16, judged by which byte order decodes the
    first 16 KB into plausible text (the NUL bytes of ASCII characters make the other order
    decode into rare characters); None when neither does."""
    sample = data[:16384]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None  # text in UTF-16 has NULs (every ASCII character, the line ends)
    plausible = []
    for order in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(order)
        except UnicodeDecodeError:
            # the sample may end inside a surrogate pair
            try:
                text = sample[:-2].decode(order)
            except UnicodeDecodeError:
                continue
        if _looks_like_text(text):
            plausible.append(order)
    if len(plausible) == 1:
        return plausible[0]
    if len(plausible) == 2:  # ASCII text with NULs in both orders? let the NULs decide
        return "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be"
    return None


def decode_text(data: bytes, path: str | os.PathLike[str] | None = None) -> str:
    """Decode the bytes of a text file; ``DrafterError`` when the encoding is unclear."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        candidates = ["utf-32"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        order = _utf16_order(data)
        if order is not None:
            candidates = [order]
        elif b"\x00" in data:
            raise DrafterError("不是文本文件（含有二进制数据）", path)
        else:
            candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" or data[:2] in (b"\xff\xfe", b"\xfe\xff") or data.startswith(b"\xef\xbb\xbf"):
            # BOM or valid UTF-8: the encoding is certain; still refuse binary content.
            if _BINARY.search(text, 0, 20000):
                raise DrafterError("不是文本文件（含有二进制数据）", path)
            logger.debug("%s decoded as %s", path, encoding)
            return text
        if _looks_like_text(text):
            logger.debug("%s decoded as %s", path, encoding)
            return text
    if candidates[0].startswith("utf-16-"):
        raise DrafterError("不是文本文件（含有二进制数据）", path)
    raise DrafterError("无法确定文件编码（不是 UTF-8，也不像 GBK/GB18030 或 UTF-16 文本），"
                       "请在编辑器中另存为 UTF-8 后重试", path)


def _check_lines(lines: list[str], path: str | os.PathLike[str] | None) -> None:
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_PARAGRAPH_CHARS:
            raise DrafterError(f"这一段过长（{len(line):,} 字），超过 {MAX_PARAGRAPH_CHARS:,} 字的上限，"
                               "不像讲话稿的段落", path, number)


def read_text_file(path: str | os.PathLike[str]) -> str:
    """The text of a .txt speech, decoded, with ``\\n`` line ends."""
    path = Path(path)
    text = decode_text(_read_bytes(path, MAX_TEXT_BYTES), path)
    lines = text.splitlines()
    _check_lines(lines, path)
    if not any(line.strip(" \t\u3000\xa0\ufeff") for line in lines):
        raise DrafterError("文件中没有文字", path)
    return "\n".join(lines)


# ----- .docx ---------------------------------------------------------------------------------
def open_docx(path: Path):
    import docx  # python-docx; imported here so plain-text work does not pay for it
    from docx.opc.exceptions import PackageNotFoundError

    data = _read_bytes(path, MAX_DOCX_BYTES)
    if data.startswith(_OLE_MAGIC):
        raise DrafterError("这是旧版 Word（.doc）文件，不是 .docx；请在 Word 或 WPS 中另存为 .docx", path)
    if not data.startswith(b"PK"):
        raise DrafterError("不是有效的 .docx 文件（不是 zip 压缩包，可能已损坏）", path)
    with safeio.check_docx(data, path) as archive:
        names = set(archive.namelist())
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise DrafterError("不是 .docx 文件（压缩包里没有 Word 文档内容）", path)
    try:
        return docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise DrafterError("不是有效的 .docx 文件（无法识别文档结构）", path) from None
    except KeyError as exc:
        raise DrafterError(f"不是有效的 .docx 文件（缺少部件 {exc}）", path) from None
    except zipfile.BadZipFile as exc:
        raise DrafterError(f"不是有效的 .docx 文件（压缩包已损坏：{exc}）", path) from None
    except Exception as exc:  # lxml XMLSyntaxError, ValueError ... from a broken part
        if type(exc).__name__ == "XMLSyntaxError" or isinstance(exc, (ValueError, TypeError)):
            raise DrafterError("文档内容已损坏（XML 无法解析）", path) from None
        raise
