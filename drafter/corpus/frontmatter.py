"""Front matter and trailer of a real speech file: what stands around the speech itself.

Texts copied from government sites, news apps and OA systems carry lines that are not the
speech: scraper labels (标题：/发文单位：/发布时间：/来源：/责任编辑：…), a news dateline
(新华社北京3月22日电), photo captions (……新华社记者 ×× 摄), a lead paragraph reporting the
meeting, site chrome (分享到, 打印本页, 进入“学习平台”了解更多), footnote lists.  And the
speech has its own title block: the title, a subtitle (——在……上的讲话 /
——2023年1月11日在……上), a byline, a date line （2019年5月31日）, the salutation.

``read_front_matter(lines)`` sorts these out, line by line from the top (the header) and from
the bottom (the trailer); what a line of the title block means for the fields is read by
``drafter.corpus.titleblock``.  Each line taken off the speech goes into one of the draft's
fields (title, speaker, date, occasion, salutation) or into ``dropped``, kept in order so
nothing is lost; the speech's body is what remains.  Where the reading is uncertain
(two different dates, a date that is no date, a file that is only chrome) a Chinese note goes
into ``doubts``.  Dates are kept as written and read into ISO form by ``iso_date``.

Nothing here raises on any text, and the work is linear in the number of lines: only the
first ``HEADER_LINES`` and last ``TRAILER_LINES`` lines are examined as front matter or
trailer; every line is tested once against the chrome patterns.
"""

from __future__ import annotations

import re

from drafter.core.lazyre import lazy
from drafter.core.markers import match_marker
from drafter.corpus.chrome import (
    DATE_CN, DATE_NUMERIC, DATELINE, FOOTNOTE, FOOTNOTE_HEAD, GLUED_CHROME, GLUED_LABEL, LABEL, LEADING_TAG,
    LABEL_AT_START, LABEL_LIKE, NOTE_ITEM, SUMMARY_SPEAKER, REPORTER, SPEAKER_LABELS, STYLE_SHEET, TITLE_LABELS, is_chrome, is_date_line,
    iso_date,
)
from drafter.corpus.titleblock import (
    END_PUNCT, TITLE_COMPLETE, TITLE_WORDS, FrontMatter, derive_from_title, is_salutation, read_subtitle, split_byline,
    squeeze,
)

HEADER_LINES = 24
TRAILER_LINES = 30
#: Lines inside the body longer than this are speech, never tested as chrome.
BODY_CHROME_CHARS = 80

_SUBTITLE = lazy(r"^(?:——|--|－－|—|─{1,2})\s*(?P<rest>.+)$")
#: 2019年2月26日在镇第十四届人民代表大会第三次会议 (a subtitle printed without its dash)
_DATED_OCCASION = lazy(rf"^(?:{DATE_CN.pattern})\s*[，,]?\s*在")
#: A salutation inside a run-on line: 市廉政工作大会市长发言稿同志们:今天……
_SALUTATION_IN = lazy(
    r"(?:尊敬的[^:：。！!？]{1,30}?[，,、]\s*)?(?:(?:各位|全体|在座的)[^:：。，,、！!]{0,10}?[，,、]\s*)*"
    r"(?:同志们|代表们|朋友们|女士们|先生们|同志们、朋友们|同志们,朋友们|各位代表|各位委员|各位来宾|各位嘉宾)"
    r"(?:[，,、]?\s*(?:同志们|朋友们|先生们|女士们))*[:：]")
_TITLE_END = lazy(r"(?:讲话稿|讲话|发言稿|发言|致辞|致词|报告|演讲)(?![稿词])(?=\S)")
_LEAD = lazy(r"召开|举行|举办|开幕|闭幕|出席|主持")
_LEAD_SAYS = lazy(r"讲话|发表|强调|指出|部署|出席|主持|参加|表示|要求")
_FIRST_PERSON = lazy(r"我们|我|咱们|大家|同志们|各位")
_WORD = lazy(r"[\u4e00-\u9fff0-9A-Za-z]")


def _plain_short(line: str, limit: int) -> bool:
    return 0 < len(line) <= limit and line[-1] not in END_PUNCT and match_marker(line) is None


def _is_lead(line: str) -> bool:
    """A news lead reporting the meeting (third person: 召开……出席并讲话)."""
    if len(line) < 20 or _FIRST_PERSON.search(line[:60]):
        return False
    return bool(_LEAD.search(line) and _LEAD_SAYS.search(line))


