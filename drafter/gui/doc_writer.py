"""Writing the Draft into the one document: the whole draft when it is opened, a stretch
of paragraphs for an edit, and a move done by moving the shorter run of paragraphs.  Each
paragraph gets its Block as user data (``BlockData``) and the formats of ``doc_format``."""

from __future__ import annotations

from PySide6.QtGui import QTextBlockUserData, QTextCursor, QTextDocument

from drafter.core.model import Block, Draft
from drafter.gui.doc_format import Formats, read_block_format

LINE_BREAKS = "\n\r\u2028\u2029\x0b\x0c"


class BlockData(QTextBlockUserData):
    """The model Block a paragraph of the document stands for."""

    def __init__(self, block: Block):
        super().__init__()
        self.block = block


def _one_line(text: str) -> str:
    return "".join(" " if ch in LINE_BREAKS else ch for ch in text)


def rewrite(doc: QTextDocument, formats: Formats, cursor: QTextCursor, start: int, old_end: int,
        new: list[Block], markers: list[str]) -> None:
    """Paragraphs ``start:old_end`` written afresh as ``new``."""
    first = doc.findBlockByNumber(start)
    last = doc.findBlockByNumber(old_end - 1)
    cursor.setPosition(first.position())
    cursor.setPosition(last.position() + last.length() - 1, QTextCursor.KeepAnchor)
    cursor.removeSelectedText()
    for n, block in enumerate(new):
        fmt = formats.block_format(block, markers[start + n])
        if n:
            cursor.insertBlock(fmt, formats.char_format(block))
        else:
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(formats.char_format(block))
        write_block(cursor, formats, block)
        cursor.block().setUserData(BlockData(block))


def move_paragraphs(doc: QTextDocument, formats: Formats, draft: Draft, start: int, old_end: int,
                new: list[Block], markers: list[str]) -> bool:
    """A move (the same paragraphs, unchanged, in another order: one run taken from before or
    after the other) done by moving only the shorter run's text, formats and all; False when
    the change is not one."""
    count = old_end - start
    if count != len(new) or count < 2:
        return False
    old, qblock = [], doc.findBlockByNumber(start)
    for _ in range(count):
        data = qblock.userData()
        block = data.block if isinstance(data, BlockData) else None
        if block is None or qblock.text() != block.text + block.body or \
                read_block_format(qblock.blockFormat()) != (block.kind, block.level, block.role, block.style):
            return False
        old.append(block)
        qblock = qblock.next()
    ids, new_ids = [id(b) for b in old], [id(b) for b in new]
    if len(set(ids)) != count or ids[0] not in new_ids:
        return False
    split = (count - new_ids.index(ids[0])) % count       # new == old[split:] + old[:split]
    if not split or new_ids != ids[split:] + ids[:split]:
        return False
    # move old[:split] after old[split:], or old[split:] before old[:split], whichever has
    # fewer characters (Qt lays out again what it inserts); its paragraph separators move
    # with it, so a paragraph must follow the range
    if old_end >= doc.blockCount():
        return False
    places = [doc.findBlockByNumber(n).position() for n in (start, start + split, old_end)]
    options = [(places[1] - places[0], start, start + split, old_end),
               (places[2] - places[1], start + split, old_end, start)]
    _size, first, end, before = min(options)
    begin = doc.findBlockByNumber(first).position()
    stop = doc.findBlockByNumber(end).position()
    target = QTextCursor(doc)
    target.setPosition(doc.findBlockByNumber(before).position())
    moving = QTextCursor(doc)
    moving.setPosition(begin)
    moving.setPosition(stop, QTextCursor.KeepAnchor)
    fragment = moving.selection()
    moving.removeSelectedText()
    target.insertFragment(fragment)
    qblock = doc.findBlockByNumber(start)
    fix = QTextCursor(doc)
    # formats and identity as the model has them: the moved paragraphs and the one the
    # text went in before (Qt may hand its paragraph to the inserted text).  A format is set
    # only where it differs: setting one makes Qt lay the paragraph out again.
    for n, block in enumerate([*new, draft.blocks[old_end]]):
        fmt = formats.block_format(block, markers[start + n])
        char = formats.char_format(block)
        if qblock.blockFormat() != fmt or qblock.charFormat() != char:
            fix.setPosition(qblock.position())
            fix.setBlockFormat(fmt)
            fix.setBlockCharFormat(char)
        data = qblock.userData()
        if not isinstance(data, BlockData) or data.block is not block:
            qblock.setUserData(BlockData(block))
        qblock = qblock.next()
    return True


