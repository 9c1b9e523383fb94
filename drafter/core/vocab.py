"""The shared vocabulary of Drafter, defined once: the parts (roles) of a speech, the draft's
own fields, the placeholder patterns a writer leaves for facts to come, the speaking rate and
how characters are counted, and the splitter that cuts a run-in heading sentence off its body.

Every module that needs one of these words imports it from here (the parser, the roles, the
readers and writers, the checks, the editor), so a change is made in one place.
"""

from __future__ import annotations

from drafter.core.lazyre import LazyPattern, lazy

# ----- parts of a speech (DESIGN §3) --------------------------------------------------------
ROLES = ("opening", "review", "tasks", "conduct", "closing", "other")

#: Short Chinese names, for outlines and lists.
ROLE_NAMES = {"opening": "开场", "review": "回顾", "tasks": "任务", "conduct": "作风",
              "closing": "结束语", "other": "其他"}

#: Longer Chinese names, for menus where the user chooses a part's role.
ROLE_TITLES = {"opening": "开场", "review": "回顾形势", "tasks": "重点任务", "conduct": "作风纪律",
               "closing": "结束语", "other": "其他"}

# ----- the phrase bank's categories -------------------------------------------------------
#: In the order the phrase bank lists them; the miner's extractors name theirs by these.
PHRASE_CATEGORIES = ("排比", "对偶", "数字概括", "提纲", "四字格", "过渡语", "开头", "结尾")
PARALLEL, ANTITHESIS, NUMBERED, SCAFFOLD, FOUR_CHAR, TRANSITION, OPENING, CLOSING = PHRASE_CATEGORIES

# ----- the draft's own fields --------------------------------------------------------------
#: The title-block fields of a draft, in the order they stand on the page.
DRAFT_FIELDS = ("title", "speaker", "date", "occasion", "salutation")

#: Their Chinese names.
FIELD_LABELS = {"title": "标题", "speaker": "讲话人", "date": "日期", "occasion": "会议",
                "salutation": "称呼"}

#: The key in ``Draft.fields`` for the speaker's office as the byline gives it (山西省副省长),
#: when ``Draft.speaker`` holds the name.
SPEAKER_ROLE = "speaker_role"

# ----- placeholders ------------------------------------------------------------------------
#: Characters that stand for a digit not yet known (2024年X月X日, **亿元).
PLACEHOLDER_DIGITS = "XxＸｘ×*＊"

_NUMERIC_AFTER = "年月日号时个项条点万亿千百元%％名人家次届批吨亩户所座台辆倍"

#: (pattern, certain, what it is).  ``certain`` is False where the text may be meant (某某).
#: Order matters: the first pattern that claims a span wins.
PLACEHOLDERS: list[tuple[LazyPattern, bool, str]] = [
    (lazy(r"\{\{.*?\}\}|\{%.*?%\}"), True, "模板字段未填写"),
    (lazy(r"\{[A-Za-z_\u4e00-\u9fff]{1,10}\}"), True, "句式空位未填写"),
    (lazy(r"【[^】\n]{0,40}】"), True, "方括号【】中的批注或待填内容"),
    (lazy(r"[*＊]{2,}(?:[.．][*＊]+)?|[*＊][.．][*＊]+"), True, "占位符"),
    (lazy(r"[*＊]"), True, "“*”代替数字或文字"),
    (lazy(r"[XxＸｘ×](?<![A-Za-z].)[XxＸｘ×]+(?![A-Za-z])"), True, "占位符"),  # XX not in a word
    (lazy(rf"(?<![A-Za-z0-9０-９])[XxＸｘ×](?=[{_NUMERIC_AFTER}])"), True, "“X”代替数字"),
    (lazy(r"(?<=[第约近共超])[XxＸｘ×](?![A-Za-z0-9])"), True, "“X”代替数字"),
    (lazy(r"[（(](?:此处)?(?:略|待补充|待定|待填|待核|待核实|数据待核|待更新|略去|删节)[）)]"),
     True, "待补充的省略标记"),
    (lazy(r"TODO|待填写|待补充"), True, "待补充的标记"),
    (lazy(r"[□○]{2,}"), True, "占位符"),
    (lazy(r"某某"), False, "“某某”可能是未替换的占位"),
]

# ----- speaking time -----------------------------------------------------------------------
#: Characters a minute when a speech is read aloud (a usual pace is 220–250).
SPEAKING_RATE = 230


_SPACES = lazy(r"\s+")   # str.isspace's characters (full-width space included)


def spoken_chars(text: str) -> int:
    """Characters read aloud: everything but white space (punctuation counts, as a pause)."""
    return len(text) - sum(map(len, _SPACES.findall(text)))


def speaking_minutes(chars: int, rate: int = SPEAKING_RATE) -> float:
    return chars / max(1, rate)


# ----- text of a paragraph -----------------------------------------------------------------
#: Characters stripped from both ends of every line (full-width indents included).
WHITESPACE = " \t\r\n\u3000\xa0\ufeff\u200b\u2002\u2003\u2009\u202f"

#: What ends a heading sentence.
HEADING_TERMINATORS = "。；！？：;!?:"
QUOTES = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "〈": "〉"}
_CLOSERS = set(QUOTES.values())


def split_heading(rest: str) -> tuple[str, str]:
    """(heading sentence, run-in body) of the text after a marker.

    The sentence ends at the first 。；！？ or ： outside quotation marks; when the quotation
    marks do not pair up, at the first one anywhere; with none, the whole text is the heading.
    """
    stack: list[str] = []
    balanced = True
    for i, ch in enumerate(rest):
        if ch in QUOTES:
            stack.append(QUOTES[ch])
        elif ch in _CLOSERS:
            if stack and stack[-1] == ch:
                stack.pop()
            else:
                balanced = False
                break
        elif ch in HEADING_TERMINATORS and not stack:
            return rest[: i + 1], rest[i + 1:].lstrip(WHITESPACE)
    else:
        balanced = not stack
    if not balanced:
        for i, ch in enumerate(rest):
            if ch in HEADING_TERMINATORS:
                return rest[: i + 1], rest[i + 1:].lstrip(WHITESPACE)
    return rest, ""
