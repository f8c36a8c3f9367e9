"""Conversation ids that do not reveal who is writing.

Rasa stores conversations under the sender id. On messaging apps that id would be a phone
number or a platform account id; here it is a keyed hash of it instead, so the tracker store
and any log hold no phone number. The real address stays only in memory, for the reply.

The key comes from CHANNEL_PSEUDONYM_KEY. Keep it stable: a new key starts new conversations
for everyone. Without a key the hash is unkeyed, which a determined person could reverse
for phone numbers by trying them all; the README asks deployers to set one.
"""

import hashlib
import hmac
import logging
import os
from typing import Optional

logger = logging.getLogger(__name__)

KEY_VARIABLE = "CHANNEL_PSEUDONYM_KEY"
_warned_about_missing_key = False


def pseudonymous_id(channel: str, address: str, key: Optional[str] = None) -> str:
    """A stable id such as "whatsapp-3f2a…" for `address` on `channel`."""
    secret = (os.environ.get(KEY_VARIABLE, "") if key is None else key).encode()
    if not secret:
        _warn_once()
    digest = hmac.new(secret, f"{channel}:{address}".encode(), hashlib.sha256).hexdigest()
    return f"{channel}-{digest[:32]}"


def _warn_once() -> None:
    global _warned_about_missing_key
    if not _warned_about_missing_key:
        _warned_about_missing_key = True
        logger.warning(
            "%s is not set: conversation ids are unkeyed hashes of the sender. Set it to a "
            "long random value.", KEY_VARIABLE
        )
