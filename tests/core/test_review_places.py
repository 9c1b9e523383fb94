"""Where a reviewer's marks fall among the blocks the editor shows (Qt-free)."""

from __future__ import annotations

from drafter.core.model import HEADING, PARAGRAPH, Block, Draft
from drafter.core.review import PendingComment, Review, Spot
from drafter.core.review_places import Place, find_block, locate, place_marks, relocate, shown_texts


def _spot(paragraph, text, start, end, end_paragraph=None, end_text=None):
    return Spot(paragraph, text, start, end_paragraph if end_paragraph is not None else paragraph,
                end_text if end_text is not None else text, end)


def _draft():
    return Draft(title="在全县安全生产工作会议上的讲话", blocks=[
        Block(kind=PARAGRAPH, text="同志们，今天召开会议。"),
        Block(kind=HEADING, level=1, text="认清形势", body=""),
        Block(kind=PARAGRAPH, text="要抓好落实。"),
        Block(kind=HEADING, level=2, text="压实责任。", body="各级要把责任落实到岗到人。"),
        Block(kind=PARAGRAPH, text="要抓好落实。"),
    ])


def test_a_number_the_reader_took_off_moves_the_offsets():
    texts = shown_texts(_draft())
    assert find_block(texts, "（一）压实责任。各级要把责任落实到岗到人。") == (3, 3)
    place = locate(texts, _spot(3, "（一）压实责任。各级要把责任落实到岗到人。", 8, 10))
    assert place == Place(3, 5, 3, 7) and texts[3][5:7] == "各级"
    assert locate(texts, _spot(1, "一、认清形势", 2, 4)) == Place(1, 0, 1, 2)
    assert find_block(texts, "\u3000\u3000一要压实责任。各级要把责任落实到岗到人。") == (3, 4)
    assert find_block(texts, "第一部分　认清形势") == (1, 5)


def test_text_that_only_ends_the_same_is_not_taken_for_the_paragraph():
    texts = shown_texts(_draft())
    assert find_block(texts, "今天我们说要抓好落实。") is None      # not a number before it
    assert find_block(texts, "   ") is None


def test_a_paragraph_written_twice_takes_the_copy_in_document_order():
    draft = _draft()
    review = Review("审阅稿.docx", comments=[
        PendingComment("1", "甲", "", "第一处", "抓好", 3, 3, spot=_spot(2, "要抓好落实。", 1, 3)),
        PendingComment("2", "乙", "", "第二处", "抓好", 5, 5, spot=_spot(5, "要抓好落实。", 1, 3)),
        PendingComment("3", "丙", "", "标题的", "安全生产", 1, 1, spot=_spot(0, "在全县安全生产工作会议上的讲话", 3, 7)),
        PendingComment("4", "丁", "", "跨段", "", 2, 3,
                       spot=_spot(1, "一、认清形势", 4, 2, 2, "要抓好落实。")),
    ])
    places = place_marks(draft, review)
    assert places[("comment", "1")] == Place(2, 1, 2, 3)
    assert places[("comment", "2")] == Place(4, 1, 4, 3)
    assert places[("comment", "3")] is None              # the title is a field, not a block
    assert places[("comment", "4")] == Place(1, 2, 2, 2)


def test_relocate_finds_the_nearest_copy_and_text_across_paragraphs():
    texts = shown_texts(_draft())
    assert relocate(texts, "抓好", 4) == Place(4, 1, 4, 3)
    assert relocate(texts, "抓好", 1) == Place(2, 1, 2, 3)
    assert relocate(texts, "认清形势\n要抓好", 0) == Place(1, 0, 2, 3)
    assert relocate(texts, "不在稿中", 0) is None and relocate(texts, "", 0) is None
