"""Rich text (HTML) for the clipboard beside the plain text, so that what is pasted into Word
or WPS looks like the exported page: the derived numbers in the text, each heading sentence in
its level's typeface (一级 黑体, 二级 楷体, 三、四级 仿宋), the body in 仿宋, 三号 (16 pt), first
lines indented two characters; a whole speech (Ctrl+A) also has its title in the title
typeface (二号, centred) and its byline in 楷体, as the print layout sets them.

The fonts are those of the Word font set the writer chose (``export.fonts``), named as the
exported .docx names them.  No Qt here: the editor puts the result on the clipboard.
"""

from __future__ import annotations

from html import escape

from drafter.core.model import Draft
from drafter.corpus.render import byline_lines
from drafter.editing.spans import Piece
from drafter.export.fonts import FontSet
from drafter.export.profiles import PRINT


def _family(font: str) -> str:
    """One name, as the exported .docx has it: Word takes the first of a list, LibreOffice
    keeps a list as one unknown name; a missing font is drawn in Word's stand-in either way."""
    return f"'{font}'"


def _run(text: str, font: str, bold: bool = False) -> str:
    weight = "font-weight:bold;" if bold else ""
    return f'<span style="font-family:{_family(font)};{weight}">{escape(text)}</span>'


def _paragraph(inner: str, fonts: FontSet, size: float, indent: bool = True, centre: bool = False) -> str:
    layout = "text-align:center;" if centre else ("text-indent:2em;" if indent else "")
    return (f'<p style="margin:0;{layout}font-family:{_family(fonts.fang)};font-size:{size:g}pt">'
            f"{inner}</p>")


def heading_font(fonts: FontSet, level: int) -> str:
    """The typeface of a heading sentence, as the export's heading styles have it."""
    return {1: fonts.hei, 2: fonts.kai}.get(level, fonts.fang)


def _block(text: str, body: str, level: int, marker: str, whole: bool, fonts: FontSet) -> str:
    """One paragraph: ``text`` is its heading sentence (empty for a paragraph), ``body`` the rest."""
    if text:
        inner = _run(marker + text, heading_font(fonts, level), PRINT.heading_bold.get(level, False))
        if body:
            inner += _run(body, fonts.fang)
        return _paragraph(inner, fonts, PRINT.heading_pt.get(level, PRINT.body_pt))
    return _paragraph(_run(marker + body, fonts.fang), fonts, PRINT.body_pt, indent=whole or bool(marker))


def _document(parts: list[str]) -> str:
    return ('<html><head><meta charset="utf-8"></head><body>\n<!--StartFragment-->'
            + "\n".join(parts) + "<!--EndFragment-->\n</body></html>")


def pieces_html(draft: Draft, a: int, pieces: list[Piece], markers: list[str], fonts: FontSet) -> str:
    """Copied pieces (``spans.pieces_for_span``, from block ``a`` on) with the markers
    ``spans.piece_markers`` gives them.  A heading's sentence keeps its typeface wherever the
    piece starts at the heading's start; a piece of one paragraph is a run, not a paragraph."""
    if len(pieces) == 1 and not pieces[0].whole and not markers[0]:
        return _document([_run(pieces[0].content, fonts.fang)])
    parts = []
    for n, (piece, marker) in enumerate(zip(pieces, markers)):
        block = draft.blocks[a + n] if a + n < len(draft.blocks) else None
        content = piece.content
        if block is not None and block.is_heading and marker:     # it starts where the heading does
            head = len(block.text)
            parts.append(_block(content[:head], content[head:], block.level, marker, piece.whole, fonts))
        else:
            parts.append(_block("", content, 0, marker, piece.whole, fonts))
    return _document(parts)


def draft_html(draft: Draft, fonts: FontSet) -> str:
    """The whole speech: title, byline, salutation and every paragraph (the lines of the
    plain-text rendering, each in its format)."""
    parts = []
    if draft.title.strip():
        parts.append(_paragraph(_run(draft.title.strip(), fonts.title, PRINT.title_bold or fonts.title_bold),
                                fonts, PRINT.title_pt, centre=True))
    for line in byline_lines(draft):
        parts.append(_paragraph(_run(line, fonts.kai), fonts, PRINT.byline_pt, centre=True))
    if draft.salutation.strip():
        parts.append(_paragraph(_run(draft.salutation.strip(), fonts.fang), fonts, PRINT.body_pt, indent=False))
    for block, marker in zip(draft.blocks, draft.markers()):
        text = block.text if block.is_heading else ""
        body = block.body if block.is_heading else block.text
        parts.append(_block(text, body, block.level, marker, True, fonts))
    return _document(parts)
