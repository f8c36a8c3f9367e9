"""Telegram channel against the real server; replies captured by the fake Bot API."""

import json
import random
import time

import pytest

from tests.server.channel_settings import TELEGRAM_SECRET_TOKEN, TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_URL
from tests.server.helpers import greeting_in, new_sender, texts_in
from tests.server.messaging import encoded, payload, post

pytestmark = pytest.mark.server

WEBHOOK = "/webhooks/telegram/webhook"


def new_chat() -> int:
    return random.randint(10_000_000, 2_000_000_000)


def text_update(text: str, chat: int, language: str = "es"):
    update = payload("telegram_message")
    update["update_id"] = random.randint(1, 2**31)
    update["message"]["text"] = text
    update["message"]["chat"]["id"] = update["message"]["from"]["id"] = chat
    update["message"]["from"]["language_code"] = language
    return update


def send(rasa_server, update, secret=TELEGRAM_SECRET_TOKEN):
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    return post(rasa_server, WEBHOOK, encoded(update), headers)


def _method(request):
    return request.path.rsplit("/", 1)[-1]


def messages_to(fake_platform_api, chat, at_least=1, timeout=60):
    requests = fake_platform_api.wait_for(
        lambda r: _method(r) == "sendMessage" and r.body.get("chat_id") == str(chat), at_least, timeout
    )
    return requests, [r.body["text"] for r in requests]


def test_a_spanish_greeting_is_answered_in_spanish_through_the_configured_api(rasa_server, fake_platform_api):
    chat = new_chat()
    assert send(rasa_server, text_update("hola", chat))[0] == 200
    requests, texts = messages_to(fake_platform_api, chat)
    assert texts[0] == greeting_in("es")
    assert requests[0].path == f"/telegram/bot{TELEGRAM_TOKEN}/sendMessage"
    keyboard = json.loads(requests[0].body["reply_markup"])["inline_keyboard"]
    assert [row[0]["callback_data"] for row in keyboard] == ["/ask_capabilities", "/change_language"]


def test_start_is_answered_with_a_greeting_in_the_apps_language(rasa_server, fake_platform_api):
    chat = new_chat()
    send(rasa_server, text_update("/start", chat, language="pt-BR"))
    _, texts = messages_to(fake_platform_api, chat)
    assert texts[0] == greeting_in("pt")


@pytest.mark.parametrize("secret", [None, "", "guessed-secret"])
def test_a_call_without_the_webhook_secret_is_refused_and_nothing_is_sent(rasa_server, fake_platform_api, secret):
    chat = new_chat()
    assert send(rasa_server, text_update("hola", chat), secret=secret)[0] == 403
    time.sleep(3)
    assert fake_platform_api.matching(lambda r: r.body.get("chat_id") == str(chat)) == []


def test_the_same_update_delivered_twice_is_answered_once(rasa_server, fake_platform_api):
    once, twice = new_chat(), new_chat()
    send(rasa_server, text_update("hola", once))
    update = text_update("hola", twice)
    send(rasa_server, update)
    send(rasa_server, update)
    _, answered_once = messages_to(fake_platform_api, once)
    _, answered_twice = messages_to(fake_platform_api, twice)
    time.sleep(2)
    assert answered_twice == answered_once


def test_a_pressed_button_is_answered_and_acknowledged(rasa_server, fake_platform_api):
    chat = new_chat()
    update = payload("telegram_callback_query")
    update["update_id"] = random.randint(1, 2**31)
    update["callback_query"]["id"] = query_id = str(random.getrandbits(60))
    update["callback_query"]["message"]["chat"]["id"] = update["callback_query"]["from"]["id"] = chat
    assert send(rasa_server, update)[0] == 200
    _, texts = messages_to(fake_platform_api, chat)
    over_rest = rasa_server.say(new_sender(), "/ask_capabilities", language="es")
    assert texts[0] == over_rest[0]["text"]
    acknowledged = fake_platform_api.wait_for(
        lambda r: _method(r) == "answerCallbackQuery" and r.body.get("callback_query_id") == query_id
    )
    assert len(acknowledged) == 1


def test_a_typed_option_title_chooses_that_button(rasa_server, fake_platform_api):
    chat = new_chat()
    send(rasa_server, text_update("/change_language", chat, language="en"))
    _, offered = messages_to(fake_platform_api, chat)
    send(rasa_server, text_update("español", chat, language="en"))
    _, texts = messages_to(fake_platform_api, chat, at_least=len(offered) + 1)
    switched = rasa_server.say(new_sender(), '/change_language{"language":"es"}')[0]["text"]
    assert texts[len(offered)].startswith(switched)
    assert switched in texts_in("es")


def test_setting_the_webhook_registers_the_url_with_its_secret_and_needs_the_secret(rasa_server, fake_platform_api):
    assert post(rasa_server, "/webhooks/telegram/set_webhook", b"")[0] == 403
    headers = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET_TOKEN}
    assert post(rasa_server, "/webhooks/telegram/set_webhook", b"", headers)[0] == 200
    [registered] = fake_platform_api.wait_for(lambda r: _method(r) == "setWebhook")
    assert registered.body["url"] == TELEGRAM_WEBHOOK_URL
    assert registered.body["secret_token"] == TELEGRAM_SECRET_TOKEN
