"""Answer a message once even when the platform delivers it again.

WhatsApp, Messenger, Telegram and Twilio all retry a webhook they think failed, with the same
message id. A retry must not make the bot answer twice (a crisis answer twice is alarming).
Ids are kept for a limited time and number, in memory (one Rasa process).
"""

import time
from collections import OrderedDict
from typing import Any, Callable, Tuple

DEFAULT_TTL_SECONDS = 24 * 60 * 60
DEFAULT_MAX_IDS = 50_000


class DeliveredMessages:
    def __init__(
        self,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        max_ids: int = DEFAULT_MAX_IDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._ttl = ttl_seconds
        self._max = max_ids
        self._clock = clock
        self._seen: "OrderedDict[Tuple[str, str], float]" = OrderedDict()

    def first_delivery(self, channel: str, message_id: Any) -> bool:
        """True the first time (channel, id) is seen; a message without an id always counts."""
        if message_id is None or str(message_id) == "":
            return True
        now = self._clock()
        self._forget_expired(now)
        key = (channel, str(message_id))
        if key in self._seen:
            return False
        self._seen[key] = now
        while len(self._seen) > self._max:
            self._seen.popitem(last=False)
        return True

    def _forget_expired(self, now: float) -> None:
        while self._seen:
            oldest_key, seen_at = next(iter(self._seen.items()))
            if now - seen_at < self._ttl:
                return
            del self._seen[oldest_key]

    def __len__(self) -> int:
        return len(self._seen)
