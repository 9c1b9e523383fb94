import datetime as dt
import re

import pytest

from drafter.checks import CheckOptions, run_checks
from drafter.checks.base import content
from drafter.checks.rules import load_rules
from drafter.core.errors import DrafterError
from drafter.core.model import Block, Draft

ONLY = {"formulation"}


def check(text: str, **options):
    draft = Draft(blocks=[Block.paragraph(text)], date=options.pop("date", ""))
    found = run_checks(draft, CheckOptions(only=ONLY, **options))
    return draft, found


def test_shipped_lists_carry_dates_and_reasons():
    rules = load_rules()
    assert len(rules.formulae) >= 30 and rules.formulations
    for item in [*rules.formulae, *rules.formulations]:
        assert isinstance(item.since, dt.date) and item.reason and item.source, item
    for form in rules.formulations:
        assert form.action in ("replace", "rewrite", "delete") and (form.use or form.action != "replace")
    names = {f.name for f in rules.formulae}
    assert {"两个确立", "两个维护", "两个毫不动摇", "四个意识", "四个自信", "六个精准", "八项规定", "五位一体",
            "四个全面", "三严三实"} <= names


@pytest.mark.parametrize("text, wrong", [
    ("要坚定“四个意识”，推动工作落实。", "坚定“四个意识”"),
    ("要增强“四个自信”。", "增强“四个自信”"),
    ("坚决拥护“两个维护”。", "拥护“两个维护”"),
    ("切实做到“两个确立”。", "做到“两个确立”"),
])
def test_wrong_verb_with_a_numbered_concept(text, wrong):
    draft, found = check(text)
    assert [content(draft, 0)[f.start:f.end] for f in found] == [wrong]
    assert found[0].severity == "warning" and wrong in found[0].message


def test_members_wrong_or_misordered():
    draft, found = check("要增强“四个意识”，即政治意识、大局意识、责任意识、看齐意识。"
                         "要坚定道路自信、制度自信、理论自信、文化自信这“四个自信”。")
    assert len(found) == 2
    assert found[0].severity == "error" and "内容有误" in found[0].message and "责任意识" in found[0].message
    assert content(draft, 0)[found[0].start:found[0].end] == "责任意识"
    assert found[0].suggestion == "改为“核心意识”"
    assert found[0].source["kind"] == "formula" and found[0].source["source"]
    assert "顺序" in found[1].message and found[1].severity == "warning"
    assert content(draft, 0)[found[1].start:found[1].end] == "道路自信、制度自信、理论自信、文化自信"


def test_outdated_is_judged_against_the_draft_date():
    text = "要统筹疫情防控和经济社会发展，做好新冠肺炎疫情防控。"
    _, now = check(text)
    assert len(now) == 2 and all("过时表述" in f.message for f in now)
    assert "新型冠状病毒感染" in now[1].suggestion
    _, then = check(text, date="2022年3月1日")
    assert then == []
    _, explicit = check(text, today=dt.date(2022, 12, 27))
    assert [f.message for f in explicit if "新冠肺炎" in f.message]


def test_never_right_forms_and_agency_names():
    draft, found = check("在以习近平总书记为核心的党中央坚强领导下，市环保局、安监局要履职尽责。")
    spans = [content(draft, 0)[f.start:f.end] for f in found]
    assert spans == ["以习近平总书记为核心的党中央", "环保局", "安监局"]


@pytest.mark.parametrize("text", [
    ("要坚持以习近平新时代中国特色社会主义思想为指导，深刻领悟“两个确立”的决定性意义，增强“四个意识”、"
    "坚定“四个自信”、做到“两个维护”。"),
    "深入贯彻落实科学发展观，统筹发展和安全。",
    "增强政治意识、大局意识、核心意识、看齐意识。",
    "市生态环境局、应急管理局、市场监督管理局要履职尽责。",
])
def test_no_false_alarm_on_standard_text(text):
    assert check(text)[1] == []


def test_corpus_speech_in_standard_wording(corpus):
    assert run_checks(corpus["001"], CheckOptions(only=ONLY)) == []


