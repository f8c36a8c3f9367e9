from bot.channels.whatsapp_payloads import incoming_messages
from tests.channels.payloads import payload


def test_a_text_message_is_read_with_its_id_and_number():
    [message] = incoming_messages(payload("whatsapp_text"))
    assert message.text == "quero morrer"
    assert message.address == "5511987654321"
    assert message.phone_number == "+5511987654321"
    assert message.message_id.startswith("wamid.")
    assert not message.is_choice


def test_a_tapped_button_or_list_row_sends_its_payload():
    [button] = incoming_messages(payload("whatsapp_button_reply"))
    [row] = incoming_messages(payload("whatsapp_list_reply"))
    assert (button.text, button.is_choice) == ("/ask_capabilities", True)
    assert (row.text, row.is_choice) == ('/change_language{"language":"es"}', True)


def test_status_callbacks_are_not_messages():
    assert incoming_messages(payload("whatsapp_status")) == []


def test_a_voice_note_is_a_message_without_text():
    [message] = incoming_messages(payload("whatsapp_audio"))
    assert message.text is None
    assert message.address == "5215512345678"


def test_reactions_are_ignored_and_malformed_bodies_give_nothing():
    body = payload("whatsapp_text")
    body["entry"][0]["changes"][0]["value"]["messages"][0].update(
        type="reaction", reaction={"message_id": "wamid.x", "emoji": "👍"}
    )
    assert incoming_messages(body) == []
    for junk in (None, [], {"entry": "x"}, {"entry": [{"changes": [{"value": None}]}]}):
        assert incoming_messages(junk) == []


def test_several_messages_in_one_body_are_all_read():
    body = payload("whatsapp_text")
    value = body["entry"][0]["changes"][0]["value"]
    value["messages"].append(dict(value["messages"][0], id="wamid.second", text={"body": "hola"}))
    assert [m.text for m in incoming_messages(body)] == ["quero morrer", "hola"]
