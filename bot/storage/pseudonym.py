"""Pseudonymous ids: a keyed hash of channel and sender, so stored records name nobody.

A phone number or a Telegram id never reaches the database: only HMAC-SHA256(secret,
"channel:sender"). Without the server secret the id cannot be turned back into the sender,
and changing the secret unlinks all old records. The secret comes from COMPANION_SECRET; for
a local run without one, a random secret is created once in var/secret.key (mode 600).
"""

import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Optional

from bot.paths import VAR_DIR

SECRET_ENV = "COMPANION_SECRET"
LOCAL_SECRET_FILE = VAR_DIR / "secret.key"


def server_secret(local_file: Path = LOCAL_SECRET_FILE) -> bytes:
    configured = os.environ.get(SECRET_ENV)
    if configured:
        return configured.encode()
    if not local_file.exists():
        local_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(local_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    return local_file.read_text().strip().encode()


def pseudonym(channel: Optional[str], sender: str, secret: Optional[bytes] = None) -> str:
    message = f"{channel or 'unknown'}:{sender}".encode()
    return hmac.new(secret or server_secret(), message, hashlib.sha256).hexdigest()
