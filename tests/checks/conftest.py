"""Shared helpers for the checks' tests: the real corpus and small drafts built by the parser."""

from pathlib import Path

import pytest

from drafter.corpus.documents import load_document
from drafter.corpus.parser import parse_text

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "resources" / "corpus").glob("*.txt"))


def corpus_file(prefix: str) -> Path:
    return next(p for p in CORPUS if p.name.startswith(prefix))


@pytest.fixture(scope="session")
def corpus():
    """Each corpus speech as a Draft, by its three-digit prefix."""
    return {p.name[:3]: load_document(p) for p in CORPUS}


def draft_of(text: str):
    return parse_text(text)
