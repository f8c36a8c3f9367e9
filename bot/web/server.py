"""Serve the chat page and relay its messages to Rasa's REST channel.

The page and the relay share one origin, so the browser needs no CORS exception, and the
relay answers kindly when Rasa is still starting or down instead of leaving the page silent.
Only the standard library is used; nothing here logs message text.
"""

import json
import logging
import urllib.error
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
MAX_BODY_BYTES = 64 * 1024
UNAVAILABLE = (
    "Sorry, I can't answer right now. Please try again in a moment. "
    "If you are in danger right now, please call your local emergency number."
)
logger = logging.getLogger(__name__)


class ChatPageHandler(SimpleHTTPRequestHandler):
    rasa_webhook = "http://127.0.0.1:5005/webhooks/rest/webhook"

    def do_POST(self) -> None:
        if self.path != "/api/message":
            self.send_error(404)
            return
        length = min(int(self.headers.get("Content-Length") or 0), MAX_BODY_BYTES)
        body = self.rfile.read(length)
        request = urllib.request.Request(
            self.rasa_webhook, data=body, headers={"Content-Type": "application/json"}
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

    def end_headers(self) -> None:
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        logger.debug("web: " + format, *args)  # paths only; bodies are never logged


def make_server(host: str = "127.0.0.1", port: int = 8080, rasa_url: str = "http://127.0.0.1:5005"):
    handler = partial(ChatPageHandler, directory=str(STATIC_DIR))
    ChatPageHandler.rasa_webhook = f"{rasa_url}/webhooks/rest/webhook"
    return ThreadingHTTPServer((host, port), handler)
