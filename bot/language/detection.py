"""Guess the language of a message from its text alone.

Used only when nothing better is known (no choice by the person, no channel metadata), and
only acted on when confident: a wrong guess would answer someone in a language they may not
read. Scripts decide first (Arabic, Devanagari); then a list of unmistakable short words;
then marker words (romanized Hindi, Swahili); then py3langid, which ships its model inside the package.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from bot.language.codes import SUPPORTED_LANGUAGES
from bot.language.lexicon import marker_words, short_words
from bot.text import clean, words

# py3langid's normalised probability must reach this, on at least this many words.
MIN_PROBABILITY = 0.9
MIN_WORDS = 3
MIN_MARKERS = 2


@dataclass(frozen=True)
class Detection:
    """The detector's best guess; `confident` says whether it may be acted on."""

    language: Optional[str]
    probability: float
    confident: bool
    method: str

    def as_dict(self) -> dict:
        return {
            "language": self.language,
            "probability": round(self.probability, 3),
            "confident": self.confident,
            "method": self.method,
        }


UNKNOWN = Detection(None, 0.0, False, "none")


def detect(text: str) -> Detection:
    """Return the language of `text`, with `confident` False when it is a guess."""
    tokens = words(text)
    if not tokens:
        return UNKNOWN
    by_script = _by_script(text)
    if by_script:
        return Detection(by_script, 1.0, True, "script")
    by_word = _by_short_words(tokens)
    if by_word:
        return Detection(by_word, 1.0, True, "short_words")
    by_markers = _by_marker_words(tokens)
    if by_markers:
        return Detection(by_markers, 1.0, True, "marker_words")
    # The original spelling, accents included: they are strong clues to the language.
    language, probability = _identifier().classify(clean(text).lower())
    confident = bool(probability >= MIN_PROBABILITY and len(tokens) >= MIN_WORDS)
    return Detection(language, float(probability), confident, "py3langid")


def _by_script(text: str) -> Optional[str]:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return None
    arabic = sum("\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" for char in letters)
    devanagari = sum("\u0900" <= char <= "\u097f" for char in letters)
    if arabic * 2 > len(letters):
        return "ar"
    if devanagari * 2 > len(letters):
        return "hi"
    return None


def _by_short_words(tokens: list) -> Optional[str]:
    """A message of one to three words whose listed words all belong to one language."""
    if len(tokens) > 3:
        return None
    found = {short_words()[token] for token in tokens if token in short_words()}
    return found.pop() if len(found) == 1 else None


def _by_marker_words(tokens: list) -> Optional[str]:
    counts = {
        code: sum(token in markers for token in tokens)
        for code, markers in marker_words().items()
    }
    best = max(counts, key=counts.get)
    tied = list(counts.values()).count(counts[best]) > 1
    if not tied and counts[best] >= MIN_MARKERS and counts[best] * 3 >= len(tokens):
        return best
    return None


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED_LANGUAGES))
    return identifier
