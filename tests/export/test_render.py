"""The exported layout as LibreOffice renders it (fonts mapped by resources/fontconfig).

One LibreOffice run converts four files: the longest corpus speech in the print layout
(26 pages) and in the read-aloud layout, a shorter one in the Windows font set, and the long
one with paragraphs full of Latin digits and letters, quotation marks and a 40-character title.
The PDF is measured with pdftotext -bbox: lines a page, characters a line, page numbers and
where they sit, the 版心 and the line grid, 行首禁则, and that every character is there.
"""

from __future__ import annotations

import itertools
import re

import pytest

from drafter.core.model import Block
from drafter.corpus.documents import parse_file
from drafter.export import export_draft
from drafter.export.title import title_lines
from drafter.export.profiles import PRINT, READ_ALOUD
from drafter.export.text import draft_to_text
from tests.export.conftest import CORPUS
from tests.export.layout import PT_PER_MM, is_full_width, read_pages, split_footer, to_pdf, tools_available

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not tools_available(), reason="LibreOffice/poppler not installed")]

HANGING = "，。、；：？！”’）》」"
CLOSING = HANGING + "…—·"[:0]  # marks that never start a line (行首禁则)
LONG_TITLE = "在全市党风廉政建设暨警示教育大会和2024年廉政工作会议上的讲话（讨论稿）"
FIGURES = [  # typical figures of a review part: Latin digits and letters, %, quotation marks
    "2023年，全市地区生产总值完成3285.6亿元、增长5.2%，规模以上工业增加值增长7.1%，固定资产"
    "投资完成1286亿元，PM2.5平均浓度下降到31微克/立方米，5G基站新建2300个，R&D经费投入强度达到2.6%。",
    "要坚持“项目为王”，紧盯“3个100亿元”产业集群，推动GDP、税收收入、城乡居民收入“三个同步增长”，"
    "确保完成省定的15项约束性指标和32项预期性指标，APP办件率达到95%以上。",
]
TWIP = 1 / 20  # points


class Box:
    """The 版心 of a profile, in PDF points from the top-left corner."""

    def __init__(self, profile):
        self.left = profile.left * TWIP
        self.right = (profile.page_width - profile.right) * TWIP
        self.top = profile.top * TWIP
        self.bottom = (profile.page_height - profile.bottom) * TWIP


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    work = tmp_path_factory.mktemp("render")
    longest = max(CORPUS, key=lambda p: p.stat().st_size)
    long_draft = parse_file(longest)
    long_draft.title = long_draft.title or "在全市重点工作推进会议上的讲话"
    long_draft.speaker, long_draft.date = "市长  张三", "2022年7月18日"
    short_draft = parse_file(CORPUS[0] if CORPUS[0] != longest else CORPUS[1])
    figures_draft = parse_file(longest)
    figures_draft.title, figures_draft.speaker, figures_draft.date = LONG_TITLE, "市委书记 张三", "2024年2月19日"
    for i, text in enumerate(FIGURES * 6):
        figures_draft.blocks.insert(5 + 7 * i, Block.paragraph(text, "review"))
    files = {
        "print": (long_draft, PRINT, export_draft, {}),
        "read": (long_draft, READ_ALOUD, export_draft, {"profile": "read-aloud"}),
        "windows": (short_draft, PRINT, export_draft, {"fonts": "windows"}),
        "figures": (figures_draft, PRINT, export_draft, {}),
    }
    paths = []
    for name, (draft, _profile, export, options) in files.items():
        path = work / f"{name}.docx"
        export(draft, path, **options)
        paths.append(path)
    pdfs = to_pdf(paths, work)
    return {name: (files[name][0], files[name][1], read_pages(pdf)) for name, pdf in zip(files, pdfs)}


def body_lines(page, box):
    return split_footer(page, box.bottom + 2)[0]