# ----- reading the header ------------------------------------------------------------------
class _Header:
    def __init__(self, lines: list[str], fm: FrontMatter):
        self.lines, self.fm = lines, fm
        self.title_lines: list[str] = []  # the current title block
        self.title_done = False           # a subtitle, byline or date came after the title
        self.last = ""                    # what the previous line was

    def take_title(self, line: str) -> None:
        fm = self.fm
        line = squeeze(line)
        if fm.title and line == fm.title:
            fm.dropped.append(line)  # the title again (a scraper's label, the page's heading)
            return
        if fm.title and self.last == "title" and not TITLE_COMPLETE.search(fm.title):
            fm.title += line  # a title set on two lines
        else:
            if fm.title:
                fm.dropped.append(fm.title)  # an earlier title (the page's) gives way to the document's
            fm.title = line
        self.last = "title"

    def labels(self, parts: list[tuple[str, str]], raw: str) -> bool:
        """Scraper labels; True when the body starts after this line (正文：)."""
        fm = self.fm
        fm.dropped.append(raw)
        table = "|" in raw or len([p for p in parts if p[0]]) > 1
        for label, value in parts:
            key = re.sub(r"\s", "", label)
            value = value.strip(" |｜")
            if not label:
                if value and _plain_short(value, 80) and not table and not fm.title:
                    fm.dropped.pop()
                    fm.dropped.append(raw[len(value):].strip())
                    self.take_title(GLUED_CHROME.sub("", value))
            elif key in TITLE_LABELS and value:
                fm.label_title = fm.label_title or squeeze(value)
            elif key in SPEAKER_LABELS and value and not table and (by := split_byline(value)):
                fm.set_byline(*by)
            elif key == "正文":
                return True
        return False

    def peel(self, i: int) -> None:
        """Take glued chrome off line ``i`` (a style sheet, a site's [tag], [VIP]) and split a
        run-on line (title, byline, date, salutation and speech with the line breaks lost)."""
        lines, fm = self.lines, self.fm
        line = lines[i]
        css = STYLE_SHEET.match(line)
        if css:
            fm.dropped.append(css.group("css"))
            line = line[css.end():].strip()
        tag = LEADING_TAG.match(line)
        if tag:
            fm.dropped.append(tag.group(0).strip())
            line = line[tag.end():].strip()
        glued = GLUED_CHROME.search(line)
        if glued and glued.start() > 0:
            fm.dropped.append(glued.group(0).strip())
            line = line[: glued.start()].strip()
        lines[i] = line
        sal = _SALUTATION_IN.search(line, 0, 200) if len(line) > 60 else None
        if sal is None or sal.start() == 0 or not is_salutation(sal.group(0)) or sal.end() >= len(line):
            return
        prefix = line[: sal.start()].strip()
        if any(ch in prefix for ch in "。！？；") or len(prefix) > 150:
            return
        parts = [p for p in re.split(r"([（(][^（）()]{4,20}[）)])", prefix) if p.strip()]
        pieces: list[str] = []
        for part in parts:
            if iso_date(part) and is_date_line(part.strip()):
                pieces.append(part.strip())
                continue
            start = 0
            for m in _TITLE_END.finditer(part):
                pieces.append(part[start: m.end()].strip())
                start = m.end()
            pieces.append(part[start:].strip())
        lines[i: i + 1] = [p for p in pieces if p] + [sal.group(0), line[sal.end():].strip()]

    def read(self) -> int:
        lines, fm = self.lines, self.fm
        i = 0
        while i < min(len(lines), HEADER_LINES):
            self.peel(i)
            line = lines[i]
            if not line:
                i += 1
                continue
            if fm.title and line.startswith(fm.title) and len(line) > len(fm.title):
                fm.dropped.append(fm.title)  # the title again, run into the speech
                line = lines[i] = line[len(fm.title):].strip()
            sal = re.match(r"^([^。！？；，,]{1,30}?[：:])\s*(?=\S)", line)
            if sal and is_salutation(sal.group(1)) and len(line) > 60:
                fm.salutation = sal.group(1)
                lines[i] = line[sal.end():].strip()
                return i
            if is_salutation(line):
                fm.salutation = line
                return i + 1
            status = self.line(line, i)
            if status == "body":
                return i
            if status == "body-after":
                return i + 1
            i += 1
        return i

    def line(self, line: str, i: int) -> str:
        fm, lines = self.fm, self.lines
        parts = _split_labels(line) if len(line) <= 300 else [("", line)]
        if parts[0][0] or len(parts) > 1:
            body_after = self.labels(parts, line)
            self.last = "label"
            if body_after:
                value = parts[-1][1]
                if parts[-1][0].replace(" ", "") == "正文" and value:
                    lines[i] = value
                    return "body"
                return "body-after"
            return "front"
        if is_chrome(line):
            fm.dropped.append(line)
            self.last = "chrome"
            return "front"
        if _in_metadata_block(line, lines, i):
            fm.dropped.append(line)  # a block of metadata (a catalogue record, a page's info box)
            who = SUMMARY_SPEAKER.search(line)
            if who and (byline := split_byline(who.group("who"))) and byline[1]:
                fm.summary_speaker = fm.summary_speaker or byline
            self.last = "label"
            return "front"
        m = DATELINE.match(line)
        if m is not None:
            rest = REPORTER.sub("", line[m.end():].lstrip(" 　")).strip()
            if rest and not _is_lead(rest):
                fm.dropped.append(line[: len(line) - len(rest)].strip())
                lines[i] = rest  # a speech printed after its dateline
                return "body"
            fm.dropped.append(line)
            return "front"
        sub = _SUBTITLE.match(line)
        if sub is None and _DATED_OCCASION.match(line) and len(line) <= 80:
            sub = re.match(r"(?P<rest>.+)", line)
        if sub is not None and len(line) <= 120 and line[-1] not in "。；！？":
            rest = sub.group("rest").strip()
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if not re.search(r"(?:上|讲话|发言|致辞|报告|会议)$", rest) and _plain_short(nxt, 30) \
                    and re.search(r"(?:上|讲话|发言|致辞|报告|会议)$", nxt):
                rest += nxt  # a subtitle broken over two lines
                lines[i + 1] = ""
            if is_date_line(rest):
                fm.set_date(rest, "副标题")
            else:
                read_subtitle(rest, fm)
            self.title_done, self.last = True, "subtitle"
            return "front"
        if not line:
            return "front"
        if is_date_line(line) and DATE_NUMERIC.search(line) and not DATE_CN.search(line):
            fm.dropped.append(line)  # 2023-12-27 10:40: a page's time stamp, not the speech's date
            return "front"
        if is_date_line(line):
            fm.set_date(line, "日期行")
            self.title_done, self.last = True, "date"
            return "front"
        sd = re.match(r"^(?P<who>[^（(]{1,40})[（(](?P<date>[^）)]+)[）)]$", line)
        if sd and iso_date(sd.group("date")) and (by := split_byline(sd.group("who"))):
            fm.set_byline(*by)
            fm.set_date(sd.group("date"), "署名行")
            self.title_done, self.last = True, "byline"
            return "front"
        if fm.title and not fm.speaker and (by := split_byline(line)) and self.last != "byline":
            fm.set_byline(*by)
            self.title_done, self.last = True, "byline"
            return "front"
        if _plain_short(line, 90) and not _is_lead(line) and self.looks_like_title(i):
            if self.title_done and fm.title:
                if squeeze(line) in fm.title:  # the title repeated under the title block
                    fm.dropped.append(line)
                    return "front"
                return "body"
            self.take_title(line)
            return "front"
        if _is_lead(line) and self.front_follows(i + 1):
            fm.dropped.append(line)
            return "front"
        return "body"

    def looks_like_title(self, i: int) -> bool:
        """A short plain line is a title when it says so (讲话、报告……), repeats the title, or
        the title block goes on after it (subtitle, byline, date, salutation)."""
        lines, fm = self.lines, self.fm
        line = squeeze(lines[i])
        if TITLE_WORDS.search(line) or (fm.title and line in fm.title):
            return True
        if not fm.title and all(x in self.fm.dropped for x in lines[:i]) and len(line) >= 6:
            # the first line of the file, with page chrome or the title block after it
            nxt = next((x for x in lines[i + 1: i + 3] if x), "")
            if nxt and (is_chrome(nxt) or LABEL.match(nxt) or is_date_line(nxt) or split_byline(nxt)):
                return True
        if self.last == "title" and not TITLE_COMPLETE.search(fm.title) and len(fm.title) + len(line) <= 90:
            return True
        after = next((x for x in lines[i + 1: i + 3] if x), "")
        return bool(after) and (bool(_SUBTITLE.match(after)) or is_date_line(after) or is_salutation(after)
                                or bool(_DATED_OCCASION.match(after))
                                or (len(line) >= 6 and split_byline(after) is not None
                                    and bool(split_byline(after)[1])))

    def front_follows(self, start: int) -> bool:
        """After a lead paragraph: does the speech's own title block or salutation come soon?"""
        for line in self.lines[start: start + 6]:
            if is_salutation(line) or _SUBTITLE.match(line) or (_plain_short(line, 60) and TITLE_WORDS.search(line)):
                return True
        return False


