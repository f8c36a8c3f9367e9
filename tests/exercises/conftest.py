"""Helpers shared by the exercise tests: walk the engine and read what a person would see."""

import pytest

from bot.exercises import library, render


def texts(outcome, language="en"):
    """The texts a person would see for one turn, in order."""
    return [message["text"] for message in render(outcome.messages, language)]


def buttons(outcome, language="en"):
    """The buttons under the last message of one turn, as (title, payload) pairs."""
    rendered = render(outcome.messages, language)
    return [(button["title"], button["payload"]) for button in rendered[-1].get("buttons", [])]


@pytest.fixture(scope="session")
def data():
    return library()
