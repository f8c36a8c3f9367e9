"""Find a supported language that a message names: "en español", "switch to French", "عربي"."""

from typing import Optional

from bot.language.lexicon import language_names
from bot.text import words

# Arabic writes prepositions and the article as prefixes: "بالعربي" = "in Arabic".
_ARABIC_PREFIXES = ("بال", "وال", "ال", "ب", "و")


def named_language(text: str) -> Optional[str]:
    """Return the code of the first supported language named in `text`, else None."""
    names = language_names()
    for token in words(text):
        if token in names:
            return names[token]
        for prefix in _ARABIC_PREFIXES:
            if token.startswith(prefix) and token[len(prefix):] in names:
                return names[token[len(prefix):]]
    return None
