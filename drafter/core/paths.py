"""Where Drafter keeps the user's data: one place owns every path.

``DRAFTER_HOME`` overrides the per-user data folder (tests point it at a temporary folder);
otherwise it is the platform's user data folder (platformdirs).  ``data_home`` creates it and
checks it can be written; when it cannot (a file in its place, no permission, read-only disk)
it raises one ``DataHomeError`` that the command line prints; commands that do not need the
folder run anyway (``check_data_home`` lets the start-up say so once).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import platformdirs

from drafter.core.errors import DrafterError, os_error_reason

APP_NAME = "Drafter"


class DataHomeError(DrafterError):
    """The user data folder cannot be used (a file, not writable, on a full disk …)."""


_usable: set[Path] = set()


def home_path() -> Path:
    """Where the user data folder is (not created, not checked)."""
    override = os.environ.get("DRAFTER_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _unusable(path: Path, exc: OSError | None, reason: str = "") -> DataHomeError:
    if not reason:
        if isinstance(exc, (FileExistsError, NotADirectoryError)):
            reason = "是一个文件（或路径中有文件），不是文件夹"
        else:
            reason = os_error_reason(exc) if exc is not None else "无法使用"
    return DataHomeError(f"用户数据文件夹无法使用：{reason}（可用环境变量 DRAFTER_HOME 指定其他文件夹）",
                         path)


def _ensure_folder(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unusable(path, exc) from None
    if not path.is_dir():
        raise _unusable(path, None, "是一个文件，不是文件夹")
    return path


def data_home() -> Path:
    """The user data folder, created and checked writable (once per process and path);
    DataHomeError (one clear Chinese message) when it cannot be used."""
    home = home_path()
    if home in _usable:
        return home
    _ensure_folder(home)
    try:
        fd, probe = tempfile.mkstemp(prefix=".probe.", dir=home)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise _unusable(home, exc) from None
    _usable.add(home)
    return home


def check_data_home() -> DataHomeError | None:
    """The problem with the user data folder, or None when it can be used."""
    try:
        data_home()
    except DataHomeError as exc:
        return exc
    return None


def _sub(name: str) -> Path:
    return _ensure_folder(data_home() / name)


def recovery_dir() -> Path:
    """Recovery journals of drafts being edited."""
    return _sub("recovery")


def log_dir() -> Path:
    return _sub("logs")


def library_db() -> Path:
    """The default library file (not created: commands that only read it check it exists)."""
    return home_path() / "library.sqlite3"


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
