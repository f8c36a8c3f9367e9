"""Read a WhatsApp Cloud API webhook body into the messages the bot should answer.

One body can carry several messages and status callbacks (sent, delivered, read). Statuses,
reactions and system notices are not messages from a person and are skipped. Written text
and tapped buttons are answered; any other kind (photo, voice note, sticker, location...)
becomes a message without text, which the channel answers by asking for words.
Shape: https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples
"""

from typing import Any, Dict, List, Optional

from bot.channels.incoming import IncomingMessage

_NOT_FROM_A_PERSON = frozenset({"reaction", "system", "errors", "ephemeral", "request_welcome"})


def incoming_messages(body: Any) -> List[IncomingMessage]:
    """The messages in a webhook body, in order; anything malformed is skipped."""
    found = []
    for entry in _dicts(body.get("entry") if isinstance(body, dict) else None):
        for change in _dicts(entry.get("changes")):
            value = change.get("value") if isinstance(change.get("value"), dict) else {}
            for message in _dicts(value.get("messages")):
                incoming = _incoming(message)
                if incoming:
                    found.append(incoming)
    return found


def _incoming(message: Dict[str, Any]) -> Optional[IncomingMessage]:
    sender = message.get("from")
    kind = message.get("type")
    if not isinstance(sender, str) or not sender.strip() or kind in _NOT_FROM_A_PERSON:
        return None
    text, is_choice = _text_of(message, kind)
    return IncomingMessage(
        message_id=message.get("id") if isinstance(message.get("id"), str) else None,
        address=sender.strip(),
        text=text,
        is_choice=is_choice,
        phone_number="+" + sender.strip().lstrip("+"),
    )


def _text_of(message: Dict[str, Any], kind: Any):
    """(text, is_choice); text None for anything that is not words."""
    if kind == "text":
        body = (message.get("text") or {}).get("body")
        return (body, False) if isinstance(body, str) else (None, False)
    if kind == "interactive":
        interactive = message.get("interactive") or {}
        reply = interactive.get(interactive.get("type")) or {}  # button_reply or list_reply
        if isinstance(reply.get("id"), str) and reply["id"]:
            return reply["id"], True
        return (reply["title"], False) if isinstance(reply.get("title"), str) else (None, False)
    if kind == "button":  # a quick-reply button of a template message
        button = message.get("button") or {}
        if isinstance(button.get("payload"), str) and button["payload"]:
            return button["payload"], True
        return (button["text"], False) if isinstance(button.get("text"), str) else (None, False)
    return None, False


def _dicts(items: Any) -> List[Dict[str, Any]]:
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
