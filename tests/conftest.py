"""Shared test set-up: a private user data folder per test, Qt offscreen."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def drafter_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("drafter_home")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    return home
