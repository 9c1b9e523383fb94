"""The editor's few preferences, kept as JSON in the user data folder (DRAFTER_HOME)."""

from __future__ import annotations

import json
import logging

from drafter.core import paths, safeio
from drafter.core.errors import DrafterError
from drafter.core.storage import atomic_write

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, object] = {
    "font_set": "gb2312", "recent": [],
    # 审校 panel (checks_panel.py)
    "check_place": "", "check_budget": 0.0, "check_rate": 230, "check_library": True,
    "check_auto": False, "check_group": "severity",
    # 讲话稿库 (library_panel.py, checks_panel.py): a SQLite file or postgresql://…; "" = the default
    "library": "",
}
RECENT_LIMIT = 8


def settings_path():
    return paths.data_home() / "editor.json"


def load() -> dict[str, object]:
    values = dict(DEFAULTS)
    try:
        path = settings_path()
        if not path.exists():
            return values
        stored = json.loads(safeio.read_text(path, safeio.MAX_SMALL_BYTES))  # a FIFO never blocks
    except (DrafterError, ValueError) as exc:
        logger.warning("ignoring unreadable settings %s: %s", settings_path(), exc)
        return values
    if isinstance(stored, dict):
        values.update({k: v for k, v in stored.items() if k in DEFAULTS and type(v) is type(DEFAULTS[k])})
    return values


def save(values: dict[str, object]) -> None:
    try:
        atomic_write(settings_path(), json.dumps(values, ensure_ascii=False, indent=1).encode("utf-8"))
    except Exception as exc:  # noqa: BLE001 - a preference is never worth an error dialog
        logger.warning("cannot save settings: %s", exc)


def remember_recent(values: dict[str, object], path: str) -> list[str]:
    recent = [p for p in values.get("recent", []) if p != path]
    recent.insert(0, path)
    values["recent"] = recent[:RECENT_LIMIT]
    save(values)
    return values["recent"]
