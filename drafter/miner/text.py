"""Text utilities for the miner: reading a corpus, splitting paragraphs into sentences and
clauses, and small string helpers shared by the extractors."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CJK = re.compile(r"[\u4e00-\u9fff]")
SENTENCE_END = "。！？；"
CLAUSE_SEP = "，、；：,;:"
_SENTENCE_RE = re.compile(r"[^。！？；!?]+[。！？；!?]?")
_CLAUSE_RE = re.compile(r"[，、；：,;:。！？!?]")
_QUOTES = "“”\"‘’「」"

#: words that start a sentence but are not part of a rhetorical frame.
FUNCTION_CHARS = set("的了和与及而并或在把将对以向为于从由")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of one corpus file, with the role of the part it belongs to."""

    file: str
    index: int          # 1-based paragraph (line) number in the file
    text: str
    role: str = "other"
    heading: str = ""   # the heading sentence when the paragraph is a numbered point
    level: int = 0


_ASCII_PUNCT = re.compile(r"(?<![0-9A-Za-z])[,;:?!](?![0-9A-Za-z])|(?<=[0-9])[,;](?=[\u4e00-\u9fff“])"
                          r"|(?<=[\u4e00-\u9fff”])[,;:](?=[0-9])")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PARENS = re.compile(r"\(([^()]{0,40})\)")


def clean(text: str) -> str:
    """Strip the full-width and ordinary spaces used as indentation; ASCII punctuation in
    Chinese text (web pages write 用“闯”的精神,“创”的劲头) becomes full-width, so clauses split
    alike whatever the source typed (1,000 and 10:30 stay as they are)."""
    text = text.replace("\u3000", "").replace("\t", "").strip()
    if cjk_ratio(text) < 0.3:
        return text
    text = _ASCII_PUNCT.sub(lambda m: _FULL[m.group(0)], text)
    return _PARENS.sub(lambda m: f"（{m.group(1)}）" if any(is_cjk(c) for c in m.group(1)) else m.group(0), text)


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def cjk_ratio(text: str) -> float:
    if not text:
        return 0.0
    return sum(len(m) for m in _CJK_RUN.findall(text)) / len(text)


def all_cjk(text: str) -> bool:
    return _CJK_RUN.fullmatch(text) is not None


_QUOTE_CHARS = re.compile(f"[{_QUOTES}]")


def strip_quotes(text: str) -> str:
    return _QUOTE_CHARS.sub("", text) if _QUOTE_CHARS.search(text) else text


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph, each with its closing punctuation."""
    return [s for s in (m.group(0).strip() for m in _SENTENCE_RE.finditer(text)) if s]


def clauses(sentence: str) -> list[tuple[str, str]]:
    """Clauses of a sentence as (text, separator that follows it)."""
    result = []
    pos = 0
    for m in _CLAUSE_RE.finditer(sentence):
        result.append((sentence[pos:m.start()], m.group(0)))
        pos = m.end()
    if pos < len(sentence):
        result.append((sentence[pos:], ""))
    return result


def common_prefix(items: list[str]) -> str:
    if not items:
        return ""
    first = min(items, key=len)
    n = 0
    while n < len(first) and all(item[n] == first[n] for item in items):
        n += 1
    return first[:n]


def common_suffix(items: list[str]) -> str:
    return common_prefix([item[::-1] for item in items])[::-1]


def aligned_shared(items: list[str]) -> int:
    """Positions at which all (equal-length) items have the same character."""
    if len({len(item) for item in items}) != 1:
        return 0
    return sum(1 for chars in zip(*items) if len(set(chars)) == 1)
