"""The core never imports Qt: import every non-GUI module in a fresh interpreter."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import drafter


def core_modules():
    root = Path(drafter.__file__).parent
    for info in pkgutil.walk_packages([str(root)], prefix="drafter."):
        if not info.name.startswith("drafter.gui"):
            yield info.name


def test_core_modules_do_not_import_qt():
    modules = sorted(core_modules())
    assert "drafter.core.model" in modules and "drafter.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaks = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(leaks))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt imported by the core: {result.stdout}"
