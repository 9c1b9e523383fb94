"""Review rounds: saved beside the draft, listed, opened read-only, restored (undoably)."""

from __future__ import annotations

import pytest
import yaml

from drafter.core import rounds
from drafter.core.errors import DrafterError
from drafter.core.storage import read_draft, save_draft
from drafter.corpus.documents import parse_file
from tests.compare.edits import SPEECHES, edit_every_way


@pytest.fixture
def draft_path(tmp_path):
    path = tmp_path / "讲话.draft"
    save_draft(path, parse_file(SPEECHES[0]))
    return path


def test_rounds_are_saved_beside_the_draft_and_listed_in_order(draft_path):
    first, _h = read_draft(draft_path)
    rounds.save_round(draft_path, first, "第一稿")
    second, _moved = edit_every_way(first)
    rounds.save_round(draft_path, second, "征求意见稿")
    listed = rounds.list_rounds(draft_path)
    assert [r.name for r in listed] == ["第一稿", "征求意见稿"]
    folder = rounds.rounds_dir(draft_path)
    assert folder.name == "讲话.draft.rounds" and (folder / "rounds.yaml").is_file()
    index = yaml.safe_load((folder / "rounds.yaml").read_text("utf-8"))
    assert index["drafter-rounds"] == 1 and [r["file"] for r in index["rounds"]] == ["001.draft", "002.draft"]
    assert rounds.open_round(draft_path, "第一稿") == first
    assert rounds.open_round(draft_path, "征求意见稿") == second
    assert not list(folder.glob("*.tmp"))


def test_a_name_is_used_once_unless_replaced(draft_path):
    draft, _h = read_draft(draft_path)
    rounds.save_round(draft_path, draft, "送审稿")
    with pytest.raises(DrafterError, match="已有名为“送审稿”"):
        rounds.save_round(draft_path, draft, "送审稿")
    changed, _m = edit_every_way(draft)
    rounds.save_round(draft_path, changed, "送审稿", replace=True)
    assert [r.name for r in rounds.list_rounds(draft_path)] == ["送审稿"]
    assert rounds.open_round(draft_path, "送审稿") == changed


@pytest.mark.parametrize("name", ["", "   ", "a\nb", "稿@2", "长" * 41])
def test_bad_names_are_refused(draft_path, name):
    draft, _h = read_draft(draft_path)
    with pytest.raises(DrafterError):
        rounds.save_round(draft_path, draft, name)
    assert rounds.list_rounds(draft_path) == []


def test_an_opened_round_is_a_copy(draft_path):
    draft, _h = read_draft(draft_path)
    rounds.save_round(draft_path, draft, "第一稿")
    opened = rounds.open_round(draft_path, "第一稿")
    opened.blocks.clear()
    assert rounds.open_round(draft_path, "第一稿") == draft


def test_restore_keeps_the_current_text_as_a_round_so_it_can_be_undone(draft_path):
    first, _h = read_draft(draft_path)
    rounds.save_round(draft_path, first, "第一稿")
    current, _m = edit_every_way(first)
    restored = rounds.restore_round(draft_path, "第一稿", current)
    assert restored == first
    kept = [r for r in rounds.list_rounds(draft_path) if r.name.startswith("恢复“第一稿”之前")]
    assert len(kept) == 1
    assert rounds.open_round(draft_path, kept[0].name) == current


def test_a_tampered_round_is_refused(draft_path):
    draft, _h = read_draft(draft_path)
    entry = rounds.save_round(draft_path, draft, "第一稿")
    path = rounds.rounds_dir(draft_path) / entry.file
    path.write_text(path.read_text("utf-8").replace("同志", "同事", 1), "utf-8")
    with pytest.raises(DrafterError, match="与索引记录不符"):
        rounds.open_round(draft_path, "第一稿")


def test_unknown_round_and_damaged_index_are_explained(draft_path):
    draft, _h = read_draft(draft_path)
    rounds.save_round(draft_path, draft, "第一稿")
    with pytest.raises(DrafterError, match="没有名为“定稿”的轮次；已有：第一稿"):
        rounds.open_round(draft_path, "定稿")
    (rounds.rounds_dir(draft_path) / "rounds.yaml").write_text("drafter-rounds: [1\n", "utf-8")
    with pytest.raises(DrafterError, match="轮次索引已损坏"):
        rounds.list_rounds(draft_path)


def test_a_failed_write_leaves_the_index_as_it_was(draft_path, monkeypatch):
    draft, _h = read_draft(draft_path)
    rounds.save_round(draft_path, draft, "第一稿")
    before = (rounds.rounds_dir(draft_path) / "rounds.yaml").read_bytes()

    def refuse(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("drafter.core.storage.os.replace", refuse)
    with pytest.raises(DrafterError, match="保存失败"):
        rounds.save_round(draft_path, draft, "第二稿")
    monkeypatch.undo()
    assert (rounds.rounds_dir(draft_path) / "rounds.yaml").read_bytes() == before
    assert [r.name for r in rounds.list_rounds(draft_path)] == ["第一稿"]


def test_spec_syntax():
    assert rounds.split_spec("a/讲话.draft@第一稿") == (rounds.Path("a/讲话.draft"), "第一稿")
    assert rounds.split_spec("讲话.docx") == (rounds.Path("讲话.docx"), None)
