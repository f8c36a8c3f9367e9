"""Over the real REST channel: bad input always gets a clear, kind answer, never silence."""

import json

import pytest

from tests.server.helpers import greeting_in, new_sender, texts_in

pytestmark = pytest.mark.server
WEBHOOK = "/webhooks/rest/webhook"


def _post(rasa_server, body):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return rasa_server.post_raw(WEBHOOK, raw)


def _empty_message_answer(language="en"):
    return [t for t in texts_in(language) if t.startswith(("I didn't receive", "No recib"))]


@pytest.mark.parametrize("message", ["", "   \n\t ", "\u200b\u200c\u2060"])
def test_an_empty_or_invisible_message_is_answered_kindly(rasa_server, message):
    status, replies = _post(rasa_server, {"sender": new_sender(), "message": message})
    assert status == 200
    assert replies[0]["text"] in _empty_message_answer()


def test_a_body_without_message_is_answered(rasa_server):
    status, replies = _post(rasa_server, {"sender": new_sender()})
    assert status == 200
    assert replies[0]["text"] in _empty_message_answer()


@pytest.mark.parametrize("message", [{"text": "hi"}, ["hi"], None, True])
def test_a_non_string_message_is_answered(rasa_server, message):
    status, replies = _post(rasa_server, {"sender": new_sender(), "message": message})
    assert status == 200
    assert replies[0]["text"] in _empty_message_answer()


def test_an_empty_message_is_answered_in_the_metadata_language(rasa_server):
    status, replies = _post(
        rasa_server, {"sender": new_sender(), "message": "", "metadata": {"language": "es"}}
    )
    assert replies[0]["text"] in _empty_message_answer("es")


@pytest.mark.parametrize("body", [b"{not json", b"\xff\xfe\x00binary", b"[1, 2]", b'"hello"'])
def test_malformed_json_gets_a_readable_400(rasa_server, body):
    status, replies = _post(rasa_server, body)
    assert status == 400
    assert "could not read that request" in replies[0]["text"]


def test_a_10000_character_message_is_answered(rasa_server):
    status, replies = _post(rasa_server, {"sender": new_sender(), "message": "I wonder " * 1250})
    assert status == 200 and replies and replies[0]["text"]


@pytest.mark.parametrize("message", ["😢😢😢", "🙂", "🌧️💔"])
def test_an_emoji_only_message_is_answered(rasa_server, message):
    status, replies = _post(rasa_server, {"sender": new_sender(), "message": message})
    assert status == 200 and replies and replies[0]["text"]


def test_zero_width_characters_inside_words_do_not_confuse_the_bot(rasa_server):
    replies = rasa_server.say(new_sender(), "he\u200bl\u200dlo", language="en")
    assert replies[0]["text"] == greeting_in("en")


def test_a_mixed_script_message_is_answered(rasa_server):
    status, replies = _post(
        rasa_server, {"sender": new_sender(), "message": "hello مرحبا नमस्ते hola 你好"}
    )
    assert status == 200 and replies and replies[0]["text"]


def test_an_unknown_language_in_metadata_falls_back_to_english(rasa_server):
    replies = rasa_server.say(new_sender(), "hello", language="zz")
    assert replies[0]["text"] == greeting_in("en")


def test_metadata_of_the_wrong_shape_is_ignored(rasa_server):
    status, replies = _post(rasa_server, {"sender": new_sender(), "message": "hello", "metadata": "es"})
    assert status == 200 and replies[0]["text"] == greeting_in("en")


def test_a_request_without_sender_still_gets_an_answer_with_its_own_id(rasa_server):
    status, replies = _post(rasa_server, {"message": "hello"})
    assert status == 200 and replies[0]["recipient_id"]
