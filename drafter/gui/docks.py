"""Docks whose panel is built when first needed, so the window paints before the phrase
bank, the templates and the checks (jinja2, the check modules, the division data) are even
imported.  ``panel`` builds it on first use; a dock that becomes visible builds it a moment
later (after the window's first paint)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

AFTER_PAINT_MS = 50


class LazyDock(QDockWidget):
    def __init__(self, title: str, name: str, build: Callable[[], QWidget], window: QMainWindow):
        super().__init__(title, window)
        self.setObjectName(name)
        self._build = build
        self._panel: QWidget | None = None
        self.setWidget(QWidget())
        window.addDockWidget(Qt.RightDockWidgetArea, self)
        self.visibilityChanged.connect(self._shown)

    def _shown(self, visible: bool) -> None:
        if visible and self._panel is None:
            # the dock is the timer's context: a window closed before it fires cancels it
            QTimer.singleShot(AFTER_PAINT_MS, self, self.build)

    @property
    def built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> QWidget:
        return self.build()

    def build(self) -> QWidget:
        """The panel, built on first use."""
        if self._panel is None:
            self._panel = self._build()
            self.setWidget(self._panel)
        return self._panel
