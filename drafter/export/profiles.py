"""Page layouts for Word export (DESIGN §6).

``print`` is the GB/T 9704-2012 layout of a speech manuscript: A4, margins 37/35/28/26 mm
(版心 156 × 225 mm), 22 lines of 28 characters.  The line grid is 28.95 pt (579 twips, 22 of
them fit the 225 mm 版心); body characters are condensed so 28 full-width 16 pt characters fit
the 156 mm line (see ``condensing``).  ``read-aloud`` (大字版) is what the speaker reads from:
18 pt body on double spacing, 23 characters a line, bold headings kept with what follows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from drafter.core.errors import DrafterError

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


def mm(value: float) -> int:
    """Millimetres to twips (rounded)."""
    return round(value * TWIPS_PER_MM)


#: Room (twips) a full line keeps free: a closing mark (，。) that falls just after the 28th
#: character hangs into the margin, as Word and WPS do by default; with less room than this
#: LibreOffice drops such a mark from a justified line altogether.
LINE_SLACK = 40


def condensing(text_width: int, chars: int, size_pt: float, slack: int = LINE_SLACK) -> int:
    """Character spacing (twentieths of a point, ≤ 0) so that ``chars`` full-width characters
    of ``size_pt`` fill ``text_width`` twips, less ``slack``: each takes ``size + spacing``
    points, and ``chars + 1`` of them no longer fit."""
    per_char = (text_width - slack) / chars  # twips available to one character
    spacing = math.floor(per_char - size_pt * TWIPS_PER_PT)
    return min(0, spacing)


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    page_width: int
    page_height: int
    top: int
    bottom: int
    left: int
    right: int
    header: int
    footer: int
    lines_per_page: int
    chars_per_line: int
    body_pt: float
    title_pt: float
    byline_pt: float
    footer_pt: float
    heading_pt: dict[int, float] = field(default_factory=dict)
    heading_bold: dict[int, bool] = field(default_factory=dict)
    title_bold: bool = False
    keep_heading_with_next: bool = False
    split_run_in: bool = False  # heading sentence on its own line, body in the next paragraph

    @property
    def text_width(self) -> int:
        return self.page_width - self.left - self.right

    @property
    def text_height(self) -> int:
        return self.page_height - self.top - self.bottom

    @property
    def line_pitch(self) -> int:
        """Exact line spacing in twips: the largest whole twip value that fits the lines."""
        return self.text_height // self.lines_per_page

    @property
    def char_spacing(self) -> int:
        return condensing(self.text_width, self.chars_per_line, self.body_pt)

    def with_bold_minor_headings(self) -> Profile:
        bold = dict(self.heading_bold)
        bold[3] = bold[4] = True
        return _replace(self, heading_bold=bold)


def _replace(profile: Profile, **changes) -> Profile:
    from dataclasses import replace
    return replace(profile, **changes)


A4_WIDTH, A4_HEIGHT = mm(210), mm(297)

PRINT = Profile(
    name="print", label="印发稿（GB/T 9704）",
    page_width=A4_WIDTH, page_height=A4_HEIGHT,
    top=mm(37), bottom=mm(35), left=mm(28), right=mm(26),
    header=mm(15), footer=mm(24.5),  # the page number's dashes sit about 7 mm below the 版心
    lines_per_page=22, chars_per_line=28,
    body_pt=16, title_pt=22, byline_pt=16, footer_pt=14,
    heading_pt={1: 16, 2: 16, 3: 16, 4: 16},
    heading_bold={1: False, 2: False, 3: False, 4: False},
)

READ_ALOUD = Profile(
    name="read-aloud", label="大字版（念稿用）",
    page_width=A4_WIDTH, page_height=A4_HEIGHT,
    top=mm(30), bottom=mm(30), left=mm(30), right=mm(30),
    header=mm(15), footer=mm(18),
    lines_per_page=16, chars_per_line=23,
    body_pt=18, title_pt=24, byline_pt=18, footer_pt=14,
    heading_pt={1: 18, 2: 18, 3: 18, 4: 18},
    heading_bold={1: True, 2: True, 3: True, 4: True},
    title_bold=True,
    keep_heading_with_next=True,
    split_run_in=True,
)

PROFILES = {p.name: p for p in (PRINT, READ_ALOUD)}


def get_profile(name: str | Profile) -> Profile:
    if isinstance(name, Profile):
        return name
    try:
        return PROFILES[name]
    except KeyError:
        raise DrafterError(f"未知的版式“{name}”，可选：{'、'.join(PROFILES)}") from None
