"""The exported layout as LibreOffice renders it (fonts mapped by resources/fontconfig).

One LibreOffice run converts three files: the longest corpus speech in the print layout
(26 pages) and in the read-aloud layout, and a shorter one in the Windows font set.  The PDF
is measured with pdftotext -bbox: lines a page, characters a line, page numbers and where
they sit, and that every character of the text is there.
"""

from __future__ import annotations

import itertools
import re

import pytest

from drafter.corpus.parser import parse_file
from drafter.export import export_draft
from drafter.export.profiles import PRINT, READ_ALOUD
from drafter.export.text import draft_to_text
from tests.export.conftest import CORPUS
from tests.export.layout import PT_PER_MM, is_full_width, read_pages, split_footer, to_pdf, tools_available

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not tools_available(), reason="LibreOffice/poppler not installed")]

HANGING = "，。、；：？！”’）》」"
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
    files = {
        "print": (long_draft, PRINT, export_draft, {}),
        "read": (long_draft, READ_ALOUD, export_draft, {"profile": "read-aloud"}),
        "windows": (short_draft, PRINT, export_draft, {"fonts": "windows"}),
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


def test_full_lines_hold_28_characters(rendered):
    _draft, profile, pages = rendered["print"]
    box = Box(profile)
    counted = 0
    for page in pages:
        for line in body_lines(page, box):
            starts_at_margin = abs(line.x0 - box.left) < 2
            reaches_end = line.x1 > box.right - 16
            if not (starts_at_margin and reaches_end and is_full_width(line.text)):
                continue
            counted += 1
            text = line.text
            if len(text) == 29:  # a closing mark hanging past the line end, as Word does
                assert text[-1] in HANGING, text
                text = text[:-1]
            assert len(text) == 28, line.text
            width = (line.x1 - line.x0) / len(line.text)
            assert width == pytest.approx(15.7, abs=0.05)  # 16 pt condensed by 0.3 pt
    assert counted >= 200


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
