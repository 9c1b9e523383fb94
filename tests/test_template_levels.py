"""Every shipped template as a secretary would use it: rendered for a county, a city and a
province, with nothing of another level, a 【】 prompt in every part, prompts that `drafter
check` reports, today's date by default and no template syntax anywhere."""

import datetime
import json

import pytest

from drafter.cli import main
from drafter.core.errors import DrafterError
from drafter.core.levels import foreign_words, resolve
from drafter.corpus.parser import parse_lines
from drafter.corpus.render import render_lines
from drafter.templates import form_fields, load_templates, preview_text, render, summary

PLACES = ("临江县", "临江市", "某省")
TEMPLATES, ERRORS = load_templates()
ROUTINE = {"jingji-gongzuo", "anquan-shengchan", "fangxun", "senlin-fanghuo", "jingji-diaodu",
           "xiangmu-kaigong", "xiangmu-guanmo", "diaoyan-zuotan", "zhuanxiang-dongyuan", "zhici",
           "zhengfu-gongzuo-baogao"}


def values_for(template, place):
    values = {"place": place, "speaker": "王明"}
    for spec in template.fields:
        if spec.required and not spec.default and spec.key not in values:
            values[spec.key] = {"meeting": f"{place}第十八届人民代表大会第三次会议",
                                "task": "创建全国文明城市"}[spec.key]
    return values


def test_at_least_twelve_templates_each_with_its_sources():
    assert ERRORS == []
    ids = {t.id for t in TEMPLATES}
    assert len(ids) >= 12 and ROUTINE <= ids
    for t in TEMPLATES:
        assert t.sources, t.id
        assert all("《" in s for s in t.sources), t.id  # named by title, not by file hash alone


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_renders_for_every_level(template, place):
    draft = render(template, values_for(template, place))
    lines = render_lines(draft)
    text = "\n".join(lines)
    level = resolve(place)
    wrong = sorted(w for w in foreign_words(level, allow_upper=template.id == "zhengfu-gongzuo-baogao")
                   if w in text)
    assert wrong == [], f"{template.id} for {place}: {wrong}"
    assert "{{" not in text and "}}" not in text and "{%" not in text
    assert "XXX" not in text and "X月" not in text
    assert draft.date == f"{datetime.date.today():%Y}年{datetime.date.today().month}月{datetime.date.today().day}日"
    # every level-1 part has a prompt saying what fact goes there
    tops = [i for i, b in enumerate(draft.blocks) if b.is_heading and b.level == 1]
    for k, start in enumerate(tops):
        end = tops[k + 1] if k + 1 < len(tops) else len(draft.blocks)
        part = "".join(b.text + b.body for b in draft.blocks[start:end])
        assert "【" in part and "】" in part, f"{template.id}: {draft.blocks[start].text}"
    # every point has a heading and starter text
    assert all(b.text.strip() for b in draft.blocks)
    back = parse_lines(lines)
    assert [(b.level, b.text) for b in back.blocks if b.is_heading] == \
        [(b.level, b.text) for b in draft.blocks if b.is_heading]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_check_reports_every_prompt(template, tmp_path, capsys):
    out = tmp_path / "稿.txt"
    argv = ["new", template.path, "-o", str(out)]
    for key, value in values_for(template, "临江县").items():
        argv += ["--set", f"{key}={value}"]
    assert main(argv) == 0
    text = out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(out), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    findings = findings["findings"] if isinstance(findings, dict) else findings
    reported = [f for f in findings if f.get("check") == "placeholder" and "【" in f.get("message", "")]
    assert len(reported) == text.count("【")


def test_no_template_syntax_in_what_the_user_sees(capsys):
    for t in TEMPLATES:
        for _key, label, default in form_fields(t):
            assert "{" not in label + default
        for part in t.parts:
            assert "{" not in preview_text(t, part.heading) + part.guidance
        assert "{{" not in json.dumps(summary(t), ensure_ascii=False)
    assert main(["templates"]) == 0
    assert main(["templates", "--json"]) == 0
    assert "{{" not in capsys.readouterr().out


def test_date_and_year_follow_today_and_a_given_date():
    t = next(t for t in TEMPLATES if t.id == "bannian-gongzuo")
    draft = render(t, {"place": "临江县", "speaker": "王明", "date": "2025年7月18日"})
    assert draft.date == "2025年7月18日" and draft.fields["year"] == "2025年"
    assert render(t, {"place": "临江县", "speaker": "王明"}).fields["year"] == f"{datetime.date.today().year}年"


@pytest.mark.parametrize("key,value,needle", [
    ("meeting", "{{ speaker }}的会", "模板语法“{{”"),
    ("place", "临江县{% if 1 %}", "模板语法"),
    ("meeting", "会" * 10000, "太长：10000 字"),
    ("level", "乡级", "层级）的值“乡级”无效"),
    ("place", "临江", "无法从地名“临江”判断层级"),
])
def test_bad_field_values_name_the_field(key, value, needle, tmp_path, capsys):
    t = next(t for t in TEMPLATES if t.id == "anquan-shengchan")
    values = {"place": "临江县", "speaker": "王明", key: value}
    with pytest.raises(DrafterError) as err:
        render(t, values)
    assert needle in err.value.message and (key in err.value.message or key == "place")
    out = tmp_path / "x.draft"
    assert main(["new", "anquan-shengchan", *sum((["--set", f"{k}={v}"] for k, v in values.items()), []),
                 "-o", str(out)]) == 2
    err_text = capsys.readouterr().err
    assert needle in err_text and "anquan-shengchan.yaml" in err_text and "Traceback" not in err_text
    assert not out.exists()


def test_template_with_a_missing_part_is_refused(tmp_path):
    from drafter.templates import load_template
    path = tmp_path / "t.yaml"
    path.write_text("id: t\nname: 示例\nparts:\n- role: opening\n  paragraphs: [今天。]\n- role: tasks\n",
                    encoding="utf-8")
    with pytest.raises(DrafterError) as err:
        load_template(path)
    assert "第 2 部分（tasks）缺少内容" in err.value.message and "t.yaml" in err.value.message
    assert err.value.line == 6


def test_guidance_may_not_hold_template_syntax(tmp_path):
    from drafter.templates import load_template
    path = tmp_path / "t.yaml"
    path.write_text("id: t\nname: 示例\nparts:\n- role: opening\n  guidance: '代表{{ lv_party }}致辞'\n"
                    "  paragraphs: [今天。]\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="guidance"):
        load_template(path)
