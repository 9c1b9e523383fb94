"""Paragraphs of a corpus file with the role and heading the parser gives them.

The miner reads every file twice over: as raw paragraphs (for phrase mining) and as the
parser's outline (for roles, levels and headings).  This module lines the two up, so each
``Paragraph`` knows the part of the speech it belongs to.
"""

from __future__ import annotations

import logging
from pathlib import Path

from drafter.core.model import Draft
from drafter.miner.text import Paragraph, clean

logger = logging.getLogger(__name__)


def read_lines(path: Path) -> list[str]:
    try:
        from drafter.corpus.loaders import read_text_file
    except ImportError:  # pragma: no cover - parser worker's module not there yet
        text = path.read_text(encoding="utf-8-sig")
    else:
        text = read_text_file(path)
    return text.splitlines()


def parse_outline(path: Path, lines: list[str]) -> Draft:
    try:
        from drafter.corpus.parser import parse_lines
    except ImportError:  # pragma: no cover - only before the parser exists
        logger.warning("parser not available; using marker-only outline for %s", path)
        return _marker_outline(lines)
    return parse_lines(lines)


def _marker_outline(lines: list[str]) -> Draft:
    """A crude outline from markers alone (levels by first appearance of each style)."""
    from drafter.core.markers import match_marker
    from drafter.core.model import Block
    draft = Draft()
    order: list[str] = []
    for line in lines:
        text = clean(line)
        if not text:
            continue
        marker = match_marker(text)
        if marker is None or marker.family in ("shi", "yao") and marker.number > 10:
            draft.blocks.append(Block.paragraph(text))
            continue
        style = marker.style
        if style not in order:
            order.append(style)
        level = min(order.index(style) + 1, 4)
        rest = text[len(marker.text):]
        cut = next((i + 1 for i, ch in enumerate(rest) if ch in "。；！？："), len(rest))
        block = Block.heading(level, rest[:cut], rest[cut:])
        block.source_marker = marker.text
        draft.blocks.append(block)
    return draft


def _block_text(block, marker: str = "") -> str:
    return clean((block.source_marker or marker) + block.text + block.body)


def align(path: Path, lines: list[str], draft: Draft) -> list[Paragraph]:
    """Each non-empty line as a Paragraph carrying the role (and heading) of its block."""
    cleaned = [clean(line) for line in lines]
    info: dict[int, tuple[str, str, int]] = {}
    pos = 0
    for block, marker in zip(draft.blocks, draft.markers()):
        full = _block_text(block, marker)
        if not full:
            continue
        j = pos
        while j < len(cleaned) and cleaned[j] != full and not (
                cleaned[j] and (cleaned[j].endswith(full) or full.endswith(cleaned[j]))):
            j += 1
        if j == len(cleaned):
            continue
        heading = block.text if block.is_heading else ""
        info[j] = (block.role, heading, block.level if block.is_heading else 0)
        pos = j + 1
    result = []
    role = "opening"
    for i, text in enumerate(cleaned):
        if not text:
            continue
        if i in info:
            role, heading, level = info[i]
        else:
            heading, level = "", 0
        result.append(Paragraph(path.name, i + 1, text, role, heading, level))
    return result


def load_corpus(paths: list[Path]) -> list[tuple[Path, Draft, list[Paragraph]]]:
    """Every speech file under ``paths`` (sorted by name), parsed and aligned."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in path.iterdir()
                         if p.is_file() and p.suffix.lower() in (".txt", ".docx"))
        else:
            files.append(path)
    result = []
    for path in sorted(set(files), key=lambda p: p.name):
        if path.suffix.lower() == ".docx":
            from drafter.corpus.documents import load_document
            draft = load_document(path)
            markers = draft.markers()
            lines = [(b.source_marker or markers[i]) + b.text + b.body if b.is_heading else b.text
                     for i, b in enumerate(draft.blocks)]
        else:
            lines = read_lines(path)
            draft = parse_outline(path, lines)
        result.append((path, draft, align(path, lines, draft)))
    return result
