"""A reviewer's .docx: tracked changes and comments are read as pending marks, never accepted
silently; accepting or rejecting is explicit; exporting again writes them back."""

from __future__ import annotations

import json
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.cli import main
from drafter.core.errors import DrafterError
from drafter.corpus.docx_review import decide, read_review
from drafter.corpus.documents import parse_file
from drafter.export import export_draft
from tests.compare import libreoffice
from tests.compare.edits import SPEECHES

DATE = "2026-11-20T09:30:00Z"


def _revision(tag: str, text: str, author: str, rid: int):
    wrapper = OxmlElement(f"w:{tag}")
    wrapper.set(qn("w:id"), str(rid))
    wrapper.set(qn("w:author"), author)
    wrapper.set(qn("w:date"), DATE)
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if tag == "del" else "w:t")
    t.text = text
    run.append(t)
    wrapper.append(run)
    return wrapper


def _reviewed(tmp_path, name="审阅.docx", authors=("张三",), in_table=False):
    """A speech typed in Word (no styles) that reviewers marked: in each paragraph one word
    deleted and one inserted, by the authors in turn; optionally the marks sit in a table."""
    document = docx.Document()
    texts = ["同志们：", "今天召开全市安全生产工作会议，主要任务是部署下半年工作。",
             "一、认清形势。今年以来全市安全形势平稳。", "二、压实责任。各级要把责任落实到岗到人。",
             "同志们，让我们共同努力！"]
    container = document.add_table(rows=1, cols=1).cell(0, 0) if in_table else document
    paragraphs = [container.add_paragraph(t) for t in texts]
    rid = 1
    for k, p in enumerate(paragraphs[1:4]):
        author = authors[k % len(authors)]
        p._p.append(_revision("del", "总体", author, rid))
        p._p.append(_revision("ins", "持续", author, rid + 1))
        rid += 2
    path = tmp_path / name
    document.save(path)
    return path


def test_pending_revisions_are_listed_not_accepted(tmp_path):
    path = _reviewed(tmp_path, authors=("张三", "李四", "王五"))
    draft = read_review(path)
    texts = [b.text + b.body for b in draft.blocks]
    assert not any("持续" in t for t in texts) and sum("总体" in t for t in texts) == 3  # as sent
    review = draft.review
    assert len(review.revisions) == 6 and review.authors() == ["张三", "李四", "王五"]
    assert {r.date for r in review.revisions} == {DATE}
    accepted = [b.text + b.body for b in review.accepted.blocks]
    assert sum("持续" in t for t in accepted) == 3 and not any("总体" in t for t in accepted)
    assert "待处理修订 6 处" in review.summary() and "张三、李四、王五" in review.summary()


def test_accept_or_reject_each_or_all(tmp_path):
    draft = read_review(_reviewed(tmp_path))
    first_insert = next(r for r in draft.review.revisions if r.kind == "ins")
    one = decide(draft, [first_insert.id], accept=True)
    assert sum("持续" in b.text + b.body for b in one.blocks) == 1
    assert len(one.review.revisions) == len(draft.review.revisions) - 1
    everything = decide(one, None, accept=True)
    assert everything == draft.review.accepted and not everything.review.revisions
    nothing = decide(draft, None, accept=False)
    assert nothing == draft and not nothing.review.revisions
    with pytest.raises(DrafterError, match="没有这些待处理的修订"):
        decide(draft, ["999"], accept=True)


def test_revisions_inside_a_table_are_read_and_resolved(tmp_path):
    draft = read_review(_reviewed(tmp_path, in_table=True))
    assert len(draft.review.revisions) == 2 * 3
    text = "".join(b.text + b.body for b in draft.blocks)
    accepted = "".join(b.text + b.body for b in draft.review.accepted.blocks)
    assert "持续" not in text and "持续" in accepted and "总体" not in accepted


