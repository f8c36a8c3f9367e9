import pytest

from bot.channels.channel_texts import _texts, channel_text
from bot.language.codes import SUPPORTED_LANGUAGES


@pytest.mark.parametrize("key", ["only_text", "something_went_wrong"])
def test_every_language_has_the_text_and_it_keeps_the_emergency_sentence(key):
    assert set(_texts()[key]) == set(SUPPORTED_LANGUAGES)
    assert "emergency number" in channel_text(key, "en")


def test_an_unknown_language_gets_english():
    assert channel_text("only_text", "de") == channel_text("only_text", "en")
    assert channel_text("only_text", "es").startswith("Solo puedo leer mensajes escritos")


def test_the_texts_follow_the_wording_rules():
    forbidden = ("therapist", "counsellor", "psychologist", "doctor", "cure")
    for translations in _texts().values():
        assert not any(word in translations["en"].lower() for word in forbidden)
