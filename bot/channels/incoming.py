"""One message received from a messaging platform, in the shape every channel shares.

Each platform's webhook parser turns its own JSON or form data into these, so answering,
deduplication, numbered choices and the country lookup are written once.
"""

from dataclasses import dataclass, field
from typing import Any, Dict, Optional


@dataclass(frozen=True)
class IncomingMessage:
    # The platform's id for this delivery (retries repeat it); None when it has none.
    message_id: Optional[str]
    # Where replies go: a phone number, a chat id, a page-scoped id. Never logged or stored.
    address: str
    # The written text, or None for what the bot cannot read (photo, voice note, sticker...).
    text: Optional[str]
    # True when the text is already a button payload (a tapped WhatsApp button).
    is_choice: bool = False
    # The sender's phone number in E.164 form, on phone-number channels.
    phone_number: Optional[str] = None
    metadata: Dict[str, Any] = field(default_factory=dict)
