"""Length and speaking time of a draft for the status bar and the outline, counted by the
same rule and rate as the 审校 length check."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.core.model import Draft
from drafter.core.vocab import SPEAKING_RATE, speaking_minutes, spoken_chars

__all__ = ["SPEAKING_RATE", "Stats", "block_chars", "draft_stats"]


@dataclass(frozen=True)
class Stats:
    chars: int
    minutes: float

    @property
    def minutes_label(self) -> str:
        if not self.chars:
            return "0 分钟"
        return "不到 1 分钟" if self.minutes < 1 else f"{self.minutes:.0f} 分钟"


def block_chars(draft: Draft, start: int = 0, end: int | None = None) -> int:
    return sum(spoken_chars(b.text) + spoken_chars(b.body) for b in draft.blocks[start:end])


def draft_stats(draft: Draft, rate: int | None = None) -> Stats:
    """Characters read aloud (the body, as the length check counts them) and minutes."""
    chars = block_chars(draft)
    return Stats(chars, speaking_minutes(chars, rate or SPEAKING_RATE))
