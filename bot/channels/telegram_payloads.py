"""Read a Telegram webhook update into the message the bot should answer.

Telegram sends one update per call, identified by `update_id` (a retry repeats it). Only
private chats are answered: in a group, a personal disclosure would be read by everyone.
"/start" (what Telegram sends when someone opens the bot) is a greeting and "/help" asks
what the bot can do. The person's app language becomes `metadata.language`.
Shape: https://core.telegram.org/bots/api#update
"""

from typing import Any, Dict, Optional, Tuple

from bot.channels.incoming import IncomingMessage

COMMANDS = {"/start": "/greet", "/help": "/ask_capabilities"}


def incoming_update(update: Any) -> Tuple[Optional[IncomingMessage], Optional[str]]:
    """(the message to answer or None, the id of a button press to acknowledge or None)."""
    if not isinstance(update, dict):
        return None, None
    update_id = update.get("update_id")
    message_id = str(update_id) if isinstance(update_id, int) else None

    query = update.get("callback_query")
    if isinstance(query, dict):
        chat = _private_chat((query.get("message") or {}).get("chat"))
        data = query.get("data")
        query_id = query.get("id") if isinstance(query.get("id"), str) else None
        if chat is None or not isinstance(data, str):
            return None, query_id
        # Data is the payload, or the title when the payload was too long for Telegram.
        return IncomingMessage(message_id, chat, data, metadata=_language(query.get("from"))), query_id

    message = update.get("message") or update.get("edited_message")
    if not isinstance(message, dict):
        return None, None
    chat = _private_chat(message.get("chat"))
    if chat is None:
        return None, None
    text = message.get("text") if isinstance(message.get("text"), str) else None
    if text is not None:
        text = _command(text)
    return IncomingMessage(message_id, chat, text, metadata=_language(message.get("from"))), None


def _private_chat(chat: Any) -> Optional[str]:
    if isinstance(chat, dict) and chat.get("type") == "private" and isinstance(chat.get("id"), int):
        return str(chat["id"])
    return None


def _command(text: str) -> str:
    first, _, _rest = text.strip().partition(" ")
    command = first.split("@")[0].lower()  # "/start@CompanionBot" in some clients
    return COMMANDS.get(command, text)


def _language(sender: Any) -> Dict[str, Any]:
    code = sender.get("language_code") if isinstance(sender, dict) else None
    return {"language": code} if isinstance(code, str) and code else {}
