"""assess(): is this message (with what came before) a crisis, how urgent, and of what kind.

Two nets. The first is the hand-written patterns: every language's patterns run on every
message, so a wrong language guess, code-switching or romanized writing never hides a crisis.
Context (negation, past, hypothetical, quotes) lowers a signal by one level and never more, so
an explicit present-tense signal is never erased; idioms, titles and lyrics listed as
`not_a_crisis` in any language remove the signals of every language inside them.

The second net (bot/safety/second_net.py, a small logistic regression on character n-grams)
looks only at messages the patterns do not already call a crisis, and can only add one: at or
above its threshold the message becomes "ideation" with "ml" evidence, and context rules do not
apply to it. Crisis handling never depends on an ML score alone: the patterns stay the first
net, the model never lowers or removes what they find, and if it fails to load the patterns
still answer. Earlier messages get the same two nets, so risk that builds over several
messages (_with_history) also counts what the second net found.
"""

import logging
from dataclasses import dataclass, field
from typing import Callable, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from bot.safety.normalize import readings
from bot.safety.patterns import LEVELS, anchors_in, load, pattern_languages

CRISIS_AT_ANY_LEVEL = frozenset(
    {"abuse_now", "child_abuse", "harm_to_others", "medical_emergency", "concern_for_other"}
)
SELF_DIRECTED = frozenset({"suicide", "self_harm"})
NEGATION_REACH = 2  # words between a negation and the signal it negates
CLAUSE_BREAKS = frozenset({".", "!", "?", ";", ",", "،", "؟", "।", ":", "\n", "—", "...", "…", "but", "pero", "mais", "mas", "lakini", "لكن", "lekin", "लेकिन", "par", "पर"})
SENTENCE_BREAKS = frozenset({".", "!", "?", ";", "؟", "।", "\n", "…", "..."})
QUOTES = frozenset({'"', "“", "”", "«", "»", "„"})
HISTORY_WINDOW = 5
SECOND_NET_LEVEL = "ideation"

logger = logging.getLogger(__name__)

# A second net: text -> its score when it says crisis, else None.
Net = Optional[Callable[[str], Optional[float]]]


@dataclass(frozen=True)
class Evidence:
    category: str
    level: str
    text: str
    language: str
    context: tuple = ()


@dataclass
class Assessment:
    level: str = "none"
    categories: List[str] = field(default_factory=list)
    evidence: List[Evidence] = field(default_factory=list)

    @property
    def crisis(self) -> bool:
        return self.level in ("ideation", "imminent") or bool(
            CRISIS_AT_ANY_LEVEL.intersection(self.categories)
        )

    def as_dict(self) -> dict:
        return {"crisis": self.crisis, "level": self.level, "categories": self.categories}


def _rank(level: str) -> int:
    return LEVELS.index(level)


def assess(text: str, language: Optional[str] = None, history: Optional[Sequence[str]] = None) -> Assessment:
    """Assess `text`; `language` only orders the work, `history` is earlier messages, oldest first."""
    return assess_with(_second_net, text, language, history)


def assess_with(net: Net, text: str, language: Optional[str] = None, history: Optional[Sequence[str]] = None) -> Assessment:
    """assess() with another second net; `None` gives the patterns alone (training, comparisons)."""
    evidence, modifiers = _scan(text or "", language, modifiers_always=bool(history))
    assessment = _add_second_net(_combine(evidence, modifiers), text or "", net)
    if history:
        earlier = [_add_second_net(_combine(*_scan(h or "", language)), h or "", net) for h in history[-HISTORY_WINDOW:]]
        assessment = _with_history(assessment, modifiers, earlier)
    return assessment


def _second_net(text: str) -> Optional[float]:
    # Imported here so `python -m bot.safety.second_net` does not load the module twice.
    from bot.safety import second_net

    try:
        probability = second_net.score(text)
        return probability if probability >= second_net.threshold() else None
    except Exception:  # the patterns have answered already; a broken model must not silence them
        logger.exception("Second net failed (text not logged); the patterns alone decide.")
        return None


def _add_second_net(assessment: Assessment, text: str, net: Net) -> Assessment:
    """A crisis from the second net when the patterns found none; never lowers theirs."""
    if net is None or assessment.crisis or not text.strip():
        return assessment
    probability = net(text)
    if probability is None:
        return assessment
    # Distress-level signals of the patterns (self-harm, say) name the kind better than "suicide".
    categories = list(assessment.categories) or ["suicide"]
    found = [Evidence(category, SECOND_NET_LEVEL, f"second net {probability:.2f}", "ml") for category in categories]
    return Assessment(SECOND_NET_LEVEL, categories, assessment.evidence + found)


def _scan(text: str, language: Optional[str], modifiers_always: bool = False):
    codes = pattern_languages()
    if language in codes:
        codes = [language] + [code for code in codes if code != language]
    evidence: List[Evidence] = []
    modifiers = set()
    for reading in readings(text):
        anchors = anchors_in(reading)
        found_here = []
        for code in codes:
            found, mods = _scan_language(reading, anchors, code, modifiers_always)
            found_here += found
            modifiers |= mods
        if found_here:
            ignored = [span for code in codes for span in _not_a_crisis_spans(reading, anchors, code)]
            evidence += [item for item, (start, end) in found_here if not any(s < end and start < e for s, e in ignored)]
    return evidence, modifiers


