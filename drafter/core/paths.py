"""Where Drafter keeps the user's data: one place owns every path.

``DRAFTER_HOME`` overrides the per-user data folder (tests point it at a temporary folder);
otherwise it is the platform's user data folder (platformdirs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Drafter"


def data_home() -> Path:
    override = os.environ.get("DRAFTER_HOME")
    home = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home


def _sub(name: str) -> Path:
    path = data_home() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def recovery_dir() -> Path:
    """Autosaved copies of open drafts."""
    return _sub("recovery")


def log_dir() -> Path:
    return _sub("logs")


def library_db() -> Path:
    return data_home() / "library.sqlite3"


def user_phrases_dir() -> Path:
    """The user's own phrase-bank entries; a rebuild never touches them."""
    return _sub("phrases")


def package_root() -> Path:
    """The folder that holds ``templates/``, ``phrasebank/`` and ``resources/``: the source
    checkout (also behind an editable install), a PyInstaller bundle, or ``share/drafter``
    under the installation prefix for a wheel install (pyproject's data-files)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    source = Path(__file__).resolve().parents[2]
    if (source / "templates").is_dir():
        return source
    return Path(sys.prefix) / "share" / "drafter"
