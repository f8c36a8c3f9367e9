"""Check that a webhook call really comes from Meta (WhatsApp Cloud API, Messenger).

Meta signs the raw request body with the app secret: `X-Hub-Signature-256: sha256=<hex>`
(and the older `X-Hub-Signature: sha1=<hex>`). The body must be checked as received,
before any parsing, and compared in constant time.
"""

import hashlib
import hmac
from typing import Optional


def signature_matches(app_secret: str, body: bytes, header: Optional[str], algorithm: str = "sha256") -> bool:
    """True only when a secret is configured and `header` is its HMAC of `body`."""
    if not app_secret or not header:
        return False
    prefix = f"{algorithm}="
    if not header.startswith(prefix):
        return False
    expected = hmac.new(app_secret.encode(), body or b"", getattr(hashlib, algorithm)).hexdigest()
    return hmac.compare_digest(expected, header[len(prefix):].strip().lower())


def sign(app_secret: str, body: bytes, algorithm: str = "sha256") -> str:
    """The header value Meta would send for `body` (for tests and local trials)."""
    digest = hmac.new(app_secret.encode(), body, getattr(hashlib, algorithm)).hexdigest()
    return f"{algorithm}={digest}"