def test_full_pages_hold_22_lines_at_28_95_points(rendered):
    _draft, profile, pages = rendered["print"]
    box = Box(profile)
    full = pages[1:-1]  # page 1 has the title block, the last page is not full
    assert len(full) >= 20
    for number, page in enumerate(full, start=2):
        lines = body_lines(page, box)
        assert len(lines) == 22, f"page {number}"
        steps = [b.y - a.y for a, b in itertools.pairwise(lines)]
        assert all(abs(step - 28.95) < 0.2 for step in steps), f"page {number}: {steps}"
        assert lines[0].y >= box.top - 1 and lines[-1].y1 <= box.bottom + 1


def justified_lines(pages, box, profile):
    """Body lines that run to the right edge of the 版心 (all but a paragraph's last line), with
    the character cells their indent takes."""
    cell = (box.right - box.left) / profile.chars_per_line
    for page in pages:
        for line in body_lines(page, box):
            if line.x1 > box.right - cell / 2:
                yield line, round((line.x0 - box.left) / cell)


@pytest.mark.parametrize("name", ["print", "figures"])
def test_full_lines_hold_28_characters_justified_within_the_type_area(rendered, name):
    _draft, profile, pages = rendered[name]
    box = Box(profile)
    cells = []
    for line, indent in justified_lines(pages, box, profile):
        # justified (两端对齐): the line ends at the edge (within half a millimetre), nothing past it
        assert box.right - 1.5 <= line.x1 <= box.right + 0.6, line.text
        if is_full_width(line.text):
            cells.append(indent + len(line.text))
    assert len(cells) >= 200
    # 28 characters to a line, never more; 27 or 26 where 行尾/行首禁则 moved characters down
    # (the line is spread to the edge): in the 26-page speech 2 lines of 400 hold 26
    assert max(cells) == 28 and min(cells) >= 26, sorted(set(cells))
    assert cells.count(28) >= 0.8 * len(cells)


@pytest.mark.parametrize("name", ["print", "read", "windows", "figures"])
def test_nothing_past_the_type_area_and_no_line_starts_with_a_closing_mark(rendered, name):
    _draft, profile, pages = rendered[name]
    box = Box(profile)
    for number, page in enumerate(pages, start=1):
        for line in body_lines(page, box):
            assert box.left - 0.6 <= line.x0 and line.x1 <= box.right + 0.6, (number, line.text)
            assert line.text[0] not in CLOSING, (number, line.text)


def test_lines_with_latin_digits_and_letters_keep_the_grid(rendered):
    draft, profile, pages = rendered["figures"]
    box = Box(profile)
    mixed = [line for line, _indent in justified_lines(pages, box, profile)
             if re.search("[0-9A-Za-z]", line.text)]
    assert len(mixed) >= 30
    for line in mixed:
        assert box.right - 1.5 <= line.x1 <= box.right + 0.6, line.text
    lines = body_lines(pages[1], box)
    steps = [b.y - a.y for a, b in itertools.pairwise(lines)]
    assert len(lines) == 22 and all(abs(step - 28.95) < 0.2 for step in steps)


def test_a_long_title_breaks_into_balanced_lines_at_word_boundaries(rendered):
    _draft, profile, pages = rendered["figures"]
    box = Box(profile)
    lines = body_lines(pages[0], box)
    expected = title_lines(LONG_TITLE)
    assert len(expected) == 2 and max(map(len, expected)) - min(map(len, expected)) <= 3
    assert [line.text for line in lines[:2]] == expected
    assert expected[0].endswith("大会和") or expected[1].startswith(("暨", "2024"))  # not inside a word
    for line in lines[:2]:
        assert (line.x0 + line.x1) / 2 == pytest.approx((box.left + box.right) / 2, abs=2)
    # the title names no speaker here: the byline follows it
    assert lines[2].text == "市委书记张三"


def test_page_one_holds_22_line_slots_with_the_title_in_its_slots(rendered):
    _draft, profile, pages = rendered["figures"]
    box = Box(profile)
    lines = body_lines(pages[0], box)
    slots = [(line.y - box.top) / 28.95 for line in lines]
    assert all(abs(a - b) >= 0.9 for a, b in itertools.pairwise(slots))  # one line a slot
    assert slots[0] < 1 and 21 <= slots[-1] < 22  # 22 slots from the top to the bottom line
    # title (2 lines) + speaker + date + a blank line + salutation + body = 22 slots
    assert len(lines) == 21


