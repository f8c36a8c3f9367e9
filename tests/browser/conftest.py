"""Fixtures for the web widget's browser tests.

Debian's chromium (never Playwright's own browser download) driven by Playwright; the widget's
web server (bot.web.server) pointed at the real Rasa server, at a fake socket.io server for
what the real bot never says, or at nothing at all; and a neutral site on 127.0.0.1 that quick
exit leaves for. Every request to anything but 127.0.0.1 is refused, so nothing leaves the
machine. Screenshots go to results/screenshots/ (git-ignored).
"""

import os
import shutil
import socket
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.paths import PROJECT_ROOT
from bot.web.server import make_server
from tests.browser.fake_rasa import FakeRasa

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = PROJECT_ROOT / "results" / "screenshots"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
NEUTRAL_PAGE = "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Weather</title></head><body><h1>Weather</h1><p>Sunny, 24 degrees.</p></body></html>"
START_PAGE = "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Start</title></head><body><h1>Start</h1></body></html>"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _chromium_path():
    found = shutil.which(CHROMIUM) if not os.path.isabs(CHROMIUM) else CHROMIUM
    return found if found and os.access(found, os.X_OK) else None


class Site:
    """A plain static site on 127.0.0.1 (the neutral page quick exit goes to, and test pages)."""

    def __init__(self, folder: Path):
        self.folder = folder
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
        from functools import partial

        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def add_page(self, name: str, html: str) -> str:
        (self.folder / name).write_text(html, encoding="utf-8")
        return f"{self.url}/{name}"


def _serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


class WidgetSite:
    """bot.web.server on a free port: the demo page with the one-tag embed, and widget.js."""

    def __init__(self, rasa_url: str, exit_url: str):
        self.server = _serve(make_server(port=free_port(), rasa_url=rasa_url, exit_url=exit_url))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.exit_url = exit_url


@pytest.fixture(scope="package")
def chromium_browser():
    # Package scope, not session: while Playwright's sync API is running, asyncio.run() fails
    # in the same thread, so it must be gone before the tests after this folder run.
    executable = _chromium_path()
    if not executable:
        pytest.skip(f"chromium not found at {CHROMIUM}: install it with `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def neutral_site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("neutral-site"))
    site.add_page("weather.html", NEUTRAL_PAGE)
    site.add_page("start.html", START_PAGE)
    _serve(site.server)
    yield site
    site.server.shutdown()


@pytest.fixture(scope="session")
def widget_site(rasa_server, neutral_site):
    """The demo page talking to the real Rasa server."""
    site = WidgetSite(rasa_server.url, f"{neutral_site.url}/weather.html")
    yield site
    site.server.shutdown()


@pytest.fixture(scope="session")
def fake_rasa():
    rasa = FakeRasa(free_port()).start()
    yield rasa
    rasa.stop()


@pytest.fixture(scope="session")
def fake_widget_site(fake_rasa, neutral_site):
    """The demo page talking to the fake socket.io server."""
    site = WidgetSite(fake_rasa.url, f"{neutral_site.url}/weather.html")
    yield site
    site.server.shutdown()


@pytest.fixture(scope="session")
def offline_widget_site(neutral_site):
    """The demo page pointed at a port where nothing listens: Rasa unreachable."""
    site = WidgetSite(f"http://127.0.0.1:{free_port()}", f"{neutral_site.url}/weather.html")
    yield site
    site.server.shutdown()


def _only_loopback(route):
    host = urlsplit(route.request.url).hostname
    if route.request.url.startswith("data:") or host in LOOPBACK_HOSTS:
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def open_page(chromium_browser, request):
    """open_page(url, locale="en-US", width=1024, height=768, **context options) -> page.

    Each page gets a fresh browser context: no cookies, storage or history from another test.
    The last state of each page is saved as results/screenshots/<test name>-<n>.png.
    """
    contexts = []

    def open_(url, locale="en-US", width=1024, height=768, **options):
        context = chromium_browser.new_context(locale=locale, viewport={"width": width, "height": height}, **options)
        context.route("**/*", _only_loopback)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        if url:
            page.goto(url)
        return page

    yield open_
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for number, context in enumerate(contexts, start=1):
        for page in context.pages:
            try:
                page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}-{number}.png"), full_page=True)
            except Exception:
                pass  # a page that navigated away or closed has nothing to show
        context.close()


@pytest.fixture
def axe_source():
    return AXE.read_text(encoding="utf-8")
