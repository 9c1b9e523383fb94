"""Front matter and trailer of a real speech file: what stands around the speech itself.

Texts copied from government sites, news apps and OA systems carry lines that are not the
speech: scraper labels (标题：/发文单位：/发布时间：/来源：/责任编辑：…), a news dateline
(新华社北京3月22日电), photo captions (……新华社记者 ×× 摄), a lead paragraph reporting the
meeting, site chrome (分享到, 打印本页, 进入“学习平台”了解更多), footnote lists.  And the
speech has its own title block: the title, a subtitle (——在……上的讲话 /
——2023年1月11日在……上), a byline, a date line （2019年5月31日）, the salutation.

``read_front_matter(lines)`` sorts these out.  Each line it takes off the speech goes into one
of the draft's fields (title, speaker, date, occasion, salutation) or into ``dropped``, kept in
order so nothing is lost; the speech's body is what remains.  Where the reading is uncertain
(two different dates, a date that is no date, a file that is only chrome) a Chinese note goes
into ``doubts``.  Dates are kept as written and read into ISO form by ``iso_date``.

Nothing here raises on any text, and the work is linear in the number of lines: only the
first ``HEADER_LINES`` and last ``TRAILER_LINES`` lines are examined as front matter or
trailer; every line is tested once against the chrome patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.core.markers import match_marker
from drafter.core.vocab import PLACEHOLDER_DIGITS
from drafter.corpus.chrome import (
    DATE_CN, DATE_NUMERIC, DATELINE, FOOTNOTE, FOOTNOTE_HEAD, GLUED_CHROME, GLUED_LABEL, LABEL, LEADING_TAG,
    LABEL_AT_START, LABEL_LIKE, NOTE_ITEM, SUMMARY_SPEAKER, REPORTER, SPEAKER_LABELS, STYLE_SHEET, TITLE_LABELS, is_chrome, is_date_line,
    iso_date,
)

HEADER_LINES = 24
TRAILER_LINES = 30
#: Lines inside the body longer than this are speech, never tested as chrome.
BODY_CHROME_CHARS = 80

_SUBTITLE = re.compile(r"^(?:——|--|－－|—|─{1,2})\s*(?P<rest>.+)$")
#: 2019年2月26日在镇第十四届人民代表大会第三次会议 (a subtitle printed without its dash)
_DATED_OCCASION = re.compile(rf"^(?:{DATE_CN.pattern})\s*[，,]?\s*在")
_SALUTATION_PARTS = re.compile(r"同志|代表|委员|朋友|来宾|领导|女士|先生|同学|老师|大家|嘉宾|同仁|各位|校友|青年|^尊敬的")
#: A salutation inside a run-on line: 市廉政工作大会市长发言稿同志们:今天……
_SALUTATION_IN = re.compile(
    r"(?:尊敬的[^:：。！!？]{1,30}?[，,、]\s*)?(?:(?:各位|全体|在座的)[^:：。，,、！!]{0,10}?[，,、]\s*)*"
    r"(?:同志们|代表们|朋友们|女士们|先生们|同志们、朋友们|同志们,朋友们|各位代表|各位委员|各位来宾|各位嘉宾)"
    r"(?:[，,、]?\s*(?:同志们|朋友们|先生们|女士们))*[:：]")
_TITLE_END = re.compile(r"(?:讲话稿|讲话|发言稿|发言|致辞|致词|报告|演讲)(?![稿词])(?=\S)")
_END_PUNCT = "。！？；，、：;:,.!?"
_TITLE_WORDS = re.compile(r"讲话|发言|致辞|致词|报告|会议|总结|动员|部署|提纲|讲稿|演讲|贺词|讲座|党课|上的")
_TITLE_COMPLETE = re.compile(r"(?:讲话|发言|致辞|致词|报告|演讲|讲稿|提纲|计划|总结|贺词)(?:[（(][^）)]*[）)])?$")
#: 黄坤明同志在……上的讲话 / 李强：在……上的讲话 / 市长在……会议上的讲话
_TITLE_SPEAKER = re.compile(r"^(?P<who>[\u4e00-\u9fff·]{2,16}?)(?:同志)?(?:[：:]\s*|\s+)?在(?P<rest>.+)$")
_OCCASION_TAIL = re.compile(
    r"(?:上|开幕时|闭幕时|开幕式上|闭幕式上)?(?:的)?(?:讲话|发言|致辞|致词|报告|讲话提纲|主旨演讲|演讲|总结讲话|"
    r"动员讲话|工作报告|讲稿)?(?:[（(][^）)]*[）)])?$")
_OFFICE = re.compile(r"书记|市长|省长|县长|区长|镇长|乡长|州长|主任|部长|厅长|局长|主席|总理|委员|院长|校长|"
                     r"秘书长|处长|科长|社长|总编|董事长|总经理|理事长|司令|政委|组长|行长|总裁|会长|检察长|庭长|所长|站长|队长")
_NOT_A_NAME = re.compile(r"干部|领导|群众|会议|工作|全市|全省|全县|全区|全国|大会|论坛|座谈|仪式|典礼|关于|年|们|好|大家|各位|谢谢|"
                         r"政府|报告|发展|建设|人民|我们|今天|同志们")
_LEAD = re.compile(r"召开|举行|举办|开幕|闭幕|出席|主持")
_LEAD_SAYS = re.compile(r"讲话|发表|强调|指出|部署|出席|主持|参加|表示|要求")
_FIRST_PERSON = re.compile(r"我们|我|咱们|大家|同志们|各位")
_SPACED = re.compile(r"(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff][ 　]+)+[\u4e00-\u9fff](?![\u4e00-\u9fff])")


def is_salutation(line: str) -> bool:
    """同志们： / 各位代表、同志们： / 女士们，先生们：  — every part names whom it addresses."""
    if not line or len(line) > 60 or line[-1] not in "：:！!" or any(ch in line for ch in "。？；"):
        return False
    parts = [p for p in re.split(r"[、，,！!：:\s]", line) if p]
    return bool(parts) and all(len(part) <= 20 and _SALUTATION_PARTS.search(part) for part in parts)


def squeeze(text: str) -> str:
    """政 府 工 作 报 告 → 政府工作报告; 杜  宇 → 杜宇; other runs of spaces → one space."""
    text = re.sub(r"[ \t　]+", " ", text).strip()
    return _SPACED.sub(lambda m: m.group(0).replace(" ", "") if all(
        len(w) == 1 for w in m.group(0).split(" ")) else m.group(0), text)


def _is_name(word: str) -> bool:
    """A person's name: 2–4 characters (or with ·), no office or common word in it."""
    return bool(re.fullmatch(rf"[\u4e00-\u9fff·{PLACEHOLDER_DIGITS}]{{2,5}}", word)) and len(word) <= 4 + word.count("·") \
        and not _OFFICE.search(word) and not _NOT_A_NAME.search(word)


