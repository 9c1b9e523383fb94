"""Resolve the effective run and paragraph properties of a .docx the way Word does:
document defaults, then the paragraph style chain (basedOn), then the run's character style
chain, then direct formatting.  Used to check what font and size text really gets."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(name: str) -> str:
    return f"{{{W}}}{name}"


def part(path: Path, name: str):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


@dataclass
class RunProps:
    east_asia: str | None = None
    ascii: str | None = None
    theme: bool = False
    size_pt: float | None = None
    bold: bool = False
    spacing: int = 0


def _apply_rpr(props: RunProps, rpr) -> None:
    if rpr is None:
        return
    fonts = rpr.find(q("rFonts"))
    if fonts is not None:
        if fonts.get(q("eastAsia")) is not None:
            props.east_asia = fonts.get(q("eastAsia"))
        if fonts.get(q("ascii")) is not None:
            props.ascii = fonts.get(q("ascii"))
        if any(fonts.get(q(a)) for a in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme")):
            props.theme = True
    sz = rpr.find(q("sz"))
    if sz is not None:
        props.size_pt = int(sz.get(q("val"))) / 2
    b = rpr.find(q("b"))
    if b is not None:
        props.bold = b.get(q("val"), "1") not in ("0", "false")
    sp = rpr.find(q("spacing"))
    if sp is not None:
        props.spacing = int(sp.get(q("val")))


class Styles:
    def __init__(self, docx: Path):
        self.root = part(docx, "word/styles.xml")
        self.by_id = {s.get(q("styleId")): s for s in self.root.findall(q("style"))}
        self.default_para = next((s.get(q("styleId")) for s in self.root.findall(q("style"))
                                  if s.get(q("type")) == "paragraph" and s.get(q("default")) == "1"), None)

    def chain(self, style_id: str | None) -> list:
        """The style and its ancestors, root first."""
        out = []
        while style_id and style_id in self.by_id and len(out) < 20:
            style = self.by_id[style_id]
            out.insert(0, style)
            based = style.find(q("basedOn"))
            style_id = based.get(q("val")) if based is not None else None
        return out

    def run_props(self, paragraph, run) -> RunProps:
        props = RunProps()
        _apply_rpr(props, self.root.find("w:docDefaults/w:rPrDefault/w:rPr", NS))
        pstyle = paragraph.find("w:pPr/w:pStyle", NS)
        for style in self.chain(pstyle.get(q("val")) if pstyle is not None else self.default_para):
            _apply_rpr(props, style.find(q("rPr")))
        rstyle = run.find("w:rPr/w:rStyle", NS)
        if rstyle is not None:
            for style in self.chain(rstyle.get(q("val"))):
                _apply_rpr(props, style.find(q("rPr")))
        _apply_rpr(props, run.find(q("rPr")))
        return props

    def para_prop(self, paragraph, path: str, attr: str) -> str | None:
        """The effective attribute ``attr`` of pPr child ``path`` (e.g. "ind", "firstLineChars")."""
        value = None
        defaults = self.root.find("w:docDefaults/w:pPrDefault/w:pPr", NS)
        sources = [defaults] if defaults is not None else []
        pstyle = paragraph.find("w:pPr/w:pStyle", NS)
        sources += [s.find(q("pPr")) for s in self.chain(pstyle.get(q("val")) if pstyle is not None
                                                           else self.default_para)]
        sources.append(paragraph.find(q("pPr")))
        for ppr in sources:
            if ppr is None:
                continue
            el = ppr.find(q(path))
            if el is not None and el.get(q(attr)) is not None:
                value = el.get(q(attr))
        return value


def body_paragraphs(docx: Path) -> list:
    return part(docx, "word/document.xml").findall("w:body/w:p", NS)


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(q("t")))
