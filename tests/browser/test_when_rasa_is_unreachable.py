"""Never silence: while Rasa cannot be reached the widget says so, kindly, with what to do."""

from playwright.sync_api import expect

from tests.browser.widget_page import Widget

OFFLINE = "Can't connect right now. If you are in danger, call your local emergency number."


def test_an_unreachable_server_shows_a_kind_status_line(offline_widget_site, open_page):
    page = open_page(offline_widget_site.url)
    widget = Widget(page)
    expect(widget.status).to_have_text(OFFLINE, timeout=10_000)
    widget.send("is anyone there?")
    assert widget.user_texts() == ["is anyone there?"]  # what was typed stays visible
    expect(widget.status).to_have_text(OFFLINE)


def test_the_status_line_is_in_the_widgets_language(offline_widget_site, open_page):
    page = open_page(offline_widget_site.url, locale="es-MX")
    expect(Widget(page).status).to_contain_text("número de emergencias", timeout=10_000)
