"""Word import: automatic list numbering (numbering.xml levels and formats), heading styles,
tracked changes; files made with python-docx and with LibreOffice; broken numbering parts."""

import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from drafter.cli import main
from drafter.corpus.docx_reader import read_docx, read_word
from drafter.corpus.render import render_lines

W = nsdecls("w")


def _lvl(ilvl, fmt, text, start=1):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def _add_list(document, abstract_id, num_id, levels):
    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {W} w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>')
    numbering.insert(0, abstract)
    numbering.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))


def _numbered(document, text, num_id, ilvl, style=None):
    paragraph = document.add_paragraph(text, style=style)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


CHINESE = [_lvl(0, "chineseCounting", "%1、"), _lvl(1, "chineseCounting", "（%2）"), _lvl(2, "decimal", "%3.")]


def test_list_numbering_without_heading_styles(tmp_path):
    document = docx.Document()
    document.add_paragraph("同志们：")
    document.add_paragraph("今天召开会议。")
    _add_list(document, 90, 91, CHINESE)
    _numbered(document, "关于经济工作", 91, 0)
    _numbered(document, "认清形势。上半年完成了目标，增长10%。", 91, 1)
    _numbered(document, "抓项目。要加快推进。", 91, 2)
    _numbered(document, "抓招商。要突出重点。", 91, 2)
    _numbered(document, "盯住重点。要抓好落实。", 91, 1)
    _numbered(document, "关于作风建设", 91, 0)
    _numbered(document, "严守纪律。", 91, 1)
    path = tmp_path / "numbered.docx"
    document.save(path)
    draft = read_docx(path)
    heads = [(b.level, b.source_marker, b.text) for b in draft.blocks if b.is_heading]
    assert heads == [(1, "一、", "关于经济工作"), (2, "（一）", "认清形势。"), (3, "1.", "抓项目。"),
                     (3, "2.", "抓招商。"), (2, "（二）", "盯住重点。"), (1, "二、", "关于作风建设"),
                     (2, "（一）", "严守纪律。")]
    assert draft.numbering[1] == "一、" and draft.numbering[2] == "（一）"
    assert [b.role for b in draft.blocks if b.is_heading and b.level == 1] == ["tasks", "conduct"]
    # a plain re-export prints exactly the numbers Word showed
    assert [line for line in render_lines(draft) if line[:1] in "一二（12"][:3] == [
        "一、关于经济工作", "（一）认清形势。上半年完成了目标，增长10%。", "1.抓项目。要加快推进。"]