def split_byline(line: str) -> tuple[str, str] | None:
    """(office, name) of a byline: 习近平 → ("", 习近平); 山西省副省长 张吉福 → (山西省副省长, 张吉福);
    市长 → (市长, ""); None when the line is not a byline."""
    text = squeeze(line)
    if not 2 <= len(text) <= 50 or text[-1] in _END_PUNCT or any(ch in text for ch in "“《。；"):
        return None
    if is_date_line(text):
        return None
    words = re.split(r"\s*[：:]\s*| ", text)
    name = words[-1]
    office = " ".join(words[:-1])
    if len(words) == 1:
        if _is_name(name):
            return "", name
        offices = list(_OFFICE.finditer(name))
        if offices and _is_name(name[offices[-1].end():]) and not _TITLE_WORDS.search(name) \
                and not re.search(r"\d", name):
            return name[: offices[-1].end()], name[offices[-1].end():]  # 红石林业局局长孙颖奇
        if _OFFICE.search(name) and len(name) <= 24 and not _TITLE_WORDS.search(name):
            return name, ""
        return None
    if not _is_name(name):
        if _OFFICE.search(name) and not _TITLE_WORDS.search(text):
            return text, ""
        return None
    if _TITLE_WORDS.search(office):  # 2022年……工作报告市城管局党组书记、局长 杜宇: the office after the title
        office = _TITLE_WORDS.split(office)[-1]
        if not _OFFICE.search(office):
            return None
    if re.search(r"\d", office):
        return None
    if office and not _OFFICE.search(office):
        return None
    return office, name


