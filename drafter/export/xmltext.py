"""Text as it goes into the XML of a .docx written as strings: escaping, and the characters
XML 1.0 cannot hold at all."""

from __future__ import annotations

import re

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Characters XML 1.0 cannot hold (C0 controls except tab/newline/CR, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"[\r\n\t]+")


def clean_text(text: str) -> str:
    """Text as it can go into a run: no XML-invalid characters, no line breaks or tabs."""
    return _BREAKS.sub(" ", _NOT_XML.sub("", text))


def escape(text: str) -> str:
    """Character data: ``&``, ``<`` and ``>`` escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str) -> str:
    """An attribute value to go between double quotes."""
    return escape(_NOT_XML.sub("", value)).replace('"', "&quot;")


def quoted(value: str) -> str:
    return f'"{attr(value)}"'
