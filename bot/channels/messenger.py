"""Facebook Messenger channel at /webhooks/facebook/webhook, on Rasa's built-in classes.

What changes from Rasa's built-in class:
- The signature is checked as the built-in does, but X-Hub-Signature-256 (SHA-256) is
  preferred over the older X-Hub-Signature (SHA-1), compared in constant time, and a call
  without a valid one gets 401/403 instead of a 200 "not validated".
- The Graph API address is configurable (MESSENGER_API_URL), default v19.0.
- Every event in a body is answered (the built-in class stopped at the first), in the
  background, once per message id (mid); texts split at 2000 characters; up to three short
  buttons become a button template, up to thirteen become quick replies, more become
  numbered lines; a typed title or number chooses too. fbmessenger's blocking HTTP calls
  run in a worker thread so one slow send does not stall every conversation.
"""

import asyncio
import hmac
import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from fbmessenger import MessengerClient
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.facebook import FacebookInput, MessengerBot

from bot.channels.conversation import answer_once
from bot.channels.deduplication import DeliveredMessages
from bot.channels.message_splitting import PLATFORM_LIMITS, split_message
from bot.channels.messenger_payloads import incoming_messages
from bot.channels.numbered_options import OfferedButtons, numbered_text, usable_buttons
from bot.channels.settings import setting
from bot.channels.signatures import signature_matches

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://graph.facebook.com/v19.0"
MAX_TEMPLATE_BUTTONS = 3
MAX_TEMPLATE_TEXT = 640
MAX_QUICK_REPLIES = 13
MAX_TITLE = 20


class CompanionMessengerOutput(MessengerBot):
    """Rasa's Messenger output, sending without blocking the event loop."""

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for part in split_message(text, PLATFORM_LIMITS["messenger"]):
            await self._send({"text": part}, recipient_id)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        options = usable_buttons(buttons)
        short = options and all(len(b["title"].strip()) <= MAX_TITLE for b in options)
        if short and len(options) <= MAX_TEMPLATE_BUTTONS and 0 < len(text or "") <= MAX_TEMPLATE_TEXT:
            await self._send(_button_template(text, options), recipient_id)
        elif short and len(options) <= MAX_QUICK_REPLIES and 0 < len(text or "") <= PLATFORM_LIMITS["messenger"]:
            await self._send(_quick_replies(text, options), recipient_id)
        else:
            await self.send_text_message(recipient_id, numbered_text(text or "", buttons))

    async def send_quick_replies(self, recipient_id: Text, text: Text,
                                 quick_replies: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self._send({"attachment": {"type": "image", "payload": {"url": image}}}, recipient_id)

    async def send_custom_json(self, recipient_id: Text, json_message: Any, **kwargs: Any) -> None:
        await self._send(json_message, recipient_id)

    async def send_elements(self, recipient_id: Text, elements: Any, **kwargs: Any) -> None:
        await self._send({"attachment": {"type": "template", "payload": {
            "template_type": "generic", "elements": list(elements)}}}, recipient_id)

    async def send_action(self, recipient_id: Text, sender_action: Text) -> None:
        await asyncio.to_thread(self.messenger_client.send_action, sender_action, recipient_id)

    async def _send(self, payload: Any, recipient_id: Text) -> None:
        result = await asyncio.to_thread(self.messenger_client.send, payload, recipient_id, "RESPONSE")
        if isinstance(result, dict) and result.get("error"):
            error = result["error"] if isinstance(result["error"], dict) else {}
            logger.error("Messenger refused a reply: error code %s", error.get("code"))


def _button_template(text: str, options: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {"attachment": {"type": "template", "payload": {
        "template_type": "button",
        "text": text,
        "buttons": [{"type": "postback", "title": b["title"].strip(), "payload": b["payload"]}
                    for b in options],
    }}}


def _quick_replies(text: str, options: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {"text": text, "quick_replies": [
        {"content_type": "text", "title": b["title"].strip(), "payload": b["payload"]} for b in options
    ]}


class CompanionFacebookInput(FacebookInput):
    @classmethod
    def name(cls) -> Text:
        return "facebook"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "CompanionFacebookInput":
        credentials = credentials or {}
        return cls(
            setting(credentials, "verify"),
            setting(credentials, "secret"),
            setting(credentials, "page-access-token"),
            api_url=setting(credentials, "api_url", DEFAULT_API_URL),
        )

    def __init__(self, fb_verify: Text, fb_secret: Text, fb_access_token: Text,
                 api_url: str = DEFAULT_API_URL) -> None:
        super().__init__(fb_verify, fb_secret, fb_access_token)
        self.enabled = bool(fb_secret and fb_access_token)
        self.api_url = api_url.rstrip("/")
        self.output = self._new_output() if self.enabled else None
        self.delivered = DeliveredMessages()
        self.offered = OfferedButtons()
        if not self.enabled:
            logger.info("Messenger channel loaded without its secrets: every webhook call is refused.")

    def _new_output(self) -> CompanionMessengerOutput:
        client = MessengerClient(self.fb_access_token)
        client.graph_url = self.api_url  # fbmessenger builds every URL from this attribute
        return CompanionMessengerOutput(client)

    def get_output_channel(self) -> Optional[CompanionMessengerOutput]:
        return self.output

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            if self.fb_verify and hmac.compare_digest(token.encode(), self.fb_verify.encode()):
                return response.text(request.args.get("hub.challenge") or "")
            return response.text("verification failed", status=403)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.enabled:
                return response.text("channel not configured", status=403)
            sha256 = request.headers.get("X-Hub-Signature-256")
            sha1 = request.headers.get("X-Hub-Signature")
            if not sha256 and not sha1:
                return response.text("signature missing", status=401)
            valid = (signature_matches(self.fb_secret, request.body, sha256, "sha256") if sha256
                     else signature_matches(self.fb_secret, request.body, sha1, "sha1"))
            if not valid:
                logger.warning("A Messenger webhook call had a wrong signature; refused.")
                return response.text("signature wrong", status=403)
            try:
                body = json.loads(request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                return response.text("unreadable body", status=400)
            for incoming in incoming_messages(body):
                answer_once(incoming, self.delivered, channel=self.name(), platform=self.output,
                            on_new_message=on_new_message, offered=self.offered, request=request)
            return response.text("success")

        return webhook