def test_user_rules_file_adds_entries(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("outdated:\n  - text: 老说法\n    use: 新说法\n    since: 2020-05\n"
                     "    reason: 测试用\n", encoding="utf-8")
    _draft, found = check("这是老说法。", rules=rules)
    assert [f.suggestion for f in found] == ["替换为“新说法”"]


@pytest.mark.parametrize("body, words", [
    ("outdated:\n  - text: 老说法\n    use: 新说法\n    reason: 缺日期\n", "since"),
    ("wrong:\n  - pattern: '(未闭合'\n    use: x\n    reason: y\n", "正则"),
    ("colour: red\n", "未知的键"),
    ("outdated: [\n", "YAML"),
    # the tester's file cut after a list item: said in Chinese, no PyYAML English left
    ("outdated:\n  - text: [\n", "此处缺少内容"),
    ("outdated:\n  -\n    text: 老说法\n---\nwrong: []\n", "不止一份文档"),
])
def test_bad_rules_file_is_a_clear_error(tmp_path, body, words):
    rules = tmp_path / "rules.yaml"
    rules.write_text(body, encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        load_rules(rules)
    assert words in caught.value.message and "rules.yaml" in caught.value.message
    assert not re.search(r"\b(?:expected|found|while|scanning|parsing)\b", caught.value.message)  # PyYAML's English
    assert caught.value.line is not None
    # the checks still run on the shipped lists, and say that the file was not used
    draft = Draft(blocks=[Block.paragraph("做好新冠肺炎疫情防控，今年实现**个目标。")])
    found = run_checks(draft, CheckOptions(rules=rules))
    [skip] = [f for f in found if f.source and f.source.get("skipped") and f.check == "formulation"]
    assert skip.severity == "warning" and "rules.yaml" in skip.message and words in skip.message
    assert skip.source["file"].endswith("rules.yaml") and skip.source["line"]
    assert {f.check for f in found} >= {"placeholder", "formulation", "length"}


def test_an_outdated_formulation_without_a_replacement_suggests_rewriting():
    from drafter.checks import CheckOptions, run_checks
    from drafter.core.model import Block, Draft

    draft = Draft(date="2024年3月1日", blocks=[Block.paragraph("要统筹疫情防控和经济社会发展。")])
    [finding] = run_checks(draft, CheckOptions(only={"formulation"}))
    assert "过时表述" in finding.message and finding.suggestion.startswith("删去")


def test_a_formula_whose_members_changed_is_judged_by_the_draft_date():
    text = "协调推进“四个全面”战略布局，即全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。"
    _draft, then = check(text, today=dt.date(2018, 1, 1))
    assert then == []
    draft, now = check(text, today=dt.date(2024, 1, 1))
    assert [(f.severity, content(draft, 0)[f.start:f.end]) for f in now] == [("error", "全面建成小康社会")]
    assert now[0].suggestion == "改为“全面建设社会主义现代化国家”"


def test_members_spread_over_a_sentence_are_no_misordered_formula():
    _draft, found = check("做好“三农”工作，要促进农民增收，加快农业农村现代化。")
    assert found == []
    _draft, found = check("做好“三农”工作，农民、农业、农村都要兼顾。")
    assert [f.severity for f in found] == ["warning"]


def test_the_covid_task_in_the_forms_drafts_still_carry_it():
    # a 2025 county draft copied from a 2022 one (acceptance M7): 统筹推进常态化… and 抓好常态化…
    for text, flagged in (("统筹推进常态化疫情防控和经济社会发展，确保经济平稳运行。", "统筹推进常态化疫情防控和经济社会发展"),
                          ("要抓好常态化疫情防控，守住不发生规模性疫情的底线。", "常态化疫情防控")):
        draft = Draft(date="2025年1月10日", blocks=[Block.paragraph(text, "tasks")])
        [finding] = run_checks(draft, CheckOptions(only=ONLY))
        assert finding.severity == "warning" and "过时表述" in finding.message
        assert content(draft, 0)[finding.start:finding.end] == flagged
        dated = Draft(date="2022年3月1日", blocks=[Block.paragraph(text, "tasks")])
        assert run_checks(dated, CheckOptions(only=ONLY)) == []  # right when it was said
    # animal epidemics are still prevented: 动物疫情防控 is no leftover
    assert check("做好非洲猪瘟等重大动物疫情防控。", date="2025年1月10日")[1] == []
