"""Whatever the bot sends is shown as text: never parsed as HTML, never run as script."""

from playwright.sync_api import expect

from tests.browser.fake_rasa import HOSTILE_TEXT, HOSTILE_TITLE
from tests.browser.widget_page import Widget


def test_html_in_a_bot_message_and_in_a_button_title_is_shown_as_text(fake_widget_site, open_page):
    page = open_page(fake_widget_site.url)
    widget = Widget(page).wait_until_connected()
    widget.send("/hostile")
    [text] = widget.wait_for_bot_messages(1)
    assert text == HOSTILE_TEXT
    expect(page.get_by_role("button", name=HOSTILE_TITLE)).to_be_visible()
    assert widget.elements_inside("img") == 0
    assert widget.elements_inside(".cw-log script, .cw-log b") == 0
    assert page.evaluate("() => window.__pwned === undefined")


def test_links_in_bot_text_are_not_made_into_links(fake_widget_site, open_page):
    page = open_page(fake_widget_site.url)
    widget = Widget(page).wait_until_connected()
    widget.send("/hostile")
    widget.wait_for_bot_messages(1)
    assert "https://example.org" in widget.bot_texts()[0]
    assert widget.elements_inside(".cw-log a") == 0


def test_a_chosen_reply_shows_its_title_and_sends_its_payload(fake_widget_site, fake_rasa, open_page):
    page = open_page(fake_widget_site.url)
    widget = Widget(page).wait_until_connected()
    widget.send("/choices")
    widget.wait_for_bot_messages(1)
    page.get_by_role("button", name="Second choice").click()
    assert widget.wait_for_bot_messages(2)[-1] == "echo: /second"
    assert widget.user_texts() == ["/choices", "Second choice"]
    assert widget.focused()["id"] == "cw-message"
