"""How each platform's output shows buttons and long texts, without any network."""

import asyncio
import json

from bot.channels.messenger import CompanionMessengerOutput
from bot.channels.telegram import _inline_keyboard
from bot.channels.twilio import CompanionTwilioOutput

SAFETY = [
    {"title": "I'm safe for now", "payload": "/affirm"},
    {"title": "I'm not safe", "payload": "/crisis"},
]
LANGUAGES = [{"title": name, "payload": f'/change_language{{"language":"{code}"}}'}
             for code, name in [("en", "English"), ("es", "Español"), ("fr", "Français"), ("pt", "Português")]]


class RecordingMessengerClient:
    def __init__(self):
        self.sent = []

    def send(self, payload, recipient_id, messaging_type="RESPONSE", **kwargs):
        self.sent.append(payload)
        return {"recipient_id": recipient_id, "message_id": "m_1"}


def messenger_sends(text, buttons):
    client = RecordingMessengerClient()
    asyncio.run(CompanionMessengerOutput(client).send_text_with_buttons("123", text, buttons))
    return client.sent


def test_messenger_shows_up_to_three_short_buttons_as_a_button_template():
    [sent] = messenger_sends("Are you safe right now?", SAFETY)
    template = sent["attachment"]["payload"]
    assert template["template_type"] == "button"
    assert [b["payload"] for b in template["buttons"]] == ["/affirm", "/crisis"]


def test_messenger_shows_more_buttons_as_quick_replies_and_long_titles_as_numbered_lines():
    [quick] = messenger_sends("Which language?", LANGUAGES)
    assert [q["title"] for q in quick["quick_replies"]] == ["English", "Español", "Français", "Português"]
    [numbered] = messenger_sends("Pick one", [{"title": "A title far longer than twenty", "payload": "/x"}])
    assert numbered == {"text": "Pick one\n\n1. A title far longer than twenty"}


def test_messenger_splits_a_long_text_at_2000_characters():
    client = RecordingMessengerClient()
    text = "A calm sentence to read slowly. " * 100
    asyncio.run(CompanionMessengerOutput(client).send_text_message("123", text))
    assert len(client.sent) == 2 and all(len(part["text"]) <= 2000 for part in client.sent)


def test_telegram_buttons_send_their_payload_or_the_title_when_the_payload_is_too_long():
    long_payload = '/rate{"score":7,"topic":"' + "x" * 60 + '"}'
    keyboard = _inline_keyboard(SAFETY + [{"title": "7", "payload": long_payload}])
    rows = json.loads(keyboard.as_json())["inline_keyboard"]
    assert [row[0]["callback_data"] for row in rows] == ["/affirm", "/crisis", "7"]


def test_twilio_sends_to_the_configured_api_address_and_whatsapp_from_a_whatsapp_sender():
    output = CompanionTwilioOutput("ACtest", "token", "+14155550100", api_url="http://127.0.0.1:9/twilio")
    assert output.get_hostname("https://api.twilio.com/2010-04-01/Accounts/ACtest/Messages.json") == (
        "http://127.0.0.1:9/twilio/2010-04-01/Accounts/ACtest/Messages.json"
    )
    assert output._sender_for("whatsapp:+5511987654321") == "whatsapp:+14155550100"
    assert output._sender_for("+254712345678") == "+14155550100"
