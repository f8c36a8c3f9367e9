"""Over the real REST channel: every language is answered in that language."""

import pytest

from tests.server.helpers import greeting_in, new_sender, texts_in

pytestmark = pytest.mark.server

HELLO = {"en": "hello", "es": "hola", "fr": "bonjour", "pt": "olá", "ar": "مرحبا", "hi": "नमस्ते", "sw": "habari"}


@pytest.mark.parametrize("language", sorted(HELLO))
def test_a_greeting_with_language_metadata_is_answered_in_that_language(rasa_server, language):
    replies = rasa_server.say(new_sender(), HELLO[language], language=language)
    assert replies[0]["text"] == greeting_in(language)


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("es", "Hola, me gustaría saber qué puedes hacer por mí"),
        ("fr", "Bonjour, je voudrais savoir ce que vous pouvez faire pour moi"),
        ("pt", "Olá, eu gostaria de saber o que você pode fazer por mim"),
    ],
)
def test_a_clear_sentence_without_metadata_is_answered_in_its_language(rasa_server, language, sentence):
    replies = rasa_server.say(new_sender(), sentence)
    assert replies and all(reply["text"] in texts_in(language) for reply in replies)


def test_a_regional_browser_locale_is_negotiated(rasa_server):
    replies = rasa_server.say(new_sender(), "oi", language="pt-BR")
    assert replies[0]["text"] == greeting_in("pt")


def test_asking_for_a_language_by_name_switches_and_the_choice_outlasts_the_browser_locale(rasa_server):
    sender = new_sender()
    rasa_server.say(sender, "hello", language="en")
    switched = rasa_server.say(sender, "en français s'il vous plaît", language="en")
    assert switched[0]["text"] in texts_in("fr")
    later = rasa_server.say(sender, "hello again", language="en")
    assert later[0]["text"] in texts_in("fr")
    assert rasa_server.slots(sender)["language"] == "fr"


def test_a_language_button_payload_switches_language(rasa_server):
    sender = new_sender()
    replies = rasa_server.say(sender, '/change_language{"language":"sw"}')
    assert replies[0]["text"] in texts_in("sw")


def test_writing_in_another_language_mid_conversation_offers_a_switch(rasa_server):
    sender = new_sender()
    rasa_server.say(sender, "hello, I would like to know what you can do for me")
    [offer] = rasa_server.say(sender, "Hola, me gustaría saber qué eres exactamente")
    assert offer["text"] in texts_in("es")
    assert [b["payload"] for b in offer["buttons"]] == [
        '/change_language{"language":"es"}',
        '/change_language{"language":"en"}',
    ]
    accepted = rasa_server.say(sender, offer["buttons"][0]["payload"])
    assert accepted[0]["text"] in texts_in("es")


def test_the_country_from_metadata_is_kept_and_an_unknown_one_is_ignored(rasa_server):
    kenya, nowhere = new_sender(), new_sender()
    rasa_server.say(kenya, "habari", language="sw", country="ke")
    rasa_server.say(nowhere, "hello", country="ZZ")
    assert rasa_server.slots(kenya)["country"] == "KE"
    assert rasa_server.slots(nowhere)["country"] is None


def test_model_parse_shows_the_intent_and_the_detected_language(rasa_server):
    import json

    status, parsed = rasa_server.post_raw(
        "/model/parse", json.dumps({"text": "Bonjour, est-ce que vous êtes un robot ?"}).encode()
    )
    assert status == 200
    assert parsed["intent"]["name"] == "bot_challenge"
    assert parsed["language_detection"]["language"] == "fr"
