"""Editing across paragraphs on the Draft (no Qt): what a selection holds, what deleting,
cutting, pasting or pressing Enter does to the blocks it touches.

A place in the draft is (block index, offset) with the offset into the block's
``text + body`` — exactly the text of that paragraph in the editor, where the marker is
drawn, not typed.  A ``Piece`` is one paragraph of copied or pasted text: ``whole`` when it
is a paragraph of its own (its kind and level count), loose when it is a run of text that
joins the paragraph it lands in (the start or end of a selection in mid-paragraph).

Merging follows Word: when a deletion joins two paragraphs, the one where the selection
starts keeps its kind, so deleting from the middle of a paragraph into a heading removes the
heading from the outline and the numbers after it follow; a selection that starts at a
paragraph's start takes the paragraphs before its end away whole, and the paragraph it ends
in keeps its kind.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from drafter.core.model import HEADING, PARAGRAPH, Block, Draft

MIME_BLOCKS = "application/x-drafter-blocks"
MAX_PASTE_CHARS = 1_000_000     # about sixteen long speeches; more is refused with a message
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass
class Piece:
    text: str
    body: str = ""
    kind: str = PARAGRAPH
    level: int = 0
    role: str = "other"
    style: str | None = None
    whole: bool = True

    @property
    def content(self) -> str:
        return self.text + self.body

    def block(self, role: str | None = None) -> Block:
        if self.kind == HEADING:
            return Block(HEADING, self.text, self.body, self.level, role or self.role, self.style)
        return Block.paragraph(self.content, role or self.role)


def content(block: Block) -> str:
    return block.text + block.body


def _keep_prefix(block: Block, x: int) -> None:
    if block.is_heading and x > len(block.text):
        block.body = block.body[:x - len(block.text)]
    elif block.is_heading:
        block.text, block.body = block.text[:x], ""
    else:
        block.text = block.text[:x]


def _append(block: Block, text: str, into_body: bool) -> None:
    if block.is_heading and (into_body or block.body):
        block.body += text
    else:
        block.text += text


# ----- copying ------------------------------------------------------------------------
def pieces_for_span(draft: Draft, a: int, x: int, b: int, y: int) -> list[Piece]:
    """What the selection from (a, x) to (b, y) holds.  A single-paragraph selection is
    loose text; across paragraphs the first piece is whole when it starts at its paragraph's
    start, the last when it runs to its paragraph's end."""
    pieces = []
    for i in range(a, b + 1):
        block = draft.blocks[i]
        whole_text = content(block)
        s = x if i == a else 0
        e = y if i == b else len(whole_text)
        part = whole_text[s:e]
        whole = a != b and s == 0 and (i < b or e == len(whole_text))
        if i == b and a != b and not part and e == 0:
            continue        # the selection ends at the start of a paragraph
        if whole and block.is_heading:
            cut = min(len(block.text), len(part))
            pieces.append(Piece(part[:cut], part[cut:], HEADING, block.level, block.role, block.style, True))
        else:
            pieces.append(Piece(part, "", PARAGRAPH, 0, block.role, None, whole))
    return pieces


def piece_markers(draft: Draft, a: int, pieces: list[Piece], starts_at_zero: bool) -> list[str]:
    """The marker each copied piece is written with: a heading's (as the reader sees it) when
    its start is in the selection, else none."""
    markers = draft.markers()
    found = []
    for n, _piece in enumerate(pieces):
        index = a + n
        block = draft.blocks[index] if index < len(draft.blocks) else None
        heading = block is not None and block.is_heading and (n > 0 or starts_at_zero)
        found.append(markers[index] if heading else "")
    return found


def pieces_text(draft: Draft, a: int, pieces: list[Piece], starts_at_zero: bool) -> str:
    """Plain text of copied pieces, one paragraph a line, each heading with its marker
    (as the reader sees it) when its start is in the selection."""
    markers = piece_markers(draft, a, pieces, starts_at_zero)
    return "\n".join(marker + piece.content for piece, marker in zip(pieces, markers))


def pieces_to_json(pieces: list[Piece]) -> bytes:
    return json.dumps([asdict(p) for p in pieces], ensure_ascii=False).encode("utf-8")


