"""Every reader and command against hostile input, each in a child process capped at 1 GB of
address space and 10 s: it must end with exit 2 and one Chinese line on stderr naming the file
and the reason (or give a correct result), never a traceback, a hang or a memory blow-up."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.robust import hostile
from tests.robust.hostile import FILE_KINDS, RUNAWAYS, TEMPLATE_FIELDS, run

SPEECH = "同志们：\n今天，我们召开全市经济工作会议。\n一、认清形势\n过去一年，全市经济稳中向好。\n"


def refused(outcome: hostile.Outcome, named: str, reason: str, warned: bool = False) -> None:
    """Exit 2 and exactly one Chinese line naming ``named`` and ``reason``; no traceback.
    ``warned``: the command goes on without the file (check without a bad --rules file: the
    shipped lists still apply) and says so in that one line."""
    assert outcome.code in ((0, 1) if warned else (2,)), (outcome.code, outcome.stderr[-2000:])
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, outcome.stderr
    assert named in lines[0] and reason in lines[0], lines[0]
    assert hostile.has_chinese(lines[0]) and "Traceback" not in outcome.stderr
    assert outcome.peak_mb < 1024


@pytest.fixture
def place(tmp_path) -> tuple[Path, Path]:
    home = tmp_path / "home"
    home.mkdir()
    return tmp_path, home


# ----- file kinds x every command that reads a file -------------------------------------------
def _file_commands(tmp: Path, home: Path, name: str) -> list[tuple[str, list[str], Path]]:
    """(command, argv, path the hostile file must be at) for each reader."""
    return [
        ("parse", ["parse", str(tmp / f"{name}.txt")], tmp / f"{name}.txt"),
        ("parse-docx", ["parse", str(tmp / f"{name}.docx")], tmp / f"{name}.docx"),
        ("parse-draft", ["parse", str(tmp / f"{name}.draft")], tmp / f"{name}.draft"),
        ("check", ["check", str(tmp / f"{name}.txt")], tmp / f"{name}.txt"),
        ("check-rules", ["check", str(tmp / "ok.txt"), "--rules", str(tmp / f"{name}.yaml")],
         tmp / f"{name}.yaml"),
        ("export", ["export", str(tmp / f"{name}.draft"), "-o", str(tmp / "out.docx")], tmp / f"{name}.draft"),
        ("open", ["open", str(tmp / f"{name}.draft")], tmp / f"{name}.draft"),
        ("library-add", ["library", "add", str(tmp / f"{name}.txt")], tmp / f"{name}.txt"),
        ("phrases", ["phrases", "形势"], home / "phrases" / "user.yaml"),
        ("new-template", ["new", str(tmp / f"{name}.yaml"), "-o", str(tmp / "out.draft")], tmp / f"{name}.yaml"),
        ("new-fields", ["new", "jiehou-shouxin", "--fields", str(tmp / f"{name}.yaml"), "-o",
                        str(tmp / "out.draft")], tmp / f"{name}.yaml"),
        ("mine", ["mine", str(tmp / f"{name}.txt"), "--out", str(tmp / "mined")], tmp / f"{name}.txt"),
    ]


COMMAND_NAMES = [c for c, _a, _p in _file_commands(Path("."), Path("."), "x")]


@pytest.mark.parametrize("kind", FILE_KINDS)
@pytest.mark.parametrize("command", COMMAND_NAMES)
def test_file_kinds(place, kind, command):
    tmp, home = place
    (tmp / "ok.txt").write_text(SPEECH, "utf-8")
    (home / "phrases").mkdir()
    [(_, argv, target)] = [c for c in _file_commands(tmp, home, "hostile") if c[0] == command]
    reason = FILE_KINDS[kind](target)
    refused(run(f"{command} × {kind}", argv, home, tmp), str(target), reason,
            warned=command == "check-rules")


# ----- .docx: zip bombs in non-XML parts, 40,000 parts -----------------------------------------
@pytest.fixture(scope="module")
def docx_cases(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    folder = tmp_path_factory.mktemp("docx")
    made = {}
    for name, part in (("bomb-image", "word/media/image1.png"), ("bomb-rels", "word/_rels/document.xml.rels")):
        made[name] = (folder / f"{name}.docx", hostile.zip_bomb(folder / f"{name}.docx", part))
    made["40000-parts"] = (folder / "many.docx", hostile.many_parts(folder / "many.docx"))
    return made


@pytest.mark.parametrize("case", ["bomb-image", "bomb-rels", "40000-parts"])
@pytest.mark.parametrize("command", ["parse", "check", "export", "library-add", "mine"])
def test_hostile_docx(place, docx_cases, case, command):
    tmp, home = place
    source, reason = docx_cases[case]
    path = tmp / source.name
    shutil.copyfile(source, path)
    argv = {"parse": ["parse", str(path)], "check": ["check", str(path)],
            "export": ["export", str(path), "-o", str(tmp / "out.docx")],
            "library-add": ["library", "add", str(path)],
            "mine": ["mine", str(path), "--out", str(tmp / "mined")]}[command]
    refused(run(f"{command} × {case}", argv, home, tmp), str(path), reason)


# ----- YAML nested 20,000 deep ------------------------------------------------------------------
@pytest.mark.parametrize("command", ["parse-draft", "export", "check-rules", "phrases", "new-template",
                                     "new-fields"])
def test_deep_yaml(place, command):
    tmp, home = place
    (tmp / "ok.txt").write_text(SPEECH, "utf-8")
    (home / "phrases").mkdir()
    [(_, argv, target)] = [c for c in _file_commands(tmp, home, "deep") if c[0] == command]
    reason = (hostile.deep_draft if target.suffix == ".draft" else hostile.deep_yaml)(target)
    refused(run(f"{command} × 20000-deep YAML", argv, home, tmp), str(target), reason,
            warned=command == "check-rules")


# ----- template runaway in every field ----------------------------------------------------------
@pytest.mark.parametrize("runaway", RUNAWAYS)
@pytest.mark.parametrize("field", TEMPLATE_FIELDS)
def test_template_runaway(place, field, runaway):
    tmp, home = place
    path = tmp / "t.yaml"
    hostile.template(path, field, RUNAWAYS[runaway])
    out = tmp / "out.draft"
    argv = ["new", str(path), "--set", "speaker=张三", "--set", "meeting=全市经济工作会议", "--set", "place=临江市",
            "-o", str(out)]
    outcome = run(f"new × {runaway} in {field}", argv, home, tmp)
    if outcome.code == 0:  # a text that is shown as it is, never rendered: a correct result
        assert out.stat().st_size < 100_000 and "Traceback" not in outcome.stderr
        assert RUNAWAYS[runaway][:10] in out.read_text("utf-8") or field in ("name", "field-label",
                                                                            "part-guidance", "part-example")
    else:
        refused(outcome, str(path), "模板")


# ----- the user data folder cannot be used ------------------------------------------------------
@pytest.mark.parametrize("problem", ["is-a-file", "under-a-file"])
@pytest.mark.parametrize("command", ["parse", "check", "export", "open", "library-add", "phrases",
                                     "new", "mine"])
def test_unusable_data_folder(tmp_path, problem, command):
    source = tmp_path / "稿.txt"
    source.write_text(SPEECH, "utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_text("不是文件夹", "utf-8")
    home = blocker if problem == "is-a-file" else blocker / "home"
    argv = {"parse": ["parse", str(source)], "check": ["check", str(source)],
            "export": ["export", str(source), "-o", str(tmp_path / "out.docx")],
            "open": ["open", str(source)], "library-add": ["library", "add", str(source)],
            "phrases": ["phrases", "形势"], "new": ["new", "jiehou-shouxin", "--set", "place=临江市", "--set", "speaker=张三",
                    "-o", str(tmp_path / "o.draft")],
            "mine": ["mine", str(source), "--out", str(tmp_path / "mined")]}[command]
    outcome = run(f"{command} × data folder {problem}", argv, home, tmp_path)
    assert "Traceback" not in outcome.stderr and outcome.code in (0, 1, 2), outcome.stderr
    lines = [line for line in outcome.stderr.splitlines() if "用户数据文件夹" in line]
    assert len(lines) == 1 and str(home) in lines[0] and "用户数据文件夹无法使用" in lines[0], outcome.stderr
    if command in ("open", "library-add"):  # they need the folder (journals, the library)
        assert outcome.code == 2
    else:  # the rest still run and say once that the folder is unusable
        assert outcome.code in (0, 1) and lines[0].startswith("注意")
