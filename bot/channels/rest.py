"""The REST channel at /webhooks/rest/webhook, answering every request.

Same contract as Rasa's built-in REST channel (`{"sender", "message", "metadata"}` in, a
JSON list of bot messages out), but a missing, empty or non-string message gets a kind
answer instead of silence, malformed JSON gets a 400 with a readable message, and a failure
inside the bot still answers (with the emergency-number reminder) instead of an empty list.
"""

import json
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, List

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage

from bot.channels.input_validation import usable_metadata, usable_sender, usable_text

logger = logging.getLogger(__name__)

UNREADABLE_REQUEST = (
    "Sorry, I could not read that request. Please send JSON like "
    '{"sender": "your-id", "message": "hello"}.'
)
INTERNAL_ERROR = (
    "Sorry, something went wrong on my side. Please try again in a moment. "
    "If you are in danger right now, please call your local emergency number."
)


def _bot_messages(recipient_id: Any, text: str) -> List[Dict[str, Any]]:
    return [{"recipient_id": recipient_id, "text": text}]


class SafeRestInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = json.loads(request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                return response.json(_bot_messages(None, UNREADABLE_REQUEST), status=400)
            if not isinstance(body, dict):
                return response.json(_bot_messages(None, UNREADABLE_REQUEST), status=400)

            sender_id = usable_sender(body.get("sender")) or uuid.uuid4().hex
            collector = CollectingOutputChannel()
            message = UserMessage(
                usable_text(body.get("message")),
                collector,
                sender_id,
                input_channel=self.name(),
                metadata=usable_metadata(body.get("metadata")),
            )
            try:
                await on_new_message(message)
            except Exception:  # never silence: the person still gets an answer
                logger.exception("Handling a REST message failed (text not logged).")
            if not collector.messages:
                return response.json(_bot_messages(sender_id, INTERNAL_ERROR))
            return response.json(collector.messages)

        return webhook
