from pathlib import Path

from drafter.checks import CheckOptions, run_checks
from drafter.core.model import Block, Draft
from drafter.corpus.documents import load_document
from drafter.editing import outline_ops
from tests.checks.conftest import draft_of

ONLY = CheckOptions(only={"numbering"})


def test_gap_repeat_and_disorder_in_an_imported_text():
    draft = draft_of("同志们：\n今天开会。\n一、认清形势\n形势很好。\n二、明确任务\n任务很重。\n四、加强作风\n"
                     "（一）抓好学习。学习。\n（一）抓好落实。落实。\n（三）抓好纪律。纪律。\n"
                     "五、总结\n1.第一条。内容。\n3.第二条。内容。\n2.第三条。内容。\n")
    found = run_checks(draft, ONLY)
    by_block = {f.block: f for f in found}
    assert all(f.severity == "error" for f in found)
    gap = by_block[draft.blocks.index(next(b for b in draft.blocks if b.text == "加强作风"))]
    assert "缺少“三、”" in gap.message and gap.suggestion == "改为“三、”"
    repeat = by_block[next(i for i, b in enumerate(draft.blocks) if b.text.startswith("抓好落实"))]
    assert "重复" in repeat.message and repeat.suggestion == "改为“（二）”"
    # 一 一 三 is one slip, not two
    assert not any(draft.blocks[f.block].text.startswith("抓好纪律") for f in found)
    swapped = [f for f in found if draft.blocks[f.block].text.startswith(("第二条", "第三条"))]
    assert len(swapped) == 2 and any("颠倒" in f.message for f in swapped)


def test_first_item_must_be_one():
    draft = draft_of("同志们：\n二、明确任务\n任务很重。\n三、加强作风\n作风很好。\n")
    [finding] = run_checks(draft, ONLY)
    assert "开头缺少“一、”" in finding.message


def _imported(*items):
    """Blocks as the Word reader makes them from heading styles: level and marker as written."""
    blocks = []
    for level, marker, text in items:
        block = Block.heading(level, text)
        block.source_marker = marker
        blocks.append(block)
    draft = Draft(blocks=blocks)
    draft.infer_numbering()
    return draft


def test_mixed_families_among_siblings():
    draft = _imported((1, "一、", "明确任务"), (2, "一是", "抓投资。"), (2, "二要", "抓开工。"),
                      (2, "三是", "抓竣工。"))
    found = run_checks(draft, ONLY)
    mixed = [f for f in found if "混用" in f.message]
    assert len(mixed) == 1 and "二要" in mixed[0].message and mixed[0].suggestion == "改为“二是”"


def test_parser_nesting_a_stray_style_still_shows_the_gap():
    draft = draft_of("同志们：\n一、明确任务\n（一）抓项目。\n1.抓投资。投资。\n2、抓开工。开工。\n3.抓竣工。竣工。\n")
    found = run_checks(draft, ONLY)
    assert any("缺少“2.”" in f.message for f in found)


def test_drafts_made_in_drafter_check_styles_only():
    draft = Draft(blocks=[Block.heading(1, "甲"), Block.heading(1, "乙", style="第一，"),
                          Block.heading(1, "丙"), Block.heading(2, "子"), Block.heading(2, "丑", style="(一)")])
    found = run_checks(draft, ONLY)
    assert [(f.block, f.severity) for f in found] == [(1, "error"), (4, "warning")]
    assert "“第二，乙”" in found[0].message


def test_no_false_alarm_on_clean_numbering(corpus):
    for name, draft in corpus.items():
        assert run_checks(draft, ONLY) == [], name
    clean = Draft(blocks=[Block.heading(1, "甲"), Block.heading(2, "子"), Block.heading(2, "丑"),
                          Block.heading(1, "乙")])
    assert run_checks(clean, ONLY) == []


def test_no_stale_numbers_after_the_writer_restructures_an_imported_speech():
    """Moving, promoting or deleting sections of an imported speech renumbers them: the check
    reads the numbers the draft prints, not those the file was written with (a false 编号不连续
    in the editor after 下移本节 or cut + undo)."""
    source = sorted((Path(__file__).resolve().parents[2] / "resources" / "corpus").glob("001_*.txt"))[0]
    for edit in (outline_ops.move_down, outline_ops.move_up, outline_ops.demote, outline_ops.promote,
                 lambda d, i: outline_ops.delete(d, i)):
        draft = load_document(source)
        second = [i for i, b in enumerate(draft.blocks) if b.is_heading and b.level == 2][1]
        edit(draft, second)
        assert [f.message for f in run_checks(draft, ONLY)] == [], edit
    written_gap = draft_of("同志们：\n一、抓好项目。\n内容。\n二、抓好招商。\n内容。\n四、抓好作风。\n内容。\n")
    assert any("编号不连续" in f.message for f in run_checks(written_gap, ONLY))


def test_a_gap_inside_an_inline_list_of_one_paragraph():
    gap = draft_of("同志们：\n一、认清形势\n一是抓好隐患排查。二是抓好专项整治。四是抓好应急值守。\n")
    (finding,) = run_checks(gap, ONLY)
    assert finding.message == "编号不连续：“二是”之后缺少“三是”，直接到了“四是”"
    assert finding.suggestion == "改为“三是”"
    text = gap.blocks[finding.block].text
    assert text[finding.start:finding.end] == "四是"
    for clean in ("一是抓好隐患排查。二是抓好专项整治。三是抓好应急值守。",
                  "一是抓排查。二是抓整治。一要压实责任。二要强化督导。",   # two lists, two families
                  "一是抓排查。二是抓整治。一是抓落实。二是抓督导。",       # the list starts again
                  "三是抓好应急值守。四是抓好宣传。",                       # began in another paragraph
                  "唯一是说。第二是说。"):
        assert run_checks(draft_of(f"同志们：\n一、认清形势\n{clean}\n"), ONLY) == [], clean
