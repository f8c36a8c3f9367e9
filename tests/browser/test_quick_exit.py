"""Quick exit: the conversation leaves the page and the history, and a neutral site replaces it."""

import re

from playwright.sync_api import expect

from tests.browser.widget_page import Widget

OWNED_KEYS = "() => Object.keys(sessionStorage).filter((key) => key.startsWith('companion-widget:'))"


def _record_the_page_as_it_is_left(page) -> list:
    """What the chat page showed right after quick exit ran, just before it was replaced.

    A listener that runs after the widget's own (bubbling, on the document) reports the state
    to the test; the navigation it started is already under way.
    """
    states = []
    page.expose_function("reportLeaving", lambda state: states.append(state))
    page.evaluate(
        """() => {
            const report = () => {
                const root = document.querySelector('[data-companion-widget]').shadowRoot;
                window.reportLeaving({
                    messages: root.querySelectorAll('.cw-msg').length,
                    input: root.querySelector('.cw-input').value,
                    visibility: document.documentElement.style.visibility,
                    text: document.body.innerText,
                });
            };
            document.addEventListener('click', report);
            document.addEventListener('keydown', (event) => event.key === 'Escape' && report());
        }"""
    )
    return states


def _chat_with_one_exchange(open_page, site):
    page = open_page(site.url)
    widget = Widget(page).wait_until_connected()
    widget.send("something private")
    widget.wait_for_bot_messages(1)
    widget.input.fill("half-typed words")
    return page, widget


def test_the_quick_exit_button_empties_the_chat_and_replaces_it_in_history(fake_widget_site, neutral_site, open_page):
    page = open_page(f"{neutral_site.url}/start.html")
    page.goto(fake_widget_site.url)
    widget = Widget(page).wait_until_connected()
    widget.send("something private")
    widget.wait_for_bot_messages(1)
    widget.input.fill("half-typed words")
    left = _record_the_page_as_it_is_left(page)

    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url(fake_widget_site.exit_url)
    assert left == [{"messages": 0, "input": "", "visibility": "hidden", "text": ""}]
    expect(page).to_have_title("Weather")

    page.go_back()
    page.wait_for_load_state()
    assert page.url == f"{neutral_site.url}/start.html"  # the chat page is gone from history
    assert page.locator("[data-companion-widget]").count() == 0


def test_escape_pressed_twice_empties_the_chat_and_leaves_for_the_neutral_site(fake_widget_site, open_page):
    page, widget = _chat_with_one_exchange(open_page, fake_widget_site)
    left = _record_the_page_as_it_is_left(page)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(fake_widget_site.exit_url)
    assert left[0]["messages"] == 2  # the first Escape alone changes nothing
    assert left[1] == {"messages": 0, "input": "", "visibility": "hidden", "text": ""}
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()


def test_escape_pressed_once_or_slowly_twice_does_nothing(fake_widget_site, open_page):
    page, widget = _chat_with_one_exchange(open_page, fake_widget_site)
    page.keyboard.press("Escape")
    page.wait_for_timeout(1300)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url == fake_widget_site.url
    assert widget.bot_texts() == ["echo: something private"]


def test_by_default_nothing_is_kept_in_the_browser(fake_widget_site, open_page):
    page, _ = _chat_with_one_exchange(open_page, fake_widget_site)
    assert page.evaluate("() => [sessionStorage.length, localStorage.length, document.cookie]") == [0, 0, ""]


def test_with_session_persistence_the_session_survives_a_reload_until_quick_exit(
    fake_widget_site, fake_rasa, neutral_site, open_page
):
    page_url = neutral_site.add_page(
        "embed-persist.html",
        f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat</title></head><body>
        <script src="{fake_widget_site.url}widget.js" data-server="{fake_rasa.url}" data-persist="session"
                data-exit-url="{neutral_site.url}/weather.html"></script></body></html>""",
    )
    page = open_page(page_url)
    widget = Widget(page).wait_until_connected()
    widget.send("before reload")
    widget.wait_for_bot_messages(1)
    assert page.evaluate(OWNED_KEYS) == ["companion-widget:session"]
    page.reload()
    Widget(page).wait_until_connected().send("after reload")
    Widget(page).wait_for_bot_messages(1)
    sessions = {item["session_id"] for item in fake_rasa.received if item["message"] in ("before reload", "after reload")}
    assert len(sessions) == 1

    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url(re.compile(r"/weather\.html$"))
    assert page.evaluate(OWNED_KEYS) == []  # same origin and tab: the keys would still be visible here
