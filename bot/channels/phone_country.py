"""The country of a phone number, so the bot shows that country's helplines.

On phone-number channels (WhatsApp, SMS) the sender's number says where they most likely
are. The bot's conversation policy reads `metadata.country`; a country the channel already
put there (or the person stated) is kept.
"""

from typing import Any, Dict, Optional

import phonenumbers

_ADDRESS_PREFIXES = ("whatsapp:", "tel:", "sms:")


def country_of(number: Any) -> Optional[str]:
    """ISO 3166-1 alpha-2 code for an E.164 number ("+55 11 ...", "5511...", "whatsapp:+55..."), or None."""
    if not isinstance(number, str):
        return None
    text = number.strip()
    for prefix in _ADDRESS_PREFIXES:
        if text.lower().startswith(prefix):
            text = text[len(prefix):].strip()
    if not text:
        return None
    if not text.startswith("+"):
        text = "+" + text  # WhatsApp's wa_id is the E.164 number without "+"
    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(parsed)
    return region if region and region != "001" else None  # 001: non-geographic numbers


def with_country(metadata: Optional[Dict[str, Any]], number: Any) -> Dict[str, Any]:
    """A copy of `metadata` with `country` from `number`, unless it already names one."""
    completed = dict(metadata or {})
    if not completed.get("country"):
        country = country_of(number)
        if country:
            completed["country"] = country
    return completed
