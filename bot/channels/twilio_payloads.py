"""Read a Twilio incoming-message webhook (SMS, or WhatsApp through Twilio).

Twilio posts form fields: MessageSid, From, To, Body, NumMedia... From is "+15551234567"
for SMS and "whatsapp:+15551234567" for WhatsApp. A message with media and no words, or a
shared location, becomes a message without text.
Fields: https://www.twilio.com/docs/messaging/guides/webhook-request
"""

from typing import Any, Mapping, Optional

from bot.channels.incoming import IncomingMessage


def incoming_message(form: Mapping[str, Any]) -> Optional[IncomingMessage]:
    sender = _field(form, "From")
    if not sender:
        return None
    body = _field(form, "Body")
    has_media = _field(form, "NumMedia") not in ("", "0")
    is_location = bool(_field(form, "Latitude"))
    if body.strip():
        text = body.replace("¡", "@")  # some carriers turn @ into ¡ (as in Rasa's channel)
    elif has_media or is_location:
        text = None
    else:
        text = ""  # an empty SMS: the bot answers it kindly
    return IncomingMessage(
        message_id=_field(form, "MessageSid") or None,
        address=sender,
        text=text,
        phone_number=sender.split(":", 1)[-1],
        metadata={},
    )


def _field(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""
