"""One entry point for every kind of file a speech can come in: ``load_document(path)``.

- ``.draft``: Drafter's own format (``core.storage.read_draft``);
- ``.docx``: the Word reader (``drafter.corpus.docx_reader.read_docx``), which uses heading
  styles when a file has them and otherwise hands the paragraph texts to the parser — with a
  reviewer's pending revisions and comments kept (``docx_review.read_review``);
- ``.txt`` (any encoding the loaders accept): the parser.

``parse_file(path)`` reads a .txt or .docx as text only: a .docx as it stood before its pending
revisions (a doubt says they are there).

The readers sit under this module and never import it or each other's callers: the parser reads
lines, the Word reader a .docx (through the parser), the loaders bytes.  Each is imported when a
file of its kind comes, so a command that opens a .draft loads neither python-docx nor the
parser's patterns (start-up cost, docs/PERFORMANCE.md).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.corpus.loaders import read_text_file

logger = logging.getLogger(__name__)

SUFFIXES = (".draft", ".docx", ".txt")


def load_document(path: str | os.PathLike[str]) -> Draft:
    """The draft in ``path`` (.draft, .docx or .txt)."""
    path = Path(path)
    if path.is_dir():
        raise DrafterError("这是一个文件夹，不是讲话稿文件", path)
    suffix = path.suffix.lower()
    if suffix == ".draft":
        from drafter.core.storage import read_draft

        return read_draft(path)[0]
    if suffix == ".docx":
        from drafter.corpus.docx_review import read_review  # pending 修订 and 批注 kept, not accepted

        return read_review(path)
    if suffix in (".txt", ".text"):
        return parse_file(path)
    raise DrafterError(f"不支持的文件类型“{path.suffix or '（无扩展名）'}”，"
                       "请使用 .txt、.docx 或 .draft 文件", path)


def parse_file(path: str | os.PathLike[str]) -> Draft:
    """Read and parse a .txt or .docx speech (a .docx's pending revisions noted, not kept)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from drafter.corpus.docx_reader import read_docx  # python-docx only when a .docx comes

        return read_docx(path)
    if suffix not in (".txt", ".text", ""):
        raise DrafterError(f"不支持的文件类型“{path.suffix}”，请使用 .txt 或 .docx", path)
    from drafter.corpus.parser import parse_text  # the reader's patterns only when a text comes

    draft = parse_text(read_text_file(path))
    if not draft.blocks and not draft.title:
        raise DrafterError("文件中没有可识别的正文", path)
    logger.info("parsed %s: %d blocks", path, len(draft.blocks))
    return draft
