"""What a person sees and does in the widget, for the browser tests (a page object).

Playwright's CSS and role locators reach into the widget's open shadow root, so tests name
things the way a person would: the "Message" box, the "Quick exit" button.
"""

from playwright.sync_api import Page, expect

HOST = "[data-companion-widget]"


class Widget:
    def __init__(self, page: Page):
        self.page = page
        self.input = page.locator(".cw-input")  # its label ("Message") changes with the language
        self.log = page.get_by_role("log")
        self.status = page.get_by_role("status")
        self.panel = page.locator(".cw")

    def wait_until_connected(self) -> "Widget":
        # The session handshake is invisible; a connected widget shows no status line.
        expect(self.input).to_be_visible()
        self.page.wait_for_function(
            "() => { const h = document.querySelector('[data-companion-widget]');"
            " return h && h.shadowRoot.querySelector('.cw-status').textContent === '' }"
        )
        return self

    def send(self, text: str) -> None:
        self.input.fill(text)
        self.input.press("Enter")

    def bot_texts(self) -> list:
        return self.page.locator(".cw-msg--bot .cw-text").all_text_contents()

    def user_texts(self) -> list:
        return self.page.locator(".cw-msg--user .cw-text").all_text_contents()

    def wait_for_bot_messages(self, count: int, timeout: float = 30_000) -> list:
        expect(self.page.locator(".cw-msg--bot")).to_have_count(count, timeout=timeout)
        return self.bot_texts()

    def focused(self) -> dict:
        """The element that has focus inside the widget: its tag, id and text."""
        return self.page.evaluate(
            """() => {
                const host = document.querySelector('[data-companion-widget]');
                const active = host && host.shadowRoot.activeElement;
                return active ? {tag: active.tagName.toLowerCase(), id: active.id, text: active.textContent} : null;
            }"""
        )

    def elements_inside(self, selector: str) -> int:
        return self.page.evaluate(
            """(selector) => {
                const host = document.querySelector('[data-companion-widget]');
                return document.querySelectorAll(selector).length
                    + (host ? host.shadowRoot.querySelectorAll(selector).length : 0);
            }""",
            selector,
        )
