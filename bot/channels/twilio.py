"""SMS and WhatsApp through Twilio at /webhooks/twilio/webhook, on Rasa's built-in classes.

What changes from Rasa's built-in class:
- Every call must carry a valid X-Twilio-Signature (Twilio's RequestValidator with the auth
  token, over the webhook URL and the form fields); otherwise 403 and nothing is processed.
  Twilio signs the public URL it called: behind a proxy or tunnel set TWILIO_WEBHOOK_URL
  to exactly the URL registered in the Twilio console.
- The API address is configurable (TWILIO_API_URL), through the Twilio client's own
  hostname hook, and replies use Twilio's asynchronous HTTP client.
- The country comes from the sender's number; replies come from the number the person
  wrote to; answers run in the background, once per MessageSid; texts split at 1600
  characters; buttons become numbered lines and a typed number or title chooses one.
"""

import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text
from urllib.parse import parse_qs, urlsplit, urlunsplit

from sanic import Blueprint, response
from sanic.request import Request, RequestParameters
from sanic.response import HTTPResponse
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.request_validator import RequestValidator

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.twilio import TwilioInput, TwilioOutput

from bot.channels.conversation import answer_once
from bot.channels.deduplication import DeliveredMessages
from bot.channels.message_splitting import PLATFORM_LIMITS, split_message
from bot.channels.numbered_options import OfferedButtons, numbered_text
from bot.channels.settings import setting
from bot.channels.twilio_payloads import incoming_message

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Twilio-Signature"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def _form_fields(request: Request) -> RequestParameters:
    """The posted fields, empty ones included: Twilio signs those too (Sanic's form drops them)."""
    try:
        return RequestParameters(parse_qs((request.body or b"").decode("utf-8"), keep_blank_values=True))
    except UnicodeDecodeError:
        return RequestParameters()


class CompanionTwilioOutput(TwilioOutput):
    """Rasa's Twilio output, sending asynchronously to a configurable API address."""

    def __init__(self, account_sid: str, auth_token: str, twilio_number: str,
                 api_url: str = "", http_client: Optional[AsyncTwilioHttpClient] = None) -> None:
        super().__init__(account_sid, auth_token, twilio_number)
        self.api_url = api_url.rstrip("/")
        if http_client is not None:
            self.http_client = http_client

    def get_hostname(self, uri: str) -> str:
        """Twilio's hook for choosing the host; here it can point at any base URL."""
        if not self.api_url:
            return super().get_hostname(uri)
        base = urlsplit(self.api_url)
        original = urlsplit(uri)
        return urlunsplit((base.scheme, base.netloc, base.path + original.path, original.query, ""))

    async def _send_message(self, message_data: Dict[Text, Any]) -> Any:
        return await self.messages.create_async(**message_data)

    def _sender_for(self, recipient_id: Text) -> Text:
        """WhatsApp replies must come from a "whatsapp:" address too."""
        number = self.twilio_number or ""
        if recipient_id.startswith("whatsapp:") and not number.startswith("whatsapp:"):
            return f"whatsapp:{number}"
        return number

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for part in split_message(text, PLATFORM_LIMITS["sms"]):
            await self._send_message({"to": recipient_id, "from_": self._sender_for(recipient_id), "body": part})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, numbered_text(text or "", buttons))

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self._send_message({"to": recipient_id, "from_": self._sender_for(recipient_id),
                                  "media_url": [image]})


class CompanionTwilioInput(TwilioInput):
    @classmethod
    def name(cls) -> Text:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "CompanionTwilioInput":
        credentials = credentials or {}
        return cls(
            setting(credentials, "account_sid"),
            setting(credentials, "auth_token"),
            setting(credentials, "twilio_number"),
            webhook_url=setting(credentials, "webhook_url"),
            api_url=setting(credentials, "api_url"),
        )

    def __init__(self, account_sid: str, auth_token: str, twilio_number: str,
                 webhook_url: str = "", api_url: str = "") -> None:
        super().__init__(account_sid, auth_token, twilio_number, debug_mode=False)
        self.webhook_url = webhook_url
        self.api_url = api_url
        self.enabled = bool(account_sid and auth_token)
        self.delivered = DeliveredMessages()
        self.offered = OfferedButtons()
        self._http_client: Optional[AsyncTwilioHttpClient] = None
        if not self.enabled:
            logger.info("Twilio channel loaded without its secrets: every webhook call is refused.")

    def get_output_channel(self, from_number: Optional[str] = None) -> Optional[CompanionTwilioOutput]:
        if not self.enabled:
            return None
        if self._http_client is None:  # created here, inside the running event loop
            self._http_client = AsyncTwilioHttpClient()
        return CompanionTwilioOutput(self.account_sid, self.auth_token,
                                     from_number or self.twilio_number, self.api_url, self._http_client)

    def _authentic(self, request: Request, form: RequestParameters) -> bool:
        signature = request.headers.get(SIGNATURE_HEADER) or ""
        if not self.enabled or not signature:
            return False
        url = self.webhook_url or request.url
        return RequestValidator(self.auth_token).validate(url, form, signature)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            form = _form_fields(request)
            if not self._authentic(request, form):
                logger.warning("A Twilio webhook call without a valid signature; refused.")
                return response.text("refused", status=403)
            incoming = incoming_message(form)
            if incoming:
                answer_once(incoming, self.delivered, channel=self.name(),
                            platform=self.get_output_channel(form.get("To") or None),
                            on_new_message=on_new_message, offered=self.offered, request=request)
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return webhook
