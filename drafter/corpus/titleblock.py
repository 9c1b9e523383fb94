"""The speech's own title block read into fields: the title, a subtitle (——在……上的讲话 /
——2023年1月11日在……上), a byline (山西省副省长 张吉福), a date line （2019年5月31日）, the
salutation — and what a title says of the speaker and the meeting (黄坤明同志在……上的讲话,
省长在……会议上的讲话, ……大会市长发言稿).

``FrontMatter`` is what the front-matter reader (``drafter.corpus.frontmatter``) fills: the fields,
the lines dropped and the doubts.  The Word reader uses ``split_byline``, ``occasion_of`` and
``complete_fields`` for files whose headings carry styles.  Nothing here raises on any text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.core.lazyre import lazy
from drafter.core.vocab import PLACEHOLDER_DIGITS
from drafter.corpus.chrome import DATE_CN, DATE_NUMERIC, is_date_line, iso_date

_SALUTATION_PARTS = lazy(r"同志|代表|委员|朋友|来宾|领导|女士|先生|同学|老师|大家|嘉宾|同仁|各位|校友|青年|^尊敬的")
END_PUNCT = "。！？；，、：;:,.!?"
TITLE_WORDS = lazy(r"讲话|发言|致辞|致词|报告|会议|总结|动员|部署|提纲|讲稿|演讲|贺词|讲座|党课|上的")
TITLE_COMPLETE = lazy(r"(?:讲话|发言|致辞|致词|报告|演讲|讲稿|提纲|计划|总结|贺词)(?:[（(][^）)]*[）)])?$")
#: 黄坤明同志在……上的讲话 / 李强：在……上的讲话 / 市长在……会议上的讲话
_TITLE_SPEAKER = lazy(r"^(?P<who>[\u4e00-\u9fff·]{2,16}?)(?:同志)?(?:[：:]\s*|\s+)?在(?P<rest>.+)$")
_OCCASION_TAIL = lazy(
    r"(?:上|开幕时|闭幕时|开幕式上|闭幕式上)?(?:的)?(?:讲话|发言|致辞|致词|报告|讲话提纲|主旨演讲|演讲|总结讲话|"
    r"动员讲话|工作报告|讲稿)?(?:[（(][^）)]*[）)])?$")
_OFFICE = lazy(r"书记|市长|省长|县长|区长|镇长|乡长|州长|主任|部长|厅长|局长|主席|总理|委员|院长|校长|"
                     r"秘书长|处长|科长|社长|总编|董事长|总经理|理事长|司令|政委|组长|行长|总裁|会长|检察长|庭长|所长|站长|队长")
_NOT_A_NAME = lazy(r"干部|领导|群众|会议|工作|全市|全省|全县|全区|全国|大会|论坛|座谈|仪式|典礼|关于|年|们|好|大家|各位|谢谢|"
                         r"政府|报告|发展|建设|人民|我们|今天|同志们")
_SPACED = lazy(r"(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff][ 　]+)+[\u4e00-\u9fff](?![\u4e00-\u9fff])")



def is_salutation(line: str) -> bool:
    """同志们： / 各位代表、同志们： / 女士们，先生们：  — every part names whom it addresses."""
    if not line or len(line) > 60 or line[-1] not in "：:！!" or any(ch in line for ch in "。？；"):
        return False
    parts = [p for p in re.split(r"[、，,！!：:\s]", line) if p]
    return bool(parts) and all(len(part) <= 20 and _SALUTATION_PARTS.search(part) for part in parts)


def squeeze(text: str) -> str:
    """政 府 工 作 报 告 → 政府工作报告; 杜  宇 → 杜宇; other runs of spaces → one space."""
    text = re.sub(r"[ \t　]+", " ", text).strip()
    if " " not in text:
        return text
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
    if not 2 <= len(text) <= 50 or text[-1] in END_PUNCT or any(ch in text for ch in "“《。；"):
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
        if offices and _is_name(name[offices[-1].end():]) and not TITLE_WORDS.search(name) \
                and not re.search(r"\d", name):
            return name[: offices[-1].end()], name[offices[-1].end():]  # 红石林业局局长孙颖奇
        if _OFFICE.search(name) and len(name) <= 24 and not TITLE_WORDS.search(name):
            return name, ""
        return None
    if not _is_name(name):
        if _OFFICE.search(name) and not TITLE_WORDS.search(text):
            return text, ""
        return None
    if TITLE_WORDS.search(office):  # 2022年……工作报告市城管局党组书记、局长 杜宇: the office after the title
        office = TITLE_WORDS.split(office)[-1]
        if not _OFFICE.search(office):
            return None
    if re.search(r"\d", office):
        return None
    if office and not _OFFICE.search(office):
        return None
    return office, name


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


def read_subtitle(rest: str, fm: FrontMatter) -> None:
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
    derive_from_title(fm)
    draft.speaker, draft.occasion = fm.speaker, fm.occasion
    if fm.speaker_role and not draft.speaker:
        draft.fields.setdefault("speaker_role", fm.speaker_role)


_MEETING = r"(?:会议|大会|全会|例会|座谈会|推进会|调度会|部署会|动员会|茶话会|报告会|视频会|电视电话会|年会|论坛|开幕式|闭幕式|仪式|典礼|会)"
_OCCASION_IN_TITLE = lazy(
    rf"^(?:[0-9０-９]{{4}}年)?(?:(?P<who>[^在：:]{{1,16}}?)(?:同志)?(?:[：:]\s*|(?=在)))?在?(?P<occ>[^在]+?{_MEETING})"
    r"(?P<office>[\u4e00-\u9fff]{0,4}(?:书记|市长|省长|县长|区长|镇长|主任|局长|部长))?"
    r"(?:上|时|期间)?(?:的)?(?:讲话稿|讲话提纲|讲话|发言稿|发言|致辞|致词|报告|讲稿|总结讲话|动员讲话)$")
_OFFICE_AT_END = lazy(rf"^(?P<occ>.+?{_MEETING})(?P<office>[\u4e00-\u9fff]{{0,6}}(?:书记|市长|省长|县长|区长|镇长|主任|局长|部长))$")


def derive_from_title(fm: FrontMatter) -> None:
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
    if m and TITLE_COMPLETE.search(title):
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
    if title.startswith("在") and TITLE_COMPLETE.search(title) and "上" in title:
        fm.set_occasion(occasion_of(title))
