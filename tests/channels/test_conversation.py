"""The shared answering path, with a recording platform and a stand-in for Rasa."""

import asyncio

import pytest

from bot.channels.conversation import answer
from bot.channels.incoming import IncomingMessage
from bot.channels.numbered_options import OfferedButtons
from bot.storage.pseudonym import pseudonym

SAFETY = [
    {"title": "I'm safe for now", "payload": "/affirm"},
    {"title": "I'm not safe", "payload": "/crisis"},
]


class RecordingPlatform:
    def __init__(self):
        self.sent = []

    async def send_response(self, address, message):
        self.sent.append((address, message))

    async def send_text_message(self, address, text, **kwargs):
        self.sent.append((address, {"text": text}))


class StandInBot:
    """Answers with `reply`, or fails, and records what Rasa would have received."""

    def __init__(self, reply=None, fail=False):
        self.reply, self.fail, self.received = reply, fail, []

    async def __call__(self, message):
        self.received.append(message)
        if self.fail:
            raise RuntimeError("model exploded")
        if self.reply:
            await message.output_channel.send_response(message.sender_id, dict(self.reply))


@pytest.fixture(autouse=True)
def companion_secret(monkeypatch):
    """The pseudonym key, so no test writes var/secret.key."""
    monkeypatch.setenv("COMPANION_SECRET", "test-key")


def run(incoming, bot, platform=None, offered=None):
    platform = platform or RecordingPlatform()
    asyncio.run(answer(incoming, channel="sms", platform=platform, on_new_message=bot,
                       offered=offered if offered is not None else OfferedButtons()))
    return platform


def test_rasa_sees_a_pseudonym_and_the_reply_goes_to_the_real_number():
    bot = StandInBot(reply={"text": "Hello"})
    platform = run(IncomingMessage("SM1", "+5511987654321", "oi", phone_number="+5511987654321"), bot)
    [message] = bot.received
    assert message.sender_id == pseudonym("sms", "+5511987654321", secret=b"test-key")
    assert "+55" not in message.sender_id
    assert message.metadata == {"country": "BR"}
    assert platform.sent == [("+5511987654321", {"text": "Hello"})]


def test_a_typed_number_sends_the_payload_of_the_button_offered_just_before():
    offered = OfferedButtons()
    asking = StandInBot(reply={"text": "Are you safe right now?", "buttons": SAFETY})
    run(IncomingMessage("1", "+254712345678", "hi"), asking, offered=offered)
    choosing = StandInBot(reply={"text": "Thank you for telling me."})
    run(IncomingMessage("2", "+254712345678", "2"), choosing, offered=offered)
    assert choosing.received[0].text == "/crisis"
    later = StandInBot(reply={"text": "ok"})
    run(IncomingMessage("3", "+254712345678", "2"), later, offered=offered)
    assert later.received[0].text == "2"  # the options answered one reply only


def test_a_voice_note_gets_the_only_text_answer_without_reaching_the_bot():
    bot = StandInBot(reply={"text": "never"})
    platform = run(IncomingMessage("1", "+254712345678", None), bot)
    assert bot.received == []
    [(_, message)] = platform.sent
    assert message["text"].startswith("I can only read written messages")


def test_a_failure_inside_the_bot_still_sends_a_kind_answer():
    platform = run(IncomingMessage("1", "+254712345678", "hello"), StandInBot(fail=True))
    [(address, message)] = platform.sent
    assert address == "+254712345678"
    assert "emergency number" in message["text"]


def test_an_empty_message_reaches_the_bot_as_the_empty_message_intent():
    bot = StandInBot(reply={"text": "I didn't receive any words."})
    run(IncomingMessage("1", "+254712345678", "   "), bot)
    assert bot.received[0].text == "/empty_message"
