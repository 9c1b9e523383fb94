"""The structure parser: lines of a speech → ``Draft`` (DESIGN §3).

1. *Preamble.*  A title line, a subtitle (——在……上的讲话), a byline (speaker) and a date line
   may stand before the salutation (同志们： / 各位代表：); they fill ``Draft.title``,
   ``occasion``, ``speaker``, ``date`` and ``salutation``.
2. *Candidates.*  A paragraph whose very start is a marker (``core.markers.match_marker``) is a
   candidate numbered point.  Shapes that only look like one are dropped: 一是一、二是二
   (a numeral right after the marker), 一、二季度 …; 2023年、1月19日、10个、一季度、一方面、一批
   never match a marker at all.  Markers in the middle of a paragraph are never blocks.
3. *Continuity.*  一是 / 一要 / 第一， also open ordinary sentences, so a paragraph starting
   with one is a point only inside a series: item 1 must be followed by item 2 of the same
   style (before the series restarts), item n>1 must follow item n-1 (or n-2, a gap the
   checks will report).  Other families (一、 （一） 1. （1） 第一部分) are points on sight,
   up to 99; from 100 on (100. （100） 一百零一、) every family only continues a list.
4. *Levels.*  Nesting is decided per document by the order styles open: a style already open
   closes everything opened after it and is a sibling at its depth; a new style opens one
   level deeper than the innermost open one.  So 第一， is level 1 and 一要 level 2 in one
   speech, while 一、/（一）/1./一要 make four levels in another, and 一是 and 一要 can both be
   level 3 under different parents.  A point that would be deeper than level 4 stays a
   paragraph.
5. *Run-in headings.*  The heading sentence runs up to and including the first 。；！？ or ：
   outside quotation marks; the rest of the paragraph is its ``body``.
6. *Numbering.*  ``Draft.numbering[level]`` is the style most points at that level use; a point
   in another style keeps it in ``Block.style``; ``Block.source_marker`` keeps the marker as
   written.  Roles come from ``drafter.corpus.roles``.

No word segmentation happens here; the parser never raises on any text.  It reads lines, not
files: ``drafter.corpus.documents`` opens a .txt or .docx (the Word reader hands the texts of a
file without heading styles back to ``parse_lines``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.core.markers import GAN, Marker, match_marker
from drafter.core.model import MAX_LEVEL, Block, Draft
from drafter.core.numerals import NUMERAL_CHARS
from drafter.core.vocab import SPEAKER_ROLE, WHITESPACE, split_heading
from drafter.corpus.frontmatter import read_front_matter
from drafter.corpus.roles import assign_roles

#: Families that also open plain sentences: points only inside a series.
WEAK_FAMILIES = ("shi", "yao", "diyi")
#: Families of the parts of a speech (第一部分, 一、).
TOP_FAMILIES = ("part", "dun")
#: From this number on a point is one only as the next of its list: a paragraph may open with
#: a year or an amount (2023、2024年……, 500.……) but not with a list's hundredth item unless
#: the list came before.
LONG_LIST = 100



def clean_line(line: str) -> str:
    """A line without its indent and trailing spaces."""
    return line.strip(WHITESPACE).strip()


# ----- candidates and continuity --------------------------------------------------------------
@dataclass
class _Candidate:
    index: int       # position in the body lines
    marker: Marker
    rest: str        # the paragraph after the marker
    style: str = ""  # the marker's numbering style (its item 1), computed once


def _candidate(line: str) -> _Candidate | None:
    marker = match_marker(line)
    if marker is None:
        return None
    rest = line[len(marker.text):].lstrip(WHITESPACE)
    if not rest:
        return None
    first = rest[0]
    if marker.family in ("shi", "yao", "dun", "diyi") and (first in NUMERAL_CHARS or first in "、。，,.") \
            or marker.family == "gan" and (first in GAN or first in "、。，,方"):
        return None  # 一是一、二是二 / 一、二季度 / 一要，……
    if marker.family == "shi" and first == "否":
        return None  # 一是否……
    return _Candidate(-1, marker, rest, marker.style)


def _accepted(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop weak-family candidates that are not part of a numbered series (linear time)."""
    # For each candidate, the number of the next candidate of its style numbered 1 or 2
    # (None if there is none): item 1 opens a series only if item 2 comes before a restart.
    following: list[int | None] = [None] * len(candidates)
    upcoming: dict[str, int] = {}
    for pos in range(len(candidates) - 1, -1, -1):
        marker = candidates[pos].marker
        following[pos] = upcoming.get(candidates[pos].style)
        if marker.number in (1, 2):
            upcoming[candidates[pos].style] = marker.number
    result: list[_Candidate] = []
    last_number: dict[str, int] = {}  # style -> number of the last accepted item
    for pos, cand in enumerate(candidates):
        style, n = cand.style, cand.marker.number
        ok = True
        if n >= LONG_LIST:
            # 100. / （100） / 一百零一、 only go on a list (2023、2024年…… opens none)
            prev = last_number.get(style)
            ok = prev is not None and prev < n <= prev + 2
        elif cand.marker.family in WEAK_FAMILIES:
            if n == 1:
                ok = following[pos] == 2
            else:
                prev = last_number.get(style)
                ok = prev is not None and prev <= n <= prev + 2
        if ok:
            result.append(cand)
            last_number[style] = n
    return result


