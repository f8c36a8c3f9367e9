"""Compile the crisis patterns in data/safety/<lang>.yml into spaCy matchers.

Phrase syntax (written by people, not programmers), one phrase per line, words separated by
spaces and matched on normalized text (bot.safety.normalize):

    word        that word                     "morir"
    word*       any word starting with it     "mat*"  matches matar, matarme, mato
    *word       any word ending with it       "*jiua" matches kujiua, nitajiua, najiua
    *word*      any word containing it        "*موت*" matches بموت, الموت, موتي
    a|b*|c      any one of these words        "pills|pastillas|tablet*"  (single words only:
                write "i am not" and "i'm not" as two phrases, never "i am not|i'm not")
    =lemma      any form of a word, by its dictionary form (en, es, fr, pt): "=morir"
    ~N          up to N other words (1-4)      "want ~2 die"
"""

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Pattern, Tuple

import spacy
import yaml
from spacy.matcher import Matcher

from bot.paths import DATA_DIR
from bot.safety.normalize import normalize

SAFETY_DIR = DATA_DIR / "safety"
LANGUAGES_WITH_LOOKUP_LEMMAS = frozenset({"en", "es", "fr", "pt"})
LEVELS = ("none", "distress", "ideation", "imminent")
CATEGORIES = (
    "suicide", "self_harm", "harm_to_others", "abuse_now", "child_abuse",
    "medical_emergency", "concern_for_other",
)
CONTEXTS = ("negation", "past", "hypothetical", "not_a_crisis")
MODIFIERS = ("means", "timeframe", "minor")


@dataclass
class LanguagePatterns:
    """One language's pipeline and matchers; `labels` maps a match id to what it means.

    `anchor` is a quick test on the normalized text: a signal can only match when one of its
    key words occurs, so most languages' matchers are skipped for most messages.
    """

    code: str
    nlp: object
    signals: Matcher
    cues: Matcher
    labels: Dict[int, Tuple[str, str, str]] = field(default_factory=dict)  # kind, name, level
    anchor: Optional[Pattern] = None
    anchor_parts: List[str] = field(default_factory=list)

    def may_match(self, reading: str) -> bool:
        return self.anchor is None or bool(self.anchor.search(reading))


def pattern_languages() -> List[str]:
    return sorted(p.stem for p in SAFETY_DIR.glob("*.yml") if p.stem != "normalization")


@lru_cache(maxsize=None)
def load(code: str) -> LanguagePatterns:
    with open(SAFETY_DIR / f"{code}.yml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    nlp = _pipeline(data.get("spacy_language", code))
    compiled = LanguagePatterns(code, nlp, Matcher(nlp.vocab), Matcher(nlp.vocab))
    always_run = False
    for index, signal in enumerate(data.get("signals") or []):
        category, level = signal["category"], signal["level"]
        if category not in CATEGORIES or level not in LEVELS[1:]:
            raise ValueError(f"{code}.yml signal {index}: unknown category or level")
        for pattern in _add(compiled, compiled.signals, ("signal", category, level), signal.get("phrases") or []):
            anchor = _anchor_of(pattern)
            if anchor is None:
                always_run = True
            else:
                compiled.anchor_parts.append(anchor)
    for kind, groups in (("modifier", data.get("modifiers")), ("context", data.get("context"))):
        for name, phrases in (groups or {}).items():
            if name not in (MODIFIERS if kind == "modifier" else CONTEXTS):
                raise ValueError(f"{code}.yml: unknown {kind} '{name}'")
            _add(compiled, compiled.cues, (kind, name, ""), phrases or [])
    if not always_run and compiled.anchor_parts:
        compiled.anchor = re.compile("|".join(sorted(set(compiled.anchor_parts))))
    return compiled


def _anchor_of(pattern: List[dict]) -> Optional[str]:
    """A regular expression for the pattern's most specific token, searched in the raw text.

    Prefix and suffix marks are dropped, so the test only ever lets more messages through.
    """
    best, best_length = None, -1
    for token in pattern:
        if "LOWER" not in token:
            continue
        value = token["LOWER"]
        if isinstance(value, str):
            options = [re.escape(value)]
            length = len(value)
        elif "IN" in value:
            options = [re.escape(word) for word in value["IN"]]
            length = min(len(word) for word in value["IN"])
        else:
            options = [value["REGEX"].replace("^", "").replace("$", "")]
            length = min(len(part) for part in options[0].split("|"))
        if length > best_length:
            best, best_length = "|".join(options), length
    return f"(?:{best})" if best else None


def _pipeline(spacy_language: str):
    nlp = spacy.blank(spacy_language)
    if spacy_language in LANGUAGES_WITH_LOOKUP_LEMMAS:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    return nlp


def _add(compiled: LanguagePatterns, matcher: Matcher, label: Tuple[str, str, str], phrases: List[str]):
    key = "|".join(label)
    match_id = compiled.nlp.vocab.strings.add(key)
    compiled.labels[match_id] = label
    patterns = [p for phrase in phrases for p in _token_patterns(compiled.nlp, str(phrase)) if p]
    if patterns:
        matcher.add(key, patterns)
    return patterns


def _token_patterns(nlp, phrase: str) -> List[List[dict]]:
    """The matcher patterns of one phrase (several when an option spans tokens: "don't")."""
    alternatives_per_part = [_part_alternatives(nlp, part) for part in phrase.split()]
    patterns = [_trim(sum(choice, [])) for choice in itertools.product(*alternatives_per_part)]
    return [pattern for pattern in patterns if pattern]


def _part_alternatives(nlp, part: str) -> List[List[dict]]:
    gap = re.fullmatch(r"~([1-4])", part)
    if gap:
        return [[{"OP": "?"}] * int(gap.group(1))]
    if part.startswith("=") and len(part) > 1:
        return [[{"LEMMA": normalize(part[1:])}]]
    words, partials, multi = [], [], []
    for option in filter(None, part.split("|")):
        if "*" in option:
            partials.append(_partial_regex(option))
            continue
        tokens = [token.text for token in nlp.make_doc(normalize(option))]
        if len(tokens) == 1:
            words.append(tokens[0])
        elif tokens:
            multi.append([{"LOWER": token} for token in tokens])
    alternatives = multi
    # Exact words are looked up in a set; only prefixes need a regular expression (slower).
    if words:
        alternatives.append([{"LOWER": {"IN": sorted(set(words))}}])
    if partials:
        alternatives.append([{"LOWER": {"REGEX": "|".join(partials)}}])
    return alternatives


def _partial_regex(option: str) -> str:
    core = re.escape(normalize(option.strip("*")))
    starts = "" if option.startswith("*") else "^"
    ends = "" if option.endswith("*") else "$"
    return f"(?:{starts}{core}{ends})"


def _trim(tokens: List[dict]) -> List[dict]:
    while tokens and tokens[0] == {"OP": "?"}:
        tokens = tokens[1:]
    while tokens and tokens[-1] == {"OP": "?"}:
        tokens = tokens[:-1]
    return tokens
