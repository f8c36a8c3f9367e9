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
    ~*          any number of words, even across sentences, for two parts of one message:
                "fired|evicted ~* tallest|highest"  (a loss, then a question about heights)
"""

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, FrozenSet, List, NamedTuple, Optional, Pattern, Set, Tuple, Union

import spacy
import yaml
from spacy.attrs import LANG, LOWER, ORTH
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
CONTEXTS = ("negation", "negation_after", "past", "hypothetical", "not_a_crisis")
MODIFIERS = ("means", "timeframe", "minor", "retraction")
LONG_GAP = 4  # optional words in a row beyond which a gap is matched as "any words" plus a limit


@dataclass
class AnchoredMatchers:
    """Patterns grouped by their most specific word (their anchor), one small matcher per group.

    anchors_in() (one regular expression built as a trie of every language's anchors) tells
    which anchors occur in a text, so a message pays only for the few groups it can match.
    """

    groups: Dict[FrozenSet[str], Matcher] = field(default_factory=dict)
    always: List[Matcher] = field(default_factory=list)
    groups_of_anchor: Dict[str, List[FrozenSet[str]]] = field(default_factory=dict)
    # Any language's anchor -> this language's groups whose anchor is a prefix of it.
    groups_within: Dict[str, List[FrozenSet[str]]] = field(default_factory=dict)
    with_lemmas: Set[int] = field(default_factory=set)  # id() of the matchers with =lemma words
    # Anchor -> for each of its patterns, the word tests its literal tokens need (all of them).
    requirements: Dict[FrozenSet[str], Set[Tuple["WordTest", ...]]] = field(default_factory=dict)

    def for_anchors(self, found: FrozenSet[str], words: Union[FrozenSet[str], "TextWords", None] = None) -> List[Matcher]:
        """The matchers that can match a text in which anchors_in() found `found` (often none).

        Each found anchor is the longest of any language at its place in the text, so every
        anchor that is a prefix of it occurs there too ("suicid" inside "suicide"). Given the
        text's `words` (see LanguagePatterns.words), a group is skipped unless one of its
        patterns finds a word for each of its literal tokens: an anchor inside another word
        ("die" in "studied") or a short anchor ("the") without the pattern's other words
        cannot match, and a matcher call costs far more than these set lookups.
        """
        keys = set()
        for literal in found:
            keys.update(self.groups_within.get(literal, ()))
        if words is None:
            return self.always + [self.groups[key] for key in keys]
        passed = _tests_passed(words)
        kept = []
        for key in keys:  # plain loops: this runs for every language on every message
            for tests in self.requirements[key]:
                for test in tests:
                    result = passed.get(test)
                    if result is None:
                        result = passed[test] = _word_passes(test, words)
                    if not result:
                        break
                else:
                    kept.append(self.groups[key])
                    break
        return self.always + kept

    def could_match(self, found: FrozenSet[str], reading: str) -> bool:
        """Whether for_anchors(found, words) can have any matcher, without building the tokens.

        Tokenizing is the dearest step for a message full of new words, and most languages
        need no tokens at all: a pattern one of whose exact words cannot be a token of the text
        (see likely_words) cannot match (prefix and suffix tests are left to for_anchors, on
        the tokens).
        """
        return bool(self.for_anchors(found, likely_words(reading)))

    def need_lemmas(self, matchers: List[Matcher]) -> bool:
        """Whether any of `matchers` reads lemmas, which cost more than the tokens themselves."""
        return any(id(matcher) in self.with_lemmas for matcher in matchers)


@dataclass
class LanguagePatterns:
    """One language's pipeline and matchers; `labels` maps a match id to what it means.

    Signals and cues (context and modifiers) are both anchored, so for most messages most
    languages cost one regex scan, and cue phrases run only where their words occur.
    """

    code: str
    nlp: object
    signals: AnchoredMatchers = field(default_factory=AnchoredMatchers)
    cues: AnchoredMatchers = field(default_factory=AnchoredMatchers)
    exclusions: AnchoredMatchers = field(default_factory=AnchoredMatchers)  # not_a_crisis alone, for other languages
    labels: Dict[int, Tuple[str, str, str]] = field(default_factory=dict)  # kind, name, level
    span_limits: Dict[int, int] = field(default_factory=dict)  # most words a match may span

    def within_limit(self, match_id: int, start: int, end: int) -> bool:
        """Whether a match of a phrase with a long gap spans no more words than the phrase can."""
        return end - start <= self.span_limits.get(match_id, end - start)

    def tokens(self, reading: str):
        """The tokens of `reading`, without lemmas (see add_lemmas); the same Doc when asked again."""
        return _tokens(self.code, reading)

    def words(self, reading: str) -> FrozenSet[str]:
        """The lower-case words of tokens(reading): what the matchers' LOWER tests read."""
        return _words(self.code, reading)

    def add_lemmas(self, doc) -> None:
        """Lookup lemmas, only for the few messages whose matchers need them (3x the tokenizing)."""
        if "lemmatizer" in self.nlp.pipe_names and not doc.has_annotation("LEMMA"):
            self.nlp.get_pipe("lemmatizer")(doc)


@lru_cache(maxsize=1)
def pattern_languages() -> Tuple[str, ...]:
    """Languages with a pattern file: data/safety/<code>.yml (files starting with "_" are not)."""
    return tuple(sorted(
        p.stem for p in SAFETY_DIR.glob("*.yml") if p.stem != "normalization" and not p.stem.startswith("_")
    ))


@lru_cache(maxsize=None)
def load(code: str) -> LanguagePatterns:
    with open(SAFETY_DIR / f"{code}.yml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    nlp = _pipeline(data.get("spacy_language", code))
    compiled = LanguagePatterns(code, nlp)
    signals: Dict[str, list] = {}
    for index, signal in enumerate(data.get("signals") or []):
        category, level = signal["category"], signal["level"]
        if category not in CATEGORIES or level not in LEVELS[1:]:
            raise ValueError(f"{code}.yml signal {index}: unknown category or level")
        phrases = [pattern for phrase in signal.get("phrases") or [] for pattern in _token_patterns(nlp, str(phrase))]
        _add_keyed(compiled, ("signal", category, level), phrases, signals)
    compiled.signals = _anchored(nlp, signals)
    cue_groups = [("modifier", data.get("modifiers")), ("context", data.get("context"))]
    cue_groups += [("context", _context_of_language(other)) for other in data.get("context_from") or []]
    cues: Dict[str, list] = {}
    for kind, groups in cue_groups:
        for name, phrases in (groups or {}).items():
            if name not in (MODIFIERS if kind == "modifier" else CONTEXTS):
                raise ValueError(f"{code}.yml: unknown {kind} '{name}'")
            patterns = [p for phrase in phrases or [] for p in _token_patterns(nlp, str(phrase))]
            _add_keyed(compiled, (kind, name, ""), patterns, cues)
    # not_a_crisis is applied apart, for every language at once (detector._scan), so the cues
    # that qualify a signal (negation, past, modifiers...) run without it.
    compiled.cues = _anchored(nlp, {key: found for key, found in cues.items() if not key.startswith(_EXCLUSION_KEY)})
    compiled.exclusions = _anchored(nlp, {key: found for key, found in cues.items() if key.startswith(_EXCLUSION_KEY)})
    return compiled


_EXCLUSION_KEY = "context|not_a_crisis|"


@lru_cache(maxsize=64)  # a message is read for its signals, then for other languages' exclusions
def _tokens(code: str, reading: str):
    return load(code).nlp.make_doc(reading)


@lru_cache(maxsize=64)
def _words(code: str, reading: str) -> FrozenSet[str]:
    return frozenset(token.lower_ for token in _tokens(code, reading))


def _anchored(nlp, patterns_by_key: Dict[str, list]) -> AnchoredMatchers:
    """Group every pattern by its anchor, one matcher per group, and index the anchors."""
    grouped: Dict[Optional[FrozenSet[str]], Dict[str, list]] = {}
    anchored = AnchoredMatchers()
    for key, patterns in patterns_by_key.items():
        for pattern in patterns:
            anchor = _anchor_of(pattern)
            grouped.setdefault(anchor, {}).setdefault(key, []).append(pattern)
            if anchor is not None:
                anchored.requirements.setdefault(anchor, set()).add(_word_tests(pattern))
    for anchor, by_key in grouped.items():
        matcher = Matcher(nlp.vocab)
        for key, patterns in by_key.items():
            matcher.add(key, patterns)
        if any("LEMMA" in token for patterns in by_key.values() for pattern in patterns for token in pattern):
            anchored.with_lemmas.add(id(matcher))
        if anchor is None:
            anchored.always.append(matcher)
        else:
            anchored.groups[anchor] = matcher
    _index_anchors(anchored)
    return anchored


def _context_of_language(code: str) -> dict:
    """Another language's context cues, for `context_from` (Spanish "no" for Portuguese patterns).

    Every language's signals run on every message, so a Portuguese signal can fire on a Spanish
    sentence; the Spanish negation or past-tense cue must then count too. A lemma only means
    something in its own language's pipeline, so "=no" is read here as the word "no" itself.
    """
    with open(SAFETY_DIR / f"{code}.yml", encoding="utf-8") as handle:
        context = yaml.safe_load(handle).get("context") or {}
    return {
        name: [re.sub(r"(^|\s)=", r"\1", str(phrase)) for phrase in phrases or []]
        for name, phrases in context.items()
        if name != "not_a_crisis"  # every language's exclusions apply to every signal already
    }


def _add_keyed(compiled: LanguagePatterns, label: Tuple[str, str, str], patterns: list, keyed: Dict[str, list]) -> None:
    """File `patterns` under their matcher key: the label, and the span limit of a long gap."""
    for pattern in patterns:
        pattern, limit = _compact_gaps(pattern)
        key = "|".join(label) + (f"|{limit}" if limit else "")
        match_id = compiled.nlp.vocab.strings.add(key)
        compiled.labels[match_id] = label
        if limit:
            compiled.span_limits[match_id] = limit
        keyed.setdefault(key, []).append(pattern)


def _compact_gaps(pattern: List[dict]) -> Tuple[List[dict], Optional[int]]:
    """A run of more than LONG_GAP optional words becomes one "any words" token, and a limit.

    spaCy's matcher tries every way to fill a run of optional tokens, so its cost grows
    steeply with the run ("~4 ~4 ~4": 12 optional words took 30x the time of 8). One "*" and a
    check that the match is no longer than the phrase could be ("up to N words" overall) give
    the same matches at a fraction of the cost; shorter gaps inside the phrase still hold.
    """
    compact, run = [], 0
    for token in pattern + [None]:
        if token == {"OP": "?"}:
            run += 1
            continue
        if run:
            compact += [{"OP": "*"}] if run > LONG_GAP else [{"OP": "?"}] * run
            run = 0
        if token is not None:
            compact.append(token)
    if {"OP": "*"} in pattern:  # "~*" already allows any length: no limit, or it would cap the "~*" too
        return compact, None
    return (compact, len(pattern)) if len(compact) < len(pattern) else (pattern, None)


def _anchor_of(pattern: List[dict]) -> Optional[FrozenSet[str]]:
    """The literal strings of the pattern's most specific token (None if it has none).

    A prefix, suffix or infix option gives its literal part ("mat*" gives "mat"), so finding
    the anchor in the text is necessary for a match, never sufficient.
    """
    best, best_length = None, 0
    for token in pattern:
        value = token.get("LOWER")
        if value is None:
            continue
        if isinstance(value, str):
            literals = [value]
        elif "IN" in value:
            literals = list(value["IN"])
        else:
            literals = [_unescape(core) for core in _CORE.findall(value["REGEX"])]
        length = min((len(literal) for literal in literals), default=0)
        if length > best_length:
            best, best_length = frozenset(literals), length
    return best


# What one literal token of a pattern needs of some word of the text: ("in", its words) or
# ("re", its prefix, suffix or infix regex). Tokens with a lemma are not tested.
WordTest = Tuple[str, object]


def _word_tests(pattern: List[dict]) -> Tuple[WordTest, ...]:
    tests = set()
    for token in pattern:
        value = token.get("LOWER")
        if isinstance(value, str):
            tests.add(("in", frozenset([value])))
        elif value is not None and "IN" in value:
            tests.add(("in", frozenset(value["IN"])))
        elif value is not None:
            tests.add(("re", _compiled(value["REGEX"])))
    return tuple(sorted(tests, key=lambda test: test[0] == "re"))  # set lookups first: cheaper


@lru_cache(maxsize=None)
def _compiled(regex: str) -> Pattern:
    return re.compile(regex)


@lru_cache(maxsize=128)
def _tests_passed(words: Union[FrozenSet[str], "TextWords"]) -> Dict[WordTest, bool]:
    """The results of _word_passes on these words so far, shared by every language and kind."""
    return {}


def _word_passes(test: WordTest, words: Union[FrozenSet[str], "TextWords"]) -> bool:
    """Whether some word of the text passes `test`, as the matcher would test it.

    `words` is the text's set of token words, or, before tokenizing, likely_words(text): then
    a test passes when one of its exact words is a likely word or occurs in a mixed chunk, or
    is a regex test.
    """
    kind, value = test
    if isinstance(words, TextWords):
        if kind == "re" or not value.isdisjoint(words.words):
            return True
        return bool(words.mixed) and any(word in words.mixed for word in value)
    return not value.isdisjoint(words) if kind == "in" else any(value.search(word) for word in words)


class TextWords(NamedTuple):
    """What the tokens of a text can be, in every language, before any tokenizer has run."""

    words: FrozenSet[str]  # the chunks of letters only, and the pieces tokenizers split some into
    mixed: str  # the chunks with any other character ("don't", "tonight."): a token may be any part


@lru_cache(maxsize=128)
def likely_words(reading: str) -> TextWords:
    """The possible tokens of `reading`, cheaply, for could_match.

    spaCy splits text at spaces, then splits punctuation, digits and symbols off each chunk;
    a chunk of letters only stays one token unless it is a tokenizer exception ("cannot" ->
    "can", "not"; "pal" -> "pa", "l"). So a token of a letters-only chunk is the chunk or one
    of its exception's pieces, and only a chunk with other characters may hide a token
    anywhere inside it. Checked on every dev and held-out case in every language
    (tests/safety/test_detector.py).
    """
    pieces = _letter_exceptions()
    words, mixed = set(), []
    for chunk in reading.split():
        if all(map(_is_letter, chunk)):
            words.add(chunk)
            words.update(pieces.get(chunk, ()))
        else:
            mixed.append(chunk)
    return TextWords(frozenset(words), " ".join(mixed))


def _is_letter(char: str) -> bool:
    # Devanagari vowel signs and Arabic marks are not isalpha(), yet belong inside a word.
    return char.isalpha() or unicodedata.category(char)[0] == "M"


@lru_cache(maxsize=1)
def _letter_exceptions() -> Dict[str, FrozenSet[str]]:
    """Letters-only chunk -> its tokens, for the chunks some language's tokenizer splits."""
    found: Dict[str, Set[str]] = {}
    for code in pattern_languages():
        for chunk, tokens in load(code).nlp.tokenizer.rules.items():
            if len(tokens) > 1 and all(map(_is_letter, chunk)):
                found.setdefault(chunk.lower(), set()).update(token[ORTH].lower() for token in tokens)
    return {chunk: frozenset(tokens) for chunk, tokens in found.items()}


_CORE = re.compile(r"\(\?:\^?((?:[^()\\$]|\\.)*)\$?\)")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _index_anchors(compiled: AnchoredMatchers) -> None:
    for anchor in compiled.groups:
        for literal in anchor:
            compiled.groups_of_anchor.setdefault(literal, []).append(anchor)


@lru_cache(maxsize=1)
def _anchor_finder() -> Optional[Pattern]:
    """One scan for the anchors of every language's signals and cues, not one per language."""
    languages = [load(code) for code in pattern_languages()]
    every = [anchored for compiled in languages for anchored in (compiled.signals, compiled.cues, compiled.exclusions)]
    literals = set().union(*(anchored.groups_of_anchor for anchored in every))
    for anchored in every:
        for literal in literals:
            groups = [g for end in range(1, len(literal) + 1) for g in anchored.groups_of_anchor.get(literal[:end], ())]
            if groups:
                anchored.groups_within[literal] = groups
    return re.compile("(?=(" + _trie_regex(literals) + "))") if literals else None


def anchors_in(reading: str) -> FrozenSet[str]:
    """The longest anchor (of any language) starting at each place in `reading`."""
    finder = _anchor_finder()
    return frozenset(finder.findall(reading)) if finder else frozenset()


def _trie_regex(words) -> str:
    """One regular expression matching any of `words`, longest first, factored as a trie."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends_here = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:
            body = ("(?:" + body + ")" if len(branches) == 1 and len(branches[0]) > 1 else body) + "?"
        return body

    return build(trie)


def _pipeline(spacy_language: str):
    nlp = spacy.blank(spacy_language)
    # Every word met for the first time becomes a lexeme in each language's vocabulary, and
    # spaCy computes some twenty attributes for it (shape, is_stop, like_url...). The patterns
    # read only LOWER (and lemmas, which need LANG), so the rest is skipped.
    nlp.vocab.lex_attr_getters = {attr: nlp.vocab.lex_attr_getters[attr] for attr in (LOWER, LANG)}
    if spacy_language in LANGUAGES_WITH_LOOKUP_LEMMAS:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    return nlp


def _token_patterns(nlp, phrase: str) -> List[List[dict]]:
    """The matcher patterns of one phrase (several when an option spans tokens: "don't")."""
    alternatives_per_part = [_part_alternatives(nlp, part) for part in phrase.split()]
    patterns = [_trim(sum(choice, [])) for choice in itertools.product(*alternatives_per_part)]
    return [pattern for pattern in patterns if pattern]


def _part_alternatives(nlp, part: str) -> List[List[dict]]:
    if part == "~*":
        return [[{"OP": "*"}]]
    gap = re.fullmatch(r"~([1-4])", part)
    if gap is None and re.fullmatch(r"~\d+", part):
        raise ValueError(f"gap {part!r}: gaps go from ~1 to ~4")  # never read it as a word
    if gap:
        return [[{"OP": "?"}] * int(gap.group(1))]
    if part.startswith("=") and len(part) > 1:
        if "|" in part or "*" in part:
            raise ValueError(f"{part!r}: a lemma is one word (write =morir, not =morir|matar)")
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


_GAPS = ({"OP": "?"}, {"OP": "*"})


def _trim(tokens: List[dict]) -> List[dict]:
    while tokens and tokens[0] in _GAPS:
        tokens = tokens[1:]
    while tokens and tokens[-1] in _GAPS:
        tokens = tokens[:-1]
    return tokens
