"""How a Block looks in the one document: its paragraph format carries the block's kind,
level, role and numbering style (so the document's own undo restores them), and a run-in
heading is one paragraph in two character formats — the heading sentence in the level's
typeface, its body in the body typeface — as in the exported .docx.

Numbers are not text: a heading's first line is indented by the width of its marker and the
editor paints the marker there (``DocumentEditor.paintEvent``), so the caret and selection
never enter it.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextBlockFormat, QTextCharFormat, QTextFormat

from drafter.core.model import HEADING, PARAGRAPH, Block

P_KIND = QTextFormat.UserProperty + 1
P_LEVEL = QTextFormat.UserProperty + 2
P_ROLE = QTextFormat.UserProperty + 3
P_STYLE = QTextFormat.UserProperty + 4
P_HEAD = QTextFormat.UserProperty + 10     # on the characters of a heading sentence

BODY_FAMILIES = ["FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC",
                 "AR PL SungtiL GB", "SimSun", "Noto Sans CJK SC"]
HEADING_FAMILIES = {
    1: ["SimHei", "黑体", "Noto Sans CJK SC", "WenQuanYi Zen Hei"],
    2: ["KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "AR PL KaitiM GB", "Noto Serif CJK SC"],
}
MARKER_COLOUR = QColor("#8a1c1c")
LINE_HEIGHT = 150          # per cent, for reading Chinese at length
PARAGRAPH_GAP = 4          # pixels after each paragraph


class Formats:
    """The formats of one editor (its base font size), built once."""

    def __init__(self, size: int = 14):
        self.size = size
        self.body_font = QFont()
        self.body_font.setFamilies(BODY_FAMILIES)
        self.body_font.setPointSize(size)
        self.body = QTextCharFormat()
        self.body.setFont(self.body_font)
        self.body.setProperty(P_HEAD, False)
        self.heads: dict[int, QTextCharFormat] = {}
        self.head_fonts: dict[int, QFont] = {}
        for level in range(1, 5):
            font = QFont()
            font.setFamilies(HEADING_FAMILIES.get(level, BODY_FAMILIES))
            font.setPointSize(size + {1: 1, 2: 2}.get(level, 0))   # 楷体 looks small
            font.setBold(level != 2)
            fmt = QTextCharFormat()
            fmt.setFont(font)
            fmt.setProperty(P_HEAD, True)
            self.heads[level] = fmt
            self.head_fonts[level] = font
        self.indent = QFontMetricsF(self.body_font).horizontalAdvance("国国")   # 首行缩进两字
        self._widths: dict[tuple[int, str], float] = {}

    def head(self, level: int) -> QTextCharFormat:
        return self.heads[min(max(level, 1), 4)]

    def marker_width(self, level: int, marker: str) -> float:
        key = (level, marker)
        width = self._widths.get(key)
        if width is None:
            width = QFontMetricsF(self.head_fonts[min(max(level, 1), 4)]).horizontalAdvance(marker)
            self._widths[key] = width
        return width

    def block_format(self, block: Block, marker: str = "") -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setProperty(P_KIND, block.kind)
        fmt.setProperty(P_LEVEL, block.level if block.is_heading else 0)
        fmt.setProperty(P_ROLE, block.role)
        fmt.setProperty(P_STYLE, block.style or "")
        fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.ProportionalHeight.value)
        fmt.setBottomMargin(PARAGRAPH_GAP)
        indent = self.indent
        if block.is_heading:
            indent += self.marker_width(block.level, marker)
        fmt.setTextIndent(indent)
        return fmt

    def char_format(self, block: Block) -> QTextCharFormat:
        """The format an empty paragraph types in."""
        return self.head(block.level) if block.is_heading and not block.body else self.body


def read_block_format(fmt: QTextBlockFormat) -> tuple[str, int, str, str | None]:
    """(kind, level, role, style) as the paragraph format records them."""
    kind = fmt.property(P_KIND)
    if kind not in (HEADING, PARAGRAPH):
        kind = PARAGRAPH
    level = fmt.property(P_LEVEL)
    level = level if isinstance(level, int) and 1 <= level <= 4 else 0
    if kind == HEADING and not level:
        kind = PARAGRAPH
    role = fmt.property(P_ROLE)
    style = fmt.property(P_STYLE)
    return kind, level, role if isinstance(role, str) and role else "other", style or None
