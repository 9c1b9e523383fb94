"""A confidential draft's copies are no more readable than the draft: its .bak and its review
rounds take the draft's mode (a 0600 draft gave 0644 copies)."""

from __future__ import annotations

import os
import stat

import pytest

from drafter.core import rounds, storage
from drafter.core.model import Block, Draft

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("draft_mode, folder_mode", [(0o600, 0o700), (0o640, 0o750), (0o644, 0o755)])
def test_backup_and_rounds_take_the_drafts_mode(tmp_path, draft_mode, folder_mode):
    old = os.umask(0o022)
    try:
        path = tmp_path / "讲话.draft"
        draft = Draft(title="在全县廉政工作会议上的讲话", blocks=[Block.paragraph("今天，我们召开会议。")])
        storage.save_draft(path, draft)
        path.chmod(draft_mode)
        draft.blocks[0].text += "主要任务是部署工作。"
        storage.save_draft(path, draft)
        rounds.save_round(path, draft, "第一稿")
        assert mode(path) == mode(storage.backup_path(path)) == draft_mode
        folder = rounds.rounds_dir(path)
        assert mode(folder) == folder_mode
        assert {f.name: mode(f) for f in folder.iterdir()} == {"001.draft": draft_mode, "rounds.yaml": draft_mode}
    finally:
        os.umask(old)
