"""The miner on the shipped corpus: reproducible byte for byte, the targets of issue 4, and
thirty hand-picked constructions that must be found."""


import pytest
import yaml

from drafter.cli import main
from drafter.core import paths
from drafter.miner import bank, default_corpus, mine

ROOT = paths.package_root()
CORPUS_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted(default_corpus().glob("*.txt")))

# (category, parts that must all appear in one entry of that category); every part is first
# checked to be in the corpus text itself.
HAND_PICKED = [
    ("排比", ["想在前、干在前、成在前"]),
    ("排比", ["早开工、早建设、早竣工、早达产"]),
    ("提纲", ["要在经济运行上求突破", "要在项目建设上求突破", "要在防范风险上求突破"]),
    ("对偶", ["一天接着一天干，一关接着一关闯"]),
    ("数字概括", ["四个意识"]),
    ("排比", ["以实干体现忠诚、以实干成就事业、以实干造福人民"]),
    ("四字格", ["抓铁有痕、踏石留印"]),
    ("四字格", ["攻坚克难、奋力拼搏"]),
    ("数字概括", ["两个确立"]),
    ("数字概括", ["三重压力"]),
    ("数字概括", ["一岗双责"]),
    ("对偶", ["既要振兴发展的累累硕果，也要政治生态的山清水秀"]),
    ("排比", ["幼有所育、学有所教、劳有所得、病有所医、老有所养、住有所居"]),
    ("排比", ["在党爱党、在党言党、在党忧党、在党为党"]),
    ("排比", ["心有所畏、言有所戒、行有所止"]),
    ("排比", ["发展不等人、时间不等人、任务不等人"]),
    ("排比", ["立发展之志、谋发展之策、鼓发展之劲、求发展之效"]),
    ("提纲", ["严抓防火安全", "严抓危化品安全", "严抓旅游安全"]),
    ("提纲", ["要在稳市场主体上下功夫", "要在防隐患风险上下功夫"]),
    ("提纲", ["一要抓好项目谋划", "二要抓实招商引资", "三要加快项目建设"]),
    ("提纲", ["锚定目标抓落实", "担当担责抓落实", "攻坚克难抓落实"]),
    ("过渡语", ["下面，我讲三点意见"]),
    ("过渡语", ["这里我特别强调"]),
    ("结尾", ["同志们，为政之要，贵在力行，重在实干"]),
    # the meeting's own name is curated out (a city's meeting is a leftover in any other draft)
    ("开头", ["今天，我们召开", "既是一个节后收心会，更是一个抓落实的动员会"]),
    ("数字概括", ["一老一小"]),
    ("数字概括", ["三严三实"]),
    ("四字格", ["只争朝夕、埋头苦干"]),
    ("排比", ["紧盯不落实的事，深挖不落实的根，追究不落实的人"]),
    ("排比", ["等不起的紧迫感、慢不得的危机感、坐不住的责任感"]),
]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("mined")
    mine([default_corpus()], out)
    return out


@pytest.fixture(scope="module")
def shipped():
    entries = []
    for path in sorted((ROOT / "phrasebank").glob("*.yaml")):
        entries.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return entries


def test_rebuild_reproduces_shipped_files_byte_for_byte(rebuilt):
    for folder in ("templates", "phrasebank"):
        shipped_files = sorted(p.name for p in (ROOT / folder).glob("*.yaml"))
        rebuilt_files = sorted(p.name for p in (rebuilt / folder).glob("*.yaml"))
        assert rebuilt_files == shipped_files
        for name in shipped_files:
            assert (rebuilt / folder / name).read_bytes() == (ROOT / folder / name).read_bytes(), name


def test_targets_of_the_issue(shipped):
    counts = {}
    for entry in shipped:
        counts[entry["category"]] = counts.get(entry["category"], 0) + 1
    assert counts["排比"] >= 120
    assert counts["提纲"] >= 30
    assert counts["数字概括"] >= 60
    assert counts["四字格"] >= 100
    for category in ("对偶", "过渡语", "开头", "结尾"):
        assert counts[category] > 0


def test_entries_are_deduplicated_with_sources_in_the_corpus(shipped):
    keys = [(e["category"], e["text"]) for e in shipped]
    assert len(keys) == len(set(keys))
    ids = [e["id"] for e in shipped]
    assert len(ids) == len(set(ids))
    files = {p.name: p.read_text(encoding="utf-8").splitlines() for p in default_corpus().glob("*.txt")}
    for entry in shipped:
        source = entry["source"]
        line = files[source["file"]][source["paragraph"] - 1]
        first = entry["text"].split("；")[0].replace("“", "").replace("”", "")
        assert first[:4] in line.replace("“", "").replace("”", ""), entry["id"]
        assert entry["frequency"] >= 1 and entry["roles"]


@pytest.mark.parametrize("category,parts", HAND_PICKED, ids=[p[0] for _, p in HAND_PICKED])
def test_hand_picked_construction_is_found(shipped, category, parts):
    for part in parts:
        assert part in CORPUS_TEXT, f"not in the corpus: {part}"
    hits = [e for e in shipped if e["category"] == category and all(p in e["text"] for p in parts)]
    assert hits, f"{category}: {parts}"


def test_frames_carry_their_slots(shipped):
    frames = {e["frame"]: e for e in shipped if "frame" in e}
    assert "要在{领域}上求突破" in frames
    assert "以{X}体现忠诚、以{X}成就事业、以{X}造福人民" in frames
    for frame, entry in frames.items():
        for slot in entry["slots"]:
            assert "{" + slot + "}" in frame


