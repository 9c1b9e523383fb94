"""Recall on real speeches outside the seed corpus: the constructions a professional
hand-harvested (tests/data/real/harvest.yaml) that `drafter mine` finds in the same speeches."""

import re
from pathlib import Path

import pytest
import yaml

from drafter.miner import build

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
_PUNCT = re.compile(r"[，,、；;。：:\s“”\"]")


_MARKER = re.compile(r"^(?:第[一二三四五六七八九十]+|其[一二三四五六七八九十]|[一二三四五六七八九十]+)[，,、]")


def _norm(text: str) -> str:
    """Punctuation and an item's own number (第一，是政治的自信 → 是政治的自信) left out:
    a scaffold is banked without the numbers of the speech it came from."""
    return _PUNCT.sub("", _MARKER.sub("", text))


HELDOUT = REAL / "heldout" / "heldout.yaml"


def recall(listing: Path = REAL / "harvest.yaml") -> tuple[float, list[str]]:
    """Share of the constructions in `listing` that `drafter mine` finds in their speeches, and the misses.
    A speech id names a text of the listing's folder or of tests/data/real."""
    harvest = yaml.safe_load(listing.read_text(encoding="utf-8"))["entries"]
    ids = {e["speech"] for e in harvest}
    texts = sorted(listing.parent.glob("*.txt")) + sorted(REAL.glob("*.txt"))
    files = [p for p in texts if p.name.split("_")[0] in ids]
    _templates, phrases = build(files, {})
    entries = [e for group in phrases.values() for e in group]
    missed = []
    for item in harvest:
        parts = item.get("members") or [item["text"]]
        # an entry is its text and, for a numbered concept, the members it stands for
        same = [_norm(e["text"] + "".join(e.get("members") or [])) for e in entries
                if e["category"] == item["kind"]]
        if not any(all(_norm(m) in text for m in parts) or _norm(item["text"]) in text for text in same):
            missed.append(f"{item['kind']} {item['text']}")
    return 1 - len(missed) / len(harvest), missed


@pytest.mark.skipif(not (REAL / "harvest.yaml").is_file(), reason="tests/data/real not merged")
def test_recall_reaches_the_target_of_the_issue():
    """Measured 83.8% (57 of 68; 45.6% before session 2's shape rules)."""
    value, missed = recall()
    assert value >= 0.8, f"recall {value:.0%}; missed: {missed[:10]}"


@pytest.mark.skipif(not HELDOUT.is_file(), reason="tests/data/real/heldout not merged")
def test_recall_on_constructions_held_out_from_the_rules():
    """Harvested from speeches the rules were not tuned on, before they were written:
    measured 80.0% (20 of 25; 36.0% before)."""
    value, missed = recall(HELDOUT)
    assert value >= 0.8, f"held-out recall {value:.0%}; missed: {missed[:10]}"
