"""Understand a distress rating from 0 to 10 however it is typed.

People answer "7", "7/10", "about a 4", "maybe 3 out of 10", "seven" or "٧". The first
number in the message is the rating ("8/10" is 8). Digits in any script count; number words
come from data/exercises/_rating_words.yml, for the conversation's language and English only,
because a short word in one language ("do" is two in Hindi) is an everyday word in another.
"""

import re
from typing import Optional

from bot.exercises.loader import Library, library
from bot.text import fold

MIN_RATING, MAX_RATING = 0, 10
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[\u0900-\u097f]+|[\u0600-\u06ff]+|[^\W\d_]+")


def parse_rating(text: object, language: str = "en", data: Optional[Library] = None) -> Optional[int]:
    """The rating in `text`, or None when there is no number from 0 to 10 in it."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return _in_range(int(text)) if float(text).is_integer() else None
    if not isinstance(text, str):
        return None
    digits = _DIGITS.search(text)
    if digits:
        return _in_range(int(digits.group()))
    words = (data or library()).rating_words
    known = {**words.get("en", {}), **words.get(language, {})}
    for word in _WORD.findall(fold(text)):
        if word in known:
            return known[word]
    return None


def _in_range(number: int) -> Optional[int]:
    return number if MIN_RATING <= number <= MAX_RATING else None
