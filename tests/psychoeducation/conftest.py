"""Shared fixtures: the real library from data/psychoeducation, and a fake catalog."""

import pytest

from bot.psychoeducation.content import load_library


@pytest.fixture(scope="session")
def library():
    return load_library()


class FakeTranslations:
    """Translates (context, English) pairs it knows; anything else stays English, like gettext."""

    def __init__(self, table):
        self.table = table
        self.asked = []

    def pgettext(self, context, message):
        self.asked.append((context, message))
        return self.table.get((context, message), message)


@pytest.fixture
def fake_catalog(monkeypatch):
    """Install a fake catalog for every language; returns it so a test can fill its table."""
    catalog = FakeTranslations({})
    monkeypatch.setattr("bot.psychoeducation.messages.translations_for", lambda language: catalog)
    return catalog
