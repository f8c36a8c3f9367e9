"""The environment variables the messaging channels read, and a safe default for each.

credentials.yml references these as ${VAR}. Rasa refuses to start when a referenced variable
is not set at all, so every process this project starts (the launcher, the test server) gets
the unset ones as empty strings: a channel without its secrets then loads and refuses every
webhook call with 403, instead of stopping the whole bot.
"""

from typing import Mapping

CHANNEL_VARIABLES = (
    "WHATSAPP_VERIFY_TOKEN",
    "WHATSAPP_APP_SECRET",
    "WHATSAPP_ACCESS_TOKEN",
    "WHATSAPP_PHONE_NUMBER_ID",
    "WHATSAPP_API_URL",
    "TELEGRAM_TOKEN",
    "TELEGRAM_SECRET_TOKEN",
    "TELEGRAM_WEBHOOK_URL",
    "TELEGRAM_API_URL",
    "MESSENGER_VERIFY_TOKEN",
    "MESSENGER_APP_SECRET",
    "MESSENGER_PAGE_ACCESS_TOKEN",
    "MESSENGER_API_URL",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_NUMBER",
    "TWILIO_WEBHOOK_URL",
    "TWILIO_API_URL",
)


def with_channel_variables(environment: Mapping[str, str]) -> dict:
    """A copy of `environment` in which every channel variable exists (empty when unset)."""
    completed = dict(environment)
    for name in CHANNEL_VARIABLES:
        completed.setdefault(name, "")
    return completed


def setting(credentials: Mapping, key: str, default: str = "") -> str:
    """A credentials value as stripped text; an empty or missing one gives `default`."""
    value = (credentials or {}).get(key)
    text = str(value).strip() if value is not None else ""
    return text or default
