"""One entry point for every kind of file a speech can come in: ``load_document(path)``.

- ``.draft``: Drafter's own format (``core.storage.read_draft``);
- ``.docx``: the export worker's reader (``drafter.export.docx_reader.read_docx``), which
  uses heading styles when a file has them and otherwise hands the paragraph texts to the
  parser; if that module is missing, the parser on the paragraph texts;
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
    suffix = path.suffix.lower()
    if suffix == ".draft":
        from drafter.core.storage import read_draft

        return read_draft(path)[0]
    if suffix == ".docx":
        try:
            from drafter.export.docx_reader import read_docx
        except ImportError:
            logger.info("docx reader unavailable; parsing paragraph texts of %s", path)
        else:
            return read_docx(path)
    if suffix in (".docx", ".txt", ".text"):
        from drafter.corpus.parser import parse_file

        return parse_file(path)
    raise DrafterError(f"不支持的文件类型“{path.suffix or '（无扩展名）'}”，"
                       "请使用 .txt、.docx 或 .draft 文件", path)
