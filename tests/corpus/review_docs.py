"""A real speech as a reviewer sends it back from Word: Drafter's print .docx of
resources/corpus/001 with two comments (one on a few words, one running across two
paragraphs, one on a heading) and two tracked changes (a deletion and an insertion) by two reviewers."""

from __future__ import annotations

import copy

import docx
from docx.oxml.ns import qn
from docx.text.run import Run

from drafter.corpus.documents import parse_file
from drafter.export import export_draft
from tests.compare.edits import SPEECHES

DATE = "2026-11-20T09:30:00Z"
COMMENTED = "不变本色"
DELETED = "是中华文化和中国精神的时代精华，"
INSERT_AFTER, INSERTED = "忠诚，既是一种境界，更是一种行动。", "对党忠诚必须体现在具体行动上。"
SPAN_START, SPAN_END = "让旗帜更鲜明", "坚持对党绝对忠诚"
MOVED = "严格遵守纪律规矩"      # a heading of level 2, whose section can be moved


def split_run(paragraph, needle: str):
    """The w:r holding exactly ``needle`` (its run split around it)."""
    for run in paragraph.runs:
        text = run.text
        if needle not in text:
            continue
        at = text.index(needle)
        before, after = text[:at], text[at + len(needle):]
        element = run._r
        if after:
            tail = copy.deepcopy(element)
            Run(tail, paragraph).text = after
            element.addnext(tail)
        if before:
            middle = copy.deepcopy(element)
            Run(middle, paragraph).text = needle
            element.addnext(middle)
            run.text = before
            return middle
        run.text = needle
        return element
    raise AssertionError(f"not in one run: {needle}")


def _wrap(tag: str, author: str, rid: int):
    wrapper = docx.oxml.OxmlElement(f"w:{tag}")
    for name, value in (("w:id", str(rid)), ("w:author", author), ("w:date", DATE)):
        wrapper.set(qn(name), value)
    return wrapper


def _paragraph(document, needle: str):
    return next(p for p in document.paragraphs if needle in p.text)


def reviewed_speech(folder):
    """(path of the reviewed .docx, the draft as sent)."""
    sent = parse_file(SPEECHES[1])
    original = folder / "送审稿.docx"
    export_draft(sent, original)
    document = docx.Document(original)
    p = _paragraph(document, COMMENTED)
    document.add_comment(Run(split_run(p, COMMENTED), p), text="“本色”前后是否再斟酌？", author="李主任", initials="李")
    first, second = _paragraph(document, SPAN_START), _paragraph(document, SPAN_END)
    runs = [Run(split_run(first, SPAN_START), first), Run(split_run(second, SPAN_END), second)]
    document.add_comment(runs, text="标题与第一条衔接要顺。", author="王审稿", initials="王")
    p = _paragraph(document, MOVED)
    document.add_comment(Run(split_run(p, MOVED), p), text="这一条放前面？", author="张科长", initials="张")
    p = _paragraph(document, DELETED)
    gone = split_run(p, DELETED)
    wrapper = _wrap("del", "王审稿", 901)
    gone.addprevious(wrapper)
    wrapper.append(gone)
    for t in gone.iter(qn("w:t")):
        t.tag = qn("w:delText")
    p = _paragraph(document, INSERT_AFTER)
    anchor = split_run(p, INSERT_AFTER)
    added = copy.deepcopy(anchor)
    Run(added, p).text = INSERTED
    wrapper = _wrap("ins", "张科长", 902)
    wrapper.append(added)
    anchor.addnext(wrapper)
    path = folder / "审阅稿.docx"
    document.save(path)
    return path, sent
