"""Induction from the user's own archive: speeches grouped by occasion, one template each,
fields from what varies, renders for any level and parses back."""

from pathlib import Path

import pytest
import yaml

from drafter.cli import main
from drafter.core.levels import foreign_words, resolve
from drafter.corpus.parser import parse_lines
from drafter.corpus.render import render_lines
from drafter.miner import default_corpus
from drafter.miner.induce import generalise, occasion_of
from drafter.templates import load_template, render

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def test_generalise_turns_what_varies_into_fields():
    text = "今天，我们召开全县安全生产工作会议，2024年全县发生事故12起，县委、县政府高度重视。"
    out = generalise(text, "全县安全生产工作会议")
    assert out == ("今天，我们召开{{ meeting }}，{{ year }}{{ lv_whole }}发生事故【数字】，"
                   "{{ lv_party }}、{{ lv_gov }}高度重视。")
    assert "｛" in generalise("{{ x }}", "")  # the speech's own braces never become template syntax


def test_generalise_follows_the_speech_level():
    """A county's speech: its own offices become the draft's level, the 市委/市政府 above it
    the level above the draft's; 县人民政府 keeps its form; 各市县（区） of a province's speech
    are its units."""
    county = ("在市委、市政府的坚强领导下，全县上下奋力拼搏。县人民政府决定召开全县大会，"
              "县委、县政府和县直各部门、县安委会要抓好落实。")
    out = generalise(county, "")
    assert out == ("在{{ lv_upper_party }}、{{ lv_upper_gov }}的坚强领导下，{{ lv_whole }}上下奋力拼搏。"
                   "{{ lv_key }}人民政府决定召开{{ lv_whole }}大会，{{ lv_party }}、{{ lv_gov }}和"
                   "{{ lv_depts }}、{{ lv_key }}安委会要抓好落实。")
    assert generalise("今天,我们召开全县大会,部署工作。", "") == "今天，我们召开{{ lv_whole }}大会，部署工作。"
    province = generalise("全省上下要抓好落实，各市县（区）要压实责任。", "")
    assert province == "{{ lv_whole }}上下要抓好落实，{{ lv_units }}要压实责任。"


def test_induced_templates_are_drafts_for_any_level(tmp_path):
    """Induced from the real speeches (openings only): every template has its review, tasks and
    closing, each level-1 part a heading and a 【】 prompt, and renders for a county, a city and
    a province without another level's words."""
    out = tmp_path / "out"
    assert main(["mine", str(REAL), "--out", str(out), "--no-curation"]) == 0
    paths = sorted((out / "templates").glob("*.yaml"))
    assert len(paths) >= 3
    for path in paths:
        template = load_template(path)
        roles = [p.role for p in template.parts]
        assert roles[0] == "opening" and roles[-1] == "closing", (path.name, roles)
        for place in ("临江县", "临江市", "某省"):
            draft = render(template, {"place": place, "speaker": "王明"})
            lines = render_lines(draft)
            text = "\n".join(lines)
            assert "{{" not in text
            assert not [w for w in foreign_words(resolve(place)) if w in text], (path.name, place)
            tops = [i for i, b in enumerate(draft.blocks) if b.is_heading and b.level == 1]
            if path.stem != "zhici":
                assert len(tops) >= 2, path.name
            for k, start in enumerate(tops):
                end = tops[k + 1] if k + 1 < len(tops) else len(draft.blocks)
                assert "【" in "".join(b.text + b.body for b in draft.blocks[start:end]), path.name


def test_occasion_from_title_then_opening():
    from drafter.core.model import Block, Draft
    draft = Draft(title="在全县防汛抗旱工作会议上的讲话")
    assert occasion_of(Path("a.txt"), draft)[0] == "fangxun"
    draft = Draft(blocks=[Block.paragraph("今天，我们召开全市安全生产工作会议，主要任务是……")])
    assert occasion_of(Path("b.txt"), draft)[0] == "anquan-shengchan"


def _archive(tmp_path):
    """Two years of three meetings: the seed speeches and a county's version of each."""
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("000_2149ed366db6bb90.txt", "002_df22016b5cea91c3.txt", "003_e8c7b60b13b5cb80.txt"):
        text = (default_corpus() / name).read_text(encoding="utf-8")
        (archive / f"2023_{name}").write_text(text, encoding="utf-8")
        county = text.replace("全市", "全县").replace("市委", "县委").replace("市政府", "县政府")
        (archive / f"2024_{name}").write_text(county.replace("2023", "2024"), encoding="utf-8")
    return archive


def test_three_occasions_give_three_templates_that_render_and_parse_back(tmp_path, capsys):
    archive = _archive(tmp_path)
    out = tmp_path / "out"
    assert main(["mine", str(archive), "--out", str(out), "--no-curation"]) == 0
    files = sorted((out / "templates").glob("*.yaml"))
    assert len(files) == 3, capsys.readouterr()
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert len(data["sources"]) == 2 and data["fields"]
        template = load_template(path)
        for place in ("临江县", "临江市"):
            draft = render(template, {"place": place, "speaker": "王明"})
            lines = render_lines(draft)
            text = "\n".join(lines)
            assert "{{" not in text and "【" in text
            assert not [w for w in foreign_words(resolve(place)) if w in text], (path.name, place)
            back = parse_lines(lines)
            assert [(b.level, b.text) for b in back.blocks if b.is_heading] == \
                [(b.level, b.text) for b in draft.blocks if b.is_heading]


def _real_groups():
    if not REAL.is_dir():
        return {}
    from drafter.corpus.documents import parse_file
    groups = {}
    for path in sorted(REAL.glob("*.txt")):
        groups.setdefault(occasion_of(path, parse_file(path))[0], []).append(path)
    return groups


@pytest.mark.skipif(sum(len(v) >= 4 for v in _real_groups().values()) < 3,
                    reason="tests/data/real does not yet hold four speeches of each of three occasions")
def test_real_speeches_of_three_occasions(tmp_path):
    groups = {k: v for k, v in _real_groups().items() if len(v) >= 4}
    assert len(groups) >= 3 and sum(len(v) for v in groups.values()) >= 12
    archive = tmp_path / "real"
    archive.mkdir()
    for paths in groups.values():
        for path in paths:
            (archive / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    assert main(["mine", str(archive), "--out", str(out), "--no-curation"]) == 0
    ids = {p.stem for p in (out / "templates").glob("*.yaml")}
    assert set(groups) <= ids
    for oid in groups:
        template = load_template(out / "templates" / f"{oid}.yaml")
        assert template.fields and len(template.sources) == len(groups[oid])
        draft = render(template, {"place": "临江县", "speaker": "王明"})
        lines = render_lines(draft)
        assert "{{" not in "\n".join(lines)
        back = parse_lines(lines)
        assert [b.text for b in back.blocks if b.is_heading] == [b.text for b in draft.blocks if b.is_heading]


def test_mine_over_the_library(tmp_path, capsys):
    """`drafter mine --library`: the library's speeches grouped by occasion like a folder's."""
    archive = _archive(tmp_path)
    lib = tmp_path / "lib.sqlite"
    assert main(["library", "add", "--library", str(lib), str(archive)]) == 0
    out = tmp_path / "out"
    capsys.readouterr()
    assert main(["mine", "--library", str(lib), "--out", str(out), "--no-curation"]) == 0
    files = sorted((out / "templates").glob("*.yaml"))
    assert len(files) == 3
    assert main(["mine", "--library", str(tmp_path / "empty.sqlite"), "--out", str(tmp_path / "o2")]) == 2
    assert "empty.sqlite" in capsys.readouterr().err
