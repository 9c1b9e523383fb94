"""What every extractor gives: a phrase candidate of one category.

A candidate is a construction as it stands in the text (its members joined by the
punctuation that separates them), the paragraph it came from, and for frames the text with
its slot marked (``以{X}体现忠诚、以{X}成就事业、以{X}造福人民``).
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.miner.text import Paragraph


@dataclass(frozen=True)
class Candidate:
    text: str
    category: str
    file: str
    paragraph: int
    role: str
    frame: str = ""
    slots: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # 数字概括: what the numbered concept stands for


def make_candidate(par: Paragraph, text: str, category: str, frame: str = "",
                   slots: tuple[str, ...] = (), members: tuple[str, ...] = ()) -> Candidate:
    return Candidate(balance_quotes(text), category, par.file, par.index, par.role,
                     balance_quotes(frame) if frame else "", slots, members)


def balance_quotes(text: str) -> str:
    """Drop a stray opening or closing quote left by cutting a series out of a sentence."""
    if text.count("“") != text.count("”"):
        if text.startswith("“") and "”" not in text:
            return text[1:]
        if text.endswith("”") and "“" not in text:
            return text[:-1]
        if text.endswith("”") and text.count("”") > text.count("“"):
            return text[:-1]
        if text.startswith("“") and text.count("“") > text.count("”"):
            return text[1:]
    return text


def join_members(members: list[str], seps: list[str]) -> str:
    out = []
    for i, member in enumerate(members):
        out.append(member)
        if i < len(members) - 1:
            out.append(seps[i])
    return "".join(out)
