"""The settings the test server's messaging channels run with, all pointing at the fake API.

Tests import the secrets from here to sign their webhook calls as each platform would.
"""

WHATSAPP_APP_SECRET = "test-whatsapp-app-secret"
WHATSAPP_VERIFY_TOKEN = "test-whatsapp-verify-token"
WHATSAPP_ACCESS_TOKEN = "test-whatsapp-access-token"
WHATSAPP_PHONE_NUMBER_ID = "106540352242922"
TELEGRAM_TOKEN = "123456789:TEST-telegram-token"
TELEGRAM_SECRET_TOKEN = "test-telegram-secret"
TELEGRAM_WEBHOOK_URL = "https://companion.example.org/webhooks/telegram/webhook"
MESSENGER_APP_SECRET = "test-messenger-app-secret"
MESSENGER_VERIFY_TOKEN = "test-messenger-verify-token"
MESSENGER_PAGE_ACCESS_TOKEN = "test-messenger-page-token"
TWILIO_ACCOUNT_SID = "ACtest0000000000000000000000000000"
TWILIO_AUTH_TOKEN = "test-twilio-auth-token"
TWILIO_NUMBER = "+14155550100"


def channel_environment(fake_api_url: str) -> dict:
    return {
        "WHATSAPP_VERIFY_TOKEN": WHATSAPP_VERIFY_TOKEN,
        "WHATSAPP_APP_SECRET": WHATSAPP_APP_SECRET,
        "WHATSAPP_ACCESS_TOKEN": WHATSAPP_ACCESS_TOKEN,
        "WHATSAPP_PHONE_NUMBER_ID": WHATSAPP_PHONE_NUMBER_ID,
        "WHATSAPP_API_URL": f"{fake_api_url}/whatsapp",
        "TELEGRAM_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET_TOKEN,
        "TELEGRAM_WEBHOOK_URL": TELEGRAM_WEBHOOK_URL,
        "TELEGRAM_API_URL": f"{fake_api_url}/telegram",
        "MESSENGER_VERIFY_TOKEN": MESSENGER_VERIFY_TOKEN,
        "MESSENGER_APP_SECRET": MESSENGER_APP_SECRET,
        "MESSENGER_PAGE_ACCESS_TOKEN": MESSENGER_PAGE_ACCESS_TOKEN,
        "MESSENGER_API_URL": f"{fake_api_url}/messenger",
        "TWILIO_ACCOUNT_SID": TWILIO_ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": TWILIO_AUTH_TOKEN,
        "TWILIO_NUMBER": TWILIO_NUMBER,
        "TWILIO_WEBHOOK_URL": "",
        "TWILIO_API_URL": f"{fake_api_url}/twilio",
    }