def pieces_from_json(data: bytes) -> list[Piece] | None:
    """Pieces copied from this editor; None when the data is not what we wrote."""
    try:
        items = json.loads(bytes(data).decode("utf-8"))
        pieces = [Piece(**item) for item in items]
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    for p in pieces:
        if p.kind not in (HEADING, PARAGRAPH) or not isinstance(p.text, str) or not isinstance(p.body, str):
            return None
        if p.kind == HEADING and not (isinstance(p.level, int) and 1 <= p.level <= 4):
            return None
    return pieces


# ----- pasting text from elsewhere ----------------------------------------------------------
def clean_pasted(text: str) -> str:
    """Line ends made \\n, control characters and NULs (binary data) dropped."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def pieces_from_text(text: str, parse=None) -> tuple[list[Piece], Draft | None]:
    """Pasted plain text as pieces.  One line is loose text.  Several lines: when they look
    like an outline (``parse`` — the speech parser — finds headings), each numbered point
    becomes a heading of this draft (numbers re-derived); otherwise each line is a
    paragraph, the first joining the text at the cursor and the last the text after it.
    Returns the pieces and the parsed draft (None when no outline was recognised)."""
    lines = [line.strip() for line in text.split("\n")]
    if len([line for line in lines if line]) <= 1:
        return [Piece(next((line for line in lines if line), ""), whole=False)], None
    if parse is not None:
        parsed = parse(text)
        if any(b.is_heading for b in parsed.blocks):
            return [Piece(b.text, b.body, b.kind, b.level, b.role, b.style, True) for b in parsed.blocks], parsed
    lines = [line for line in lines if line]
    pieces = [Piece(line) for line in lines]
    pieces[0].whole = False
    pieces[-1].whole = False
    return pieces, None


# ----- the edits --------------------------------------------------------------------------
def replace_span(draft: Draft, a: int, x: int, b: int, y: int, pieces: list[Piece]) -> tuple[int, int]:
    """Replace the text from (a, x) to (b, y) with ``pieces``.  Returns the place after the
    inserted text (block, offset)."""
    if x == 0 and a < b:
        # Word: a selection from a paragraph's start takes those paragraphs away whole; the
        # paragraph it ends in keeps its kind
        del draft.blocks[a:b]
        b = a
    first, last = draft.blocks[a], draft.blocks[b]
    tail_text = last.text[y:] if last.is_heading and y < len(last.text) else ""
    tail_body = content(last)[max(y, len(last.text)):] if last.is_heading else ""
    tail = content(last)[y:]
    into_body = first.is_heading and x > len(first.text)
    _keep_prefix(first, x)
    out = [first]
    current = first
    for n, piece in enumerate(pieces):
        if not piece.whole and n == 0:
            _append(current, piece.content, into_body)
            continue
        if piece.whole and n == 0 and not content(first) and len(draft.blocks) > 0:
            # into an empty paragraph (or at the very start of one): it takes the piece's kind
            first.kind, first.text, first.body = piece.kind, piece.text, piece.body
            first.level, first.style = piece.level, piece.style
            if piece.kind == PARAGRAPH:
                first.level, first.style = 0, None
            continue
        block = piece.block(None if piece.whole else first.role)
        out.append(block)
        current = block
        into_body = False
    focus = (a + len(out) - 1, len(content(current)))
    ends_loose = not pieces or not pieces[-1].whole
    if tail:
        if ends_loose:
            if current.is_heading and not current.body and tail_text:
                current.text += tail_text      # the rest of a heading sentence stays one
                current.body = tail_body
            else:                              # paragraph text joins a heading as its body
                _append(current, tail, current.is_heading)
        else:
            out.append(Block.paragraph(tail, last.role))
    draft.blocks[a:b + 1] = out
    return focus


def split_block(draft: Draft, a: int, x: int) -> tuple[int, int]:
    """Enter at (a, x): the text after the cursor becomes a new paragraph.  At the very start
    of a non-empty heading an empty paragraph goes before it instead (the heading keeps its
    number and everything with it)."""
    block = draft.blocks[a]
    if block.is_heading and x == 0 and content(block):
        draft.blocks.insert(a, Block.paragraph("", block.role))
        return a + 1, 0
    rest = content(block)[x:]
    _keep_prefix(block, x)
    draft.blocks.insert(a + 1, Block.paragraph(rest, block.role))
    return a + 1, 0


def join_with_previous(draft: Draft, a: int) -> tuple[int, int] | None:
    """Backspace at the start of block ``a``: it joins the paragraph before (which keeps its
    kind).  None at the first block."""
    if a == 0:
        return None
    before = draft.blocks[a - 1]
    return replace_span(draft, a - 1, len(content(before)), a, 0, [])
