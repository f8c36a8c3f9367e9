"""What a locale profile says, once it has been read and checked.

The profile (locales/<lang>/profile.yml) is written by NGOs, translators and clinicians.
The program reads only what it acts on (the order of exercises and topics, review status,
the form of address); everything else stays in `details` for writers and reviewers, so
adding a note to a profile never needs a code change.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Tuple

SOURCE, DRAFT, REVIEWED = "source", "draft", "reviewed"


@dataclass(frozen=True)
class Review:
    """Who reviewed a text and when; `status` is source (English), draft or reviewed."""

    status: str
    by: str
    date: str
    notes: str

    @property
    def is_reviewed(self) -> bool:
        return self.status == REVIEWED


@dataclass(frozen=True)
class WordChoice:
    """A clinical or stigmatising word to avoid, and the plain word to use instead."""

    avoid: str
    prefer: str


@dataclass(frozen=True)
class LocaleProfile:
    """One language's cultural adaptation: what comes first, how people are addressed."""

    language: str
    path: Path
    translation_review: Review
    content_review: Review
    reviewed_by_native_speaker: bool
    reviewed_by_clinician: bool
    address_form: str
    exercise_order: Tuple[str, ...]
    topic_order: Tuple[str, ...]
    stigma_aware_words: Tuple[WordChoice, ...]
    details: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