def _is_metadata_line(line: str) -> bool:
    """A 名称：值 line that can open a block of metadata (a catalogue record, a page's info box): a short
    label, no numbering marker, and a value that is not a sentence (发展：发展。 is the speech's own words)."""
    return bool(LABEL_LIKE.match(line) or LABEL.match(line)) and len(line) <= 600 \
        and line.rstrip()[-1:] not in "。！？；：:" and match_marker(line) is None


def _in_metadata_block(line: str, lines: list[str], i: int) -> bool:
    """A label-like line is metadata when a metadata line stands near it (two non-blank lines either
    side, a numbered heading between ends the search); a long 摘要：……。 among them goes with them."""
    if not (LABEL_LIKE.match(line) and len(line) <= 600 and match_marker(line) is None):
        return False
    for step in (-1, 1):
        near = (x for x in (lines[i + 1:] if step > 0 else lines[i - 1::-1] if i else []) if x.strip())
        for _, other in zip(range(2), near):
            if match_marker(other) is not None:
                break
            if _is_metadata_line(other):
                return True
    return False


def _split_labels(line: str) -> list[tuple[str, str]]:
    """[(label, value)] of a line made of scraper labels; ("", text) for text before the first."""
    matches = list(LABEL.finditer(line))
    if not matches:
        glued = GLUED_LABEL.search(line)
        if glued is None or glued.start() == 0 or not _plain_short(line[: glued.start()], 80) \
                or not _WORD.search(line[: glued.start()]) or len(line) - glued.end() > 40:
            return [("", line)]  # no title before it: （责任编辑：张三） is chrome as a whole
        matches = [glued]
    result: list[tuple[str, str]] = []
    if matches[0].start() > 0:
        result.append(("", line[: matches[0].start()].strip()))
    for m, nxt in zip(matches, matches[1:] + [None]):
        value = line[m.end(): nxt.start() if nxt else len(line)].strip(" 　|｜丨")
        result.append((m.group("label"), value))
    return result


