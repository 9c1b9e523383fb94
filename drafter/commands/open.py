"""`drafter open [FILE]` (and bare `drafter`): 在编辑器中打开草稿、.docx 或 .txt.

A path that cannot be opened at all (missing, a folder, an unknown type) is reported on
stderr with exit 2 before any window appears; a file whose content is bad is reported in
the editor, in a message box.
"""

from __future__ import annotations

import argparse
import os
import sys

from drafter.commands._common import add_command
from drafter.core.errors import DrafterError


def _check_display() -> None:
    """Qt aborts the process without a display, or when the X11 plugin misses a system
    library; say so in Chinese instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise DrafterError("无法打开编辑器：没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY）")
    if os.environ.get("WAYLAND_DISPLAY"):
        return
    missing = _missing_xcb_library()
    if missing:
        raise DrafterError(f"无法打开编辑器：图形界面缺少系统库 {missing}。请先安装，例如 "
                           "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 "
                           "libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0")


def _missing_xcb_library() -> str | None:
    """The shared library Qt's X11 plugin cannot load, if any (found by loading it)."""
    import ctypes
    import importlib.util
    import re
    from pathlib import Path

    spec = importlib.util.find_spec("PySide6")  # located, not imported: this module stays Qt-free
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(list(spec.submodule_search_locations)[0]) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = re.search(r"(lib[\w.+-]+\.so[\w.]*)", str(exc).replace(str(plugin), ""))
        return found.group(1) if found else str(exc)
    return None


def run(args: argparse.Namespace) -> int:
    from drafter.editing.session import check_openable  # Qt-free

    path = check_openable(args.file) if args.file else None
    _check_display()
    try:
        from drafter.gui.app import run as run_editor
    except ImportError as exc:
        raise DrafterError(f"无法打开编辑器：缺少图形界面组件（{exc}）") from None
    return run_editor(path)


def register(sub) -> None:
    parser = add_command(sub, "open")
    parser.add_argument("file", nargs="?", help="要打开的文件")
    parser.set_defaults(func=run)
