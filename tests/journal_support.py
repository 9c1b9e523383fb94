"""Test support: leave a recovery journal the way a crashed Drafter does (a child process
that records its edits and dies without saving or closing)."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from drafter.core import draftfile, journal
from drafter.core.model import Draft


def _record_and_die(original, base_text, drafts, conn) -> None:
    log = journal.Journal(original, base_text)
    for draft in drafts:
        log.record(draft)
    conn.send(str(log.path))  # synchronous, unlike a Queue (its thread dies with os._exit)
    os._exit(0)  # no save, no close: a crash


def crashed_session(drafts: Draft | list[Draft], original: str | os.PathLike[str] | None = None,
                    base: Draft | None = None) -> Path:
    """The journal a session editing ``original`` (base: ``base``) left after recording
    ``drafts`` (one after the other) and crashing."""
    drafts = drafts if isinstance(drafts, list) else [drafts]
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_record_and_die,
                        args=(original, draftfile.dumps(base) if base else None, drafts, send))
    child.start()
    assert receive.poll(30), "the crashing session did not report its journal"
    path = Path(receive.recv())
    child.join()
    return path
