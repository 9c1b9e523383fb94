"""Prints the hostile-input suite's table: time and peak memory of every child process."""

from tests.gui.conftest import ui  # noqa: F401 - the scripted-dialogs fixture, for the crash tests
from tests.robust.hostile import MEMORY_CAP, RESULTS, TIME_LIMIT


def pytest_terminal_summary(terminalreporter):
    if not RESULTS:
        return
    write = terminalreporter.write_line
    write("")
    write(f"hostile inputs: {len(RESULTS)} child processes, each capped at "
          f"{MEMORY_CAP // 1024 ** 2} MB address space and {TIME_LIMIT:.0f} s")
    write(f"{'case':<58} {'seconds':>8} {'peak MB':>8} {'exit':>5}")
    for case, seconds, peak, code in RESULTS:
        write(f"{case:<58} {seconds:8.2f} {peak:8.1f} {'kill' if code is None else code:>5}")
    write(f"{'slowest':<58} {max(r[1] for r in RESULTS):8.2f} {max(r[2] for r in RESULTS):8.1f}")
