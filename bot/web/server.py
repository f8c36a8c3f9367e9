"""Serve the chat widget and its demo page, and relay REST messages to Rasa.

`make run` serves bot/web/static/ on http://127.0.0.1:8080/. The demo page (index.html) is a
template: the Rasa address the widget talks to (its socket.io channel) and the quick-exit
address are filled in here, so the same page works wherever Rasa runs. widget.js is built
from widget/ and committed (see README, "Web widget").

/api/message relays a REST message to Rasa's REST channel on the same origin, for clients
without socket.io; when Rasa is down it answers kindly instead of leaving the page silent.
Only the standard library is used; nothing here logs message text.
"""

import html
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
DEMO_PAGE = STATIC_DIR / "index.html"
DEFAULT_EXIT_URL = "https://www.google.com/search?q=weather"
MAX_BODY_BYTES = 64 * 1024
UNAVAILABLE = (
    "Sorry, I can't answer right now. Please try again in a moment. "
    "If you are in danger right now, please call your local emergency number."
)
logger = logging.getLogger(__name__)


def websocket_origin(http_url: str) -> str:
    """ws(s)://host:port for an http(s) URL: the page's CSP must allow the socket too."""
    parts = urllib.parse.urlsplit(http_url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}"


def http_origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class ChatPageHandler(SimpleHTTPRequestHandler):
    """Static files, the filled-in demo page, and the REST relay.

    Configured per server by make_server() through a subclass, so several servers (tests
    start more than one) never share settings.
    """

    rasa_url = "http://127.0.0.1:5005"
    exit_url = DEFAULT_EXIT_URL
    country = ""
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".html": "text/html; charset=utf-8",
    }

    def do_GET(self) -> None:
        if urllib.parse.urlsplit(self.path).path in ("/", "/index.html"):
            self._send_demo_page()
        else:
            super().do_GET()

    def do_POST(self) -> None:
        if self.path != "/api/message":
            self.send_error(404)
            return
        length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY_BYTES)
        body = self.rfile.read(length)
        request = urllib.request.Request(
            f"{self.rasa_url}/webhooks/rest/webhook",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as reply:
                status, payload = reply.status, reply.read()
        except urllib.error.HTTPError as error:
            status, payload = error.code, error.read()
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            status, payload = 503, json.dumps([{"text": UNAVAILABLE}]).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(payload)

    def _send_demo_page(self) -> None:
        values = {
            "{{RASA_URL}}": self.rasa_url,
            "{{EXIT_URL}}": self.exit_url,
            "{{COUNTRY}}": self.country,
            "{{WIDGET_URL}}": f"http://{self.headers.get('Host') or 'localhost'}/widget.js",
        }
        page = DEMO_PAGE.read_text(encoding="utf-8")
        for placeholder, value in values.items():
            page = page.replace(placeholder, html.escape(value, quote=True))
        body = page.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        # A conversation page is never cached, so it cannot come back from the disk cache.
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", self._content_security_policy())
        self.end_headers()
        self.wfile.write(body)

    def _content_security_policy(self) -> str:
        rasa = http_origin(self.rasa_url)
        return "; ".join([
            "default-src 'self'",
            "script-src 'self'",
            f"connect-src 'self' {rasa} {websocket_origin(rasa)}",
            # The widget's stylesheet is adopted into its shadow root (a <style> element in
            # browsers without constructable stylesheets).
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ])

    def end_headers(self) -> None:
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        logger.debug("web: " + format, *args)  # paths only; bodies are never logged


def make_server(
    host: str = "127.0.0.1",
    port: int = 8080,
    rasa_url: str = "http://127.0.0.1:5005",
    exit_url: str = DEFAULT_EXIT_URL,
    country: str = "",
) -> ThreadingHTTPServer:
    """An HTTP server for the widget, its demo page and the relay, not yet serving."""
    configured = type(
        "ConfiguredChatPageHandler",
        (ChatPageHandler,),
        {"rasa_url": rasa_url.rstrip("/"), "exit_url": exit_url, "country": country},
    )
    return ThreadingHTTPServer((host, port), partial(configured, directory=str(STATIC_DIR)))
