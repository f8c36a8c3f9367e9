"""Facebook Messenger channel against the real server; replies captured by the fake Graph API."""

import random
import time

import pytest

from bot.channels.signatures import sign
from tests.server.channel_settings import (
    MESSENGER_APP_SECRET,
    MESSENGER_PAGE_ACCESS_TOKEN,
    MESSENGER_VERIFY_TOKEN,
)
from tests.server.helpers import new_sender, texts_in
from tests.server.messaging import encoded, get, new_id, payload, post, same_answer_over_rest

pytestmark = pytest.mark.server

WEBHOOK = "/webhooks/facebook/webhook"


def new_psid() -> str:
    return str(random.randint(10**15, 10**16 - 1))


def text_body(text: str, sender: str):
    body = payload("messenger_message")
    event = body["entry"][0]["messaging"][0]
    event["sender"]["id"] = sender
    event["message"] = {"mid": new_id("m_test"), "text": text}
    return body


def send(rasa_server, body, headers=None):
    raw = encoded(body)
    if headers is None:
        headers = {"X-Hub-Signature-256": sign(MESSENGER_APP_SECRET, raw)}
    return post(rasa_server, WEBHOOK, raw, headers)


def sent_to(fake_platform_api, sender, at_least=1):
    requests = fake_platform_api.wait_for(
        lambda r: r.path == "/messenger/me/messages" and r.body.get("recipient", {}).get("id") == sender,
        at_least,
    )
    return requests, [_visible_text(r.body["message"]) for r in requests]


def _visible_text(message):
    if "attachment" in message:
        return message["attachment"]["payload"]["text"]
    return message["text"]


def test_meta_verification_gets_the_challenge_and_a_wrong_token_gets_403(rasa_server):
    query = f"?hub.mode=subscribe&hub.verify_token={MESSENGER_VERIFY_TOKEN}&hub.challenge=8812"
    assert get(rasa_server, WEBHOOK + query) == (200, "8812")
    assert get(rasa_server, WEBHOOK + "?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1")[0] == 403


def test_a_french_message_is_answered_in_french_through_the_configured_api(rasa_server, fake_platform_api):
    sender = new_psid()
    sentence = "Bonjour, je voudrais savoir ce que vous pouvez faire pour moi"
    assert send(rasa_server, text_body(sentence, sender))[0] == 200
    requests, texts = sent_to(fake_platform_api, sender)
    assert same_answer_over_rest(rasa_server, texts, sentence), texts
    assert not any(text.split("\n\n")[0] in texts_in("en") for text in texts)
    assert requests[0].query["access_token"] == MESSENGER_PAGE_ACCESS_TOKEN


def test_the_older_sha1_signature_is_accepted_too(rasa_server, fake_platform_api):
    sender = new_psid()
    body = text_body("bonjour", sender)
    assert send(rasa_server, body, {"X-Hub-Signature": sign(MESSENGER_APP_SECRET, encoded(body), "sha1")})[0] == 200
    assert sent_to(fake_platform_api, sender)[1]


@pytest.mark.parametrize("header, expected", [({}, 401), ({"X-Hub-Signature-256": "sha256=" + "0" * 64}, 403)])
def test_a_missing_or_forged_signature_is_refused_and_nothing_is_sent(rasa_server, fake_platform_api, header, expected):
    sender = new_psid()
    assert send(rasa_server, text_body("bonjour", sender), header)[0] == expected
    time.sleep(3)
    assert fake_platform_api.matching(lambda r: r.body.get("recipient", {}).get("id") == sender) == []


def test_the_same_mid_delivered_twice_is_answered_once(rasa_server, fake_platform_api):
    once, twice = new_psid(), new_psid()
    send(rasa_server, text_body("bonjour", once))
    body = text_body("bonjour", twice)
    send(rasa_server, body)
    send(rasa_server, body)
    _, answered_once = sent_to(fake_platform_api, once)
    _, answered_twice = sent_to(fake_platform_api, twice)
    time.sleep(2)
    assert answered_twice == answered_once


def test_many_options_become_quick_replies_and_a_typed_number_chooses_one(rasa_server, fake_platform_api):
    sender = new_psid()
    send(rasa_server, text_body("/change_language", sender))
    requests, offered = sent_to(fake_platform_api, sender)
    quick_replies = requests[-1].body["message"]["quick_replies"]
    assert [q["title"] for q in quick_replies][:2] == ["English", "Español"]
    send(rasa_server, text_body("2", sender))
    _, texts = sent_to(fake_platform_api, sender, at_least=len(offered) + 1)
    switched = rasa_server.say(new_sender(), '/change_language{"language":"es"}')[0]["text"]
    assert texts[len(offered)].startswith(switched)
    assert switched in texts_in("es")
