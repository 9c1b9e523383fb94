"""The outline / Draft model shared by the parser, templates, editor, checks and exporters.

A draft is a flat list of blocks.  A *heading* has a level (1–4), a heading sentence
(``text``) and, for a run-in heading, the ``body`` that follows it in the same paragraph.
A *paragraph* belongs to the nearest heading before it.  A *section* is a heading with
everything after it up to the next heading of the same or a higher rank.

Numbers are derived, never stored: a heading's number is its position among the headings
under the same parent, and its marker is that number written in the numbering style of its
level (``Draft.numbering``) unless the heading carries a style of its own (``Block.style``,
used where one document mixes families on one level: 一是 under one point, 一要 under
another).  ``Block.source_marker`` keeps the marker as written in an imported file, for
``drafter parse`` and the checks; it is not part of the draft's identity and is not saved.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from drafter.core.markers import DEFAULT_STYLES, format_marker, match_marker
from drafter.core.review import Review
from drafter.core.vocab import ROLES  # noqa: F401 - part of the model's interface

@lru_cache(maxsize=4096)
def _written_marker(text: str) -> tuple[str, int] | None:
    """(style, number) of a marker as written (a document has few distinct ones)."""
    marker = match_marker(text)
    return (marker.style, marker.number) if marker is not None else None


HEADING = "heading"
PARAGRAPH = "paragraph"
MAX_LEVEL = 4


@dataclass
class Block:
    kind: str = PARAGRAPH
    text: str = ""
    body: str = ""
    level: int = 0
    role: str = "other"
    style: str | None = None
    source_marker: str = field(default="", compare=False)
    #: The number this heading carries when it is not one more than its previous sibling's:
    #: 1 where a second list 一是…六是 starts under the same parent, n where the source skips
    #: a number.  None (the usual case): the number is derived from the position.
    start: int | None = None
    #: The role was set by the user (the editor's 讲话部分 menu): role labelling keeps it.
    role_fixed: bool = False
    #: False for a heading that carries no marker (an imported Word heading styled 标题 1 with
    #: no number): it prints none and does not count among its siblings.
    numbered: bool = True

    @property
    def is_heading(self) -> bool:
        return self.kind == HEADING

    @staticmethod
    def heading(level: int, text: str, body: str = "", role: str = "other",
                style: str | None = None) -> Block:
        return Block(HEADING, text, body, level, role, style)

    @staticmethod
    def paragraph(text: str, role: str = "other") -> Block:
        return Block(PARAGRAPH, text, "", 0, role)


@dataclass
class Draft:
    title: str = ""
    speaker: str = ""
    date: str = ""
    occasion: str = ""
    salutation: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    numbering: dict[int, str] = field(default_factory=lambda: dict(DEFAULT_STYLES))
    blocks: list[Block] = field(default_factory=list)
    #: Lines an imported file carried that are not the speech (web and print chrome, labels),
    #: kept so nothing is lost, and notes on what the reader was unsure of.  Not saved.
    dropped: list[str] = field(default_factory=list, compare=False)
    doubts: list[str] = field(default_factory=list, compare=False)
    #: A reviewer's pending tracked changes and comments (``core/review.py``), when the draft
    #: was read from a reviewed .docx; the text is as it was before them.  Not saved.
    review: Review | None = field(default=None, compare=False, repr=False)

    def copy(self) -> Draft:
        return replace(self, fields=dict(self.fields), numbering=dict(self.numbering),
                       blocks=[replace(b) for b in self.blocks], dropped=list(self.dropped),
                       doubts=list(self.doubts))

    def subtitle(self) -> str:
        """The line under the title from ``occasion`` (the meeting), in the form the title's genre
        uses: ——在……上的讲话 (致辞, 发言 likewise); a report's ——2023年2月2日在……会议上, the
        date in it.  Empty when there is no occasion or the title already names it."""
        occasion = self.occasion.strip().lstrip("—-").strip()
        if not occasion or occasion in self.title:
            return ""
        if occasion.startswith("在") or occasion.endswith(("讲话", "发言", "致辞", "报告", "上")):
            return "——" + occasion
        title = self.title.strip()
        if title.endswith("报告"):
            return f"——{self.date.strip().strip('（）() ')}在{occasion}上"
        genre = next((g for g in ("致辞", "发言", "讲话") if title.endswith(g)), "讲话")
        return f"——在{occasion}上的{genre}"

    # ----- numbering -------------------------------------------------------------------
    def style_of(self, index: int) -> str:
        block = self.blocks[index]
        return block.style or self.numbering.get(block.level) or DEFAULT_STYLES[block.level]

    def numbers(self) -> list[int]:
        """For each block, its number among its siblings (0 for paragraphs)."""
        result = []
        counters: list[int] = []  # counters[d] = items so far at depth d+1 under the open parent
        for block in self.blocks:
            if not block.is_heading:
                result.append(0)
                continue
            depth = block.level
            del counters[depth:]
            while len(counters) < depth:
                counters.append(0)
            if not block.numbered:
                result.append(0)
                continue
            counters[depth - 1] = block.start if block.start else counters[depth - 1] + 1
            result.append(counters[depth - 1])
        return result

    def markers(self) -> list[str]:
        """For each block, its derived marker ("" for paragraphs)."""
        return [format_marker(self.style_of(i), n) if n else ""
                for i, n in enumerate(self.numbers())]

    def infer_numbering(self) -> None:
        """Numbering styles from the markers an imported file was written with: each level
        takes the style most of its headings use; a heading in another style keeps its own."""
        per_level: dict[int, Counter[str]] = {}
        styles: list[str | None] = []
        numbers: list[int | None] = []
        for block in self.blocks:
            marker = _written_marker(block.source_marker) if block.is_heading and block.source_marker else None
            styles.append(marker[0] if marker else None)
            numbers.append(marker[1] if marker else None)
            if marker:
                per_level.setdefault(block.level, Counter())[marker[0]] += 1
        self.numbering = dict(DEFAULT_STYLES)
        for level, counts in per_level.items():
            self.numbering[level] = counts.most_common(1)[0][0]
        for block, style in zip(self.blocks, styles):
            block.style = style if style is not None and style != self.numbering[block.level] else None
        self.keep_source_numbers(numbers)

    def keep_source_numbers(self, numbers: list[int | None] | None = None) -> None:
        """Set ``Block.start`` where the number an imported heading was written with is not the
        derived one (a list that starts again at 一 under the same parent, a skipped number), so
        that a plain re-export prints exactly the markers of the source."""
        counters: list[int] = []
        for index, block in enumerate(self.blocks):
            if not block.is_heading:
                continue
            depth = block.level
            del counters[depth:]
            while len(counters) < depth:
                counters.append(0)
            if not block.numbered:
                continue
            if numbers is not None:
                number = numbers[index]
            else:
                marker = match_marker(block.source_marker) if block.source_marker else None
                number = marker.number if marker is not None else None
            expected = counters[depth - 1] + 1
            block.start = number if number is not None and number != expected else None
            counters[depth - 1] = block.start or expected

    def headings(self) -> list[int]:
        return [i for i, b in enumerate(self.blocks) if b.is_heading]

    # ----- structure -------------------------------------------------------------------
    def section_end(self, index: int) -> int:
        """One past the last block of the section that starts at ``index``."""
        block = self.blocks[index]
        if not block.is_heading:
            return index + 1
        end = index + 1
        while end < len(self.blocks):
            other = self.blocks[end]
            if other.is_heading and other.level <= block.level:
                break
            end += 1
        return end

    def parent_of(self, index: int) -> int | None:
        """Index of the heading a block sits under, or None at top level."""
        block = self.blocks[index]
        limit = block.level if block.is_heading else MAX_LEVEL + 1
        for i in range(index - 1, -1, -1):
            other = self.blocks[i]
            if other.is_heading and other.level < limit:
                return i
        return None

    def children(self, index: int | None) -> list[int]:
        """Headings directly under the heading at ``index`` (None: the top level)."""
        start, end = (0, len(self.blocks)) if index is None else (index + 1, self.section_end(index))
        result: list[int] = []
        top = None
        for i in range(start, end):
            block = self.blocks[i]
            if not block.is_heading:
                continue
            if top is None or block.level <= top:
                top = block.level
            if block.level == top:
                result.append(i)
        return result

    def siblings(self, index: int) -> list[int]:
        return self.children(self.parent_of(index))

    # ----- edits (each keeps numbering derived) ---------------------------------------
    def insert(self, index: int, block: Block) -> None:
        self.blocks.insert(index, block)

    def delete_section(self, index: int) -> list[Block]:
        end = self.section_end(index)
        removed = self.blocks[index:end]
        del self.blocks[index:end]
        return removed

    def move_section(self, index: int, to: int) -> int:
        """Move the section at ``index`` so it starts before block ``to`` (of the list as it
        was).  Returns the new index of its heading."""
        end = self.section_end(index)
        if index <= to <= end:
            return index
        section = self.blocks[index:end]
        del self.blocks[index:end]
        if to > end:
            to -= end - index
        self.blocks[to:to] = section
        return to

    def move_up(self, index: int) -> int:
        sibs = self.siblings(index)
        pos = sibs.index(index)
        if pos == 0:
            return index
        return self.move_section(index, sibs[pos - 1])

    def move_down(self, index: int) -> int:
        sibs = self.siblings(index)
        pos = sibs.index(index)
        if pos == len(sibs) - 1:
            return index
        return self.move_section(index, self.section_end(sibs[pos + 1]))

    def shift_level(self, index: int, delta: int) -> bool:
        """Promote (-1) or demote (+1) a section with everything under it."""
        end = self.section_end(index)
        levels = [b.level for b in self.blocks[index:end] if b.is_heading]
        if not levels or min(levels) + delta < 1 or max(levels) + delta > MAX_LEVEL:
            return False
        if delta > 0 and self.siblings(index).index(index) == 0:
            return False  # demoting needs an earlier sibling to become the new parent
        for block in self.blocks[index:end]:
            if block.is_heading:
                block.level += delta
        return True

    def promote(self, index: int) -> bool:
        return self.shift_level(index, -1)

    def demote(self, index: int) -> bool:
        return self.shift_level(index, +1)

    # ----- text -----------------------------------------------------------------------
    def char_count(self) -> int:
        return sum(len(b.text) + len(b.body) for b in self.blocks)