def test_curation_drops_adds_and_edits():
    entries = [{"id": "a", "text": "甲", "category": "排比"},
               {"id": "b", "text": "乙", "category": "排比", "frame": "{X}乙", "slots": ["X"]}]
    curated = bank.apply_curation(entries, {"drop": ["a"], "edit": {"b": {"text": "乙乙"}},
                                            "add": [{"text": "丙、丁、戊", "category": "排比"}]})
    assert [e["text"] for e in curated] == ["乙乙", "丙、丁、戊"]
    assert "frame" not in curated[0] and "slots" not in curated[0]  # the frame was of the old text
    assert curated[1]["id"] == bank.entry_id("排比", "丙、丁、戊")


def test_mine_command_on_own_archive(tmp_path, capsys):
    """One speech of an occasion is not enough for a template: it is named with its occasion
    on stderr, its phrases still go to the bank; asking for that occasion is an error."""
    archive = tmp_path / "archive"
    archive.mkdir()
    text = (default_corpus() / "003_e8c7b60b13b5cb80.txt").read_text(encoding="utf-8")
    (archive / "my_speech.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["mine", str(archive), "--out", str(out), "--no-curation"]) == 0
    captured = capsys.readouterr()
    assert "模板 0 个" in captured.out
    assert "my_speech.txt" in captured.err and "只有这一篇" in captured.err
    parallel = yaml.safe_load((out / "phrasebank" / "parallel.yaml").read_text(encoding="utf-8"))
    assert any("等不起的紧迫感" in e["text"] for e in parallel)
    assert main(["mine", str(archive), "--out", str(tmp_path / "o2"), "--no-curation",
                 "--occasion", "安全生产工作会议"]) == 2
    err = capsys.readouterr().err
    assert "“安全生产工作会议”类讲话没有" in err and "archive" in err
    assert not (tmp_path / "o2").exists()


def test_mine_missing_path_is_a_clear_error(tmp_path, capsys):
    assert main(["mine", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "找不到语料" in err and "nope" in err


def test_mine_bad_curation_file(tmp_path, capsys):
    bad = tmp_path / "curation.yaml"
    bad.write_text("phrases:\n  drop: [a\n", encoding="utf-8")
    assert main(["mine", "--out", str(tmp_path / "o"), "--curation", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "curation.yaml" in err and "YAML 格式错误" in err and "行" in err


def test_curation_refers_only_to_mined_entries(tmp_path):
    """A drop or edit whose id the miner no longer produces would silently stop working."""
    from drafter.miner import default_curation, load_curation
    mine([default_corpus()], tmp_path, curation_path=tmp_path / "none.yaml")
    ids = set()
    for path in (tmp_path / "phrasebank").glob("*.yaml"):
        ids.update(e["id"] for e in yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    phrases = load_curation(default_curation())["phrases"]
    assert set(phrases["drop"]) <= ids
    assert set(phrases["edit"]) <= ids


def test_speeches_of_one_kind_are_aligned_by_role():
    """Two speeches behind one template: each curated part takes the example headings of the
    part with the same role in both, in order."""
    from drafter.corpus.documents import parse_file
    from drafter.miner import skeleton
    a = default_corpus() / "000_2149ed366db6bb90.txt"   # tasks, conduct
    b = default_corpus() / "004_010f1607c59b0dcf.txt"   # review, tasks, conduct
    spec = {"id": "both", "name": "n", "fields": [{"key": "city"}],
            "parts": [{"role": "opening"}, {"role": "review"}, {"role": "tasks"},
                      {"role": "conduct"}, {"role": "closing"}]}
    data = skeleton.curated_template(spec, [(a, parse_file(a)), (b, parse_file(b))])
    parts = {p["role"]: p for p in data["parts"]}
    assert "上半年工作回顾" in parts["review"]["examples"]
    assert parts["tasks"]["examples"][:1] == ["关于全市经济社会发展工作"]
    assert "下半年重点任务" in parts["tasks"]["examples"]
    assert "关于党风廉政建设工作" in parts["conduct"]["examples"]
    assert "加强作风建设" in parts["conduct"]["examples"]
    assert [s.split("《")[0] for s in data["sources"]] == [a.name, b.name]
    assert data["fields"] == [{"key": "city"}]


def test_mine_a_word_file(tmp_path):
    """A .docx in the archive is read through the Word reader and mined like text."""
    from drafter.corpus.documents import parse_file
    from drafter.export import export_draft
    draft = parse_file(default_corpus() / "003_e8c7b60b13b5cb80.txt")
    archive = tmp_path / "archive"
    archive.mkdir()
    export_draft(draft, archive / "讲话.docx")
    export_draft(draft, archive / "讲话（去年）.docx")
    mine([archive], tmp_path / "out", curation_path=tmp_path / "none.yaml")
    template = yaml.safe_load((tmp_path / "out" / "templates" / "quanti.yaml").read_text(encoding="utf-8"))
    assert len(template["sources"]) == 2
    assert template["parts"][0]["role"] == "opening"
    assert any("锚定目标抓落实" in p.get("examples", []) for p in template["parts"])
    scaffold = yaml.safe_load((tmp_path / "out" / "phrasebank" / "scaffold.yaml").read_text(encoding="utf-8"))
    assert any(e["text"] == "锚定目标抓落实；担当担责抓落实；攻坚克难抓落实" and e["source"]["file"] == "讲话.docx"
               for e in scaffold)
