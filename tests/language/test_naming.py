import pytest

from bot.language.naming import named_language


@pytest.mark.parametrize(
    "text, language",
    [
        ("can we speak Spanish?", "es"),
        ("en français s'il vous plaît", "fr"),
        ("quero falar em portugues", "pt"),
        ("بالعربي لو سمحت", "ar"),
        ("हिंदी में बात करो", "hi"),
        ("hindi mein baat karo", "hi"),
        ("tuongee kwa Kiingereza", "en"),
        ("KISWAHILI", "sw"),
        ("Español", "es"),
    ],
)
def test_a_language_named_in_any_supported_language_is_found(text, language):
    assert named_language(text) == language


@pytest.mark.parametrize("text", ["hi there", "my mother was strict", "es", "🙂", ""])
def test_messages_that_name_no_language_give_none(text):
    assert named_language(text) is None