def test_page_numbers_right_on_odd_left_on_even_pages(rendered):
    _draft, profile, pages = rendered["print"]
    box = Box(profile)
    one_char = profile.footer_pt
    for number, page in enumerate(pages, start=1):
        footer = split_footer(page, box.bottom + 2)[1]
        assert len(footer) == 1, f"page {number}"
        line = footer[0]
        assert re.sub(r"\s", "", line.text) == f"—{number}—"
        if number % 2:
            assert line.x1 == pytest.approx(box.right - one_char, abs=1.5 * PT_PER_MM)
        else:
            assert line.x0 == pytest.approx(box.left + one_char, abs=1.5 * PT_PER_MM)
        middle = (line.y + line.y1) / 2  # where the dashes are drawn
        assert (middle - box.bottom) / PT_PER_MM == pytest.approx(7, abs=1.5)


def test_title_is_centred_in_22_point_type(rendered):
    draft, profile, pages = rendered["print"]
    box = Box(profile)
    first = body_lines(pages[0], box)[0]
    assert first.text == draft.title
    speaker, date = body_lines(pages[0], box)[1:3]
    assert speaker.text == "市长张三" and date.text == "（2022年7月18日）"
    for line in (speaker, date):
        assert (line.x0 + line.x1) / 2 == pytest.approx((box.left + box.right) / 2, abs=2)
    assert (first.x0 + first.x1) / 2 == pytest.approx((box.left + box.right) / 2, abs=2)
    assert (first.x1 - first.x0) / len(first.text) == pytest.approx(22, abs=0.3)


@pytest.mark.parametrize("name", ["print", "read", "windows"])
def test_no_character_is_lost(rendered, name):
    draft, profile, pages = rendered[name]
    box = Box(profile)
    shown = "".join(line.text for page in pages for line in body_lines(page, box))
    expected = re.sub(r"\s", "", draft_to_text(draft))
    assert shown == expected


def test_read_aloud_is_larger_with_fewer_lines_and_characters(rendered):
    _draft, profile, pages = rendered["read"]
    box = Box(profile)
    print_pages = rendered["print"][2]
    assert len(pages) > len(print_pages)
    widths, full_lines = [], []
    for page in pages[:-1]:
        lines = body_lines(page, box)
        assert len(lines) <= 16
        steps = [b.y - a.y for a, b in itertools.pairwise(lines)]
        assert min(steps) > 1.8 * 18  # about double spacing
        for line in lines:
            assert line.x1 <= box.right + 18.5  # at most a mark hanging past the end
            if is_full_width(line.text):
                full_lines.append(len(line.text))
                if len(line.text) >= 10:
                    widths.append((line.x1 - line.x0) / len(line.text))
    assert min(widths) >= 17.9  # characters at least 18 pt wide
    assert max(full_lines) <= 24 and sorted(full_lines)[len(full_lines) // 2] == 23  # print has 28


def test_read_aloud_never_leaves_a_heading_at_the_bottom_of_a_page(rendered):
    draft, profile, pages = rendered["read"]
    box = Box(profile)
    where = []  # (page, is last line of its page) for every character shown
    text = []
    for p, page in enumerate(pages):
        lines = body_lines(page, box)
        for i, line in enumerate(lines):
            text.append(line.text)
            where.extend([(p, i == len(lines) - 1)] * len(line.text))
    shown = "".join(text)
    cursor = 0
    checked = 0
    for block, marker in zip(draft.blocks, draft.markers()):
        if not block.is_heading:
            continue
        heading = re.sub(r"\s", "", marker + block.text)
        start = shown.find(heading, cursor)
        assert start >= 0, heading
        cursor = start + len(heading)
        page, last_line = where[cursor - 1]
        if page < len(pages) - 1:
            assert not last_line, f"heading {heading!r} ends page {page + 1}"
        checked += 1
    assert checked >= 10
