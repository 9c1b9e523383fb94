"""The writer that writes its XML as text makes the same page as the python-docx writer it
replaced (``previous_writer``): paragraph by paragraph the same text, style, effective fonts,
sizes, bold, character spacing, indents, alignment, line spacing and typesetting flags; the
same page setup and page-number footers; and both read back through our reader to the same
draft."""

from __future__ import annotations

import pytest

from drafter.corpus.documents import parse_file
from drafter.corpus.docx_reader import read_docx
from drafter.export.docx_writer import docx_bytes
from tests.export import previous_writer
from tests.export.conftest import CORPUS, sample_draft
from tests.export.docxprops import NS, Styles, body_paragraphs, part, q

#: Paragraph properties compared: (pPr child, attribute).
PARAGRAPH_PROPS = [("ind", a) for a in ("left", "right", "firstLine", "firstLineChars")] + [
    ("jc", "val"), ("spacing", "line"), ("spacing", "lineRule"), ("spacing", "before"), ("spacing", "after"),
    ("keepNext", "val"), ("keepLines", "val"), ("widowControl", "val"), ("kinsoku", "val"),
    ("overflowPunct", "val"), ("autoSpaceDE", "val"), ("autoSpaceDN", "val"), ("snapToGrid", "val"),
    ("outlineLvl", "val")]


def tricky_draft():
    """A long title naming the speaker, characters XML must escape or cannot hold, a heading
    whose body is empty."""
    draft = sample_draft()
    draft.title = "市长张三在全市党风廉政建设暨警示教育大会和2024年廉政工作会议上的讲话（讨论稿）"
    draft.blocks[0].text = "A&B <公司> \"引号\" 'x' 与\x01控制符\t制表符，R&D<5%>。"
    draft.blocks[2].body = ""
    return draft


def drafts():
    yield "sample", sample_draft()
    yield "tricky", tricky_draft()
    for path in CORPUS:
        yield path.stem, parse_file(path)


CASES = [(name, draft, profile, fonts, bold)
         for name, draft in drafts()
         for profile, fonts, bold in (("print", "gb2312", False), ("read-aloud", "gb2312", False))]
CASES += [("sample", sample_draft(), "print", fonts, bold)
          for fonts, bold in (("windows", False), ("founder", False), ("gb2312", True))]


def described(path, paragraph, styles: Styles) -> dict:
    """What the page shows of one paragraph: its text, style, each run's effective properties
    and the effective paragraph properties."""
    runs = []
    for r in paragraph.findall("w:r", NS):
        text = "".join(t.text or "" for t in r.iter(q("t"))) + ("\n" if r.find(q("br")) is not None else "")
        props = styles.run_props(paragraph, r)
        runs.append((text, props.east_asia, props.ascii, props.theme, props.size_pt, props.bold, props.spacing))
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return {"style": style.get(q("val")) if style is not None else None, "runs": runs,
            "props": {f"{p}.{a}": styles.para_prop(paragraph, p, a) for p, a in PARAGRAPH_PROPS}}


def page(path) -> dict:
    """The page setup and the footers, as attribute dictionaries and described paragraphs."""
    sect = part(path, "word/document.xml").find("w:body/w:sectPr", NS)
    setup = {child.tag: dict(child.attrib) for child in sect
             if child.tag in (q("pgSz"), q("pgMar"), q("docGrid"))}
    refs = sorted(child.get(q("type")) + child.tag for child in sect
                  if child.tag in (q("headerReference"), q("footerReference")))
    styles = Styles(path)
    footers = []
    for name in ("word/footer1.xml", "word/footer2.xml"):
        footers.append([described(path, p, styles) for p in part(path, name).findall("w:p", NS)])
    return {"setup": setup, "refs": refs, "footers": footers}


@pytest.mark.parametrize("name, draft, profile, fonts, bold", CASES,
                         ids=[f"{c[0]}-{c[2]}-{c[3]}{'-bold' if c[4] else ''}" for c in CASES])
def test_new_writer_makes_the_same_page_as_the_python_docx_writer(tmp_path, name, draft, profile, fonts, bold):
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    old.write_bytes(previous_writer.docx_bytes(draft, profile, fonts, bold, "李四"))
    new.write_bytes(docx_bytes(draft, profile, fonts, bold, "李四"))
    old_styles, new_styles = Styles(old), Styles(new)
    old_paragraphs, new_paragraphs = body_paragraphs(old), body_paragraphs(new)
    assert len(new_paragraphs) == len(old_paragraphs) > 3
    for number, (a, b) in enumerate(zip(old_paragraphs, new_paragraphs)):
        assert described(new, b, new_styles) == described(old, a, old_styles), f"paragraph {number}"
    assert page(new) == page(old)
    assert read_docx(new) == read_docx(old)
