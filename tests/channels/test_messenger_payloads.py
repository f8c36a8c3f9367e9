from bot.channels.messenger_payloads import incoming_messages
from tests.channels.payloads import payload


def test_a_text_message_is_read_with_its_mid():
    [message] = incoming_messages(payload("messenger_message"))
    assert (message.text, message.address) == ("bonjour", "6543210987654321")
    assert message.message_id.startswith("m_")


def test_echoes_and_read_receipts_are_not_answered():
    assert incoming_messages(payload("messenger_echo_and_read")) == []


def test_quick_replies_and_postbacks_send_their_payload():
    body = payload("messenger_message")
    event = body["entry"][0]["messaging"][0]
    event["message"]["quick_reply"] = {"payload": "/affirm"}
    assert incoming_messages(body)[0].text == "/affirm"
    del event["message"]
    event["postback"] = {"mid": "m_pb", "title": "I'm not safe", "payload": "/crisis"}
    [postback] = incoming_messages(body)
    assert (postback.text, postback.is_choice, postback.message_id) == ("/crisis", True, "m_pb")


def test_an_attachment_is_a_message_without_text():
    body = payload("messenger_message")
    body["entry"][0]["messaging"][0]["message"] = {
        "mid": "m_img", "attachments": [{"type": "image", "payload": {"url": "https://x/y.jpg"}}]
    }
    [message] = incoming_messages(body)
    assert message.text is None
