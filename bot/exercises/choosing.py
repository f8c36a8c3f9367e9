"""Which exercise a person means: by name in their own words, or from a short menu.

"Can we do the breathing one" should start paced breathing at once; "I need to calm down"
names nothing, so the person gets a few choices instead of a wall of options. The words come
from data/exercises/_names.yml (see its header for how matching works).
"""

import re
from functools import lru_cache
from typing import Iterable, List, Optional, Sequence, Set

from bot.exercises.loader import Library, library
from bot.text import fold

# Used until a locale profile says otherwise: the two quickest ways to settle come first.
DEFAULT_MENU_ORDER = ("grounding_54321", "paced_breathing", "calm_place", "butterfly_hug",
                      "self_compassion_break", "journaling", "boundary_rehearsal")
MENU_SIZE = 4
_LETTER_BEFORE = r"(?<![\w\u0900-\u097f\u0600-\u06ff])"


def exercise_named_in(text: object, language: str = "en", data: Optional[Library] = None) -> Optional[str]:
    """The id of the one exercise `text` names, or None when it names none or several.

    The conversation's language is tried first, so a word that means something else in
    another language only counts when the person's own language finds nothing.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    data = data or library()
    folded = fold(text)
    found = _matches(folded, [language], data)
    if not found:
        found = _matches(folded, [other for other in data.names if other != language], data)
    return found.pop() if len(found) == 1 else None


def resolve(value: object, data: Optional[Library] = None) -> Optional[str]:
    """An exercise id from an entity value: the id itself ("paced_breathing"), else None."""
    data = data or library()
    if isinstance(value, str) and value.strip() in data.exercises:
        return value.strip()
    return None


def menu_order(preferred_order: Optional[Iterable[str]] = None, data: Optional[Library] = None,
               size: int = MENU_SIZE) -> List[str]:
    """The exercises to offer, best first: the locale's preferences, then the default order.

    Unknown ids in `preferred_order` are skipped rather than shown as broken buttons.
    """
    data = data or library()
    order: List[str] = []
    for exercise_id in list(preferred_order or []) + list(DEFAULT_MENU_ORDER) + sorted(data.exercises):
        if exercise_id in data.exercises and exercise_id not in order:
            order.append(exercise_id)
    return order[:size]


def _matches(folded: str, languages: Sequence[str], data: Library) -> Set[str]:
    found: Set[str] = set()
    for language in languages:
        inside = language in data.match_inside_words
        for exercise_id, words in data.names.get(language, {}).items():
            if any(_pattern(word, inside).search(folded) for word in words):
                found.add(exercise_id)
    return found


@lru_cache(maxsize=2048)
def _pattern(word: str, inside: bool) -> "re.Pattern[str]":
    return re.compile(("" if inside else _LETTER_BEFORE) + re.escape(word))
