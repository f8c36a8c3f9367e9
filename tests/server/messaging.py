"""Helpers for posting webhook calls to the real server as each platform would."""

import json
import random
import urllib.error
import urllib.request
from typing import Dict, Optional, Tuple

from tests.channels.payloads import payload  # noqa: F401  (re-exported for the tests)


def post(rasa_server, path: str, body: bytes, headers: Optional[Dict[str, str]] = None,
         content_type: str = "application/json") -> Tuple[int, str]:
    request = urllib.request.Request(
        rasa_server.url + path, data=body, headers={"Content-Type": content_type, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def get(rasa_server, path: str) -> Tuple[int, str]:
    try:
        with urllib.request.urlopen(rasa_server.url + path, timeout=30) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def encoded(body) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode()


def new_number(country_prefix: str, digits: int = 8) -> str:
    """A fresh phone number (digits only, no "+") so every test has its own conversation."""
    return country_prefix + "".join(random.choice("0123456789") for _ in range(digits))


def new_id(prefix: str) -> str:
    return f"{prefix}{random.getrandbits(64):016x}"


def same_answer_over_rest(rasa_server, texts, message, **metadata) -> bool:
    """True when `texts` (one per bot message) begin with what REST answers to `message`.

    The REST channel's answers are checked language by language elsewhere; here a channel
    only has to deliver the same answer (possibly followed by numbered options).
    """
    from tests.server.helpers import new_sender

    over_rest = [reply.get("text", "") for reply in rasa_server.say(new_sender(), message, **metadata)]
    return len(texts) == len(over_rest) and all(t.startswith(r) for t, r in zip(texts, over_rest))
