from bot.channels.telegram_payloads import incoming_update
from tests.channels.payloads import payload


def test_a_private_text_message_carries_the_update_id_and_app_language():
    message, button_press = incoming_update(payload("telegram_message"))
    assert message.text == "hola, buenas tardes"
    assert message.address == "48197255"
    assert message.message_id == "735118921"
    assert message.metadata == {"language": "es"}
    assert button_press is None


def test_a_button_press_sends_its_data_and_is_acknowledged():
    message, button_press = incoming_update(payload("telegram_callback_query"))
    assert message.text == "/ask_capabilities"
    assert message.address == "48197255"
    assert button_press == "207004953478327112"


def test_start_is_a_greeting_and_help_asks_what_the_bot_can_do():
    update = payload("telegram_message")
    update["message"]["text"] = "/start"
    assert incoming_update(update)[0].text == "/greet"
    update["message"]["text"] = "/help@CompanionBot"
    assert incoming_update(update)[0].text == "/ask_capabilities"


def test_a_photo_is_a_message_without_text():
    update = payload("telegram_message")
    del update["message"]["text"]
    update["message"]["photo"] = [{"file_id": "AgAC", "file_unique_id": "AQAD", "width": 90, "height": 90}]
    assert incoming_update(update)[0].text is None


def test_group_chats_are_not_answered():
    update = payload("telegram_message")
    update["message"]["chat"] = {"id": -100123, "title": "Friends", "type": "group"}
    assert incoming_update(update) == (None, None)
    assert incoming_update("junk") == (None, None)
