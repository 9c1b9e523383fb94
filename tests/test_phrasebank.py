"""The phrase bank: loading with per-entry errors, the index against a plain scan, frames,
user entries that survive a rebuild, and the ``drafter phrases`` command."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import phrasebank
from drafter.cli import main
from drafter.core import paths
from drafter.core.errors import DrafterError
from drafter.miner import default_corpus, mine
from drafter.phrasebank import Phrase, PhraseIndex, fill, load_file, load_phrases, naive_search

GOOD = """\
- id: a1
  text: 以实干体现忠诚、以实干成就事业、以实干造福人民
  category: 排比
  roles: [conduct]
  frequency: 2
  source: {file: 002.txt, paragraph: 19}
  frame: 以{X}体现忠诚、以{X}成就事业、以{X}造福人民
  slots: [X]
- id: a2
  text: 四个意识
  category: 数字概括
  roles: [conduct, review]
  frequency: 3
  source: {file: 000.txt, paragraph: 6}
"""


@pytest.fixture(scope="module")
def shipped():
    phrases, errors = load_phrases([(paths.package_root() / "phrasebank", False)])
    assert errors == []
    return phrases


def test_load_good_file(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(GOOD, encoding="utf-8")
    phrases, errors = load_file(path)
    assert errors == []
    assert [p.id for p in phrases] == ["a1", "a2"]
    assert phrases[0].slots == ["X"] and phrases[1].roles == ["conduct", "review"]
    assert phrases[0].source_file == "002.txt" and phrases[0].source_paragraph == 19


@pytest.mark.parametrize("old,new,reason,line", [
    ("frequency: 3", "frequency: many", "“frequency”应为非负整数", 13),
    ("category: 数字概括", "category: 口号", "类别“口号”无效", 11),
    ("roles: [conduct, review]", "roles: conduct", "“roles”应为角色列表", 12),
    ("text: 四个意识", "text: [四, 个]", "“text”应为非空文字", 10),
    ("slots: [X]", "slots: [Y]", "槽位“Y”没有出现在 frame 中", 8),
    ("source: {file: 000.txt, paragraph: 6}", "source: {file: 000.txt, paragraph: six}",
     "“source.paragraph”应为整数", 14),
])
def test_wrong_types_name_file_line_and_keep_the_other_entries(tmp_path, old, new, reason, line):
    path = tmp_path / "p.yaml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    phrases, errors = load_file(path)
    assert len(phrases) == 1 and len(errors) == 1
    assert reason in errors[0].reason and errors[0].path == str(path) and errors[0].line == line


def test_malformed_yaml_and_wrong_shape(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("- id: x\n  text: [unclosed\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("text: not a list\n", encoding="utf-8")
    phrases, errors = load_phrases([(tmp_path, False)])
    assert [p.id for p in phrases] == ["a1", "a2"]
    assert [(Path(e.path).name, e.line) for e in errors] == [("b.yaml", 3), ("c.yaml", 1)]
    assert "YAML 格式错误" in errors[0].reason and "条目列表" in errors[1].reason


def test_fill_frame():
    phrase = Phrase("a1", "以实干体现忠诚…", "排比", frame="以{X}体现忠诚、以{X}成就事业", slots=["X"])
    assert fill(phrase, {"X": "担当"}) == "以担当体现忠诚、以担当成就事业"
    with pytest.raises(DrafterError, match="没有填写"):
        fill(phrase, {})
    with pytest.raises(DrafterError, match="没有槽位“Y”"):
        fill(phrase, {"Y": "x"})
    with pytest.raises(DrafterError, match="不是可填充的句式"):
        fill(Phrase("b", "四个意识", "数字概括"), {"X": "x"})


def test_search_finds_by_text_and_frame(shipped):
    index = PhraseIndex(shipped)
    hits = index.search("求突破", category="提纲")
    assert any("要在经济运行上求突破" in p.text for p in hits)
    assert index.search("实干 忠诚")[0].frame == "以{X}体现忠诚、以{X}成就事业、以{X}造福人民"
    assert all(p.category == "数字概括" for p in index.search("", category="数字概括", limit=500))
    assert all("closing" in p.roles for p in index.search("同志们", role="closing"))
    assert index.search("这句话不在库里") == []
    assert len(index.search("", limit=3)) == 3


@pytest.fixture(scope="module")
def index(shipped):
    return PhraseIndex(shipped)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_index_agrees_with_a_plain_scan(shipped, index, data):
    phrase = data.draw(st.sampled_from(shipped))
    start = data.draw(st.integers(0, max(0, len(phrase.text) - 1)))
    length = data.draw(st.integers(1, 4))
    query = phrase.text[start:start + length].replace(" ", "")
    category = data.draw(st.sampled_from([None] + list(phrasebank.CATEGORIES)))
    role = data.draw(st.sampled_from([None, "tasks", "conduct", "opening"]))
    noted = data.draw(st.booleans())
    ours = index.search(query, category, role, limit=1000, noted=noted)
    assert [p.id for p in ours] == [p.id for p in naive_search(shipped, query, category, role, 1000, noted)]
    if category is None and role is None:
        assert (phrase in ours) == (noted or not phrase.note)


def test_user_entries_survive_a_rebuild(tmp_path, capsys):
    assert main(["phrases", "--add", "以{X}担当作为、以{X}攻坚克难", "--category", "排比",
                 "--role", "tasks"]) == 0
    user_file = paths.user_phrases_dir() / "user.yaml"
    before = user_file.read_bytes()
    mine([default_corpus()], tmp_path / "out")
    assert user_file.read_bytes() == before
    phrases, errors = load_phrases()
    assert errors == []
    mine_entry = [p for p in phrases if p.user]
    assert len(mine_entry) == 1 and mine_entry[0].slots == ["X"]
    capsys.readouterr()
    assert main(["phrases", "--fill", mine_entry[0].id, "--slot", "X=实干"]) == 0
    assert capsys.readouterr().out.strip() == "以实干担当作为、以实干攻坚克难"


def test_phrases_command(capsys):
    assert main(["phrases", "求突破", "--category", "提纲", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    target = next(d for d in data if d.get("frame") == "要在{领域}上求突破")
    assert target["source"]["file"] == "000_2149ed366db6bb90.txt"
    assert main(["phrases", "--fill", target["id"], "--slot", "领域=营商环境"]) == 0
    assert capsys.readouterr().out.strip() == "要在营商环境上求突破"
    assert main(["phrases", "想在前", "--limit", "1"]) == 0
    assert "想在前、干在前、成在前" in capsys.readouterr().out


def test_entries_to_weigh_are_offered_only_when_asked(shipped, index, capsys):
    """An outdated or one-off entry (外防输入、内防反弹) is no default hit: a writer inserts what is
    listed; --all lists it with the reason."""
    noted = next(p for p in shipped if p.note and "疫情" in p.note)
    word = noted.text[:4]
    assert noted not in index.search(word, limit=1000)
    assert noted in index.search(word, limit=1000, noted=True)
    assert all(not p.note for p in index.search("", limit=5000))
    assert main(["phrases", word, "--limit", "1000"]) == 0
    assert noted.text not in capsys.readouterr().out
    assert main(["phrases", word, "--all", "--limit", "1000"]) == 0
    out = capsys.readouterr().out
    assert noted.text in out and f"需斟酌：{noted.note}" in out


@pytest.mark.parametrize("argv,needle", [
    (["phrases", "x", "--category", "口号"], "类别“口号”无效"),
    (["phrases", "x", "--role", "boss"], "部分“boss”无效"),
    (["phrases", "--fill", "nope", "--slot", "X=1"], "没有编号为“nope”"),
    (["phrases", "--fill", "pl-44149e3b", "--slot", "X"], "应写成 槽位=词"),
    (["phrases", "--add", "甲乙丙"], "需要用 --category"),
])
def test_phrases_bad_input(capsys, argv, needle):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1


def test_bad_user_file_is_reported_but_search_still_works(capsys):
    (paths.user_phrases_dir() / "broken.yaml").write_text("- text: 甲\n  category: 排比\n  frequency: x\n",
                                                         encoding="utf-8")
    assert main(["phrases", "想在前"]) == 2
    captured = capsys.readouterr()
    assert "想在前、干在前、成在前" in captured.out
    assert "broken.yaml" in captured.err and "第 3 行" in captured.err


def test_shipped_entries_name_their_source_and_what_a_concept_stands_for():
    from drafter.phrasebank import load_phrases
    phrases, errors = load_phrases()
    assert errors == []
    by_text = {p.text: p for p in phrases}
    assert all(p.source_title for p in phrases if p.source_file)  # by title, not a file hash
    assert by_text["四个不摘"].members == ["摘帽不摘责任", "摘帽不摘政策", "摘帽不摘帮扶", "摘帽不摘监管"]
    assert by_text["四个意识"].scope == "全国" and by_text["四个意识"].members[0] == "政治意识"
    assert by_text["八个重大"].scope == "地方" and "未写明" in by_text["八个重大"].note
    assert "《" in by_text["四个不摘"].source_label() and "段" in by_text["四个不摘"].source_label()
    assert not any("**" in p.text or "XX" in p.text for p in phrases)
    assert all(p.note for p in phrases if "疫情" in p.text)
    assert not any(p.frame == "{X}就是人民，人民就是{X}" for p in phrases)


def test_annotate_leaves_out_placeholders_and_marks_outdated(tmp_path):
    import re

    from drafter.miner.bank import annotate
    entries = [{"id": "a", "text": "**同志传达了会议精神", "category": "开头", "source": {"file": "f", "paragraph": 1}},
               {"id": "b", "text": "全面建成小康社会、全面深化改革", "category": "排比",
                "source": {"file": "f", "paragraph": 2}},
               {"id": "c", "text": "八个突破", "category": "数字概括", "source": {"file": "f", "paragraph": 3}}]
    rules = [(re.compile("全面建成小康社会"), "过时表述（自 2020-10 起）")]
    out = annotate(entries, {"f": "某讲话"}, rules, national={})
    assert [e["id"] for e in out] == ["b", "c"]
    assert out[0]["note"].startswith("过时表述") and out[0]["source"]["title"] == "某讲话"
    assert out[1]["scope"] == "地方" and "未写明" in out[1]["note"]
