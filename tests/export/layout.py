"""Render a .docx with LibreOffice and measure the PDF with poppler (pdftotext -bbox).

Used by the slow rendering tests.  LibreOffice runs headless with its own throw-away user
profile and with FONTCONFIG_FILE pointing at resources/fontconfig/fonts.conf, so the Chinese
font names in the file resolve to the free Debian CJK fonts.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FONTS_CONF = ROOT / "resources" / "fontconfig" / "fonts.conf"
PT_PER_MM = 72 / 25.4


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in ("soffice", "pdftotext"))


def as_word_reads_it(docx: Path, workdir: Path) -> Path:
    """A copy of ``docx`` that LibreOffice 7.x lays out as Word lays out the original.

    LibreOffice reads ``w:overflowPunct`` the wrong way round: it takes val=0 (no punctuation
    past the text extents, ECMA-376 17.3.1.21) as hanging punctuation and val=1 as none, while
    it writes its own no-hanging setting back as val=false.  Our files say val=0, as Word and
    WPS read it; the copy flips the value so the measured pages are the ones Word prints."""
    copy = workdir / "word-reading" / docx.name
    copy.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(b'<w:overflowPunct w:val="0"/>', b'<w:overflowPunct w:val="1"/>')
            target.writestr(item, data)
    return copy


def to_pdf(docx_paths: list[Path], workdir: Path) -> list[Path]:
    """Convert in one LibreOffice run (one start-up for all files), each as Word reads it."""
    docx_paths = [as_word_reads_it(p, workdir) for p in docx_paths]
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=str(workdir))
    profile = (workdir / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(workdir), *map(str, docx_paths)],
                   check=True, env=env, capture_output=True, timeout=300)
    pdfs = [workdir / (p.stem + ".pdf") for p in docx_paths]
    for pdf in pdfs:
        assert pdf.exists(), f"LibreOffice did not write {pdf}"
    return pdfs


@dataclass
class Line:
    y: float          # top, points from the page top
    x0: float
    x1: float
    text: str
    y1: float = 0.0   # bottom


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def read_pages(pdf: Path) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    pages = []
    for m in _PAGE.finditer(out):
        page = Page(float(m.group(1)), float(m.group(2)))
        words = [(float(a), float(b), float(c), float(d), html.unescape(t))
                 for a, b, c, d, t in _WORD.findall(m.group(3))]
        words.sort(key=lambda w: (round(w[1]), w[0]))
        for x0, y0, x1, y1, text in words:
            if page.lines and abs(page.lines[-1].y - y0) < 3:
                line = page.lines[-1]
                line.x0, line.x1, line.text = min(line.x0, x0), max(line.x1, x1), line.text + text
                line.y1 = max(line.y1, y1)
            else:
                page.lines.append(Line(y0, x0, x1, text, y1))
        page.lines.sort(key=lambda ln: ln.y)
        pages.append(page)
    return pages


def width_units(text: str) -> float:
    """Characters in full-width units: a CJK character or full-width mark is 1, others ½."""
    return sum(1 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def is_full_width(text: str) -> bool:
    return all(unicodedata.east_asian_width(ch) in "WF" for ch in text)


def split_footer(page: Page, text_bottom_pt: float) -> tuple[list[Line], list[Line]]:
    """Lines of the 版心 and lines below it (the footer)."""
    body = [ln for ln in page.lines if ln.y < text_bottom_pt]
    footer = [ln for ln in page.lines if ln.y >= text_bottom_pt]
    return body, footer
