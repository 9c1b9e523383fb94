"""The cards of the review margin (comments.py): one per comment or revision, their text,
their size and their painting, and the formats that mark their text in the editor."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextCharFormat, QTextCursor

from drafter.core.review import DELETING, INSERTING, KIND_NAMES, PendingComment, PendingRevision

COMMENT_BG = QColor("#fff1a8")
COMMENT_ACTIVE_BG = QColor("#ffc96b")
INSERT_COLOUR = QColor("#1a7f37")
DELETE_COLOUR = QColor("#c62828")
STYLE_COLOUR = QColor("#1f5fbf")
CARD_BG, CARD_ACTIVE_BG = QColor("#fbfbf7"), QColor("#fff7dc")
BORDER, ACTIVE_BORDER, MUTED = QColor("#c9c2a8"), QColor("#d08a00"), QColor("#777777")
PAD, GAP, MAX_BODY_LINES = 6, 6, 6
REVISION_BUTTONS = (("accept", "接受"), ("reject", "拒绝"))


def buttons_of(card: Card) -> tuple[tuple[str, str], ...]:
    """The card's buttons: 接受 / 拒绝 on a revision, 解决 (or 重新打开) on a comment."""
    if card.is_comment:
        return (("resolve", "重新打开" if card.item.resolved else "解决"),)
    return REVISION_BUTTONS


@dataclass
class Card:
    key: tuple[str, str]                 # ("comment" | "revision", id)
    item: PendingComment | PendingRevision
    cursor: QTextCursor | None = None    # its text in the editor (None: not in the body)
    remembered: str = ""                 # the text the cursor selected last, to find it again
    before: str = ""                     # for a point: the characters just before it
    lost: bool = False                   # its text was deleted from the draft
    block: object = None                 # the draft's Block its text starts in (it follows that paragraph)
    rect: QRect = field(default_factory=QRect)
    buttons: dict[str, QRect] = field(default_factory=dict)

    @property
    def is_comment(self) -> bool:
        return self.key[0] == "comment"

    @property
    def kind(self) -> str:
        return "comment" if self.is_comment else self.item.kind

    def header(self) -> str:
        item = self.item
        who = item.author or "（未署名）"
        date = (item.date or "")[:10]
        if self.is_comment:
            done = "（已解决）" if item.resolved else ""
            return f"{who}{done}　{date}".rstrip()
        return f"{who}　{KIND_NAMES.get(item.kind, item.kind)}　{date}".rstrip()

    def body(self) -> str:
        item = self.item
        if self.is_comment:
            text = item.text or "（空批注）"
            if self.cursor is None and item.anchor:
                text += f"\n——关于“{item.anchor[:24]}”"
        elif item.kind == "pPrChange":
            text = "段落格式（标题级别或样式）已改"
        elif item.text:
            text = f"“{item.text}”"
        else:
            text = "整段" + ("插入" if item.kind in INSERTING else "删除")
        if self.lost:
            text += "\n（原文已删改）"
        elif self.cursor is None and not self.is_comment:
            text += "\n（不在正文中，可能在标题或署名）"
        return text

    def body_colour(self) -> QColor:
        if self.kind in INSERTING:
            return INSERT_COLOUR
        if self.kind in DELETING:
            return DELETE_COLOUR
        return QColor("#222222")


_HEIGHTS: dict[tuple, int] = {}


def card_height(card: Card, width: int, font: QFont) -> int:
    key = (width, font.key(), card.is_comment, card.body())
    height = _HEIGHTS.get(key)
    if height is None:
        if len(_HEIGHTS) > 4096:
            _HEIGHTS.clear()
        height = _HEIGHTS[key] = _measure(card, width, font)
    return height


def _measure(card: Card, width: int, font: QFont) -> int:
    metrics = QFontMetrics(font)
    inner = width - 2 * PAD
    body = metrics.boundingRect(QRect(0, 0, inner, 10_000), Qt.TextWordWrap, card.body()).height()
    body = min(body, metrics.lineSpacing() * MAX_BODY_LINES)
    return PAD + metrics.lineSpacing() + 2 + body + metrics.lineSpacing() + 4 + PAD


def paint_card(painter: QPainter, card: Card, font: QFont, active: bool) -> None:
    rect = card.rect
    painter.setPen(ACTIVE_BORDER if active else BORDER)
    painter.setBrush(CARD_ACTIVE_BG if active else CARD_BG)
    painter.drawRoundedRect(rect, 4, 4)
    metrics = QFontMetrics(font)
    line = metrics.lineSpacing()
    x, y, inner = rect.left() + PAD, rect.top() + PAD, rect.width() - 2 * PAD
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(MUTED if card.is_comment and card.item.resolved else QColor("#333333"))
    painter.drawText(QRect(x, y, inner, line), Qt.AlignLeft | Qt.AlignVCenter,
                     QFontMetrics(bold).elidedText(card.header(), Qt.ElideRight, inner))
    y += line + 2
    body_font = QFont(font)
    body_font.setStrikeOut(card.kind in DELETING)
    body_font.setUnderline(card.kind in INSERTING)
    painter.setFont(body_font)
    painter.setPen(card.body_colour())
    body_rect = QRect(x, y, inner, rect.bottom() - PAD - line - 4 - y)
    painter.drawText(body_rect, Qt.TextWordWrap | Qt.AlignLeft | Qt.AlignTop, card.body())
    painter.setFont(font)
    for name, label in buttons_of(card):
        button = card.buttons[name]
        painter.setPen({"accept": INSERT_COLOUR, "reject": DELETE_COLOUR}.get(name, MUTED))
        painter.setBrush(Qt.NoBrush)
        painter.drawRoundedRect(button, 3, 3)
        painter.drawText(button, Qt.AlignCenter, label)


def place_buttons(card: Card, font: QFont) -> None:
    """The card's buttons at its foot."""
    card.buttons = {}
    metrics = QFontMetrics(font)
    line = metrics.lineSpacing()
    x, top = card.rect.left() + PAD, card.rect.bottom() - PAD - line
    for name, label in buttons_of(card):
        width = metrics.horizontalAdvance(label) + 12
        card.buttons[name] = QRect(x, top, width, line)
        x += width + 6


def mark_format(card: Card, active: bool) -> QTextCharFormat:
    """How a card's text looks in the editor (an extra selection: not part of the text)."""
    fmt = QTextCharFormat()
    if card.is_comment and card.item.resolved:       # 已解决: greyed, as Word shows it
        fmt.setBackground(QColor("#ececec") if not active else COMMENT_ACTIVE_BG)
    elif card.is_comment:
        fmt.setBackground(COMMENT_ACTIVE_BG if active else COMMENT_BG)
    elif card.kind in DELETING:
        fmt.setForeground(DELETE_COLOUR)
        fmt.setFontStrikeOut(True)
        if active:
            fmt.setBackground(QColor("#fde0e0"))
    elif card.kind in INSERTING:      # the character before the place text was inserted
        fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
        fmt.setUnderlineColor(INSERT_COLOUR)
        fmt.setBackground(QColor("#dff5e3") if active else QColor("#eef9f0"))
    else:
        fmt.setUnderlineStyle(QTextCharFormat.DotLine)
        fmt.setUnderlineColor(STYLE_COLOUR)
    return fmt
