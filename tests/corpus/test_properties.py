"""Property tests: the parser never raises, and parse(render(outline)) == outline."""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.core.markers import DEFAULT_STYLES, STYLE_CHOICES, family_of
from drafter.core.model import MAX_LEVEL, ROLES, Block, Draft
from drafter.corpus.parser import WEAK_FAMILIES, parse_lines, parse_text
from drafter.corpus.render import render_lines
from drafter.corpus.roles import assign_roles

# Words that never form a marker, a salutation or a date (no numerals, no 第, no 同志).
WORDS = st.sampled_from([
    "发展", "改革", "项目建设", "推进", "落实", "工作", "经济", "民生", "安全", "作风", "纪律",
    "成绩", "形势", "任务", "部署", "重点", "城市", "创新", "服务", "质量", "效能", "政府",
    "干部", "群众", "基层", "责任", "党风廉政", "回顾", "攻坚", "招商", "监督", "担当",
])
INNER = st.sampled_from(["", "，", "、"])
TERMINATOR = st.sampled_from(["。", "；", "！", "？", "："])


@st.composite
def phrase(draw, max_words=6):
    words = draw(st.lists(WORDS, min_size=1, max_size=max_words))
    return "".join(w + (draw(INNER) if i < len(words) - 1 else "") for i, w in enumerate(words))


@st.composite
def sentences(draw):
    parts = draw(st.lists(st.tuples(phrase(), TERMINATOR), min_size=1, max_size=3))
    return "".join(p + t for p, t in parts)


@st.composite
def heading(draw, level, style):
    if draw(st.booleans()):
        text, body = draw(phrase()), ""
    else:
        text = draw(phrase()) + draw(TERMINATOR)
        body = draw(st.one_of(st.just(""), sentences()))
    return Block.heading(level, text, body, style=style)


@st.composite
def outlines(draw):
    styles = draw(st.permutations(STYLE_CHOICES))
    # Real headings (一、 （一） 1. …) are never nested under an enumeration (一是 一要 第一，): the
    # parser reads such a shape as an inline list, so the outlines drawn here keep enumerations
    # below every real heading (stable sort: strong styles first).
    styles = sorted(styles, key=lambda s: family_of(s) in WEAK_FAMILIES)
    base, alternative = styles[:MAX_LEVEL], styles[MAX_LEVEL:2 * MAX_LEVEL]

    def weak(style):
        return family_of(style) in WEAK_FAMILIES

    def may_alternate(level):
        alt = alternative[level - 1]
        if weak(alt) != weak(base[level - 1]):
            return weak(alt) and not any(not weak(s) for s in base[level:])
        return True
    opening = st.sampled_from(["", "刚才，", "下面，我讲"])
    blocks: list[Block] = [Block.paragraph(draw(opening) + draw(sentences()))
                           for _ in range(draw(st.integers(0, 2)))]
    budget = [draw(st.integers(1, 30))]

    def group(level):
        style = base[level - 1]
        if level > 1 and may_alternate(level) and draw(st.integers(0, 3)) == 0:
            style = alternative[level - 1]
        count = draw(st.integers(1, 4))
        if family_of(style) in WEAK_FAMILIES:
            count = max(count, 2)  # a lone 一是 / 第一， is a sentence, not a point
        for _ in range(count):
            blocks.append(draw(heading(level, style)))
            budget[0] -= 1
            for _ in range(draw(st.integers(0, 2))):
                blocks.append(Block.paragraph(draw(sentences())))
            if level < MAX_LEVEL and budget[0] > 0 and draw(st.booleans()):
                group(level + 1)

    if draw(st.booleans()):
        group(1)
    lead = st.sampled_from(["", "同志们，", "总之，", "让我们"])
    blocks += [Block.paragraph(draw(lead) + draw(sentences())) for _ in range(draw(st.integers(0, 2)))]

    draft = Draft(blocks=blocks, numbering=dict(DEFAULT_STYLES))
    # The documented rule: a level's numbering is the style most of its points use (the first
    # seen on a tie); a point in another style keeps it as its own.
    per_level: dict[int, Counter] = {}
    for block in blocks:
        if block.is_heading:
            per_level.setdefault(block.level, Counter())[block.style] += 1
    for level, counts in per_level.items():
        draft.numbering[level] = counts.most_common(1)[0][0]
    for block in blocks:
        if block.is_heading and block.style == draft.numbering[block.level]:
            block.style = None
    if draw(st.booleans()):
        draft.salutation = draw(st.sampled_from(["同志们：", "各位代表、同志们：", "同志们、朋友们："]))
        if draw(st.booleans()):
            draft.title = draw(phrase(4)).replace("，", "").replace("、", "") + "讲话"
            draft.occasion = draw(st.one_of(st.just(""), phrase(3).map(lambda p: p + "会议")))
            draft.speaker = draw(st.sampled_from(["", "张三", "李四"]))
            if draw(st.booleans()):
                draft.fields["speaker_role"] = draw(st.sampled_from(["市长", "山西省副省长", "市委书记"]))
            draft.date = draw(st.sampled_from(["", "2023年1月5日", "二〇二三年六月三十日"]))
    assign_roles(draft)  # roles are a function of the structure and the words
    return draft


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(), st.sampled_from(["", "\u3000\u3000"]))
def test_parse_of_render_gives_the_outline_back(draft, indent):
    parsed = parse_lines(render_lines(draft, indent))
    assert parsed == draft
    assert [b.source_marker for b in parsed.blocks] == draft.markers()


MARKERS = st.sampled_from(["一、", "（一）", "(一)", "1.", "1．", "1、", "一是", "一要", "第一，", "（1）",
                           "二、", "（二）", "2.", "二是", "二要", "第二，", "三是", "第一部分", "第一个问题：",
                           "2023年", "一季度", "一是一、", "十是", "九十九、", "百、", "（十）"])
LINES = st.one_of(st.text(max_size=40), st.tuples(MARKERS, st.text(max_size=30)).map("".join))


def _check(draft):
    previous = 0
    for block in draft.blocks:
        assert block.role in ROLES
        if block.is_heading:
            assert 1 <= block.level <= min(MAX_LEVEL, previous + 1)
            previous = block.level
        else:
            assert block.level == 0
    draft.markers()  # every style the parser set is a valid one


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parser_never_raises_on_arbitrary_text(text):
    _check(parse_text(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=30))
def test_parser_never_raises_on_marker_soup(lines):
    _check(parse_lines(lines))
