"""Find the country a person says they are in: "I'm in Kenya", "estoy en Mexico", "niko Kenya".

Country names come from Babel's territory names in every supported language, plus the
nicknames in data/language/lexicon.yml, matched without case or accents and tolerant of
small typos ("Mexcio"). Returns the ISO 3166-1 alpha-2 code and whether a cue ("I'm in")
came before it.
"""

import difflib
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Optional

from babel import Locale

from bot.language.codes import SUPPORTED_LANGUAGES, valid_country
from bot.language.lexicon import _raw
from bot.text import fold, words

MAX_NAME_WORDS = 3
MIN_FUZZY_LENGTH = 5
FUZZY_CUTOFF = 0.8


@dataclass(frozen=True)
class CountryMention:
    code: str
    stated: bool  # "I'm in Kenya": a location cue came before the name


@lru_cache(maxsize=1)
def country_names() -> Dict[str, str]:
    """Folded country name (one to three words) -> ISO code."""
    names = {}
    for language in SUPPORTED_LANGUAGES:
        for code, name in Locale(language).territories.items():
            if valid_country(code):
                names[" ".join(words(name))] = code
    for code, extras in (_raw().get("country_names") or {}).items():
        for extra in extras:
            names[" ".join(words(str(extra)))] = code
    return {name: code for name, code in names.items() if name}


@lru_cache(maxsize=1)
def _cues() -> frozenset:
    return frozenset(
        " ".join(words(str(cue))) for cues in (_raw().get("location_cues") or {}).values() for cue in cues
    )


def mentioned_country(text: str) -> Optional[CountryMention]:
    """The country a message places the person in, or None.

    Only two shapes count, because many country names are also ordinary words ("mali" is
    "property" in Swahili, "chile" a pepper): a name right after a location cue ("I'm in
    Kenya", typos allowed there), or a message that is nothing but a country name ("Kenya",
    the answer to "which country are you in?").
    """
    tokens = words(text)
    names = country_names()
    if 0 < len(tokens) <= MAX_NAME_WORDS:
        code = names.get(" ".join(tokens))
        if code:
            return CountryMention(code, stated=False)
    for cue_end in _cue_ends(tokens):
        for size in range(MAX_NAME_WORDS, 0, -1):
            candidate = " ".join(tokens[cue_end:cue_end + size])
            if len(tokens[cue_end:cue_end + size]) == size:
                code = names.get(candidate) or _fuzzy(candidate, names)
                if code:
                    return CountryMention(code, stated=True)
    return None


def _cue_ends(tokens) -> list:
    """Positions right after each location cue in the message (skipping "the", "la", ...)."""
    ends = []
    for cue in _cues():
        cue_tokens = cue.split()
        for start in range(len(tokens) - len(cue_tokens) + 1):
            if tokens[start:start + len(cue_tokens)] == cue_tokens:
                end = start + len(cue_tokens)
                while end < len(tokens) and tokens[end] in _ARTICLES:
                    end += 1
                ends.append(end)
    return sorted(set(ends))


_ARTICLES = frozenset({"the", "la", "el", "le", "les", "l", "o", "a", "os", "as"})


def _fuzzy(candidate: str, names: Dict[str, str]) -> Optional[str]:
    """A close spelling of a country name; only names of similar length and first letter."""
    if len(candidate) < MIN_FUZZY_LENGTH:
        return None
    pool = [name for name in _names_by_initial().get(candidate[0], ()) if abs(len(name) - len(candidate)) <= 2]
    close = difflib.get_close_matches(candidate, pool, n=1, cutoff=FUZZY_CUTOFF)
    return names[close[0]] if close else None


@lru_cache(maxsize=1)
def _names_by_initial() -> Dict[str, tuple]:
    grouped: Dict[str, list] = {}
    for name in country_names():
        grouped.setdefault(name[0], []).append(name)
    return {initial: tuple(group) for initial, group in grouped.items()}
