"""WhatsApp Cloud API channel against the real server; replies captured by the fake API."""

import time
from urllib.parse import quote

import pytest

from bot.channels.signatures import sign
from tests.server.channel_settings import (
    WHATSAPP_ACCESS_TOKEN,
    WHATSAPP_APP_SECRET,
    WHATSAPP_PHONE_NUMBER_ID,
    WHATSAPP_VERIFY_TOKEN,
)
from tests.server.helpers import new_sender, texts_in
from tests.server.messaging import encoded, get, new_id, new_number, payload, post, same_answer_over_rest

pytestmark = pytest.mark.server

WEBHOOK = "/webhooks/whatsapp/webhook"


def message_body(fixture: str, sender: str, **changes):
    body = payload(fixture)
    value = body["entry"][0]["changes"][0]["value"]
    value["contacts"][0]["wa_id"] = sender
    message = value["messages"][0]
    message.update({"from": sender, "id": new_id("wamid.test")}, **changes)
    return body


def text_body(text: str, sender: str):
    return message_body("whatsapp_text", sender, text={"body": text})


def send(rasa_server, body, secret=WHATSAPP_APP_SECRET):
    raw = encoded(body)
    return post(rasa_server, WEBHOOK, raw, {"X-Hub-Signature-256": sign(secret, raw)})


def sent_to(fake_platform_api, number, at_least=1, timeout=60):
    requests = fake_platform_api.wait_for(lambda r: r.body.get("to") == number, at_least, timeout)
    return requests, [_visible_text(r.body) for r in requests]


def _visible_text(body):
    if body.get("type") == "interactive":
        return body["interactive"]["body"]["text"]
    return body.get("text", {}).get("body", "")


def test_meta_verification_gets_the_challenge_and_a_wrong_token_gets_403(rasa_server):
    query = f"?hub.mode=subscribe&hub.verify_token={quote(WHATSAPP_VERIFY_TOKEN)}&hub.challenge=1158201444"
    assert get(rasa_server, WEBHOOK + query) == (200, "1158201444")
    status, _ = get(rasa_server, WEBHOOK + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1")
    assert status == 403


def test_a_crisis_message_from_brazil_is_answered_with_brazils_line(rasa_server, fake_platform_api):
    number = new_number("55119")
    status, _ = send(rasa_server, text_body("quero morrer", number))
    assert status == 200
    requests, texts = sent_to(fake_platform_api, number, at_least=3)
    assert any("188" in text for text in texts), texts
    first = requests[0]
    assert first.path == f"/whatsapp/{WHATSAPP_PHONE_NUMBER_ID}/messages"
    assert first.headers["Authorization"] == f"Bearer {WHATSAPP_ACCESS_TOKEN}"


def test_a_greeting_in_spanish_is_answered_in_spanish(rasa_server, fake_platform_api):
    number = new_number("52155")
    sentence = "Hola, me gustaría saber qué puedes hacer por mí"
    send(rasa_server, text_body(sentence, number))
    _, texts = sent_to(fake_platform_api, number)
    assert same_answer_over_rest(rasa_server, texts, sentence), texts
    assert not any(text.split("\n\n")[0] in texts_in("en") for text in texts)


@pytest.mark.parametrize("signature, expected", [(None, 401), ("sha256=" + "0" * 64, 403), ("forged", 403)])
def test_a_missing_or_forged_signature_is_refused_and_nothing_is_sent(
    rasa_server, fake_platform_api, signature, expected
):
    number = new_number("55119")
    headers = {"X-Hub-Signature-256": signature} if signature else {}
    status, _ = post(rasa_server, WEBHOOK, encoded(text_body("quero morrer", number)), headers)
    assert status == expected
    time.sleep(3)
    assert fake_platform_api.matching(lambda r: r.body.get("to") == number) == []


def test_a_body_signed_with_another_secret_is_refused(rasa_server, fake_platform_api):
    number = new_number("55119")
    status, _ = send(rasa_server, text_body("olá", number), secret="not-the-app-secret")
    assert status == 403
    time.sleep(3)
    assert fake_platform_api.matching(lambda r: r.body.get("to") == number) == []


def test_the_same_message_delivered_twice_is_answered_once(rasa_server, fake_platform_api):
    once, twice = new_number("55119"), new_number("55119")
    send(rasa_server, text_body("olá", once))
    body = text_body("olá", twice)
    assert send(rasa_server, body)[0] == 200
    assert send(rasa_server, body)[0] == 200
    _, answered_once = sent_to(fake_platform_api, once)
    _, answered_twice = sent_to(fake_platform_api, twice)
    time.sleep(2)
    assert answered_twice == answered_once
    assert len(fake_platform_api.matching(lambda r: r.body.get("to") == twice)) == len(answered_once)


def test_a_typed_number_chooses_that_option_from_a_numbered_list(rasa_server, fake_platform_api):
    number = new_number("55119")
    tap = message_body("whatsapp_button_reply", number)
    tap["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]["button_reply"] = {
        "id": "/change_language", "title": "Change language"
    }
    send(rasa_server, tap)
    _, offered = sent_to(fake_platform_api, number)
    assert "\n1. English\n2. Español\n" in offered[-1]  # seven languages: too many for buttons
    send(rasa_server, text_body("2", number))
    _, texts = sent_to(fake_platform_api, number, at_least=len(offered) + 1)
    switched = rasa_server.say(new_sender(), '/change_language{"language":"es"}')[0]["text"]
    assert texts[len(offered)].startswith(switched)
    assert switched in texts_in("es")


def test_three_buttons_or_fewer_are_sent_as_whatsapp_buttons(rasa_server, fake_platform_api):
    number = new_number("55119")
    send(rasa_server, text_body("hello", number))  # the greeting offers two buttons
    requests, _ = sent_to(fake_platform_api, number)
    interactive = [r.body for r in requests if r.body.get("type") == "interactive"]
    assert interactive, [r.body for r in requests]
    titles = [b["reply"]["title"] for b in interactive[0]["interactive"]["action"]["buttons"]]
    assert 1 <= len(titles) <= 3 and all(len(title) <= 20 for title in titles)


def test_a_voice_note_gets_a_kind_answer_asking_for_words(rasa_server, fake_platform_api):
    number = new_number("52155")
    send(rasa_server, message_body("whatsapp_audio", number))
    _, texts = sent_to(fake_platform_api, number)
    assert texts == [
        "I can only read written messages, so I couldn't open that one. Whenever you're ready, "
        "please write to me in words. If you are in danger right now, please call your local "
        "emergency number."
    ]


def test_status_callbacks_are_acknowledged_and_answer_nothing(rasa_server, fake_platform_api):
    body = payload("whatsapp_status")
    number = new_number("55119")
    body["entry"][0]["changes"][0]["value"]["statuses"][0]["recipient_id"] = number
    assert send(rasa_server, body)[0] == 200
    time.sleep(2)
    assert fake_platform_api.matching(lambda r: r.body.get("to") == number) == []
