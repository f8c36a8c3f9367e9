"""Unicode clean-up shared by everything that reads what people type.

People paste text from other apps, type on phones that insert invisible characters, and
write without accents. Cleaning happens once, here, so that the NLU model, the language
detector and (later) the safety detector all see the same text.
"""

import re
import unicodedata

# Zero-width and formatting characters that carry no meaning for understanding a message
# (zero-width space, joiners, word joiner, BOM, soft hyphen, bidi controls).
_INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alif, tatweel


def clean(text: str) -> str:
    """Return `text` in NFC with invisible and control characters removed and spaces collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Return a matching key: cleaned, case-folded, Latin accents and Arabic vowel marks removed.

    Devanagari vowel signs are kept: unlike Latin accents they are part of the spelling.
    """
    text = clean(text).casefold()
    text = _ARABIC_MARKS.sub("", text)
    decomposed = unicodedata.normalize("NFD", text)
    kept = []
    for char in decomposed:
        if unicodedata.category(char) == "Mn" and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def words(text: str) -> list:
    """Split folded text into words, dropping punctuation and emoji."""
    return re.findall(r"[\w\u0900-\u097f\u0600-\u06ff]+", fold(text))


def has_letters(text: str) -> bool:
    """True when the text holds at least one letter or digit in any script."""
    return any(char.isalnum() for char in text)
