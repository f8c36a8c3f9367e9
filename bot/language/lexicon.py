"""Loads data/language/lexicon.yml, the word lists that translators and NGOs can extend."""

from functools import lru_cache
from typing import Dict, FrozenSet

import yaml

from bot.language.codes import SUPPORTED_LANGUAGES, language_name
from bot.paths import DATA_DIR
from bot.text import fold

LEXICON_FILE = DATA_DIR / "language" / "lexicon.yml"


@lru_cache(maxsize=1)
def _raw() -> dict:
    with open(LEXICON_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=1)
def language_names() -> Dict[str, str]:
    """Every known name of a supported language (folded) mapped to its code.

    Combines Babel's names of each supported language in each supported language with the
    extra names in the lexicon.
    """
    names = {}
    for code in SUPPORTED_LANGUAGES:
        for display in SUPPORTED_LANGUAGES:
            names[fold(language_name(code, display))] = code
        for extra in _raw()["language_names"].get(code, []):
            names[fold(str(extra))] = code
    return {name: code for name, code in names.items() if name}


@lru_cache(maxsize=1)
def short_words() -> Dict[str, str]:
    """Words that identify a language on their own, folded, mapped to their language."""
    return {
        fold(str(word)): code
        for code, words in _raw()["short_words"].items()
        for word in words or []
    }


@lru_cache(maxsize=1)
def marker_words() -> Dict[str, FrozenSet[str]]:
    """Per language, frequent words that mark a message as written in it (folded)."""
    return {
        code: frozenset(fold(str(word)) for word in words)
        for code, words in _raw()["marker_words"].items()
    }
