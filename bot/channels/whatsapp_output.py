"""Send the bot's replies through the WhatsApp Cloud API.

POST {api_url}/{phone_number_id}/messages with the access token as a Bearer token. Up to
three short buttons become WhatsApp reply buttons; more (or longer titles, or a long text)
become numbered lines, which every phone shows and a typed number answers. Texts longer
than WhatsApp's 4096 characters are split. A failed send is logged by status code only.
"""

import logging
from typing import Any, Dict, List, Optional, Text

import aiohttp
from rasa.core.channels.channel import OutputChannel

from bot.channels.message_splitting import PLATFORM_LIMITS, split_message
from bot.channels.numbered_options import numbered_text, usable_buttons

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://graph.facebook.com/v19.0"
MAX_REPLY_BUTTONS = 3
MAX_BUTTON_TITLE = 20
MAX_BUTTON_ID = 256
MAX_INTERACTIVE_BODY = 1024
SEND_TIMEOUT_SECONDS = 20


def text_message(to: str, text: str) -> Dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": "text",
        "text": {"preview_url": False, "body": text},
    }


def reply_buttons_message(to: str, text: str, buttons: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """An interactive message with reply buttons, or None when WhatsApp would refuse it."""
    options = usable_buttons(buttons)
    payloads = [b["payload"] for b in options]
    fits = (
        0 < len(options) <= MAX_REPLY_BUTTONS
        and len(set(payloads)) == len(payloads)
        and all(len(b["title"].strip()) <= MAX_BUTTON_TITLE for b in options)
        and all(len(p) <= MAX_BUTTON_ID for p in payloads)
        and 0 < len(text.strip()) <= MAX_INTERACTIVE_BODY
    )
    if not fits:
        return None
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": text.strip()},
            "action": {
                "buttons": [
                    {"type": "reply", "reply": {"id": b["payload"], "title": b["title"].strip()}}
                    for b in options
                ]
            },
        },
    }


class WhatsAppOutput(OutputChannel):
    """One per channel; `recipient_id` is the person's WhatsApp number (wa_id)."""

    @classmethod
    def name(cls) -> Text:
        return "whatsapp"

    def __init__(self, api_url: str, phone_number_id: str, access_token: str):
        self._messages_url = f"{api_url.rstrip('/')}/{phone_number_id}/messages"
        self._access_token = access_token
        self._session: Optional[aiohttp.ClientSession] = None

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for part in split_message(text, PLATFORM_LIMITS["whatsapp"]):
            await self._post(text_message(recipient_id, part))

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        interactive = reply_buttons_message(recipient_id, text or "", buttons)
        if interactive:
            await self._post(interactive)
        else:
            await self.send_text_message(recipient_id, numbered_text(text or "", buttons))

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self._post({"messaging_product": "whatsapp", "to": recipient_id,
                          "type": "image", "image": {"link": image}})

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        """A deployer's own WhatsApp message object (a template, say), sent as given."""
        await self._post({"messaging_product": "whatsapp", "to": recipient_id, **json_message})

    async def _post(self, body: Dict[str, Any]) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=SEND_TIMEOUT_SECONDS)
            )
        headers = {"Authorization": f"Bearer {self._access_token}"}
        async with self._session.post(self._messages_url, json=body, headers=headers) as reply:
            if reply.status >= 400:
                logger.error("WhatsApp refused a reply: HTTP %s", reply.status)
