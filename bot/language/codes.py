"""Supported languages and countries, and how a code from a browser or channel maps to them."""

from functools import lru_cache
from typing import Any, Optional

from babel import Locale, UnknownLocaleError

# The launch languages; the first is the fallback for anything unsupported.
SUPPORTED_LANGUAGES = ("en", "es", "fr", "pt", "ar", "hi", "sw")
DEFAULT_LANGUAGE = "en"
RIGHT_TO_LEFT = frozenset({"ar"})

# Codes that Babel knows as territories but that name no country a person lives in.
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"})


def negotiate(preferred: Any) -> Optional[str]:
    """Map a language tag, or a list in order of preference, to a supported language.

    `pt-BR` gives `pt` and `es-MX` gives `es`; an unknown or unsupported tag gives None,
    so the caller can fall back to another signal before English.
    """
    if isinstance(preferred, str):
        tags = [preferred]
    elif isinstance(preferred, (list, tuple)):
        tags = list(preferred)
    else:
        return None
    for tag in tags:
        if not isinstance(tag, str):
            continue
        # Accept-Language style input: "fr-CA,fr;q=0.9,en;q=0.8"
        for part in tag.split(","):
            language = _language_of(part.split(";")[0].strip())
            if language in SUPPORTED_LANGUAGES:
                return language
    return None


def _language_of(tag: str) -> Optional[str]:
    if not tag or len(tag) > 35:
        return None
    try:
        return Locale.parse(tag.replace("-", "_")).language
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def valid_country(code: object) -> Optional[str]:
    """Return an ISO 3166-1 alpha-2 code in upper case, or None for anything else ("ZZ", "12")."""
    if not isinstance(code, str):
        return None
    code = code.strip().upper()
    if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
        return None
    return code if code in _territories() else None


@lru_cache(maxsize=1)
def _territories() -> frozenset:
    return frozenset(Locale("en").territories)


@lru_cache(maxsize=64)
def language_name(code: str, in_language: str) -> str:
    """The name of language `code` written in `in_language`, e.g. ("fr", "es") -> "francés"."""
    return Locale(in_language).languages.get(code, code)
