"""Replies are translated at the edge, each text under its own file's catalog context."""

from bot.psychoeducation import navigation
from bot.psychoeducation.messages import intent_payload, render


def test_english_renders_the_source_text_and_buttons(library):
    reply = navigation.show(library, "body")
    [message] = render(reply.messages, "en")
    assert message["text"] == library.topics["body"].pieces[0].text
    assert message["buttons"][0] == {"title": "Tell me more", "payload": "/tell_me_more"}


def test_texts_are_looked_up_under_the_topic_and_common_contexts(library, fake_catalog):
    piece = library.topics["body"].pieces[0].text
    fake_catalog.table.update({
        ("topic:body", piece): "El trauma también afecta al cuerpo.",
        ("topic:_common", "Tell me more"): "Cuéntame más",
    })
    [message] = render(navigation.show(library, "body").messages, "es")
    assert message["text"] == "El trauma también afecta al cuerpo."
    assert [button["title"] for button in message["buttons"]] == ["Cuéntame más", "Another topic", "Menu"]
    assert [button["payload"] for button in message["buttons"]] == ["/tell_me_more", "/another_topic", "/show_menu"]


def test_menu_buttons_use_the_title_of_each_topic_under_its_own_context(library, fake_catalog):
    render(navigation.topic_menu(library).messages, "fr")
    first = library.common.menu_order[0]
    assert (f"topic:{first}", library.topics[first].title) in fake_catalog.asked


def test_a_missing_translation_falls_back_to_english_not_to_nothing(library):
    [message] = render(navigation.show(library, "culture").messages, "sw")
    assert message["text"]


def test_payload_entities_are_json_rasa_can_parse():
    assert intent_payload("ask_topic", topic="body") == '/ask_topic{"topic":"body"}'
    assert intent_payload("show_menu") == "/show_menu"
