"""Report on the real-speech corpus (tests/data/real): field accuracy, chrome left in the body,
invented markers on re-export, heading F1, level-1 role accuracy, closing recognition.

    python bench/report_reader.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus.realcorpus import cases, evaluate, report  # noqa: E402


def main() -> int:
    print(report([evaluate(path) for path in cases()]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
