"""Run ``lo_review.py`` under a python that has LibreOffice's ``uno`` module."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache
from pathlib import Path

SCRIPT = Path(__file__).with_name("lo_review.py")
CANDIDATES = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python", "python3")


@cache
def uno_python() -> str | None:
    if shutil.which("soffice") is None:
        return None
    for exe in CANDIDATES:
        try:
            done = subprocess.run([exe, "-c", "import uno"], check=False, capture_output=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return exe
    return None


def run(*args: str) -> dict:
    done = subprocess.run([uno_python(), str(SCRIPT), *args], check=False, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
