"""Actions may store progress: every test here gets its own empty app database and secret."""

import pytest


@pytest.fixture(autouse=True)
def private_app_database(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPANION_DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("COMPANION_SECRET", "test-secret")
