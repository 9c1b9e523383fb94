# Run-time hook of the frozen Drafter, in place of PyInstaller's own PySide6 hook (build.spec's
# hookspath comes first, and the first hook directory naming a package wins).
#
# PyInstaller's hook imports PySide6.QtCore at every start of the app, to embed a qt.conf: about
# 0.1 s of CPU before any command runs, for the command line, which never uses Qt (issue 15:
# `drafter --version` ≤ 2× `python -c pass`, `drafter export` ≤ 1.5× pandoc).  PySide6 from PyPI
# embeds its own qt.conf when QtCore is first imported (the hook only adds one when it is
# missing), so what is left to do here is what the hook does without Qt: tell Qt where the
# plugins and QML modules are.  The smoke test (.ci/frozen_smoke.py) opens the editor and checks
# that Qt's Chinese translations were found through QLibraryInfo.
import os
import sys


def _drafter_qt_paths():
    if sys.platform.startswith("win"):
        qt = os.path.join(sys._MEIPASS, "PySide6")
        os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")  # OpenSSL DLLs for QtNetwork
    else:
        qt = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")


_drafter_qt_paths()
del _drafter_qt_paths
