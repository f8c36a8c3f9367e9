"""Normalize text for crisis matching, so spelling tricks and typing habits hide nothing.

Steps: Unicode compatibility forms (full-width letters); case; homoglyphs; signal emoji to words; Latin accents, Arabic
vowel marks and letter variants, Devanagari nukta; letters repeated for emphasis
("morirrrr", but never digits: "11" stays "11"); curly apostrophes read as straight ones; coded
words ("unalive", "kms"). Leetspeak ("su1c1d3") gives a second reading
when a word mixes letters and digits, because Arabizi ("3ayez amoot") uses digits as letters.
Patterns go through the same steps, so both sides always agree.
"""

import re
import unicodedata
from functools import lru_cache
from typing import List

import yaml

from bot.paths import DATA_DIR
from bot.text import fold

NORMALIZATION_FILE = DATA_DIR / "safety" / "normalization.yml"

_REPEATS = re.compile(r"([^\W\d])\1+")  # letters only: "11" and "2000" keep their digits
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_DEVANAGARI = str.maketrans({"\u093c": None, "\u0901": "\u0902"})  # nukta dropped; chandrabindu -> anusvara
_MIXED_WORD = re.compile(r"\b(?=\w*[a-z])(?=\w*[0-9@$])[\w@$]+")
# Four or more single letters (or leet digits) with one space between: "s u i c i d e", "k 1 l l".
_SPACED_LETTERS = re.compile(r"(?<!\w)(?:[^\W_] ){3,}[^\W_](?!\w)")


@lru_cache(maxsize=1)
def _rules() -> dict:
    with open(NORMALIZATION_FILE, encoding="utf-8") as handle:
        rules = yaml.safe_load(handle)
    coded = sorted(rules["coded_words"].items(), key=lambda item: -len(item[0]))
    rules["coded_pattern"] = re.compile(
        r"\b(" + "|".join(re.escape(word) for word, _ in coded) + r")\b"
    )
    rules["homoglyph_table"] = str.maketrans(rules["homoglyphs"])
    rules["leet_table"] = str.maketrans(rules["leetspeak"])
    return rules


# The detector reads a message, then the second net reads it again: the second time is free.
@lru_cache(maxsize=256)
def _base(text: str) -> str:
    rules = _rules()
    text = unicodedata.normalize("NFKC", text)  # full-width and compatibility forms
    text = text.casefold().translate(rules["homoglyph_table"]).translate(_APOSTROPHES)
    for emoji, word in rules["emoji"].items():
        text = text.replace(emoji, word)
    text = fold(text).translate(_ARABIC_LETTERS).translate(_DEVANAGARI)
    return text


@lru_cache(maxsize=256)
def _finish(text: str) -> str:
    rules = _rules()
    text = rules["coded_pattern"].sub(lambda m: rules["coded_words"][m.group(1)], text)
    return _REPEATS.sub(r"\1", text)


def readings(text: str) -> List[str]:
    """The normalized readings of `text`: the plain one, then one with leetspeak decoded and one
    with spaced-out letters joined ("s u i c i d e"), when the text has them."""
    base = _base(text)
    found = [_finish(base)]
    if _MIXED_WORD.search(base):
        found.append(_finish(_MIXED_WORD.sub(lambda m: m.group(0).translate(_rules()["leet_table"]), base)))
    if _SPACED_LETTERS.search(base):
        found.append(_finish(_SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), found[-1])))
    return list(dict.fromkeys(found))


def normalize(text: str) -> str:
    """The plain reading: used for patterns and context cues."""
    return _finish(_base(text))
