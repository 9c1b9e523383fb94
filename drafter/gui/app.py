"""Start the editor: the QApplication, fonts, the excepthook and the main window."""

from __future__ import annotations

import logging
import signal
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from drafter.core.errors import DrafterError
from drafter.core.journal import FLUSH_SECONDS
from drafter.core.logs import setup_logging
from drafter.editing.spans import MIME_BLOCKS
from drafter.gui.main_window import APP_TITLE, MainWindow

logger = logging.getLogger(__name__)

UI_FAMILIES = ["Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC",
               "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei"]


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Drafter")
    app.setApplicationDisplayName(APP_TITLE)
    font = QFont(app.font())
    font.setFamilies(UI_FAMILIES)
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    load_translations(app)
    if not app.property("drafter_clipboard"):
        app.aboutToQuit.connect(release_clipboard)
        app.setProperty("drafter_clipboard", True)
    return app


def release_clipboard() -> None:
    """When the clipboard holds what the editor copied (data made in Python), put a copy Qt
    makes itself in its place: PySide6 frees the editor's data a second time while the
    application is torn down, a crash on exit.  The copied text stays for other programs."""
    clipboard = QApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(MIME_BLOCKS):
        text = data.text()
        clipboard.clear()
        clipboard.setText(text)


def load_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own dialogs, buttons and context menus in Chinese: the zh_CN translations PySide6
    ships (``Qt/translations``; the frozen app bundles the same folder).  Loaded once."""
    if app.property("drafter_translations"):
        return []
    # Dates, numbers and file types (the file dialog's 类型 column) in Chinese too
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    loaded = []
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            loaded.append(translator)
    if not loaded:
        logger.warning("Qt's Chinese translations not found in %s: Qt's own buttons stay in English", folder)
    app.setProperty("drafter_translations", bool(loaded))
    return loaded


class ExceptHook:
    """Unexpected errors: the traceback goes to the log, the draft to a recovery copy, and
    the user gets a message instead of a vanished window."""

    def __init__(self, window: MainWindow, log_file: str):
        self.window = window
        self.log_file = log_file
        self.showing = False

    def __call__(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        if isinstance(value, DrafterError):   # a refusal that escaped a slot: just say why
            logger.info("refused: %s", value.message)
            QMessageBox.warning(self.window, "出错了", value.message)
            return
        logger.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        saved = self.window.files.emergency_autosave()
        if self.showing:
            return
        self.showing = True
        try:
            kept = "您的草稿已自动保存，重新启动后可以恢复。" if saved else "自动保存也失败了，请立即另存草稿。"
            QMessageBox.critical(self.window, "程序内部错误",
                                 f"操作未完成：程序内部错误（{kind.__name__}）。\n{kept}\n"
                                 f"详细信息已写入日志：{self.log_file}")
        finally:
            self.showing = False


def handle_termination(app: QApplication, window: MainWindow) -> QTimer:
    """SIGTERM (logout, shutdown, ``kill``): keep unsaved work as a recovery copy and quit.
    Python only sees a signal when it runs, so a timer wakes it twice a second."""

    def terminate(signum, _frame) -> None:
        logger.warning("signal %s: keeping a recovery copy and quitting", signum)
        if window.session.modified:
            window.files.emergency_autosave()
        app.exit(0)

    signal.signal(signal.SIGTERM, terminate)
    wake = QTimer(app)
    wake.setInterval(500)
    wake.timeout.connect(lambda: None)
    wake.start()
    return wake


def start(path: str | Path | None = None, autosave_seconds: float = FLUSH_SECONDS) -> tuple[QApplication, MainWindow]:
    """Set up the editor (logging, excepthook, signal handling, window) without running it;
    offers recovery and opens ``path`` once the event loop starts."""
    log_file = setup_logging()
    app = make_app()
    window = MainWindow(autosave_seconds=autosave_seconds)
    sys.excepthook = ExceptHook(window, log_file)
    handle_termination(app, window)
    window.show()

    def begin() -> None:
        recovered = window.files.offer_recovery()
        if path is not None and not recovered:
            window.files.open_path(Path(path))

    QTimer.singleShot(0, begin)
    return app, window


def run(path: str | Path | None = None, autosave_seconds: float = FLUSH_SECONDS) -> int:
    """Open the editor (with ``path`` if given) and run until the window closes."""
    previous = sys.excepthook
    app, _window = start(path, autosave_seconds)
    try:
        return app.exec()
    finally:
        sys.excepthook = previous