def test_heading_styles_with_numbering_ideographs_and_a_restart(tmp_path):
    document = docx.Document()
    _add_list(document, 80, 81, [_lvl(0, "ideographTraditional", "%1、"), _lvl(1, "decimal", "（%2）")])
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(f'<w:num {W} w:numId="82"><w:abstractNumId w:val="80"/>'
                               '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    _numbered(document, "总体要求", 81, 0, style="Heading 1")
    document.add_paragraph("正文。")
    _numbered(document, "抓项目", 81, 1, style="Heading 2")
    _numbered(document, "抓招商", 81, 1, style="Heading 2")
    _numbered(document, "重点任务", 81, 0, style="Heading 1")
    _numbered(document, "抓改革", 82, 1, style="Heading 2")
    document.add_paragraph("未编号的标题", style="Heading 1")
    path = tmp_path / "styled.docx"
    document.save(path)
    draft = read_docx(path)
    heads = [(b.level, b.source_marker, b.text) for b in draft.blocks if b.is_heading]
    assert heads == [(1, "甲、", "总体要求"), (2, "（1）", "抓项目"), (2, "（2）", "抓招商"),
                     (1, "乙、", "重点任务"), (2, "（1）", "抓改革"), (1, "", "未编号的标题")]
    assert draft.markers() == ["甲、", "", "（1）", "（2）", "乙、", "（1）", ""]  # no invented marker


def test_tracked_changes_are_not_accepted_silently(tmp_path):
    document = docx.Document()
    document.add_paragraph("同志们：")
    paragraph = document.add_paragraph("今年要")
    paragraph._p.append(parse_xml(f'<w:ins {W} w:id="1" w:author="审稿人" w:date="2024-01-01T00:00:00Z">'
                                  '<w:r><w:t>全力</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {W} w:id="2" w:author="审稿人" w:date="2024-01-01T00:00:00Z">'
                                  '<w:r><w:delText>努力</w:delText></w:r></w:del>'))
    paragraph.add_run("完成任务。")
    path = tmp_path / "revised.docx"
    document.save(path)
    paragraphs, _ours, _problems = read_word(path)
    assert paragraphs[1].text == "今年要努力完成任务。"  # as it stood before the revisions
    assert paragraphs[1].revisions == [("ins", "全力"), ("del", "努力")]
    draft = read_docx(path)
    assert any("修订" in doubt for doubt in draft.doubts)


def _broken(tmp_path, numbering_xml):
    document = docx.Document()
    _add_list(document, 70, 71, CHINESE)
    document.add_paragraph("同志们：")
    _numbered(document, "关于经济工作", 71, 0)
    document.add_paragraph("正文。")
    source = tmp_path / "source.docx"
    document.save(source)
    target = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            if item.filename == "word/numbering.xml":
                if numbering_xml is None:
                    continue
                zout.writestr(item, numbering_xml)
            elif item.filename == "word/_rels/document.xml.rels" and numbering_xml is None:
                rels = zin.read(item).decode("utf-8")
                zout.writestr(item, re.sub(r'<Relationship [^>]*numbering\.xml"/>', "", rels))
            else:
                zout.writestr(item, zin.read(item))
    return target


def test_missing_numbering_part_is_noted_and_nothing_is_lost(tmp_path):
    target = _broken(tmp_path, None)
    draft = read_docx(target)
    assert [b.text for b in draft.blocks] == ["关于经济工作", "正文。"]
    assert any("编号" in doubt for doubt in draft.doubts)


def test_cyclic_numbering_links_are_cut(tmp_path):
    cyclic = (f'<w:numbering {W}>'
              '<w:abstractNum w:abstractNumId="70"><w:numStyleLink w:val="ListA"/></w:abstractNum>'
              '<w:abstractNum w:abstractNumId="72"><w:numStyleLink w:val="ListB"/></w:abstractNum>'
              '<w:num w:numId="71"><w:abstractNumId w:val="70"/></w:num>'
              '<w:num w:numId="73"><w:abstractNumId w:val="72"/></w:num></w:numbering>')
    target = _broken(tmp_path, cyclic)
    styles = (f'<w:style {W} w:type="numbering" w:styleId="ListA"><w:name w:val="ListA"/><w:pPr><w:numPr>'
              '<w:numId w:val="73"/></w:numPr></w:pPr></w:style>',
              f'<w:style {W} w:type="numbering" w:styleId="ListB"><w:name w:val="ListB"/><w:pPr><w:numPr>'
              '<w:numId w:val="71"/></w:numPr></w:pPr></w:style>')
    document = docx.Document(str(target))
    for xml in styles:
        document.styles.element.append(parse_xml(xml))
    document.save(target)
    draft = read_docx(target)
    assert "关于经济工作" in [b.text for b in draft.blocks]
    assert any("循环" in doubt for doubt in draft.doubts)


def test_garbled_numbering_part_is_a_clear_message(tmp_path, capsys):
    target = _broken(tmp_path, "<w:numbering")
    assert main(["parse", str(target)]) == 2
    err = capsys.readouterr().err
    assert "broken.docx" in err and "Traceback" not in err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_file_made_by_libreoffice(tmp_path):
    html = tmp_path / "speech.html"
    html.write_text(
        "<html><head><meta charset='utf-8'></head><body><p>同志们：</p><p>今天召开会议。</p>"
        "<h1>一、关于经济工作</h1><p>上半年，全市完成了目标，增长10%。</p>"
        "<ol><li>抓项目建设。要加快推进。</li><li>抓招商引资。要突出重点。</li></ol>"
        "<h1>二、关于作风建设</h1><ol><li>严守纪律。正文。</li><li>改进作风。正文。</li></ol>"
        "<p>同志们，让我们团结奋斗！</p></body></html>", encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path),
                    str(html)], check=True, capture_output=True, timeout=180)
    draft = read_docx(tmp_path / "speech.docx")
    heads = [(b.level, b.source_marker, b.text) for b in draft.blocks if b.is_heading]
    assert heads == [(1, "一、", "关于经济工作"), (2, "1.", "抓项目建设。"), (2, "2.", "抓招商引资。"),
                     (1, "二、", "关于作风建设"), (2, "1.", "严守纪律。"), (2, "2.", "改进作风。")]
    assert draft.salutation == "同志们："
    assert draft.blocks[-1].role == "closing"
    with zipfile.ZipFile(tmp_path / "speech.docx") as archive:  # LibreOffice numbered the items
        assert "w:numPr" in archive.read("word/document.xml").decode("utf-8")
