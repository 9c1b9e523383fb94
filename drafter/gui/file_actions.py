"""What the File menu does: new, open, save, save as, export, autosave and recovery.

All disk work goes through ``Session`` / ``drafter.core.storage`` (atomic saves, backups,
hash check, lock, recovery copies); every refusal arrives as a DrafterError and is shown
in a message box.  Nothing here discards the user's text without asking.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

from drafter.core import storage
from drafter.core.errors import ConflictError, DrafterError, LockedError
from drafter.core.model import Draft
from drafter.editing.session import Session
from drafter.gui import dialogs, settings


class FileWindow(Protocol):
    """What the file actions need of the window (the main window is one): no import of the
    window here, so window and file actions form no cycle."""

    session: Session
    settings: dict

    @property
    def draft(self) -> Draft: ...

    @property
    def font_set(self) -> str: ...

    def set_session(self, session: Session) -> None: ...

    def update_title(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # Qt's name

logger = logging.getLogger(__name__)


def guarded(method):
    """Show a DrafterError in a message box; the action then reports failure (False)."""
    @functools.wraps(method)
    def wrapper(self: FileActions, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except DrafterError as exc:
            logger.info("refused: %s", exc.message)
            dialogs.show_error(self.window, exc.message)
            return False
    return wrapper


class FileActions:
    def __init__(self, window: FileWindow | QWidget):
        self.window = window
        self._disk_asked: str | None = None   # hash of the on-disk change already asked about

    @property
    def session(self) -> Session:
        return self.window.session

    def _replace_session(self, session: Session) -> None:
        self.session.close()
        self.window.set_session(session)

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)

    # ----- new / open -----------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Before the draft goes away: ask 保存/不保存/取消.  True when it may go."""
        if not self.session.modified:
            return True
        answer = dialogs.ask_unsaved(self.window, self.session.display_name())
        if answer == "save":
            return bool(self.save())
        return answer == "discard"

    def new_draft(self) -> bool:
        if not self.maybe_save():
            return False
        self._replace_session(Session())
        return True

    def new_from_draft(self, draft) -> bool:
        """A new, unsaved draft (from a template)."""
        if not self.maybe_save():
            return False
        session = Session(draft)
        session.mark_modified()
        self._replace_session(session)
        return True

    def open_dialog(self) -> bool:
        start = self.session.path or self.session.origin
        path = dialogs.ask_open_path(self.window, str(start.parent) if start else "")
        return self.open_path(Path(path)) if path else False

    def open_path(self, path: Path) -> bool:
        """Open a draft (locked), or import a .txt/.docx as a new unsaved draft."""
        current = self.session.path
        if current is not None and Path(path).resolve() == current.resolve():
            self._status(f"{current.name} 已在编辑中")   # reopening would drop our own lock
            return True
        if not self.maybe_save():
            return False
        try:
            session = Session.open(path)
        except LockedError as exc:
            if dialogs.ask_locked(self.window, exc.message) != "read_only":
                return False
            return self._open_read_only(path)
        except DrafterError as exc:
            logger.info("cannot open %s: %s", path, exc.message)
            dialogs.show_error(self.window, exc.message, "无法打开")
            return False
        self._replace_session(session)
        if session.file.lock_note:
            self._status(session.file.lock_note)
        if session.origin is not None:
            self._status(f"已导入 {path.name}，保存时将存为草稿（.draft）")
        return True

    @guarded
    def _open_read_only(self, path: Path) -> bool:
        self._replace_session(Session.open(path, read_only=True))
        return True

    def check_disk(self) -> bool:
        """When the window comes back to the front: has someone changed our file?  Ask once
        per change; returns True when the disk version was loaded."""
        file = self.session.file
        if self.session.read_only or not file.changed_on_disk():
            return False
        current = storage.file_hash(file.path)
        if current is None or current == self._disk_asked:
            return False
        self._disk_asked = current
        answer = dialogs.ask_reload(self.window, self.session.display_name(), self.session.modified)
        if answer != "reload":
            return False
        try:
            draft, loaded_hash = storage.read_draft(file.path)
        except DrafterError as exc:
            dialogs.show_error(self.window, exc.message, "无法载入")
            return False
        file.loaded_hash = loaded_hash
        self.session.draft = draft
        self.session.modified = self.session.dirty_since_autosave = False
        self.window.set_session(self.session)
        self._status("已载入磁盘上的新版本")
        return True

    # ----- save -----------------------------------------------------------------------
    def save(self) -> bool:
        if self.session.needs_path:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        path = dialogs.ask_save_path(self.window, str(self.session.suggested_path()))
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".draft":
            target = target.with_name(target.name + ".draft")
        # The save dialog has already asked before replacing another file.
        same = self.session.path is not None and target.resolve() == self.session.path.resolve()
        return self._save_to(None if same else target, force=not same and target.exists())

    def _save_to(self, target: Path | None, force: bool = False) -> bool:
        try:
            self.session.save(target, force=force)
        except ConflictError as exc:
            answer = dialogs.ask_conflict(self.window, exc.message)
            if answer == "overwrite":
                return self._save_to(target, force=True)
            if answer == "save_as":
                return self.save_as()
            return False
        except DrafterError as exc:
            logger.warning("save failed: %s", exc.message)
            dialogs.show_error(self.window, exc.message, "保存失败")
            return False
        self.window.update_title()
        settings.remember_recent(self.window.settings, str(self.session.path))
        self._status(f"已保存到 {self.session.path}")
        review = self.session.draft.review
        if review is not None and review.pending:  # where the reviewer's marks went (FORMAT.md, version 2)
            self._status(f"已保存到 {self.session.path}；{review.summary()}随草稿保存（审阅稿副本在 "
                         f"{self.session.path.name}.review/ 中）")
        return True

    # ----- export ---------------------------------------------------------------------
    @guarded
    def export(self, profile: str = "print") -> bool:
        try:
            from drafter.export import export_draft
        except ImportError:
            raise DrafterError("本版本尚未包含 Word 导出功能") from None
        base = self.session.suggested_path(".docx")
        if profile != "print":
            base = base.with_name(f"{base.stem}（大字版）.docx")
        path = dialogs.ask_save_path(self.window, str(base), dialogs.DOCX_FILTER, "导出 Word")
        if not path:
            return False
        warnings = export_draft(self.window.draft, path, profile=profile, fonts=self.window.font_set)
        self._status(f"已导出到 {path}")
        if warnings:
            dialogs.show_info(self.window, f"已导出到 {path}\n\n" + "\n".join(warnings), "导出完成（请注意）")
        return True

    @guarded
    def export_text(self) -> bool:
        try:
            from drafter.export import export_draft
        except ImportError:
            raise DrafterError("本版本尚未包含导出功能") from None
        path = dialogs.ask_save_path(self.window, str(self.session.suggested_path(".txt")),
                                     dialogs.TEXT_FILTER, "导出纯文本")
        if not path:
            return False
        export_draft(self.window.draft, path)
        self._status(f"已导出到 {path}")
        return True

    # ----- autosave and recovery ------------------------------------------------------
    def autosave_now(self) -> bool:
        try:
            written = self.session.autosave()
        except DrafterError as exc:
            logger.warning("autosave failed: %s", exc.message)
            self._status(f"自动保存失败：{exc.reason}")
            return False
        if written:
            self._status("已自动保存")
        return written

    def emergency_autosave(self) -> bool:
        """After an unexpected error: write the recovery copy whatever the state."""
        try:
            self.session.file.autosave(self.session.draft)
            return True
        except Exception:
            logger.exception("emergency autosave failed")
            return False

    def offer_recovery(self) -> bool:
        """Offer every editing session a crash left behind (journals); the user recovers one,
        discards the chosen one or all, or leaves them for later.  True when one was recovered."""
        try:
            items = storage.find_recoverable()
        except (OSError, DrafterError) as exc:
            logger.warning("cannot look for recovery journals: %s", exc)
            return False
        if not items:
            return False
        action, item = dialogs.ask_recover(self.window, items)
        if action == "discard":
            for r in ([item] if item is not None else items):
                storage.discard_recoverable(r)
            return False
        if action != "recover" or item is None or not self.maybe_save():
            return False
        try:
            session = Session.recover(item)
        except DrafterError as exc:
            dialogs.show_error(self.window, f"无法恢复：{exc.message}")
            return False
        self._replace_session(session)
        note = f"（{item.problem}）" if item.problem else ""
        self._status(f"已恢复未保存的修改{note}，请检查后保存")
        return True
