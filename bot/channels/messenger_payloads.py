"""Read a Facebook Messenger webhook body into the messages the bot should answer.

A body can carry several events. The page's own messages (echoes), delivery and read
receipts are skipped. Text, quick-reply taps and button postbacks are answered; an
attachment (photo, voice note, sticker, location) becomes a message without text.
Shape: https://developers.facebook.com/docs/messenger-platform/reference/webhook-events
"""

from typing import Any, Dict, List, Optional

from bot.channels.incoming import IncomingMessage


def incoming_messages(body: Any) -> List[IncomingMessage]:
    found = []
    entries = body.get("entry") if isinstance(body, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        events = entry.get("messaging") if isinstance(entry, dict) else None
        for event in events if isinstance(events, list) else []:
            incoming = _incoming(event) if isinstance(event, dict) else None
            if incoming:
                found.append(incoming)
    return found


def _incoming(event: Dict[str, Any]) -> Optional[IncomingMessage]:
    sender = (event.get("sender") or {}).get("id")
    if not isinstance(sender, str) or not sender:
        return None
    postback = event.get("postback")
    if isinstance(postback, dict) and isinstance(postback.get("payload"), str):
        return IncomingMessage(_id(postback), sender, postback["payload"], is_choice=True)
    message = event.get("message")
    if not isinstance(message, dict) or message.get("is_echo"):
        return None
    quick_reply = message.get("quick_reply") or {}
    if isinstance(quick_reply.get("payload"), str) and quick_reply["payload"]:
        return IncomingMessage(_id(message), sender, quick_reply["payload"], is_choice=True)
    if isinstance(message.get("text"), str):
        return IncomingMessage(_id(message), sender, message["text"])
    if message.get("attachments"):
        return IncomingMessage(_id(message), sender, None)
    return None


def _id(part: Dict[str, Any]) -> Optional[str]:
    return part.get("mid") if isinstance(part.get("mid"), str) else None
