"""One entry point for every kind of file a speech can come in: ``load_document(path)``.

- ``.draft``: Drafter's own format (``core.storage.read_draft``);
- ``.docx``: the Word reader (``drafter.corpus.docx_reader.read_docx``), which uses heading
  styles when a file has them and otherwise hands the paragraph texts to the parser;
- ``.txt`` (any encoding the loaders accept): the parser.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.model import Draft

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
        from drafter.corpus.parser import parse_file

        return parse_file(path)
    raise DrafterError(f"不支持的文件类型“{path.suffix or '（无扩展名）'}”，"
                       "请使用 .txt、.docx 或 .draft 文件", path)
