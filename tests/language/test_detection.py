import pytest

from bot.language.detection import detect


@pytest.mark.parametrize(
    "text, language",
    [
        ("Hola, necesito hablar con alguien esta noche", "es"),
        ("Je me sens très seule ce soir et je ne sais pas quoi faire", "fr"),
        ("Estou me sentindo sozinho e não sei com quem falar", "pt"),
        ("I have been feeling really lonely since my parents moved away", "en"),
        ("أشعر بالوحدة هذه الليلة", "ar"),
        ("मुझे आज बहुत अकेलापन लग रहा है", "hi"),
        ("mujhe kisi se baat karni hai yaar", "hi"),
        ("nataka kuzungumza na mtu leo", "sw"),
        ("hola", "es"),
        ("merci", "fr"),
        ("oi", "pt"),
        ("jambo", "sw"),
        ("asante sana", "sw"),
    ],
)
def test_clear_messages_are_detected_confidently(text, language):
    detection = detect(text)
    assert detection.language == language
    assert detection.confident


@pytest.mark.parametrize("text", ["ok", "😢😢😢", "", "   ", "?!", "lol"])
def test_messages_without_clear_language_are_not_confident(text):
    assert not detect(text).confident


def test_zero_width_characters_do_not_hide_the_language():
    assert detect("Ho\u200bla, ne\u200dcesito ha\u200cblar con alguien").language == "es"