# ----- the trailer -------------------------------------------------------------------------
def _notes_heading_before(lines: list[str], j: int, stop: int) -> bool:
    """Is line ``j`` inside a list of notes (a 注释： heading a few lines before it, only
    numbered notes in between)?"""
    for k in range(j - 1, max(stop, j - TRAILER_LINES) - 1, -1):
        if FOOTNOTE_HEAD.match(lines[k]):
            return True
        if not NOTE_ITEM.match(lines[k]) and not FOOTNOTE.match(lines[k]):
            return False
    return False


def _trailer(lines: list[str], start: int, fm: FrontMatter) -> int:
    """Drop the trailer (chrome, labels, footnotes, a closing date line); return one past the
    last body line."""
    end = len(lines)
    stop = max(start, end - TRAILER_LINES)
    j = end - 1
    while j >= stop:
        line = lines[j]
        if not line or is_chrome(line) or LABEL_AT_START.match(line) and len(line) <= 120:
            j -= 1
        elif FOOTNOTE_HEAD.match(line) or FOOTNOTE.match(line) or NOTE_ITEM.match(line) \
                and _notes_heading_before(lines, j, stop):
            j -= 1
        elif is_date_line(line) and j > start:
            j -= 1
        else:
            break
    cut = j + 1
    if cut > start and lines[cut - 1].endswith("...") and not lines[cut - 1].endswith("...."):
        lines[cut - 1] = lines[cut - 1][:-3].rstrip()  # a page's "read more" cut, not the speaker's ……
        fm.dropped.append("...")
    for line in lines[cut:end]:
        if not line:
            continue
        fm.dropped.append(line)
    return cut


def read_front_matter(lines: list[str]) -> FrontMatter:
    """Sort the cleaned, non-empty ``lines`` of a file into fields, dropped lines and body."""
    lines = list(lines)
    fm = FrontMatter()
    start = _Header(lines, fm).read()
    end = _trailer(lines, start, fm)
    body = []
    title_room = len(fm.title) * 2 + 2
    for line in lines[start:end]:
        if not line:
            continue
        # chrome inside the body (a photo caption, 分享到) is a short line; a speech paragraph is
        # not tested against every pattern
        if len(line) <= BODY_CHROME_CHARS and is_chrome(line) and not is_salutation(line) \
                or fm.title and len(line) <= title_room and squeeze(line) == fm.title:
            fm.dropped.append(line)  # chrome, or the title repeated (a page printed twice)
        else:
            body.append(line)
    fm.body = body
    if not fm.title and fm.label_title:
        fm.title = fm.label_title
    if not fm.speaker and fm.summary_speaker:
        fm.set_byline(*fm.summary_speaker)
    derive_from_title(fm)
    if not body and (fm.dropped or fm.title):
        fm.doubts.append("只找到标题或网页信息，没有讲话正文")
    return fm
