"""A reviewer's pending marks kept with a saved draft (.draft version 2, docs/FORMAT.md).

The marks are the reviewer's file itself: saving a draft read from a reviewed .docx copies
that file, byte for byte, into ``NAME.draft.review/`` beside the draft (atomically, with the
draft's mode), and the draft's header names it with its sha256 and the decisions made so far
(``Review.header``).  Opening the draft reads the copy again (``docx_review.read_review``) and
replays the decisions, so revisions and comments come back exactly as they were, with their
places, and can still be accepted or rejected.  A copy that is missing or not the file that
was read leaves the draft without its marks and says so; the draft's text is never touched.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from drafter.core import safeio
from drafter.core.atomic import atomic_write
from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.core.rounds import folder_mode

logger = logging.getLogger(__name__)


def review_folder(draft_path: Path) -> Path:
    return draft_path.with_name(draft_path.name + ".review")


def keep_review(draft_path: Path, draft: Draft) -> None:
    """Copy the reviewer's file into ``NAME.draft.review/`` (before the draft is written)."""
    review = draft.review
    if review is None or review.stored:
        return   # nothing read, or a header not rebuilt: its copy is already there (or missing)
    source = Path(review.source)
    target = review_folder(draft_path) / source.name
    if source.resolve() == target.resolve():
        return
    data = safeio.read_docx_bytes(source)
    if review.sha256 and hashlib.sha256(data).hexdigest() != review.sha256:
        raise DrafterError("审阅稿在读入后被修改过，修订和批注无法随草稿保存；请重新打开审阅稿", source)
    try:
        target.parent.mkdir(exist_ok=True)
        if os.name == "posix" and draft_path.exists():
            target.parent.chmod(folder_mode(draft_path.stat().st_mode))
    except OSError as exc:
        raise DrafterError(f"无法创建审阅稿副本文件夹（{exc.strerror}）", target.parent) from None
    atomic_write(target, data, like=draft_path if draft_path.exists() else None)


def restore_review(draft_path: Path, draft: Draft) -> str | None:
    """Rebuild ``draft.review`` from its kept copy; a note (Chinese) when it cannot be."""
    from drafter.corpus.docx_review import decide, read_review  # the Word reader: only for such drafts

    stored = draft.review
    if stored is None or not stored.stored:
        return None
    copy = review_folder(draft_path) / Path(stored.source).name
    note = None
    try:
        data = safeio.read_docx_bytes(copy)
        if hashlib.sha256(data).hexdigest() != stored.sha256:
            note = f"审阅稿副本 {copy.name} 与保存时不同，未载入修订和批注"
    except DrafterError as exc:
        note = f"未找到或无法读取审阅稿副本（{exc.reason}），未载入修订和批注"
    if note is None:
        try:
            rebuilt = read_review(copy)
            for accept in (True, False):
                ids = [k for k, v in stored.decisions.items() if v is accept
                       and rebuilt.review is not None and k in {r.id for r in rebuilt.review.revisions}]
                if ids:
                    rebuilt = decide(rebuilt, ids, accept)
        except DrafterError as exc:
            note = f"审阅稿副本无法读取（{exc.reason}），未载入修订和批注"
    if note is not None:
        logger.warning("%s: %s", draft_path, note)
        draft.review = None
        return note
    if rebuilt.review is not None:
        rebuilt.review.apply_comments_done(stored.comments_done)
    draft.review = rebuilt.review
    return None
