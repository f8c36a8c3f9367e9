from bot.channels.whatsapp_output import reply_buttons_message, text_message

SAFETY = [
    {"title": "I'm safe for now", "payload": "/affirm"},
    {"title": "I'm not safe", "payload": "/crisis"},
]


def test_up_to_three_short_buttons_become_whatsapp_reply_buttons():
    body = reply_buttons_message("5511987654321", "Are you safe right now?", SAFETY)
    assert body["to"] == "5511987654321"
    assert body["interactive"]["body"]["text"] == "Are you safe right now?"
    assert body["interactive"]["action"]["buttons"] == [
        {"type": "reply", "reply": {"id": "/affirm", "title": "I'm safe for now"}},
        {"type": "reply", "reply": {"id": "/crisis", "title": "I'm not safe"}},
    ]


def test_what_whatsapp_would_refuse_is_not_sent_as_buttons():
    four = SAFETY + [{"title": "c", "payload": "/c"}, {"title": "d", "payload": "/d"}]
    long_title = [{"title": "A title longer than twenty", "payload": "/x"}]
    assert reply_buttons_message("1", "Text", four) is None
    assert reply_buttons_message("1", "Text", long_title) is None
    assert reply_buttons_message("1", "x" * 1025, SAFETY) is None
    assert reply_buttons_message("1", "", SAFETY) is None


def test_a_text_message_has_no_link_preview():
    assert text_message("1", "hi")["text"] == {"preview_url": False, "body": "hi"}
