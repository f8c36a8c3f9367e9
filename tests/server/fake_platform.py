"""A stand-in for the messaging platforms' APIs, on 127.0.0.1, recording what the bot sends.

Usage (to try a channel by hand): python -m tests.server.fake_platform [port]  (default 9000)
prints every reply the bot sends; see README, "Messaging apps".

The channels are pointed here by their *_API_URL settings: /whatsapp, /telegram,
/messenger and /twilio. Every request is kept (method, path, headers, parsed body), and
answered with one JSON body that satisfies each platform's client library.
"""

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List
from urllib.parse import parse_qsl, urlsplit

# Telegram's client reads `ok` and `result`; Twilio's reads a message resource; WhatsApp and
# Messenger return ids. Unused keys are ignored by every client.
_REPLY = {
    "ok": True,
    "result": {"message_id": 1, "date": 1718000000, "chat": {"id": 1, "type": "private"}},
    "messaging_product": "whatsapp",
    "messages": [{"id": "wamid.fake"}],
    "recipient_id": "fake",
    "message_id": "m_fake",
    "sid": "SMfake",
    "status": "queued",
}


@dataclass
class Captured:
    method: str
    path: str
    query: Dict[str, str]
    headers: Dict[str, str]
    body: Dict


class FakePlatformAPI:
    def __init__(self, url: str = "http://127.0.0.1:0", echo: bool = False):
        self.requests: List[Captured] = []
        self._echo = echo
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake._record(self, raw)
                reply = json.dumps(_REPLY).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            do_GET = do_POST

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", urlsplit(url).port or 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def _record(self, handler: BaseHTTPRequestHandler, raw: bytes) -> None:
        kind = handler.headers.get("Content-Type", "")
        if "json" in kind:
            body = json.loads(raw or b"{}")
        else:
            body = dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
        parts = urlsplit(handler.path)
        captured = Captured(handler.command, parts.path, dict(parse_qsl(parts.query)), dict(handler.headers), body)
        with self._lock:
            self.requests.append(captured)
        if self._echo:
            print(captured.method, captured.path, json.dumps(body, ensure_ascii=False, indent=2), flush=True)

    def start(self) -> None:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()

    def matching(self, accept: Callable[[Captured], bool]) -> List[Captured]:
        with self._lock:
            return [request for request in self.requests if accept(request)]

    def wait_for(self, accept: Callable[[Captured], bool], at_least: int = 1,
                 timeout: float = 60, quiet: float = 1.5) -> List[Captured]:
        """The matching requests once at least `at_least` came and none came for `quiet` s."""
        deadline = time.monotonic() + timeout
        seen, last_change = -1, time.monotonic()
        while time.monotonic() < deadline:
            found = self.matching(accept)
            if len(found) != seen:
                seen, last_change = len(found), time.monotonic()
            elif len(found) >= at_least and time.monotonic() - last_change >= quiet:
                return found
            time.sleep(0.1)
        return self.matching(accept)


if __name__ == "__main__":
    import sys

    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    server = FakePlatformAPI(f"http://127.0.0.1:{port}", echo=True)
    print(f"Fake platform API on {server.url}: /whatsapp /telegram /messenger /twilio", flush=True)
    server._server.serve_forever()
