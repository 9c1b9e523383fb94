from __future__ import annotations

import io

import pytest
from docx import Document

from drafter.corpus.docx_review import read_marks
from drafter.corpus.documents import parse_file
from drafter.export.docx_writer import body_paragraphs
from tests.compare.edits import SPEECHES


def printed(draft) -> list[tuple[str, str]]:
    """(style, text) of each paragraph of the print layout of ``draft``."""
    return [(style, "".join(text for text, _s in runs)) for style, runs, _i in body_paragraphs(draft)]


def marks_of(data: bytes):
    return read_marks(Document(io.BytesIO(data)).element.body)


@pytest.fixture(params=SPEECHES, ids=lambda p: p.name[:3])
def speech(request):
    return parse_file(request.param)
