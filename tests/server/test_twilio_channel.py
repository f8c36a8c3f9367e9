"""SMS and WhatsApp through Twilio against the real server; replies captured by the fake API."""

import time
from urllib.parse import urlencode

import pytest
from twilio.request_validator import RequestValidator

from tests.server.channel_settings import TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN
from bot.channels.numbered_options import numbered_text
from tests.server.helpers import new_sender, texts_in
from tests.server.messaging import new_id, new_number, payload, post, same_answer_over_rest

pytestmark = pytest.mark.server

WEBHOOK = "/webhooks/twilio/webhook"
FORM = "application/x-www-form-urlencoded"


def sms(text: str, sender: str, fixture: str = "twilio_sms"):
    form = payload(fixture)
    prefix = "whatsapp:" if form["From"].startswith("whatsapp:") else ""
    form.update(Body=text, From=prefix + sender, MessageSid=new_id("SM"), SmsSid="", SmsMessageSid="")
    return form


def send(rasa_server, form, signature="valid"):
    if signature == "valid":
        signature = RequestValidator(TWILIO_AUTH_TOKEN).compute_signature(rasa_server.url + WEBHOOK, form)
    headers = {"X-Twilio-Signature": signature} if signature else {}
    return post(rasa_server, WEBHOOK, urlencode(form).encode(), headers, content_type=FORM)


def sent_to(fake_platform_api, address, at_least=1):
    requests = fake_platform_api.wait_for(lambda r: r.body.get("To") == address, at_least)
    return requests, [r.body.get("Body", "") for r in requests]


def test_a_crisis_sms_from_kenya_gets_kenyas_line_from_the_number_written_to(rasa_server, fake_platform_api):
    number = "+" + new_number("2547")
    assert send(rasa_server, sms("nataka kujiua", number))[0] == 200
    requests, texts = sent_to(fake_platform_api, number, at_least=3)
    assert any("1199" in text for text in texts), texts
    assert all(r.body["From"] == "+14155550100" for r in requests)
    assert requests[0].path == f"/twilio/2010-04-01/Accounts/{TWILIO_ACCOUNT_SID}/Messages.json"
    assert all(len(text) <= 1600 for text in texts)


def test_whatsapp_through_twilio_is_answered_on_whatsapp_in_the_persons_language(rasa_server, fake_platform_api):
    address = "whatsapp:+" + new_number("55119")
    sentence = "Olá, eu gostaria de saber o que você pode fazer por mim"
    send(rasa_server, sms(sentence, address[len("whatsapp:"):], fixture="twilio_whatsapp"))
    requests, texts = sent_to(fake_platform_api, address)
    assert requests[0].body["From"] == "whatsapp:+14155238886"
    assert same_answer_over_rest(rasa_server, texts, sentence), texts
    assert not any(text.split("\n\n")[0] in texts_in("en") for text in texts)


@pytest.mark.parametrize("signature", [None, "", "bm90IGEgc2lnbmF0dXJl"])
def test_a_missing_or_invalid_signature_is_refused_and_nothing_is_sent(rasa_server, fake_platform_api, signature):
    number = "+" + new_number("2547")
    assert send(rasa_server, sms("nataka kujiua", number), signature=signature)[0] == 403
    time.sleep(3)
    assert fake_platform_api.matching(lambda r: r.body.get("To") == number) == []


def test_a_signature_for_other_fields_is_refused(rasa_server, fake_platform_api):
    number = "+" + new_number("2547")
    form = sms("habari", number)
    signature = RequestValidator(TWILIO_AUTH_TOKEN).compute_signature(rasa_server.url + WEBHOOK, form)
    form["Body"] = "nataka kujiua"
    assert send(rasa_server, form, signature=signature)[0] == 403


def test_the_same_message_sid_delivered_twice_is_answered_once(rasa_server, fake_platform_api):
    once, twice = "+" + new_number("2547"), "+" + new_number("2547")
    send(rasa_server, sms("habari", once))
    form = sms("habari", twice)
    send(rasa_server, form)
    send(rasa_server, form)
    _, answered_once = sent_to(fake_platform_api, once)
    _, answered_twice = sent_to(fake_platform_api, twice)
    time.sleep(2)
    assert answered_twice == answered_once


def test_buttons_are_numbered_and_a_typed_number_chooses_one(rasa_server, fake_platform_api):
    number = "+" + new_number("2547")
    send(rasa_server, sms("hello", number))
    _, greeting = sent_to(fake_platform_api, number)
    [over_rest] = rasa_server.say(new_sender(), "hello", language="en")
    assert greeting == [numbered_text(over_rest["text"], over_rest["buttons"])]
    assert greeting[0].endswith("\n\n1. What can you do?\n2. Change language")
    send(rasa_server, sms("2", number))  # the second button: change language
    _, texts = sent_to(fake_platform_api, number, at_least=2)
    assert "\n\n1. English\n2. Español\n3. Français" in texts[1]
