"""Shared test set-up: a private user data folder per test, Qt offscreen; in CI a test skipped
because a component is missing fails instead."""

import os
import re

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
