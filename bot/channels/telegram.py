"""Telegram channel at /webhooks/telegram/webhook, built on Rasa's own Telegram channel.

What changes from Rasa's built-in class:
- Authenticity: Telegram sends the secret given when the webhook was set in the header
  X-Telegram-Bot-Api-Secret-Token; a call without the right one gets 403 and nothing is
  processed. (The built-in class only asked Telegram for the bot's name on every call,
  which any caller passes.) Without a token and a secret the channel refuses every call.
- The API address is configurable (TELEGRAM_API_URL), for tests and local Bot API servers.
- Answers run in the background, once per update_id; a long text is split at 4096
  characters at natural boundaries; buttons are inline buttons, and a typed title or number
  chooses one too. Conversations are stored under a pseudonym, not the chat id.
- The webhook is not set at startup (that needed Telegram to be reachable for Rasa to
  start): call /webhooks/telegram/set_webhook once, or see the README.
"""

import hmac
import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.exceptions import ValidationError
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.telegram import TelegramInput, TelegramOutput

from bot.channels.conversation import answer_once, in_background
from bot.channels.deduplication import DeliveredMessages
from bot.channels.message_splitting import PLATFORM_LIMITS, split_message
from bot.channels.numbered_options import OfferedButtons, numbered_text, usable_buttons
from bot.channels.settings import setting
from bot.channels.telegram_payloads import incoming_update

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_CALLBACK_DATA_BYTES = 64


class CompanionTelegramOutput(TelegramOutput):
    """Rasa's Telegram output (an aiogram Bot) talking to a configurable API address."""

    def __init__(self, access_token: str, api_url: str = DEFAULT_API_URL) -> None:
        Bot.__init__(self, access_token, server=TelegramAPIServer.from_base(api_url))

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for part in split_message(text, PLATFORM_LIMITS["telegram"]):
            await self.send_message(recipient_id, part)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        """One inline button per row (long titles stay readable); the text before it split."""
        keyboard = _inline_keyboard(buttons)
        if keyboard is None:
            await self.send_text_message(recipient_id, numbered_text(text or "", buttons))
            return
        parts = split_message(text or "", PLATFORM_LIMITS["telegram"]) or ["…"]
        for part in parts[:-1]:
            await self.send_message(recipient_id, part)
        await self.send_message(recipient_id, parts[-1], reply_markup=keyboard)


def _inline_keyboard(buttons: Any) -> Optional[InlineKeyboardMarkup]:
    """Inline buttons sending the payload, or the title when the payload is too long."""
    options = usable_buttons(buttons)
    if not options:
        return None
    keyboard = InlineKeyboardMarkup()
    for button in options:
        data = button["payload"]
        if len(data.encode()) > MAX_CALLBACK_DATA_BYTES:
            data = button["title"].strip()
            if len(data.encode()) > MAX_CALLBACK_DATA_BYTES:
                return None
        keyboard.row(InlineKeyboardButton(button["title"].strip(), callback_data=data))
    return keyboard


class CompanionTelegramInput(TelegramInput):
    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "CompanionTelegramInput":
        credentials = credentials or {}
        return cls(
            access_token=setting(credentials, "access_token"),
            secret_token=setting(credentials, "secret_token"),
            webhook_url=setting(credentials, "webhook_url"),
            api_url=setting(credentials, "api_url", DEFAULT_API_URL),
        )

    def __init__(self, access_token: str = "", secret_token: str = "", webhook_url: str = "",
                 api_url: str = DEFAULT_API_URL) -> None:
        super().__init__(access_token, None, webhook_url, debug_mode=False)
        self.secret_token = secret_token
        self.output: Optional[CompanionTelegramOutput] = None
        if access_token and secret_token:
            try:
                self.output = CompanionTelegramOutput(access_token, api_url)
            except ValidationError:
                logger.error("TELEGRAM_TOKEN does not look like a bot token; channel refused.")
        if self.output is None:
            logger.info("Telegram channel loaded without its secrets: every webhook call is refused.")
        self.delivered = DeliveredMessages()
        self.offered = OfferedButtons()

    def get_output_channel(self) -> Optional[CompanionTelegramOutput]:
        return self.output

    def _authentic(self, request: Request) -> bool:
        given = request.headers.get(SECRET_HEADER) or ""
        return bool(self.output) and hmac.compare_digest(given.encode(), self.secret_token.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/set_webhook", methods=["POST"])
        async def set_webhook(request: Request) -> HTTPResponse:
            """Register webhook_url with Telegram, with the secret it must send back.

            Only a caller who already knows the secret may do this.
            """
            if not self._authentic(request) or not self.webhook_url:
                return response.text("refused", status=403)
            await self.output.request(
                "setWebhook",
                {"url": self.webhook_url, "secret_token": self.secret_token,
                 "allowed_updates": json.dumps(["message", "edited_message", "callback_query"])},
            )
            return response.text("webhook set")

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self._authentic(request):
                return response.text("refused", status=403)
            try:
                update = json.loads(request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                return response.text("unreadable body", status=400)
            incoming, button_press = incoming_update(update)
            if button_press:
                in_background(self._acknowledge(button_press))
            if incoming:
                answer_once(incoming, self.delivered, channel=self.name(), platform=self.output,
                            on_new_message=on_new_message, offered=self.offered, request=request)
            return response.text("ok")

        return webhook

    async def _acknowledge(self, callback_query_id: str) -> None:
        """Stop the button's loading spinner in the person's app."""
        try:
            await self.output.answer_callback_query(callback_query_id)
        except Exception as error:
            logger.warning("Acknowledging a Telegram button failed: %s", type(error).__name__)