def _plain_short(line: str, limit: int) -> bool:
    return 0 < len(line) <= limit and line[-1] not in _END_PUNCT and match_marker(line) is None


def _is_lead(line: str) -> bool:
    """A news lead reporting the meeting (third person: 召开……出席并讲话)."""
    if len(line) < 20 or _FIRST_PERSON.search(line[:60]):
        return False
    return bool(_LEAD.search(line) and _LEAD_SAYS.search(line))


def occasion_of(text: str) -> str:
    """The meeting in 在全省……会议上的讲话 / 在……会议上 / ……会议: 全省……会议."""
    text = text.strip().lstrip("在").strip()
    return _OCCASION_TAIL.sub("", text).strip() or text


# ----- the result --------------------------------------------------------------------------
@dataclass
class FrontMatter:
    title: str = ""
    speaker: str = ""
    speaker_role: str = ""
    date: str = ""
    occasion: str = ""
    salutation: str = ""
    dropped: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    label_title: str = ""
    summary_speaker: tuple[str, str] | None = None

    def set_date(self, text: str, source: str) -> None:
        text = text.strip("（）() ")
        if not iso_date(text):
            if DATE_CN.search(text) and not any(ch in text for ch in PLACEHOLDER_DIGITS):
                self.doubts.append(f"“{text}”不是有效日期（{source}），未作为讲话日期")
                self.dropped.append(text)
            elif not self.date:
                self.date = text  # a template's 2024年X月X日: kept as written
            return
        if self.date and iso_date(self.date) and iso_date(self.date) != iso_date(text):
            self.doubts.append(f"日期不一致：“{self.date}”与“{text}”（{source}），采用前者")
            self.dropped.append(text)
            return
        if not self.date or not iso_date(self.date):
            self.date = text

    def set_byline(self, office: str, name: str) -> None:
        if name and not self.speaker:
            self.speaker = name
            self.speaker_role = self.speaker_role or office
        elif office and not self.speaker_role:
            self.speaker_role = office

    def set_occasion(self, text: str) -> None:
        if not self.occasion and text:
            self.occasion = text


def _subtitle(rest: str, fm: FrontMatter) -> None:
    """A subtitle without its dash: ——2023年1月11日在……上 / ——在……上的讲话 / ——习近平在……."""
    m = DATE_CN.match(rest) or DATE_NUMERIC.match(rest)
    if m:
        fm.set_date(rest[: m.end()], "副标题")
        rest = rest[m.end():].lstrip("，, ")
    who = _TITLE_SPEAKER.match(rest)
    if who and (_is_name(who.group("who")) or _OFFICE.search(who.group("who"))):
        office, name = ("", who.group("who")) if _is_name(who.group("who")) else (who.group("who"), "")
        fm.set_byline(office, name)
        rest = "在" + who.group("rest")
    fm.set_occasion(occasion_of(rest))


def complete_fields(draft) -> None:
    """Fill a draft's empty speaker and occasion from its title (黄坤明同志在……上的讲话)."""
    fm = FrontMatter(title=draft.title, speaker=draft.speaker, occasion=draft.occasion,
                     speaker_role=draft.fields.get("speaker_role", ""))
    _derive_from_title(fm)
    draft.speaker, draft.occasion = fm.speaker, fm.occasion
    if fm.speaker_role and not draft.speaker:
        draft.fields.setdefault("speaker_role", fm.speaker_role)


_MEETING = r"(?:会议|大会|全会|例会|座谈会|推进会|调度会|部署会|动员会|茶话会|报告会|视频会|电视电话会|年会|论坛|开幕式|闭幕式|仪式|典礼|会)"
_OCCASION_IN_TITLE = re.compile(
    rf"^(?:[0-9０-９]{{4}}年)?(?:(?P<who>[^在：:]{{1,16}}?)(?:同志)?(?:[：:]\s*|(?=在)))?在?(?P<occ>[^在]+?{_MEETING})"
    r"(?P<office>[\u4e00-\u9fff]{0,4}(?:书记|市长|省长|县长|区长|镇长|主任|局长|部长))?"
    r"(?:上|时|期间)?(?:的)?(?:讲话稿|讲话提纲|讲话|发言稿|发言|致辞|致词|报告|讲稿|总结讲话|动员讲话)$")
