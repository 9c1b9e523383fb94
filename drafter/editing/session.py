"""One draft open in the editor: the model, where it lives on disk and whether it changed.

Plain Python (no Qt), so the window stays a thin layer and the file logic is testable on
its own.  A session is one of:

- a ``.draft`` opened for editing (``DraftFile`` holds its lock and loaded hash);
- a ``.draft`` opened read-only because another Drafter holds it (``read_only``; saving
  asks for a new place);
- a new or imported draft (.txt/.docx) that has no file yet (``origin`` names the import).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from drafter.core import safeio, storage
from drafter.core.draftfile import SUFFIX
from drafter.core.errors import DrafterError
from drafter.core.model import Block, Draft

logger = logging.getLogger(__name__)

IMPORT_SUFFIXES = (".txt", ".docx")
OPEN_SUFFIXES = (SUFFIX, *IMPORT_SUFFIXES)


def new_draft() -> Draft:
    """An empty draft with one paragraph to type into."""
    return Draft(blocks=[Block.paragraph("")])


def check_openable(path: str | os.PathLike[str]) -> Path:
    """Refuse a path that cannot be opened at all (missing, a folder, a FIFO or device, a
    symlink loop, too big for its kind, an unknown type) before any window appears."""
    path = Path(path)
    limits = {SUFFIX: safeio.MAX_DRAFT_BYTES, ".docx": safeio.MAX_DOCX_BYTES, ".txt": safeio.MAX_TEXT_BYTES}
    safeio.check_path(path, limits.get(path.suffix.lower(), safeio.MAX_TEXT_BYTES))
    if path.suffix.lower() not in OPEN_SUFFIXES:
        raise DrafterError("无法打开此类文件：只支持草稿（.draft）、Word（.docx）和文本（.txt）", path)
    return path


def import_document(path: Path) -> Draft:
    """Read a .txt or .docx speech into a new draft (the parser worker's loader)."""
    try:
        from drafter.corpus.documents import load_document
    except ImportError:
        raise DrafterError("本版本尚不能导入 .txt/.docx（缺少讲话稿解析模块）", path) from None
    draft = load_document(path)
    if not draft.blocks:
        draft.blocks.append(Block.paragraph(""))
    return draft


class Session:
    def __init__(self, draft: Draft | None = None, file: storage.DraftFile | None = None,
                 origin: Path | None = None, read_only: bool = False):
        self.draft = draft if draft is not None else new_draft()
        self.file = file if file is not None else storage.DraftFile()
        self.origin = origin          # imported or read-only source, for naming only
        self.read_only = read_only
        self.modified = False
        self.dirty_since_autosave = False
        #: Called with the session after every edit (see ``edited``): the one place where a
        #: recovery journal or any other listener learns that the draft changed.
        self.observers: list[Callable[[Session], None]] = []

    # ----- opening --------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> Session:
        """Open a draft, .txt or .docx.  Raises DrafterError (LockedError when another
        Drafter holds the draft; pass ``read_only`` to open it without the lock)."""
        path = check_openable(path)
        if path.suffix.lower() != SUFFIX:
            session = cls(import_document(path), origin=path)
            session.modified = True  # nothing on disk holds it as a draft yet
            return session
        if read_only:
            draft, _ = storage.read_draft(path)
            return cls(draft, origin=path, read_only=True)
        file = storage.DraftFile(path)
        draft = file.open()
        return cls(draft, file)

    @classmethod
    def recover(cls, item: storage.Recoverable) -> Session:
        """A session holding a crashed session's draft (its journal replayed onto the saved
        state); its original file (if any) is reopened so a save goes back there.  The
        journal is continued, and cleared by a save or a discard."""
        draft = item.draft
        session: Session | None = None
        if item.original and Path(item.original).is_file():
            try:
                file = storage.DraftFile(item.original)
                file.open()
                session = cls(draft, file)
            except DrafterError as exc:
                logger.warning("cannot reopen %s for recovery: %s", item.original, exc)
        if session is None:
            origin = Path(item.original) if item.original else None
            session = cls(draft, origin=origin)
        session.file.adopt(item)
        session.modified = True
        return session

    # ----- naming ---------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self.file.path

    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        if self.origin is not None:
            return self.origin.name
        return self.draft.title or "未命名"

    def suggested_path(self, suffix: str = SUFFIX) -> Path:
        """Where a save dialog should start: beside the file it came from."""
        base = self.path or self.origin
        if base is not None:
            return base.with_suffix(suffix)
        name = (self.draft.title or "未命名讲话稿").strip()
        for bad in '\\/:*?"<>|\n\r\t':
            name = name.replace(bad, "_")
        return Path.home() / f"{name[:60]}{suffix}"

    @property
    def needs_path(self) -> bool:
        """Saving needs a place chosen by the user."""
        return self.path is None or self.read_only

    # ----- changes --------------------------------------------------------------------
    def mark_modified(self) -> None:
        self.modified = True
        self.dirty_since_autosave = True

    def edited(self) -> None:
        """The draft changed (typing, paste, an outline edit, undo, a field): every edit the
        editor makes is reported here, once, after the model is up to date."""
        self.mark_modified()
        for observer in self.observers:
            observer(self)

    def save(self, path: str | os.PathLike[str] | None = None, force: bool = False) -> None:
        """Save (atomic, with backup and hash check); raises ConflictError on a file changed
        on disk or an existing target, unless ``force``."""
        if path is None and self.needs_path:
            raise DrafterError("尚未选择保存位置")
        self.file.save(self.draft, path, force=force)
        self.read_only = False
        self.origin = None
        self.modified = False
        self.dirty_since_autosave = False
        logger.info("saved %s", self.file.path)

    def autosave(self) -> bool:
        """Append what changed since the last call to the recovery journal (cheap)."""
        if not self.dirty_since_autosave:
            return False
        self.file.autosave(self.draft)
        self.dirty_since_autosave = False
        return True

    def close(self) -> None:
        """A clean close: release the lock and clear the recovery journal."""
        self.file.close()
