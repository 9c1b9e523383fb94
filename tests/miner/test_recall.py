"""Recall on real speeches outside the seed corpus: the constructions a professional
hand-harvested (tests/data/real/harvest.yaml) that `drafter mine` finds in the same speeches."""

import re
from pathlib import Path

import pytest
import yaml

from drafter.miner import build

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
_PUNCT = re.compile(r"[，,、；;。：:\s“”\"]")


def _norm(text: str) -> str:
    return _PUNCT.sub("", text)


def recall() -> tuple[float, list[str]]:
    harvest = yaml.safe_load((REAL / "harvest.yaml").read_text(encoding="utf-8"))["entries"]
    ids = {e["speech"] for e in harvest}
    files = [p for p in sorted(REAL.glob("*.txt")) if p.name[:3] in ids]
    _templates, phrases = build(files, {})
    entries = [e for group in phrases.values() for e in group]
    missed = []
    for item in harvest:
        parts = item.get("members") or [item["text"]]
        same = [_norm(e["text"]) for e in entries if e["category"] == item["kind"]]
        if not any(all(_norm(m) in text for m in parts) or _norm(item["text"]) in text for text in same):
            missed.append(f"{item['kind']} {item['text']}")
    return 1 - len(missed) / len(harvest), missed


@pytest.mark.skipif(not (REAL / "harvest.yaml").is_file(), reason="tests/data/real not merged")
@pytest.mark.xfail(strict=True, reason="measured 45.6% (31 of 68; 12.5% before this round): sayings "
                   "without a shared character (打造生态魏庄，共建美丽家园), idioms jieba tags as nouns "
                   "(众志成城) and numbered series (一闭环、两移交……) are still missed; target 80% not met")
def test_recall_reaches_the_target_of_the_issue():
    value, missed = recall()
    assert value >= 0.8, f"recall {value:.0%}; missed: {missed[:10]}"


@pytest.mark.skipif(not (REAL / "harvest.yaml").is_file(), reason="tests/data/real not merged")
def test_recall_does_not_fall_below_what_was_reached():
    value, missed = recall()
    assert value >= 0.45, f"recall fell to {value:.0%}; missed: {missed[:10]}"
