"""Turn whatever a channel received into a message text Rasa can always answer.

Rasa's built-in REST channel answers a body without `message`, or with a non-string one,
with an empty list: silence. Here every such case becomes `/empty_message`, an intent whose
rule answers kindly. Message text is never logged.
"""

from typing import Any, Optional

from bot.text import clean, has_letters

EMPTY_MESSAGE_PAYLOAD = "/empty_message"
# Longer messages are cut here: enough for any real message, bounded for the model.
MAX_MESSAGE_CHARS = 5000


def usable_text(raw: Any) -> str:
    """The text to hand to Rasa for a received `message` value of any type."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str):
        return EMPTY_MESSAGE_PAYLOAD
    text = clean(raw)
    if not text:
        return EMPTY_MESSAGE_PAYLOAD
    if len(text) > MAX_MESSAGE_CHARS:
        text = text[:MAX_MESSAGE_CHARS]
    return text


def usable_sender(raw: Any) -> Optional[str]:
    """A sender id as text, or None when the request gave none we can use."""
    if isinstance(raw, (str, int)) and not isinstance(raw, bool) and str(raw).strip():
        return str(raw).strip()[:128]
    return None


def usable_metadata(raw: Any) -> dict:
    return raw if isinstance(raw, dict) else {}
