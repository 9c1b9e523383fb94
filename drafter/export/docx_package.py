"""The .docx package around a speech's body: the fixed parts (content types, relationships,
settings, the empty headers) kept as files in ``resources/docx/``, and the parts made for each
document — page setup, page-number footers, the font table, the document properties — written
as XML text and zipped.  No XML library: the export path stays cheap to start.

Relationship ids of ``word/_rels/document.xml.rels`` used here: rId4/rId5 the odd/even
headers, rId6/rId7 the odd/even footers.
"""

from __future__ import annotations

import datetime
import time
import zipfile
from io import BytesIO
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.paths import package_root
from drafter.export.docx_styles import PAGE_NUMBER
from drafter.export.fonts import FALLBACKS, FontSet
from drafter.export.profiles import Profile
from drafter.export.xmltext import R_NS, W_NS, escape, quoted

#: The fixed parts, laid out as they stand in the package.
SKELETON = ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/settings.xml",
            "word/header1.xml", "word/header2.xml")

_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def skeleton_dir() -> Path:
    return package_root() / "resources" / "docx"


def section_xml(profile: Profile) -> str:
    """``w:sectPr``: odd/even headers and footers, A4 and the margins of the profile, and the
    line grid (children in schema order, CT_SectPr)."""
    p = profile
    return ('<w:sectPr><w:headerReference w:type="default" r:id="rId4"/>'
            '<w:headerReference w:type="even" r:id="rId5"/><w:footerReference w:type="default" r:id="rId6"/>'
            '<w:footerReference w:type="even" r:id="rId7"/>'
            f'<w:pgSz w:w="{p.page_width}" w:h="{p.page_height}"/>'
            f'<w:pgMar w:top="{p.top}" w:right="{p.right}" w:bottom="{p.bottom}" w:left="{p.left}" '
            f'w:header="{p.header}" w:footer="{p.footer}" w:gutter="0"/>'
            f'<w:cols w:space="720"/><w:docGrid w:type="lines" w:linePitch="{p.line_pitch}"/></w:sectPr>')


def document_xml(body: str, profile: Profile) -> str:
    return (f'{_DECLARATION}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}'
            f"{section_xml(profile)}</w:body></w:document>")


def footer_xml(profile: Profile, align: str) -> str:
    """A page-number footer: — PAGE — in the page-number style, one character in from the
    edge of the 版心 (right on odd pages, left on even ones)."""
    indent = round(profile.footer_pt * 20)
    left, right = (0, indent) if align == "right" else (indent, 0)

    def text(value: str) -> str:
        return f'<w:r><w:t xml:space="preserve">{value}</w:t></w:r>'

    def char(kind: str) -> str:
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    return (f'{_DECLARATION}<w:ftr xmlns:w="{W_NS}"><w:p><w:pPr><w:pStyle w:val="{PAGE_NUMBER}"/>'
            f'<w:ind w:left="{left}" w:right="{right}" w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr>'
            f'{text("— ")}{char("begin")}<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'{char("separate")}{text("1")}{char("end")}{text(" —")}</w:p></w:ftr>')


def font_table_xml(fonts: FontSet) -> str:
    """``word/fontTable.xml``: each font of the set (GB2312 charset) with the font Word and WPS
    draw in when it is missing (``w:altName``)."""
    entries = []
    for name in dict.fromkeys((fonts.title, fonts.kai, fonts.hei, fonts.fang, fonts.song)):
        alternate = FALLBACKS.get(name)
        alt = f"<w:altName w:val={quoted(alternate)}/>" if alternate else ""
        entries.append(f'<w:font w:name={quoted(name)}>{alt}<w:charset w:val="86"/><w:family w:val="modern"/>'
                       '<w:pitch w:val="fixed"/></w:font>')
    return f'{_DECLARATION}<w:fonts xmlns:w="{W_NS}">{"".join(entries)}</w:fonts>'


def core_xml(title: str, subject: str, author: str, now: datetime.datetime) -> str:
    """``docProps/core.xml``: the title, the occasion as subject, the author (the user's
    setting) as creator and last editor, created and modified now (UTC), revision 1."""
    stamp = now.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (f'{_DECLARATION}<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:subject>{escape(subject)}</dc:subject>"
            f"<dc:creator>{escape(author)}</dc:creator><cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy>"
            "<cp:revision>1</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')


def app_xml(application: str) -> str:
    """``docProps/app.xml`` naming ``application``."""
    return (f'{_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Application>{escape(application)}</Application><DocSecurity>0</DocSecurity></Properties>")


def zip_package(parts: dict[str, str]) -> bytes:
    """The .docx: the skeleton's parts (content types first), then ``parts``, deflated."""
    folder = skeleton_dir()
    stamp = time.localtime()[:6]
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

        for name in SKELETON:
            try:
                add(name, (folder / name).read_bytes())
            except OSError:
                raise DrafterError("导出失败：程序文件不完整（缺少 Word 文件的组成部分），请重新安装 Drafter",
                                   folder / name) from None
        for name, text in parts.items():
            add(name, text.encode("utf-8"))
    return buffer.getvalue()