def _not_a_crisis_spans(reading: str, anchors: FrozenSet[str], code: str) -> List[Tuple[int, int]]:
    """Where one language's not_a_crisis phrases match, as character offsets into `reading`.

    Every language's signals run on every message, so an idiom or title listed in one
    language must also silence another language's signal inside it: an English statistics
    question must not be a crisis because a Hindi phrase matched a word of it.
    """
    patterns = load(code)
    if not patterns.exclusions.could_match(anchors, reading):
        return []
    matchers = patterns.exclusions.for_anchors(anchors, patterns.words(reading))
    if not matchers:
        return []
    doc = patterns.tokens(reading)
    return [
        (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        for _, start, end in _matches(patterns, patterns.exclusions, matchers, doc)
    ]


def _scan_language(reading: str, anchors: FrozenSet[str], code: str, modifiers_always: bool = False):
    """Signals found in one language, each with its character span; modifiers too, and alone
    when `modifiers_always`.

    A follow-up such as "tonight" has no signal of its own but raises earlier ideation, so
    with history the modifiers are collected even when this message has no signal.
    """
    patterns = load(code)
    if not patterns.signals.could_match(anchors, reading) and not modifiers_always:
        return [], set()
    doc, word_set = patterns.tokens(reading), patterns.words(reading)
    signals = _matches(patterns, patterns.signals, patterns.signals.for_anchors(anchors, word_set), doc)
    if not signals and not modifiers_always:
        return [], set()
    cues, modifiers = [], set()
    for match_id, start, end in _matches(patterns, patterns.cues, patterns.cues.for_anchors(anchors, word_set), doc):
        kind, name, _ = patterns.labels[match_id]
        if kind == "context":
            cues.append((name, start, end))
        else:
            modifiers.add((name, start, end))
    words = [token.text for token in doc]
    evidence = []
    for match_id, start, end in signals:  # not_a_crisis is applied by _scan, for every language
        _, category, level = patterns.labels[match_id]
        context = _context_of(words, start, end, cues)
        if context:
            level = LEVELS[max(0, _rank(level) - 1)]
        if level != "none":
            span = doc[start:end]
            found = Evidence(category, level, span.text, code, tuple(sorted(context)))
            evidence.append((found, (span.start_char, span.end_char)))
    live_modifiers = {
        name for name, start, end in modifiers if not _context_of(words, start, end, cues) & {"negation"}
    }
    return evidence, live_modifiers


def _matches(patterns, anchored, matchers, doc) -> list:
    """(match id, start, end) of every match; lemmas are added to `doc` only when needed."""
    if anchored.need_lemmas(matchers):
        patterns.add_lemmas(doc)
    return [match for matcher in matchers for match in matcher(doc) if patterns.within_limit(*match)]


def _context_of(words: List[str], start: int, end: int, cues) -> set:
    """The context cues that apply to the signal at words[start:end]."""
    found = set()
    sentence_start = start
    while sentence_start > 0 and words[sentence_start - 1] not in SENTENCE_BREAKS:
        sentence_start -= 1
    sentence_end = end
    while sentence_end < len(words) and words[sentence_end] not in SENTENCE_BREAKS:
        sentence_end += 1
    for name, cue_start, cue_end in cues:
        if name == "negation" and cue_end <= start and start - cue_end <= NEGATION_REACH:
            if not CLAUSE_BREAKS.intersection(words[cue_end:start]):
                found.add("negation")
        elif name == "negation_after" and cue_start >= end and cue_start - end <= NEGATION_REACH:
            # Verb-final languages negate after the verb: "marne ka man nahi hai". A negation
            # inside the signal is part of it ("jeena nahi hai": I don't want to live).
            if not CLAUSE_BREAKS.intersection(words[end:cue_start]):
                found.add("negation")
        elif name == "past" and sentence_start <= cue_start and cue_end <= sentence_end:
            found.add("past")
        elif name == "hypothetical" and sentence_start <= cue_start and cue_end <= start:
            found.add("hypothetical")
    if sum(word in QUOTES for word in words[:start]) % 2 == 1:
        found.add("quoted")
    return found


def _combine(evidence: List[Evidence], modifiers: set) -> Assessment:
    if not evidence:
        return Assessment(evidence=[])
    level = max((item.level for item in evidence), key=_rank)
    categories = {item.category for item in evidence}
    self_directed_ideation = any(
        item.category in SELF_DIRECTED and _rank(item.level) >= _rank("ideation") for item in evidence
    )
    if self_directed_ideation and modifiers & {"means", "timeframe"}:
        level = "imminent"
    if "minor" in modifiers and categories & {"abuse_now"}:
        categories.add("child_abuse")
    return Assessment(level, sorted(categories), evidence)


def _with_history(current: Assessment, modifiers: set, earlier: Iterable[Assessment]) -> Assessment:
    """Risk that builds over several messages raises the level of the current one."""
    earlier = list(earlier)
    troubled = sum(_rank(a.level) >= _rank("distress") for a in earlier)
    earlier_ideation = any(
        _rank(a.level) >= _rank("ideation") and SELF_DIRECTED.intersection(a.categories) for a in earlier
    )
    if earlier_ideation and modifiers & {"means", "timeframe"}:
        categories = sorted(set(current.categories) | {"suicide"})
        return Assessment("imminent", categories, current.evidence)
    if earlier_ideation and "retraction" in modifiers and _rank(current.level) < _rank("ideation"):
        # "forget it, I was joking" right after ideation: a denial never closes a crisis.
        strongest = max(earlier, key=lambda a: _rank(a.level))
        return Assessment(strongest.level, strongest.categories, current.evidence)
    if current.level == "distress" and troubled >= 2:
        return Assessment("ideation", current.categories, current.evidence)
    return current
