"""Structure templates: every shipped template renders with its defaults to a complete draft
whose outline parses back to the template's parts and numbering; bad templates are refused
with the file, the line and the reason while the others still load."""

import re
from pathlib import Path

import docx
import pytest

from drafter.cli import main
from drafter.core.errors import DrafterError
from drafter.core.storage import read_draft
from drafter.corpus.parser import parse_lines
from drafter.corpus.render import render_lines
from drafter.templates import find_template, load_template, load_templates, render

KINDS = {  # one template per kind of speech in the corpus
    "quanti-lianzheng": "000_2149ed366db6bb90.txt",
    "lianzheng-zuofeng": "001_24c832e00ee742a1.txt",
    "lianghui-luoshi": "002_df22016b5cea91c3.txt",
    "jiehou-shouxin": "003_e8c7b60b13b5cb80.txt",
    "bannian-gongzuo": "004_010f1607c59b0dcf.txt",
}

GOOD = """\
id: demo
name: 示例模板
occasion: 示例会议
title: "{{ speaker }}在{{ meeting }}上的讲话"
salutation: 同志们：
fields:
- {key: speaker, label: 讲话人, default: 张三, required: true}
- {key: meeting, label: 会议名称, default: 全体会议, required: true}
numbering: {1: 一、, 2: （一）}
parts:
- role: opening
  paragraphs: ["今天，我们召开{{ meeting }}。"]
- role: tasks
  heading: 关于重点工作
  sections:
  - heading: 抓好项目建设。
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped():
    templates, errors = load_templates()
    assert errors == []
    return {t.id: t for t in templates}


def test_one_template_per_kind_of_speech(shipped):
    assert set(KINDS) <= set(shipped)
    for tid, source in KINDS.items():
        t = shipped[tid]
        assert len(t.sources) == 1 and t.sources[0].startswith(source + "《")
        assert {f.key for f in t.fields} >= {"place", "level", "meeting", "speaker", "date", "year"}
        assert t.parts[0].role == "opening" and t.parts[-1].role == "closing"
        assert all(p.guidance for p in t.parts)
        assert any(p.examples for p in t.parts if p.heading)
        assert all(p.phrase_categories for p in t.parts)


@pytest.mark.parametrize("tid", sorted(KINDS))
def test_renders_with_defaults_and_parses_back(shipped, tid):
    template = shipped[tid]
    draft = render(template, {"date": "2024年7月20日", "place": "临江市", "speaker": "王明"})
    assert draft.title and draft.blocks
    assert "{{" not in "".join(b.text for b in draft.blocks)
    back = parse_lines(render_lines(draft))
    ours = [(b.level, b.text) for b in draft.blocks if b.is_heading]
    theirs = [(b.level, b.text) for b in back.blocks if b.is_heading]
    assert theirs == ours
    levels = {level for level, _ in ours}
    assert {lv: back.numbering[lv] for lv in levels} == {lv: template.numbering[lv] for lv in levels}
    assert back.title == draft.title
    # each part of the template is there, in order, with its role
    tops = [b for b in draft.blocks if b.is_heading and b.level == 1]
    assert [b.role for b in tops] == [p.role for p in template.parts if p.heading]
    assert draft.blocks[0].role == "opening" and draft.blocks[-1].role == "closing"


def test_set_fields_fill_the_text(shipped):
    draft = render(shipped["bannian-gongzuo"], {"place": "松原市", "period": "前三季度",
                                                "next_period": "四季度", "speaker": "李四"})
    text = "\n".join(render_lines(draft))
    assert "前三季度工作回顾" in text and "四季度重点任务" in text
    assert draft.speaker == "李四" and draft.fields["place"] == "松原市"
    assert draft.fields["level"] == "市" and "全市" in text
    assert "下面，我讲三点意见" in text  # points defaults to the number of headed parts


def test_missing_required_field_names_it(tmp_path):
    path = write(tmp_path, "t.yaml", GOOD.replace("default: 张三, ", ""))
    with pytest.raises(DrafterError) as err:
        render(load_template(path), {})
    assert "讲话人" in str(err.value) and "speaker" in str(err.value)
    assert "地点" in str(err.value) and "place" in str(err.value)  # every missing field at once
    assert render(load_template(path), {"speaker": "王五", "place": "临江县"}).title == "王五在全体会议上的讲话"


def test_unknown_set_key_is_refused(tmp_path):
    path = write(tmp_path, "t.yaml", GOOD)
    with pytest.raises(DrafterError, match="没有字段“cty”"):
        render(load_template(path), {"cty": "x"})


def _refused(tmp_path, text: str) -> tuple[DrafterError, Path, str]:
    """The error of loading the good template with ``text`` as a heading, its file and its text."""
    bad = GOOD.replace("heading: 关于重点工作", f'heading: "{text}"')
    path = write(tmp_path, "bad.yaml", bad)
    with pytest.raises(DrafterError) as err:
        load_template(path)
    return err.value, path, bad


@pytest.mark.parametrize("text,reason", [
    ("{{ ''.__class__ }}", "受限属性“__class__”"),
    ("{{ speaker.__class__.__mro__ }}", "受限属性"),
    ("{{ cycler.__init__.__globals__ }}", "受限属性"),
    ("{{ speaker['__class__'] }}", "受限属性"),
    ("{{ speaker|attr('__class__') }}", "受限属性"),
    ("{{ lipsum.__globals__ }}", "受限属性"),
    ("{{ range(10) }}", "不允许使用函数调用"),
    ("{{ cycler }}", "未定义的字段“cycler”"),
    ("{% import 'os' as os %}", "不允许导入"),
    ("{% include 'x.yaml' %}", "不允许导入"),
    ("{{ undefined_field }}", "未定义的字段“undefined_field”"),
    ("{{ speaker ", "模板语法错误：“{{”之后没有对应的“}}”"),
    ("{{ speaker * 1000000000 }}", "不允许使用乘法"),
    ("{% for c in speaker %}{{ c }}{% endfor %}", "不允许使用循环（for）"),
    ("{{ speaker|format(1) }}", "不允许使用过滤器“format”"),
    ("{% macro m() %}x{% endmacro %}", "不允许使用宏（macro）"),
])
def test_hostile_or_broken_template_text_is_refused_with_line(tmp_path, text, reason):
    error, path, bad = _refused(tmp_path, text)
    assert reason in str(error)
    assert error.path == str(path)
    assert error.line == bad.splitlines().index(f'  heading: "{text}"') + 1
    # said in Chinese: none of Jinja's English (unexpected …, 'For', 'Mul') reaches the user
    said = re.sub(r"“[^”]*”", "", error.reason)  # the user's own names, quoted, may be English
    assert not re.search(r"unexpected|expected|template|token|undefined|\b(?:For|Mul|Call|Macro)\b",
                         said), error.reason


@pytest.mark.parametrize("text,reason", [
    ("{% if speaker %}甲", "条件或语句块没有结尾（缺少“{% endif %}”）"),
    ("{% frobnicate %}", "不认识的语句“frobnicate”"),
    ("{{ speaker } 甲", "模板语法错误"),
    ("{{ speaker ! }}", "此处不能出现字符“!”"),
])
def test_template_syntax_errors_are_said_in_chinese(tmp_path, text, reason):
    error, path, _ = _refused(tmp_path, text)
    assert reason in error.reason and error.line and error.path == str(path)
    assert not re.search(r"[A-Za-z]{4,}", error.reason.replace("frobnicate", "").replace("endif", "")
                         .replace("elif", "").replace("else", "")), error.reason


def test_simple_conditions_and_filters_are_allowed(tmp_path):
    text = "{% if speaker %}{{ speaker|trim }}{% else %}无{% endif %}{{ meeting|default('会') ~ '上' }}"
    path = write(tmp_path, "t.yaml", GOOD.replace("heading: 关于重点工作", f'heading: "{text}"'))
    draft = render(load_template(path), {"speaker": " 张三 ", "place": "临江县"})
    assert draft.blocks[1].text == "张三全体会议上"


def test_sandbox_blocks_escape_at_render_time_too():
    from drafter.templates import render_text
    with pytest.raises(DrafterError, match="沙箱|未定义"):
        render_text("{{ x.__class__ }}", {"x": ""}, "t.yaml")


@pytest.mark.parametrize("text,reason,line", [
    ("id: x\nname: [unclosed\n", "YAML 格式错误", 3),
    ("- just a list\n", "模板应为键值对", 1),
    (GOOD.replace("role: tasks", "role: boss"), "角色“boss”无效", 13),
    (GOOD.replace("1: 一、", "1: 壹"), "编号样式“壹”无效", 9),
    (GOOD.replace("key: meeting", "key: 会议"), "只能用英文字母", 8),
    (GOOD.replace("parts:\n", "parts: 3\nx:\n"), "“parts”应为非空列表", 10),
])
def test_malformed_template_files(tmp_path, text, reason, line):
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(DrafterError) as err:
        load_template(path)
    assert reason in err.value.reason
    assert err.value.line == line


def test_bad_files_do_not_stop_the_others(tmp_path):
    write(tmp_path, "a_good.yaml", GOOD)
    write(tmp_path, "b_bad.yaml", "id: [\n")
    write(tmp_path, "c_escape.yaml", GOOD.replace("id: demo", "id: demo2").replace(
        "关于重点工作", "{{ ''.__class__.__mro__ }}"))
    templates, errors = load_templates([tmp_path])
    assert [t.id for t in templates] == ["demo"]
    assert sorted(Path(e.path).name for e in errors) == ["b_bad.yaml", "c_escape.yaml"]


def test_templates_command_lists_and_reports_bad_files(capsys, monkeypatch, tmp_path):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for tid in KINDS:
        assert tid in out
    assert main(["templates", "--json"]) == 0
    import json
    data = json.loads(capsys.readouterr().out)
    assert {d["id"] for d in data} >= set(KINDS)
    write(tmp_path, "a_good.yaml", GOOD)
    write(tmp_path, "z_bad.yaml", GOOD.replace("id: demo", "id: z").replace("关于重点工作", '"{{ nope }}"'))
    import drafter.templates as templates_module
    monkeypatch.setattr(templates_module, "default_dirs", lambda: [tmp_path])
    assert main(["templates"]) == 2
    captured = capsys.readouterr()
    assert "demo" in captured.out
    assert "z_bad.yaml" in captured.err and "第 14 行" in captured.err and "nope" in captured.err


def test_new_writes_a_draft(tmp_path, capsys):
    out = tmp_path / "稿子.draft"
    assert main(["new", "lianghui-luoshi", "--set", "place=银川市", "--set", "speaker=张三", "-o", str(out)]) == 0
    draft, _ = read_draft(out)
    assert draft.numbering[1] == "第一，" and draft.numbering[2] == "一要"
    assert draft.fields["place"] == "银川市"
    assert draft.markers()[next(i for i, b in enumerate(draft.blocks) if b.is_heading)] == "第一，"


def test_new_with_fields_file_and_template_path(tmp_path):
    fields = write(tmp_path, "f.yaml", "speaker: 赵六\nmeeting: 县政府全体会议\nplace: 临江县\n")
    tpl = write(tmp_path, "mine.yaml", GOOD)
    out = tmp_path / "out.txt"
    assert main(["new", str(tpl), "--fields", str(fields), "--set", "speaker=钱七", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "钱七在县政府全体会议上的讲话" in text
    assert "一、关于重点工作" in text and "（一）抓好项目建设。" in text


def test_new_docx_reads_back(tmp_path):
    out = tmp_path / "out.docx"
    assert main(["new", "jiehou-shouxin", "--set", "place=乐山市", "--set", "speaker=张三", "-o", str(out)]) == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any("一、提高政治站位" in t for t in texts)
    assert any("(一)把对党忠诚作为抓落实的政治标准。" in t for t in texts)


@pytest.mark.parametrize("argv,needle", [
    (["new", "bannian-gongzuo", "--set", "city", "-o", "x.draft"], "应写成 键=值"),
    (["new", "bannian-gongzuo", "--set", "=x", "-o", "x.draft"], "应写成 键=值"),
    (["new", "no-such-template", "-o", "x.draft"], "没有编号为“no-such-template”的模板"),
    (["new", "bannian-gongzuo", "--set", "place=临江县", "--set", "speaker=", "-o", "x.draft"], "缺少必填字段“讲话人”"),
    (["new", "bannian-gongzuo", "-o", "x.draft"], "缺少必填字段“地点”（place）、“讲话人”（speaker）"),
    (["new", "bannian-gongzuo", "-o", "x.pdf"], "不支持的输出格式"),
])
def test_new_bad_input(tmp_path, monkeypatch, capsys, argv, needle):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.draft").exists()


def test_new_bad_fields_file(tmp_path, capsys):
    fields = write(tmp_path, "f.yaml", "speaker: 赵六\nmeeting: [a, b]\n")
    assert main(["new", "bannian-gongzuo", "--fields", str(fields), "-o", str(tmp_path / "x.draft")]) == 2
    err = capsys.readouterr().err
    assert "f.yaml" in err and "第 2 行" in err and "meeting" in err


def test_find_template_reports_the_bad_file_for_its_id(tmp_path):
    write(tmp_path, "broken.yaml", "id: broken\nparts: [\n")
    with pytest.raises(DrafterError) as err:
        find_template("broken", [tmp_path])
    assert err.value.path.endswith("broken.yaml") and err.value.line


def test_unquoted_jinja_in_yaml_gets_a_hint(tmp_path):
    path = write(tmp_path, "t.yaml", GOOD.replace("关于重点工作", "{{ speaker }}"))
    with pytest.raises(DrafterError, match="请加引号") as err:
        load_template(path)
    assert err.value.line == 14


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    with pytest.raises(DrafterError, match="锚点"):
        load_template(path)


def test_the_draft_records_the_meeting_it_is_for(shipped):
    draft = render(shipped["quanti-lianzheng"], {"meeting": "市政府第三次全体会议", "speaker": "王明",
                                                 "place": "临江市"})
    assert draft.occasion == "市政府第三次全体会议"
    assert draft.title == "王明在市政府第三次全体会议上的讲话" and draft.subtitle() == ""
