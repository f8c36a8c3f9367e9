import pytest

from bot.channels.input_validation import (
    EMPTY_MESSAGE_PAYLOAD,
    MAX_MESSAGE_CHARS,
    usable_metadata,
    usable_sender,
    usable_text,
)


@pytest.mark.parametrize("raw", ["", "   ", "\n\t", "\u200b\u200b", None, {"a": 1}, ["hi"], True])
def test_nothing_readable_becomes_the_empty_message_intent(raw):
    assert usable_text(raw) == EMPTY_MESSAGE_PAYLOAD


def test_numbers_are_read_as_text():
    assert usable_text(42) == "42"


def test_a_huge_message_is_bounded():
    assert len(usable_text("a" * 10_000)) == MAX_MESSAGE_CHARS


def test_zero_width_characters_are_removed_but_words_kept():
    assert usable_text("he\u200bllo the\u2060re") == "hello there"


def test_senders_and_metadata_of_the_wrong_type_are_ignored():
    assert usable_sender({"id": 1}) is None
    assert usable_sender("  ") is None
    assert usable_sender(7) == "7"
    assert usable_metadata("es") == {}
    assert usable_metadata({"language": "es"}) == {"language": "es"}
