import re

import pytest

from drafter.checks import CheckOptions, run_checks
from drafter.checks.base import content
from drafter.core.model import Block, Draft

ONLY = CheckOptions(only={"placeholder"})


def findings(text: str):
    draft = Draft(blocks=[Block.paragraph(text)])
    return run_checks(draft, ONLY)


@pytest.mark.parametrize("text, left", [
    ("全市完成投资**亿元。", "**"),
    ("建设项目***个。", "***"),
    ("GDP增长*.*％。", "*.*"),
    ("下面，我讲*方面意见：", "*"),
    ("XX市政府召开会议。", "XX"),
    ("××同志传达了会议精神。", "××"),
    ("会议于2024年X月X日召开。", "X"),
    ("今天，{{ speaker }}同志讲话。", "{{ speaker }}"),
    ("以{X}体现忠诚。", "{X}"),
    ("【此处补充上半年数据】全市经济平稳。", "【此处补充上半年数据】"),
    ("主要指标如下（略）。", "（略）"),
    ("（待补充）", "（待补充）"),
])
def test_finds_each_kind_of_placeholder(text, left):
    found = findings(text)
    assert found and all(f.severity == "error" and f.check == "placeholder" for f in found)
    spans = [text[f.start:f.end] for f in found]
    assert left in spans
    assert all(left_ in f.message for f, left_ in zip(found, spans))


@pytest.mark.parametrize("text", [
    "二〇〇八年，我们成功应对了国际金融危机。",
    "会议于2024年7月20日召开，共有3×4个小组参加。",
    "要坚持以习近平新时代中国特色社会主义思想为指导，奋力谱写中国式现代化新篇章。",
    "推动Xbox、Excel等软件正版化。",
])
def test_no_false_alarm_on_clean_text(text):
    assert findings(text) == []


def test_every_asterisk_in_the_corpus_is_reported(corpus):
    draft = corpus["000"]
    found = run_checks(draft, ONLY)
    assert found
    for index in range(len(draft.blocks)):
        text = content(draft, index)
        spans = [(f.start, f.end) for f in found if f.block == index]
        for m in re.finditer(r"[*＊]+", text):
            assert any(s <= m.start() and m.end() <= e for s, e in spans), (index, text[m.start() - 5:m.end() + 5])


def test_xx_placeholders_of_the_corpus(corpus):
    draft = corpus["002"]
    found = run_checks(draft, ONLY)
    expected = sum(len(re.findall("XX", content(draft, i))) for i in range(len(draft.blocks)))
    assert expected and sum(1 for f in found if content(draft, f.block)[f.start:f.end] == "XX") == expected


def test_clean_corpus_speech_has_no_placeholder(corpus):
    draft = corpus["001"]
    text = "".join(content(draft, i) for i in range(len(draft.blocks)))
    assert not re.search(r"[*＊]|XX|××|【", text)  # the premise: this speech is filled in
    assert run_checks(draft, ONLY) == []


def test_placeholders_in_the_title_block_are_found_once_per_field():
    from drafter.checks import CheckOptions, run_checks
    from drafter.core.model import Block, Draft

    draft = Draft(title="XX市市长在全市会议上的讲话", speaker="王明", date="2024年X月X日",
                  blocks=[Block.paragraph("今天，我们召开会议。")])
    found = [f for f in run_checks(draft, CheckOptions(only={"placeholder"}))]
    assert [(f.block, f.severity) for f in found] == [(None, "error"), (None, "error")]
    assert found[0].message.startswith("标题未填完") and "“XX”" in found[0].message
    assert [f.field for f in found] == ["title", "date"]
    assert found[1].message.startswith("日期未填完") and "2024年X月X日" in found[1].message
    draft.date, draft.title = "2024年7月19日", "临江市市长在全市会议上的讲话"
    assert run_checks(draft, CheckOptions(only={"placeholder"})) == []