def test_text_inserted_by_one_reviewer_and_deleted_by_another_is_gone_either_way(tmp_path):
    document = docx.Document()
    p = document.add_paragraph("要抓好")
    inserted = _revision("ins", "", "张三", 1)
    inserted.append(_revision("del", "安全", "李四", 2))
    p._p.append(inserted)
    p.add_run("生产。")
    path = tmp_path / "嵌套.docx"
    document.save(path)
    draft = read_review(path)
    assert [b.text for b in draft.blocks] == ["要抓好生产。"]
    assert [b.text for b in draft.review.accepted.blocks] == ["要抓好生产。"]
    assert {r.author for r in draft.review.revisions} == {"张三", "李四"}


def _with_comments_part(path, comments_xml: bytes, out):
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/comments.xml", comments_xml)


def test_a_damaged_comments_part_is_refused_with_a_message(tmp_path, capsys):
    good = _reviewed(tmp_path)
    bad = tmp_path / "批注损坏.docx"
    _with_comments_part(good, b"<w:comments xmlns:w='http://schemas.openxmlformats.org/wordprocessingml"
                              b"/2006/main'><w:comment w:id='0'><w:p>", bad)
    with pytest.raises(DrafterError, match="批注部分.*已损坏"):
        read_review(bad)
    assert main(["parse", str(bad), "--json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "批注" in err[0] and str(bad) in err[0]


def test_a_comment_spanning_paragraphs_is_read_with_its_text(tmp_path):
    document = docx.Document()
    first = document.add_paragraph("今年以来全市安全形势平稳。")
    second = document.add_paragraph("各级要把责任落实到岗到人。")
    document.add_comment([first.runs[0], second.runs[0]], text="两段合并？", author="赵六", initials="赵")
    path = tmp_path / "批注.docx"
    document.save(path)
    draft = read_review(path)
    (comment,) = draft.review.comments
    assert comment.author == "赵六" and comment.text == "两段合并？"
    assert comment.anchor == "今年以来全市安全形势平稳。\n各级要把责任落实到岗到人。"
    assert (comment.paragraph, comment.end_paragraph) == (1, 2)


def test_parse_json_lists_revisions_and_comments(tmp_path, capsys):
    path = _reviewed(tmp_path, authors=("张三", "李四"))
    assert main(["parse", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = [(r["kind"], r["author"], r["text"]) for r in data["revisions"]]
    assert ("del", "张三", "总体") in kinds and ("ins", "李四", "持续") in kinds
    assert all(r["where"]["paragraph"] >= 1 and r["date"] == DATE for r in data["revisions"])
    assert data["comments"] == []


def test_exporting_a_reviewed_draft_writes_the_marks_back(tmp_path, capsys):
    draft = read_review(_reviewed(tmp_path, authors=("张三", "李四")))
    out = tmp_path / "再导出.docx"
    warnings = export_draft(draft, out)
    assert any("未接受任何修订" in w for w in warnings)
    again = read_review(out)
    key = lambda r: (r.kind, r.author, r.date, r.text)
    assert sorted(map(key, again.review.revisions)) == sorted(map(key, draft.review.revisions))
    assert again == draft and again.review.accepted == draft.review.accepted


def _without_comments(path):
    out = path.with_name("无批注" + path.name)
    document = docx.Document(path)
    for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
        for el in list(document.element.body.iter(qn(tag))):
            el.getparent().remove(el)
    document.save(out)
    return out


@pytest.mark.slow
@pytest.mark.skipif(libreoffice.uno_python() is None, reason="LibreOffice with python3-uno not installed")
def test_round_trip_of_a_speech_reviewed_in_libreoffice(tmp_path):
    """Tracked changes made by LibreOffice (its redlining, headless, author from its user
    profile) on a real speech; comments added with python-docx (LibreOffice 7.4's -nogui build
    aborts when a document with comments is open through UNO: it lacks the annotation.ui its
    comment windows are built from; test_docx_review_lo.py has LibreOffice make the comments
    through its command-line conversion instead); read, exported again: the same revisions and
    comments, and LibreOffice's accept-all gives the same text for both files."""
    old = parse_file(SPEECHES[1])
    original = tmp_path / "送审稿.docx"
    export_draft(old, original)
    spec = {"author": "王审稿",
            "replace": [["不变本色", "鲜明本色"], ["带头强化理论武装", "带头加强理论武装"]],
            "insert_after": [["忠诚，既是一种境界，更是一种行动。", "对党忠诚必须体现在具体行动上。"]],
            "delete": ["是中华文化和中国精神的时代精华，"]}
    (tmp_path / "spec.json").write_text(json.dumps(spec, ensure_ascii=False), "utf-8")
    marked = tmp_path / "修改稿.docx"
    libreoffice.run("markup", str(original), str(marked), str(tmp_path / "spec.json"))
    document = docx.Document(marked)
    paragraphs = document.paragraphs
    document.add_comment(paragraphs[1].runs[0], text="开头是否再简练些？", author="李主任", initials="李")
    document.add_comment([paragraphs[3].runs[-1], paragraphs[4].runs[0]], text="两段衔接要顺。", author="王审稿")
    reviewed = tmp_path / "审阅稿.docx"
    document.save(reviewed)

    draft = read_review(reviewed)
    assert draft == old  # the text as it was sent, nothing accepted
    review = draft.review
    assert {r.author for r in review.revisions} == {"王审稿"} and len(review.revisions) == 6
    assert [c.author for c in review.comments] == ["李主任", "王审稿"]
    assert review.comments[1].paragraph < review.comments[1].end_paragraph

    again_path = tmp_path / "再导出.docx"
    export_draft(draft, again_path)
    again = read_review(again_path)
    key = lambda r: (r.kind, r.author, r.date, r.text)
    assert sorted(map(key, again.review.revisions)) == sorted(map(key, review.revisions))
    assert [(c.author, c.text, c.anchor) for c in again.review.comments] == \
        [(c.author, c.text, c.anchor) for c in review.comments]
    assert again == draft and again.review.accepted == review.accepted
    # UNO cannot open a file with comments in that build (see above): LibreOffice resolves copies
    # whose comment marks are taken out (the revisions are untouched)
    lo_reviewed = libreoffice.run("resolve", str(_without_comments(reviewed)))
    lo_again = libreoffice.run("resolve", str(_without_comments(again_path)))
    assert [t for _s, t in lo_again["accept"]] == [t for _s, t in lo_reviewed["accept"]]
    assert [t for _s, t in lo_again["reject"]] == [t for _s, t in lo_reviewed["reject"]]
    assert lo_again["redlines"] > 0


def test_plain_text_export_of_a_reviewed_draft_says_the_marks_are_not_in_it(tmp_path):
    draft = read_review(_reviewed(tmp_path))
    warnings = export_draft(draft, tmp_path / "纯文本.txt")
    assert any("修订和批注未写入" in w for w in warnings)
    assert "持续" not in (tmp_path / "纯文本.txt").read_text("utf-8")


def test_revisions_without_ids_are_still_decided_one_by_one(tmp_path):
    path = _reviewed(tmp_path, authors=("张三", "李四"))
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b' w:id="', b' w:x="')
    stripped = tmp_path / "无编号.docx"
    with zipfile.ZipFile(stripped, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    draft = read_review(stripped)
    ids = [r.id for r in draft.review.revisions]
    assert len(ids) == 6 == len(set(ids))
    first_insert = next(r for r in draft.review.revisions if r.kind == "ins")
    one = decide(draft, [first_insert.id], accept=True)
    assert sum("持续" in b.text + b.body for b in one.blocks) == 1


def test_a_draft_edited_after_reading_keeps_its_edits(tmp_path):
    draft = read_review(_reviewed(tmp_path))
    draft.blocks[0].text += "（改）"
    with pytest.raises(DrafterError, match="第 1 段.*已改动"):   # a revision in the paragraph the writer edited
        decide(draft, None, accept=True)
    out = tmp_path / "改后.docx"
    warnings = export_draft(draft, out)
    assert any("修订未写回" in w for w in warnings)
    again = read_review(out)
    assert "（改）" in again.blocks[0].text and not (again.review and again.review.revisions)
