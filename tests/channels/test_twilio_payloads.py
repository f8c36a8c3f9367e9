from bot.channels.twilio_payloads import incoming_message
from tests.channels.payloads import payload


def test_an_sms_is_read_with_its_sid_and_number():
    message = incoming_message(payload("twilio_sms"))
    assert message.text == "nataka kujiua"
    assert message.address == "+254712345678"
    assert message.phone_number == "+254712345678"
    assert message.message_id.startswith("SM")


def test_whatsapp_through_twilio_keeps_the_address_and_strips_it_for_the_number():
    message = incoming_message(payload("twilio_whatsapp"))
    assert message.address == "whatsapp:+5511987654321"
    assert message.phone_number == "+5511987654321"


def test_a_photo_without_words_is_a_message_without_text():
    form = dict(payload("twilio_whatsapp"), Body="", NumMedia="1", MediaUrl0="https://api.twilio.com/x")
    assert incoming_message(form).text is None


def test_form_values_given_as_lists_are_read_too():
    form = {key: [value] for key, value in payload("twilio_sms").items()}
    assert incoming_message(form).text == "nataka kujiua"
    assert incoming_message({}) is None
