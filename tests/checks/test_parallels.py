from drafter.checks import CheckOptions, run_checks
from drafter.checks.base import content
from drafter.checks.parallels import find_parallels
from drafter.core.model import Block, Draft

ONLY = {"parallel"}


def check(*texts, **options):
    draft = Draft(blocks=[Block.paragraph(t) for t in texts])
    return draft, run_checks(draft, CheckOptions(only=ONLY, **options))


def test_finds_parallels_of_both_kinds():
    text = "要想在前、干在前、成在前，以实干体现忠诚、以实干成就事业、以实干造福人民。"
    found = [p.texts(text) for p in find_parallels(text)]
    assert ["想在前", "干在前", "成在前"] in found
    assert ["以实干体现忠诚", "以实干成就事业", "以实干造福人民"] in found


def test_lead_in_and_tail_are_not_members():
    text = "今年以来我们坚持问题导向、坚持目标导向、坚持结果导向。把严的基调、严的措施、严的氛围长期坚持下去。"
    found = [p.texts(text) for p in find_parallels(text)]
    assert ["坚持问题导向", "坚持目标导向", "坚持结果导向"] in found
    assert ["严的基调", "严的措施", "严的氛围"] in found


def test_unbalanced_member_is_reported():
    draft, found = check("要以实干体现忠诚、以实干成就事业、以实干推动全市经济社会实现更高质量更有效率更可持续的发展。")
    assert len(found) == 1
    assert content(draft, 0)[found[0].start:found[0].end] == "以实干推动全市经济社会实现更高质量更有效率更可持续的发展"
    assert "过长" in found[0].message


def test_too_many_in_one_paragraph():
    text = ("要想在前、干在前、成在前；要早开工、早建设、早竣工；要抓项目、抓投资、抓招商；"
            "要重实干、重实绩、重实效。")
    _, found = check(text)
    assert [f.start for f in found] == [None] and "4 组" in found[0].message
    _, relaxed = check(text, max_parallels=4)
    assert relaxed == []


def test_no_false_alarm_on_plain_enumerations_and_the_corpus(corpus):
    _, found = check("我们深入贯彻落实党的二十大精神、中央经济工作会议精神，全国两会精神。",
                     "市发改委、市财政局、市统计局、市应急管理局和市市场监督管理局要密切配合。")
    assert found == []
    for name, draft in corpus.items():
        assert run_checks(draft, CheckOptions(only=ONLY)) == [], name


def test_finds_the_corpus_parallel(corpus):
    draft = corpus["003"]
    texts = [p.texts(content(draft, i)) for i in range(len(draft.blocks))
             for p in find_parallels(content(draft, i))]
    assert ["头脑想着事", "胸中装着事", "眼睛盯着事"] in [t[:3] for t in texts]


def test_too_many_in_one_section():
    paragraphs = ["要想在前、干在前、成在前。", "要早开工、早建设、早竣工。", "要抓项目、抓投资、抓招商。",
                  "要重实干、重实绩、重实效。"]
    draft = Draft(blocks=[Block.heading(1, "抓落实"), *(Block.paragraph(p) for p in paragraphs * 2)])
    found = run_checks(draft, CheckOptions(only=ONLY))
    assert [f.block for f in found] == [0] and "8 组排比" in found[0].message
    relaxed = run_checks(draft, CheckOptions(only=ONLY, max_parallels=4))
    assert relaxed == []