def write_draft(doc: QTextDocument, formats: Formats, draft: Draft) -> list[str]:
    """The whole draft into ``doc``; returns the markers.  The text goes in at once
    (``setPlainText``, Qt's fast path); then the formats: one paragraph format over each run of
    paragraphs of the same part, one for each heading, and the heading sentence's character
    format."""
    for block in draft.blocks:      # a paragraph holds no line break
        if any(ch in block.text + block.body for ch in LINE_BREAKS):
            block.text, block.body = _one_line(block.text), _one_line(block.body)
    blocks, markers = draft.blocks, draft.markers()
    doc.setPlainText("\n".join(b.text + b.body for b in blocks))
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.select(QTextCursor.Document)
    cursor.setCharFormat(formats.body)
    qblock, i = doc.begin(), 0
    while i < len(blocks):
        block = blocks[i]
        if block.is_heading:
            cursor.setPosition(qblock.position())
            cursor.setBlockFormat(formats.block_format(block, markers[i]))
            cursor.setBlockCharFormat(formats.char_format(block))
            if block.text:
                cursor.setPosition(qblock.position() + len(block.text), QTextCursor.KeepAnchor)
                cursor.setCharFormat(formats.head(block.level))
            qblock.setUserData(BlockData(block))
            qblock, i = qblock.next(), i + 1
            continue
        first = last = qblock
        j = i
        while j < len(blocks) and not blocks[j].is_heading and blocks[j].role == block.role:
            qblock.setUserData(BlockData(blocks[j]))
            last, qblock, j = qblock, qblock.next(), j + 1
        cursor.setPosition(first.position())
        cursor.setPosition(last.position(), QTextCursor.KeepAnchor)
        cursor.setBlockFormat(formats.block_format(block))
        cursor.setBlockCharFormat(formats.body)
        i = j
    cursor.endEditBlock()
    return markers


def write_block(cursor: QTextCursor, formats: Formats, block: Block) -> None:
    """One block's text at the cursor: the heading sentence and the body in their formats."""
    if block.is_heading:
        cursor.insertText(block.text, formats.head(block.level))
        if block.body:
            cursor.insertText(block.body, formats.body)
    else:
        cursor.insertText(block.text, formats.body)


def refit(doc: QTextDocument, formats: Formats, draft: Draft, markers: list[str], cursor: QTextCursor,
          old_markers: list[str] | None = None, span: tuple[int, int, int] | None = None) -> None:
    """Headings whose marker changed width (（九）→（十一）) get their indent made to fit.
    Given the markers before the edit and its ``span`` (start, new end, old end: paragraphs
    ``start:old end`` were written as ``start:new end``), only headings outside the span
    whose marker text changed are looked at; the others kept theirs."""
    blocks = draft.blocks
    candidates: list[int] | range = range(len(blocks))
    if old_markers is not None and span is not None:
        start, new_end, old_end = span
        delta = new_end - old_end
        if len(old_markers) + delta == len(blocks):
            candidates = [i for i in draft.headings() if not start <= i < new_end and
                          markers[i] != old_markers[i if i < start else i - delta]]
    for i in candidates:
        block = blocks[i]
        if not block.is_heading:
            continue
        qblock = doc.findBlockByNumber(i)
        want = formats.indent + formats.marker_width(block.level, markers[i])
        if abs(qblock.blockFormat().textIndent() - want) > 0.5:
            cursor.setPosition(qblock.position())
            cursor.setBlockFormat(formats.block_format(block, markers[i]))
