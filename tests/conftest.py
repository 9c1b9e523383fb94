"""Shared test set-up: a private user data folder per test, Qt offscreen; in CI a test skipped
because a component is missing fails instead."""

import itertools
import os
import re
import subprocess

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def drafter_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("drafter_home")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    return home


#: How a skip names a missing component (LibreOffice, PostgreSQL, Xvfb, …).  On CI (CI=true) the
#: component must be there: such a skip is a failure, not a pass.
MISSING_COMPONENT = re.compile(r"not installed|not available|not found|missing|未安装|找不到", re.I)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("CI") and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2])
        if MISSING_COMPONENT.search(reason):
            report.outcome = "failed"
            report.longrepr = f"skipped in CI because a component is missing: {reason}"


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the session (tests/pgserver.py).  When it cannot start, the
    tests that need it fail under CI (CI=true) and are skipped on a developer's machine."""
    from tests.pgserver import TempPostgres

    server = TempPostgres()
    try:
        server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        server.stop()
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"PostgreSQL test server could not start: {exc}")
        pytest.skip(f"PostgreSQL test server could not start: {exc}")
    yield server
    server.stop()


_DATABASES = itertools.count()


@pytest.fixture(params=["sqlite", "postgres"])
def library_location(request, tmp_path):
    """A fresh, empty library location on each backend: a SQLite file, or a new database on the
    session's PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "library.sqlite3")
    server = request.getfixturevalue("pg_server")
    return server.create_database(f"lib{os.getpid()}_{next(_DATABASES)}")
