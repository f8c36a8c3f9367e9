"""Locale profiles: cultural adaptation per language, not only translation.

Each supported language has locales/<lang>/profile.yml: the form of address, which
exercises and topics come first, self-compassion framings, stigma-aware wording, local ways
of seeking help, and the review status of its translation and content. This package reads
and checks those files (pure Python, no Rasa); the actions ask `profile_for(language)`.
"""

from bot.profiles.loader import (
    CONTENT_STATUSES, PROFILE_FILE, REQUIRED_KEYS, TRANSLATION_STATUSES,
    ProfileError, load_profile, profile_for, profile_path,
)
from bot.profiles.model import DRAFT, REVIEWED, SOURCE, LocaleProfile, Review, WordChoice

__all__ = [
    "CONTENT_STATUSES", "DRAFT", "PROFILE_FILE", "REQUIRED_KEYS", "REVIEWED", "SOURCE",
    "TRANSLATION_STATUSES", "LocaleProfile", "ProfileError", "Review", "WordChoice",
    "load_profile", "profile_for", "profile_path",
]
