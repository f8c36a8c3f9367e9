"""The demo page talking to the real bot: two languages, right to left, keyboard only."""

import pytest
from playwright.sync_api import expect

from tests.browser.widget_page import Widget
from tests.server.helpers import greeting_in, texts_in

pytestmark = pytest.mark.server


def test_an_english_browser_says_hello_and_gets_the_english_greeting(widget_site, open_page):
    widget = Widget(open_page(widget_site.url, locale="en-US")).wait_until_connected()
    widget.send("hello")
    [greeting] = widget.wait_for_bot_messages(1)
    assert greeting == greeting_in("en")
    assert widget.user_texts() == ["hello"]
    assert widget.input.input_value() == ""
    assert widget.focused()["id"] == "cw-message"  # focus stays in the input after sending


def test_a_spanish_browser_gets_a_spanish_greeting_and_a_spanish_widget(widget_site, open_page):
    widget = Widget(open_page(widget_site.url, locale="es-ES")).wait_until_connected()
    expect(widget.page.get_by_role("button", name="Salida rápida")).to_be_visible()
    widget.send("hola")
    [greeting] = widget.wait_for_bot_messages(1)
    assert greeting == greeting_in("es")


def test_choosing_arabic_in_the_picker_lays_the_widget_out_right_to_left_and_the_bot_answers_in_arabic(
    widget_site, open_page
):
    page = open_page(widget_site.url, locale="en-US")
    widget = Widget(page).wait_until_connected()
    page.get_by_role("button", name="Language: English").click()
    page.get_by_role("button", name="العربية").click()
    expect(widget.panel).to_have_attribute("dir", "rtl")
    expect(widget.panel).to_have_attribute("lang", "ar")
    [answer] = widget.wait_for_bot_messages(1)
    assert answer in texts_in("ar")
    assert widget.user_texts() == ["العربية"]
    expect(page.get_by_role("button", name="خروج سريع")).to_be_visible()
    # Mirrored: the person's message sits on the left, the bot's on the right.
    user_box = page.locator(".cw-msg--user").bounding_box()
    bot_box = page.locator(".cw-msg--bot").bounding_box()
    assert user_box["x"] < bot_box["x"]
    widget.send("مرحبا")
    assert widget.wait_for_bot_messages(2)[-1] == greeting_in("ar")


def test_the_bots_buttons_work_with_the_keyboard_alone(widget_site, open_page):
    page = open_page(widget_site.url, locale="en-US")
    widget = Widget(page).wait_until_connected()
    page.keyboard.press("Tab")  # the first stop is the quick exit, before anything else
    assert widget.focused()["text"] == "Quick exit"
    widget.input.focus()
    page.keyboard.type("hello")
    page.keyboard.press("Enter")
    widget.wait_for_bot_messages(1)
    expect(page.get_by_role("button", name="What can you do?")).to_be_visible()
    # From the message box, Shift+Tab walks back into the suggested replies.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert widget.focused()["text"] == "What can you do?"
    page.keyboard.press("Enter")
    texts = widget.wait_for_bot_messages(2)
    assert texts[-1] in texts_in("en") and texts[-1] != texts[0]
    assert widget.user_texts() == ["hello", "What can you do?"]  # the title, not "/ask_capabilities"
    assert widget.focused()["id"] == "cw-message"  # the used buttons are gone; focus goes on typing
    expect(page.get_by_role("button", name="What can you do?")).to_have_count(0)
