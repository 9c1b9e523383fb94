"""Announced counts on the seed corpus's own examples."""

from pathlib import Path

from drafter.core.announce import find_announcements, sync_announcements
from drafter.corpus.documents import parse_file

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"


def announcement(draft, phrase):
    return next(a for a in find_announcements(draft) if phrase in a.phrase)


def test_placeholder_count_of_parts_is_synced_to_two():
    draft = parse_file(CORPUS / "000_2149ed366db6bb90.txt")
    a = announcement(draft, "讲*方面")
    assert (a.announced, a.actual) == (None, 2)
    sync_announcements(draft)
    assert "下面，我讲两方面意见" in draft.blocks[a.block].text + draft.blocks[a.block].body


def test_six_strict_controls_match_six_items():
    draft = parse_file(CORPUS / "000_2149ed366db6bb90.txt")
    a = announcement(draft, "突出“六个")
    assert (a.announced, a.actual, a.in_sync) == (6, 6, True)
    # drop one of 一要…六要 and the announced count follows
    items = [i for i, b in enumerate(draft.blocks) if b.is_heading and b.text.startswith("严抓")]
    assert len(items) == 6
    draft.delete_section(items[-1])
    sync_announcements(draft)
    assert "要突出“五个严抓”" in draft.blocks[a.block].text + draft.blocks[a.block].body


def test_other_corpus_announcements_are_in_sync():
    for name, phrase, count in [("002_df22016b5cea91c3.txt", "讲五个方面", 5),
                                ("004_010f1607c59b0dcf.txt", "讲三点", 3),
                                ("004_010f1607c59b0dcf.txt", "做好五项", 5)]:
        a = announcement(parse_file(CORPUS / name), phrase)
        assert (a.announced, a.actual) == (count, count), (name, phrase, a)


def test_only_real_announcements_are_found_in_the_corpus():
    """Every count the corpus announces, and nothing else (no 做到“两个维护”)."""
    found = []
    for path in sorted(CORPUS.glob("*.txt")):
        found += [(path.name[:3], a.phrase, a.in_sync) for a in find_announcements(parse_file(path))]
    assert found == [
        ("000", "讲*方面意见", False), ("000", "突出“六个严抓”", True), ("002", "讲五个方面意见", True),
        ("004", "讲三点意见", True), ("004", "做好五项工作", True), ("004", "强调五项工作", True),
        ("004", "强化五种思维", True), ("004", "解决五个问题", True), ("004", "建立五项机制", True),
    ]
