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
   checks will report).  Other families (一、 （一） 1. （1） 第一部分) are points on sight.
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

No word segmentation happens here; the parser never raises on any text.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.markers import Marker, match_marker
from drafter.core.model import MAX_LEVEL, Block, Draft
from drafter.core.numerals import NUMERAL_CHARS
from drafter.core.vocab import PLACEHOLDER_DIGITS, WHITESPACE, split_heading

logger = logging.getLogger(__name__)

#: Families that also open plain sentences: points only inside a series.
WEAK_FAMILIES = ("shi", "yao", "diyi")

_ADDRESS = re.compile(r"同志|代表|委员|朋友|来宾|领导|女士|先生|同学|老师|大家|嘉宾|同仁")
_PLACEHOLDER_DIGITS = PLACEHOLDER_DIGITS
_DATE = re.compile(
    rf"^[（(]?\s*(?:[0-9０-９{_PLACEHOLDER_DIGITS}]{{4}}|[〇零一二三四五六七八九]{{4}})\s*年"
    rf"\s*[0-9０-９一二三四五六七八九十{_PLACEHOLDER_DIGITS}]{{1,3}}\s*月"
    rf"(?:\s*[0-9０-９一二三四五六七八九十{_PLACEHOLDER_DIGITS}]{{1,3}}\s*日)?\s*[）)]?$")
_SPEAKER_DATE = re.compile(r"^(?P<speaker>[^（(]{1,20})[（(](?P<date>[^）)]+)[）)]$")
_SENTENCE_END = "。！？；，、：;:,.!?"
_TITLE_WORDS = re.compile(r"讲话|发言|致辞|报告|会议|总结|动员|部署|提纲")


def clean_line(line: str) -> str:
    """A line without its indent and trailing spaces."""
    return line.strip(WHITESPACE).strip()


# ----- preamble --------------------------------------------------------------------------------
def _is_salutation(line: str) -> bool:
    """同志们： / 各位代表、同志们： / 女士们，先生们：  — every part names whom it addresses."""
    if len(line) > 60 or line[-1] not in "：:" or any(ch in line for ch in "。！？；"):
        return False
    parts = re.split(r"[、，,]", line[:-1])
    return all(0 < len(part) <= 20 and _ADDRESS.search(part) for part in parts)


def _is_date(line: str) -> bool:
    return len(line) <= 30 and bool(_DATE.match(line))


def _plain_short(line: str, limit: int) -> bool:
    return 0 < len(line) <= limit and line[-1] not in _SENTENCE_END and match_marker(line) is None


def _strip_parens(text: str) -> str:
    if text[:1] in "（(" and text[-1:] in "）)":
        return text[1:-1].strip()
    return text


def _read_preamble(lines: list[str], draft: Draft) -> int:
    """Fill title/occasion/speaker/date/salutation; return the index of the first body line."""
    head = lines[:8]
    salutation = next((i for i, line in enumerate(head) if _is_salutation(line)), None)
    if salutation is not None:
        front = lines[:salutation]
        if all(_plain_short(line, 80) or _is_date(line) for line in front):
            _read_front(front, draft, with_speaker=True)
            draft.salutation = lines[salutation]
            return salutation + 1
        return 0
    # No salutation: a title only when it plainly is one.
    if lines and _plain_short(lines[0], 50) and not _is_date(lines[0]):
        follow = lines[1] if len(lines) > 1 else ""
        if _TITLE_WORDS.search(lines[0]) or follow.startswith("——") or _is_date(follow):
            end = 1
            while end < len(lines) and end < 4 and _is_front_line(lines, end):
                end += 1
            _read_front(lines[:end], draft, with_speaker=True)
            return end
    return 0


def _is_front_line(lines: list[str], i: int) -> bool:
    """A subtitle, a date, or a short byline that a subtitle or date line follows."""
    line = lines[i]
    if line.startswith("——") or _is_date(line):
        return True
    after = lines[i + 1] if i + 1 < len(lines) else ""
    return _plain_short(line, 30) and (after.startswith("——") or _is_date(after))


def _read_front(front: list[str], draft: Draft, with_speaker: bool) -> None:
    for line in front:
        if line.startswith(("——", "--")):
            draft.occasion = line.lstrip("—-").strip()
        elif _is_date(line):
            draft.date = _strip_parens(line)
        elif not draft.title:
            draft.title = line
        elif with_speaker and (m := _SPEAKER_DATE.match(line)) and _is_date(m.group("date")):
            draft.speaker, draft.date = m.group("speaker").strip(), m.group("date").strip()
        elif with_speaker and not draft.speaker:
            draft.speaker = line
        else:
            draft.title += line  # a title set on two lines


# ----- candidates and continuity --------------------------------------------------------------
@dataclass
class _Candidate:
    index: int       # position in the body lines
    marker: Marker
    rest: str        # the paragraph after the marker
    style: str = ""  # the marker's numbering style (its item 1), computed once


def _candidate(line: str) -> _Candidate | None:
    marker = match_marker(line)
    if marker is None or marker.number > 99:
        return None
    rest = line[len(marker.text):].lstrip(WHITESPACE)
    if not rest:
        return None
    first = rest[0]
    if marker.family in ("shi", "yao", "dun", "diyi") and (first in NUMERAL_CHARS or first in "、。，,."):
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
        if cand.marker.family in WEAK_FAMILIES:
            if n == 1:
                ok = following[pos] == 2
            else:
                prev = last_number.get(style)
                ok = prev is not None and prev <= n <= prev + 2
        if ok:
            result.append(cand)
            last_number[style] = n
    return result


# ----- the parser --------------------------------------------------------------------------------
def parse_lines(lines: list[str]) -> Draft:
    """Parse the lines (paragraphs) of a speech into a draft.  Never raises on any text."""
    from drafter.corpus.roles import assign_roles

    cleaned = [c for c in (clean_line(line) for line in lines) if c]
    draft = Draft(blocks=[])
    start = _read_preamble(cleaned, draft)
    body = cleaned[start:]

    candidates = []
    for index, line in enumerate(body):
        if line[0] in "第一二三四五六七八九十（(0123456789":
            cand = _candidate(line)
            if cand is not None:
                cand.index = index
                candidates.append(cand)
    points = {c.index: c for c in _accepted(candidates)}

    stack: list[str] = []          # styles of the open levels, outermost first
    seen_level: dict[str, int] = {}
    for index, line in enumerate(body):
        cand = points.get(index)
        level = 0
        if cand is not None:
            style, n = cand.style, cand.marker.number
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
        if level:
            text, rest_body = split_heading(cand.rest)
            block = Block.heading(level, text, rest_body)
            block.source_marker = cand.marker.text
        else:
            block = Block.paragraph(line)
        draft.blocks.append(block)
    draft.infer_numbering()
    assign_roles(draft)
    return draft


def parse_text(text: str) -> Draft:
    """Parse the text of a speech (one paragraph per line)."""
    return parse_lines(text.splitlines())


def parse_file(path: str | os.PathLike[str]) -> Draft:
    """Read and parse a .txt or .docx speech."""
    from drafter.corpus.loaders import read_docx_paragraphs, read_text_file

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        draft = parse_lines(read_docx_paragraphs(path))
    elif suffix in (".txt", ".text", ""):
        draft = parse_text(read_text_file(path))
    else:
        raise DrafterError(f"不支持的文件类型“{path.suffix}”，请使用 .txt 或 .docx", path)
    if not draft.blocks and not draft.title:
        raise DrafterError("文件中没有可识别的正文", path)
    logger.info("parsed %s: %d blocks", path, len(draft.blocks))
    return draft
