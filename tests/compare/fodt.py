"""A reviewer's copy of a speech made by LibreOffice itself: the speech written as a flat
OpenDocument text (.fodt) with LibreOffice's own markup for comments (office:annotation …
office:annotation-end, a range that may run across paragraphs) and tracked changes
(text:tracked-changes: insertions between text:change-start/-end, deletions kept in their
changed-region and marked by text:change), then converted by ``soffice --headless
--convert-to docx``: LibreOffice's Word export writes the w:comment, w:ins and w:del.

(LibreOffice 7.4's -nogui Debian build aborts when a document with comments is *opened*
through UNO: building a comment's side window needs modules/swriter/ui/annotation.ui, which
that build does not ship. The command-line conversion lays out no comment windows.)
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">\n'
        '<office:body><office:text>\n')
TAIL = "</office:text></office:body></office:document>\n"


def available() -> bool:
    return shutil.which("soffice") is not None


@dataclass
class Review:
    """Marks found by their text (each needle is taken at its first occurrence)."""

    comments: list[tuple[str, str | None, str, str, str]] = field(default_factory=list)
    #: (needle, needle where it ends in a following paragraph or None, author, date, text)
    insertions: list[tuple[str, str, str, str]] = field(default_factory=list)   # (after needle, text, author, date)
    deletions: list[tuple[str, str, str]] = field(default_factory=list)         # (needle, author, date)


def _find(paragraphs: list[str], needle: str, start: int = 0) -> tuple[int, int]:
    for k in range(start, len(paragraphs)):
        at = paragraphs[k].find(needle)
        if at >= 0:
            return k, at
    raise AssertionError(f"not in the speech: {needle}")


def _info(author: str, date: str) -> str:
    return (f"<office:change-info><dc:creator>{escape(author)}</dc:creator>"
            f"<dc:date>{escape(date)}</dc:date></office:change-info>")


def fodt(paragraphs: list[str], review: Review) -> str:
    """The flat ODT of ``paragraphs`` (as sent) with ``review``'s marks."""
    events: list[list[tuple[int, int, str]]] = [[] for _ in paragraphs]   # (offset, order, xml)
    skipped: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    regions = []
    for n, (needle, author, date) in enumerate(review.deletions, 1):
        k, at = _find(paragraphs, needle)
        regions.append(f'<text:changed-region text:id="del{n}"><text:deletion>{_info(author, date)}'
                       f"<text:p>{escape(needle)}</text:p></text:deletion></text:changed-region>")
        events[k].append((at, 1, f'<text:change text:change-id="del{n}"/>'))
        skipped[k].append((at, at + len(needle)))
    for n, (after, text, author, date) in enumerate(review.insertions, 1):
        k, at = _find(paragraphs, after)
        regions.append(f'<text:changed-region text:id="ins{n}"><text:insertion>{_info(author, date)}'
                       "</text:insertion></text:changed-region>")
        events[k].append((at + len(after), 2, f'<text:change-start text:change-id="ins{n}"/>{escape(text)}'
                                              f'<text:change-end text:change-id="ins{n}"/>'))
    for n, (needle, until, author, date, text) in enumerate(review.comments, 1):
        k, at = _find(paragraphs, needle)
        body = "".join(f"<text:p>{escape(line)}</text:p>" for line in text.split("\n"))
        events[k].append((at, 3, f'<office:annotation office:name="c{n}"><dc:creator>{escape(author)}</dc:creator>'
                                 f"<dc:date>{escape(date)}</dc:date>{body}</office:annotation>"))
        end_k, end_at = (k, at + len(needle)) if until is None else _find(paragraphs, until, k + 1)
        end_at += 0 if until is None else len(until)
        events[end_k].append((end_at, 0, f'<office:annotation-end office:name="c{n}"/>'))
    out = [HEAD, '<text:tracked-changes text:track-changes="true">', *regions, "</text:tracked-changes>\n"]
    for k, text in enumerate(paragraphs):
        pos, parts = 0, []
        for offset, _order, xml in sorted(events[k]):
            parts.append(escape(_visible(text, pos, offset, skipped[k])))
            parts.append(xml)
            pos = offset
        parts.append(escape(_visible(text, pos, len(text), skipped[k])))
        out.append(f"<text:p>{''.join(parts)}</text:p>\n")
    out.append(TAIL)
    return "".join(out)


def _visible(text: str, start: int, end: int, skipped: list[tuple[int, int]]) -> str:
    """``text[start:end]`` without the deleted stretches (they live in their changed-region)."""
    return "".join(ch for i, ch in enumerate(text[start:end], start)
                   if not any(a <= i < b for a, b in skipped))


def convert(source: Path, target_format: str, folder: Path) -> Path:
    """``soffice --headless --convert-to``; the converted file in ``folder``."""
    profile = folder / "lo-profile"
    done = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                           "--convert-to", target_format, "--outdir", str(folder), str(source)],
                          check=False, capture_output=True, text=True, timeout=300)
    out = folder / f"{source.stem}.{target_format.split(':')[0]}"
    assert done.returncode == 0 and out.is_file(), done.stderr[-2000:]
    return out
