import pytest

from drafter.checks import CheckOptions, run_checks
from drafter.checks.base import content
from drafter.corpus.library import open_library
from drafter.corpus.parser import parse_text
from tests.checks.conftest import corpus_file

ONLY = {"overlap"}


@pytest.fixture
def library(library_location):
    lib = open_library(library_location)
    results = list(lib.add([corpus_file(p) for p in ("001", "002", "003", "004")]))
    assert all(r.added for r in results)
    yield lib
    lib.close()


def _paragraph(draft, needle):
    return next(i for i, b in enumerate(draft.blocks) if needle in b.text + b.body)


def test_copied_paragraph_names_its_source(library, corpus):
    source = corpus["003"]
    index = max(range(len(source.blocks)), key=lambda i: len(content(source, i)))
    copied = content(source, index)
    draft = parse_text("同志们：\n今天我们召开一次专门会议，研究部署有关工作。\n" + copied + "\n")
    found = run_checks(draft, CheckOptions(only=ONLY, library=library))
    at = _paragraph(draft, copied[:20])
    mine = [f for f in found if f.block == at]
    assert mine, found
    best = max(mine, key=lambda f: f.end - f.start)
    assert best.severity == "warning"
    assert source.title in best.message and f"第 {index + 1} 段" in best.message
    assert content(draft, at)[best.start:best.end] in copied
    assert best.end - best.start >= 50
    where = best.source
    assert where["title"] == source.title and where["block"] == index
    assert where["path"] == str(corpus_file("003").resolve())
    assert [d.id for d in library.documents() if d.path == where["path"]] == [where["doc_id"]]
    shared = content(draft, at)[best.start:best.end]
    assert copied[where["start"]:where["end"]] == shared


def test_short_shared_runs_and_fresh_text_are_not_reported(library):
    draft = parse_text("同志们：\n临江市今年春耕备耕进展顺利，化肥种子储备充足，农机检修已经完成，"
                       "各乡镇技术人员分片包干下到田间地头。\n")
    assert run_checks(draft, CheckOptions(only=ONLY, library=library)) == []


def test_the_checked_file_itself_is_not_its_own_source(library, corpus):
    path = corpus_file("004")
    draft = corpus["004"]
    with_self = run_checks(draft, CheckOptions(only=ONLY, library=library))
    assert any(f.severity == "warning" and "占本段 100%" in f.message for f in with_self)
    without = run_checks(draft, CheckOptions(only=ONLY, library=library, source_path=path))
    assert not any("占本段 100%" in f.message for f in without)
    assert len(without) < len(with_self)


def test_part_summary_when_much_is_shared(library, corpus):
    source = corpus["001"]
    head = next(i for i, b in enumerate(source.blocks) if b.is_heading and b.level == 1)
    lines = ["同志们：", "一、" + source.blocks[head].text]
    lines += [(source.blocks[i].source_marker + content(source, i)) for i in range(head + 1, source.section_end(head))]
    draft = parse_text("\n".join(lines) + "\n")
    found = run_checks(draft, CheckOptions(only=ONLY, library=library))
    summary = [f for f in found if f.start is None]
    assert len(summary) == 1 and summary[0].block == 0 and "与库中讲话稿相同" in summary[0].message


def test_no_library_no_overlap_check(corpus):
    assert run_checks(corpus["000"], CheckOptions(only=ONLY)) == []