_OFFICE_AT_END = re.compile(rf"^(?P<occ>.+?{_MEETING})(?P<office>[\u4e00-\u9fff]{{0,6}}(?:书记|市长|省长|县长|区长|镇长|主任|局长|部长))$")


def _derive_from_title(fm: FrontMatter) -> None:
    title = re.sub(r"[（(][^）)]*[）)]$", "", fm.title).strip()
    if not title:
        return
    m = _OCCASION_IN_TITLE.match(title)
    if m and "结束后" not in title:
        occ, who = m.group("occ"), m.group("who") or ""
        at_end = _OFFICE_AT_END.match(occ) if not who else None
        if at_end:
            occ, who = at_end.group("occ"), at_end.group("office")
        elif m.group("office") and not who:  # 市廉政工作大会市长发言稿: the office after the meeting
            at_end, who = m, m.group("office")
        if who and (_is_name(who) or _OFFICE.search(who)):
            fm.set_byline(*(("", who) if _is_name(who) else (who, "")))
        elif who and not re.fullmatch(r"[\u4e00-\u9fff]{1,4}", who) and "在" not in title:
            occ = ""
        if occ and not at_end:
            fm.set_occasion(occ)
        return
    m = _TITLE_SPEAKER.match(title)
    if m and _TITLE_COMPLETE.search(title):
        who = m.group("who")
        if _is_name(who):
            fm.set_byline("", who)
        elif _OFFICE.search(who):
            fm.set_byline(who, "")
        else:
            return
        if "结束后" not in m.group("rest"):
            fm.set_occasion(occasion_of(m.group("rest")))
        return
    if title.startswith("在") and _TITLE_COMPLETE.search(title) and "上" in title:
        fm.set_occasion(occasion_of(title))


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
        if fm.title and self.last == "title" and not _TITLE_COMPLETE.search(fm.title):
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
        if LABEL_LIKE.match(line) and len(line) <= 600 and match_marker(line) is None and any(
                LABEL_LIKE.match(x) or LABEL.match(x) for x in lines[max(0, i - 2): i] + lines[i + 1: i + 3]):
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
                _subtitle(rest, fm)
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
        if _TITLE_WORDS.search(line) or (fm.title and line in fm.title):
            return True
        if not fm.title and all(x in self.fm.dropped for x in lines[:i]) and len(line) >= 6:
            # the first line of the file, with page chrome or the title block after it
            nxt = next((x for x in lines[i + 1: i + 3] if x), "")
            if nxt and (is_chrome(nxt) or LABEL.match(nxt) or is_date_line(nxt) or split_byline(nxt)):
                return True
        if self.last == "title" and not _TITLE_COMPLETE.search(fm.title) and len(fm.title) + len(line) <= 90:
            return True
        after = next((x for x in lines[i + 1: i + 3] if x), "")
        return bool(after) and (bool(_SUBTITLE.match(after)) or is_date_line(after) or is_salutation(after)
                                or bool(_DATED_OCCASION.match(after))
                                or (len(line) >= 6 and split_byline(after) is not None
                                    and bool(split_byline(after)[1])))

    def front_follows(self, start: int) -> bool:
        """After a lead paragraph: does the speech's own title block or salutation come soon?"""
        for line in self.lines[start: start + 6]:
            if is_salutation(line) or _SUBTITLE.match(line) or (_plain_short(line, 60) and _TITLE_WORDS.search(line)):
                return True
        return False


def _split_labels(line: str) -> list[tuple[str, str]]:
    """[(label, value)] of a line made of scraper labels; ("", text) for text before the first."""
    matches = list(LABEL.finditer(line))
    if not matches:
        glued = GLUED_LABEL.search(line)
        if glued is None or glued.start() == 0 or not _plain_short(line[: glued.start()], 80) \
                or len(line) - glued.end() > 40:
            return [("", line)]
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
    _derive_from_title(fm)
    if not body and (fm.dropped or fm.title):
        fm.doubts.append("只找到标题或网页信息，没有讲话正文")
    return fm
