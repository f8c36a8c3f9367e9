"""What reaches Rasa: the session, the browser's language or the picker's, the country."""

from tests.browser.fake_rasa import FakeRasa
from tests.browser.widget_page import Widget


def _last_received(fake_rasa: FakeRasa, message: str) -> dict:
    return [item for item in fake_rasa.received if item["message"] == message][-1]


def test_each_message_carries_the_browser_locale_and_a_session_id(fake_widget_site, fake_rasa, open_page):
    widget = Widget(open_page(fake_widget_site.url, locale="pt-BR")).wait_until_connected()
    widget.send("oi, tudo bem?")
    widget.wait_for_bot_messages(1)
    sent = _last_received(fake_rasa, "oi, tudo bem?")
    assert sent["metadata"] == {"language": "pt-BR"}
    assert len(sent["session_id"]) == 32


def test_the_country_from_the_embed_tag_is_sent_and_the_picker_choice_replaces_the_locale(
    neutral_site, fake_widget_site, fake_rasa, open_page
):
    page_url = neutral_site.add_page(
        "embed-kenya.html",
        f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat</title></head><body>
        <script src="{fake_widget_site.url}widget.js" data-server="{fake_rasa.url}" data-country="ke"
                data-exit-url="{neutral_site.url}/weather.html"></script></body></html>""",
    )
    page = open_page(page_url, locale="en-GB")
    widget = Widget(page).wait_until_connected()
    widget.send("habari")
    widget.wait_for_bot_messages(1)
    assert _last_received(fake_rasa, "habari")["metadata"] == {"language": "en-GB", "country": "KE"}
    page.get_by_role("button", name="Language: English").click()
    page.get_by_role("button", name="Kiswahili").click()
    widget.wait_for_bot_messages(2)
    switch = _last_received(fake_rasa, '/change_language{"language":"sw"}')
    assert switch["metadata"] == {"language": "sw", "country": "KE"}
    assert widget.user_texts()[-1] == "Kiswahili"
    widget.send("asante")
    widget.wait_for_bot_messages(3)
    assert _last_received(fake_rasa, "asante")["metadata"]["language"] == "sw"


def test_two_pages_get_two_different_sessions(fake_widget_site, fake_rasa, open_page):
    first = Widget(open_page(fake_widget_site.url)).wait_until_connected()
    second = Widget(open_page(fake_widget_site.url)).wait_until_connected()
    first.send("first page")
    second.send("second page")
    first.wait_for_bot_messages(1)
    second.wait_for_bot_messages(1)
    assert first.bot_texts() == ["echo: first page"]  # each page sees only its own replies
    assert second.bot_texts() == ["echo: second page"]
    assert _last_received(fake_rasa, "first page")["session_id"] != _last_received(fake_rasa, "second page")["session_id"]


def test_a_path_in_the_server_address_is_ignored_rather_than_read_as_a_namespace(
    neutral_site, fake_widget_site, fake_rasa, open_page
):
    page_url = neutral_site.add_page(
        "embed-with-path.html",
        f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat</title></head><body>
        <script src="{fake_widget_site.url}widget.js" data-server="{fake_rasa.url}/chat/"></script></body></html>""",
    )
    widget = Widget(open_page(page_url)).wait_until_connected()
    widget.send("through a path")
    assert widget.wait_for_bot_messages(1) == ["echo: through a path"]
