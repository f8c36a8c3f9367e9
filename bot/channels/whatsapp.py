"""WhatsApp Business Cloud API channel at /webhooks/whatsapp/webhook.

GET answers Meta's webhook verification. POST checks X-Hub-Signature-256 (HMAC-SHA256 of
the raw body with the app secret) before reading anything: missing gives 401, wrong gives
403, and nothing is processed. Accepted messages are answered in the background so Meta
gets its 200 at once and never retries because the model was slow; a retry that still
comes is recognised by its message id and answered once.

Settings come from credentials.yml, which references environment variables:
WHATSAPP_VERIFY_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID,
WHATSAPP_API_URL (default Meta's Graph API). Without the secrets the channel still loads and
refuses every POST with 403.
"""

import hmac
import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage

from bot.channels.conversation import answer_once
from bot.channels.deduplication import DeliveredMessages
from bot.channels.numbered_options import OfferedButtons
from bot.channels.settings import setting
from bot.channels.signatures import signature_matches
from bot.channels.whatsapp_output import DEFAULT_API_URL, WhatsAppOutput
from bot.channels.whatsapp_payloads import incoming_messages

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Hub-Signature-256"


class WhatsAppInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "whatsapp"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        return cls(
            verify_token=setting(credentials, "verify_token"),
            app_secret=setting(credentials, "app_secret"),
            access_token=setting(credentials, "access_token"),
            phone_number_id=setting(credentials, "phone_number_id"),
            api_url=setting(credentials, "api_url", DEFAULT_API_URL),
        )

    def __init__(self, verify_token: str = "", app_secret: str = "", access_token: str = "",
                 phone_number_id: str = "", api_url: str = DEFAULT_API_URL):
        self.verify_token = verify_token
        self.app_secret = app_secret
        self.enabled = bool(app_secret and access_token and phone_number_id)
        self.output = WhatsAppOutput(api_url, phone_number_id, access_token) if self.enabled else None
        self.delivered = DeliveredMessages()
        self.offered = OfferedButtons()
        if not self.enabled:
            logger.info("WhatsApp channel loaded without its secrets: every webhook call is refused.")

    def get_output_channel(self) -> Optional[OutputChannel]:
        return self.output

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            if (
                request.args.get("hub.mode") == "subscribe"
                and self.verify_token
                and hmac.compare_digest(token.encode(), self.verify_token.encode())
            ):
                return response.text(request.args.get("hub.challenge") or "")
            return response.text("verification failed", status=403)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.enabled:
                return response.text("channel not configured", status=403)
            signature = request.headers.get(SIGNATURE_HEADER)
            if not signature:
                return response.text("signature missing", status=401)
            if not signature_matches(self.app_secret, request.body, signature):
                logger.warning("A WhatsApp webhook call had a wrong signature; refused.")
                return response.text("signature wrong", status=403)
            try:
                body = json.loads(request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                return response.text("unreadable body", status=400)
            for incoming in incoming_messages(body):
                answer_once(incoming, self.delivered, channel=self.name(), platform=self.output,
                            on_new_message=on_new_message, offered=self.offered, request=request)
            return response.text("ok")

        return webhook