_END = "。！？；：，、;:,!?…”）)"


def _unnumbered_heading(body: list[str], index: int) -> bool:
    """A short line without end punctuation between finished paragraphs, followed by a longer
    paragraph: a heading printed without a number (2020年工作回顾)."""
    line = body[index]
    if not 4 <= len(line) <= 40 or line[-1] in _END or "：" in line or ":" in line:
        return False
    if index == 0 or index + 1 >= len(body):
        return False
    before, after = body[index - 1], body[index + 1]
    if before[-1] not in "。！？；!?”" or len(after) < max(40, 2 * len(line)) or after[-1] not in _END:
        return False
    return not _ADDRESS_LINE.search(line)


_ADDRESS_LINE = re.compile(r"同志们|朋友们|各位|谢谢|女士|先生")


# ----- the parser --------------------------------------------------------------------------------
def parse_lines(lines: list[str]) -> Draft:
    """Parse the lines (paragraphs) of a speech into a draft.  Never raises on any text."""
    cleaned = [c for c in (clean_line(line) for line in lines) if c]
    front = read_front_matter(cleaned)
    draft = Draft(title=front.title, speaker=front.speaker, date=front.date, occasion=front.occasion,
                  salutation=front.salutation, blocks=[], dropped=front.dropped, doubts=front.doubts)
    if front.speaker_role:
        draft.fields[SPEAKER_ROLE] = front.speaker_role
    body = front.body

    candidates = []
    for index, line in enumerate(body):
        if line[0] in "第一二三四五六七八九十（(0123456789甲乙丙丁戊己庚辛壬癸":
            cand = _candidate(line)
            if cand is not None:
                cand.index = index
                candidates.append(cand)
    accepted = _accepted(candidates)
    points = {c.index: c for c in accepted}
    # The first real part heading (第一部分 / 一、): an enumeration 一是…二是… before it, with no
    # heading open, is an inline list of the opening, never a level above the parts.
    first_part = next((c.index for c in accepted if c.marker.family in TOP_FAMILIES), -1)

    stack: list[str] = []          # styles of the open levels, outermost first
    weak: set[str] = set()         # the open styles that are enumerations (一是, 一要, 第一，)
    seen_level: dict[str, int] = {}
    for index, line in enumerate(body):
        cand = points.get(index)
        level = 0
        if cand is not None and cand.marker.family in WEAK_FAMILIES and not stack and index < first_part:
            cand = None
        if cand is not None:
            style, n = cand.style, cand.marker.number
            if cand.marker.family not in WEAK_FAMILIES and style not in stack:
                # a real heading never nests under an enumeration (1. after 一是…三是 under （一）)
                while len(stack) > 1 and stack[-1] in weak:
                    stack.pop()
            if style in stack:
                level = stack.index(style) + 1
            elif n > 1 and style in seen_level and seen_level[style] <= len(stack) + 1:
                level = seen_level[style]
            else:
                level = len(stack) + 1
            if level > MAX_LEVEL:
                level = 0
            else:
                del stack[level - 1:]
                stack.append(style)
                seen_level[style] = level
                if cand.marker.family in WEAK_FAMILIES:
                    weak.add(style)
        if level:
            text, rest_body = split_heading(cand.rest)
            block = Block.heading(level, text, rest_body)
            block.source_marker = cand.marker.text
        elif cand is None and _unnumbered_heading(body, index):
            # 2020年工作回顾 on a line of its own: a heading printed without a number
            block = Block.heading(min(len(stack) + 1, MAX_LEVEL), line)
            block.numbered = False
        else:
            block = Block.paragraph(line)
        draft.blocks.append(block)
    draft.infer_numbering()
    assign_roles(draft)
    return draft


def parse_text(text: str) -> Draft:
    """Parse the text of a speech (one paragraph per line)."""
    return parse_lines(text.splitlines())
