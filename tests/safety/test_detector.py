"""What the detector must notice, and what it must leave alone, whatever the language."""

import pytest

from bot.safety import assess


@pytest.mark.parametrize(
    "text",
    [
        "nataka kujiua",
        "quero morrer",
        "I want to kill myself",
        "I want to unalive myself",
        "me quiero morir",
        "je veux mourir",
        "بدي موت",
        "mujhe jeena nahi hai",
        "मैं मरना चाहता हूँ",
    ],
)
def test_explicit_suicidal_statements_are_a_crisis_in_every_language(text):
    assert assess(text).crisis


def test_a_wrong_language_hint_does_not_hide_a_crisis():
    assert assess("quero morrer", language="en").crisis
    assert assess("nataka kujiua", language="fr").crisis


def test_a_plan_with_means_and_time_is_imminent():
    result = assess("I have the pills here and I'm going to kill myself tonight")
    assert result.level == "imminent"
    assert "suicide" in result.categories


def test_abuse_happening_now_is_a_crisis_but_past_childhood_abuse_is_not():
    assert "abuse_now" in assess("he is hitting me right now").categories
    assert not assess("my father used to beat me when I was little").crisis


def test_a_minor_disclosing_abuse_is_child_abuse():
    result = assess("I'm being forced to have sex and I'm only 12")
    assert "child_abuse" in result.categories and result.crisis


@pytest.mark.parametrize(
    "text",
    [
        "this traffic is killing me",
        "I'd die for pizza right now",
        "I'm not suicidal, just tired",
        "Suicide Squad was a fun movie",
        "me muero de hambre",
    ],
)
def test_idioms_negations_and_titles_are_not_a_crisis(text):
    assert not assess(text).crisis


def test_negation_lowers_but_never_erases_a_present_signal():
    assert assess("I'm not suicidal but I wish I would not wake up tomorrow").crisis


def test_worry_about_someone_else_is_concern_for_other():
    result = assess("my friend says she wants to kill herself")
    assert result.crisis and "concern_for_other" in result.categories


def test_risk_that_builds_over_several_messages_raises_the_level():
    history = ["I feel like such a burden to everyone", "there's no point anymore"]
    alone = assess("I can't do this anymore")
    built = assess("I can't do this anymore", history=history)
    assert not alone.crisis
    assert built.crisis


def test_a_time_frame_in_a_follow_up_message_raises_earlier_ideation_to_imminent():
    result = assess("tonight", history=["I want to kill myself"])
    assert result.level == "imminent" and result.crisis


def test_evidence_says_what_matched():
    result = assess("I want to kill myself")
    assert result.evidence and result.evidence[0].category == "suicide"


@pytest.mark.parametrize("text", ["", "   ", "😀", "x" * 10_000, "\x00\x01"])
def test_odd_input_is_assessed_without_error(text):
    assert assess(text).level in ("none", "distress", "ideation", "imminent")


@pytest.mark.parametrize("denial", ["jk", "you misunderstood", "forget I said anything", "I'm fine now", "forget it", "eh forget about it"])
def test_a_denial_right_after_ideation_keeps_the_crisis(denial):
    result = assess(denial, history=["I want to kill myself"])
    assert result.crisis and "suicide" in result.categories


def test_a_denial_without_earlier_ideation_is_not_a_crisis():
    assert not assess("jk", history=["this traffic is killing me"]).crisis


def test_ages_keep_both_digits():
    """Digits are never collapsed: "11" is eleven, so a minor's age is read correctly."""
    assert "child_abuse" in assess("I'm 11 and he hits me every night").categories


def test_curly_apostrophes_read_like_straight_ones():
    assert assess("I’m going to kill myself").crisis == assess("I'm going to kill myself").crisis == True


@pytest.mark.parametrize("text", [
    "kisi aur cheez ke baare me baat karein",  # Hinglish "talk about": not French "me bat"
    "I want to hear more about this",  # English "more": not Portuguese "morre"
])
def test_words_of_one_language_do_not_read_as_crisis_words_of_another(text):
    assert not assess(text).crisis


def test_a_lemma_with_alternatives_is_a_load_error_not_a_silent_miss():
    from bot.safety.patterns import _part_alternatives

    with pytest.raises(ValueError):
        _part_alternatives(None, "=stop|quit")


def test_an_open_gap_joins_two_parts_of_one_message_across_sentences():
    """"~*": a loss in one sentence and a question about heights in the next still match."""
    import spacy
    from spacy.matcher import Matcher

    from bot.safety.normalize import normalize
    from bot.safety.patterns import _token_patterns

    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    matcher.add("loss_then_heights", _token_patterns(nlp, "fired|evicted ~* tallest|highest"))
    assert matcher(nlp(normalize("They fired me today. Which bridges are the tallest in town?")))
    assert not matcher(nlp(normalize("Which bridges are the tallest in town? They fired me.")))


def test_an_open_gap_is_not_capped_by_a_long_gap_in_the_same_phrase():
    import spacy
    from spacy.matcher import Matcher

    from bot.safety.normalize import normalize
    from bot.safety.patterns import _compact_gaps, _token_patterns

    nlp = spacy.blank("en")
    (pattern,) = _token_patterns(nlp, "fired ~* highest ~4 ~4 bridge")
    pattern, limit = _compact_gaps(pattern)
    assert limit is None
    matcher = Matcher(nlp.vocab)
    matcher.add("loss_then_heights", [pattern])
    text = "They fired me today after eleven long years of work there. Which is the highest point of the old bridge?"
    assert matcher(nlp(normalize(text)))


def test_a_not_a_crisis_phrase_of_one_language_silences_another_languages_signal_inside_it():
    """A Hindi phrase fires on this English memory; the English exclusion must still win."""
    from bot.safety.detector import _scan_language
    from bot.safety.normalize import normalize
    from bot.safety.patterns import anchors_in

    text = "my brother died by suicide in 2019 and his birthday is tomorrow, missing him loads"
    reading = normalize(text)
    assert _scan_language(reading, anchors_in(reading), "hi")[0], "no Hindi signal here now: pick another example"
    assert not assess(text).crisis


@pytest.mark.parametrize("language", ["en", "ar", "hi"])
def test_skipping_matchers_whose_words_are_missing_never_loses_a_match(language):
    """The word test of for_anchors() only saves time: on every dev case of a language, every
    matcher it skips finds nothing, in every language's signals, cues and exclusions."""
    from pathlib import Path

    from bot.safety.evaluation import load_cases
    from bot.safety.normalize import readings
    from bot.safety.patterns import anchors_in, load, pattern_languages

    texts = [case["text"] for case in load_cases(Path(__file__).parent / "dev" / f"{language}.yml")]
    skipped_runs = 0
    for reading in (reading for text in texts for reading in readings(text)):
        anchors = anchors_in(reading)
        for patterns in map(load, pattern_languages()):
            doc = patterns.tokens(reading)
            patterns.add_lemmas(doc)
            for anchored in (patterns.signals, patterns.cues, patterns.exclusions):
                kept = set(map(id, anchored.for_anchors(anchors, patterns.words(reading))))
                for matcher in anchored.for_anchors(anchors):
                    if id(matcher) not in kept:
                        skipped_runs += 1
                        assert not matcher(doc), f"a skipped {patterns.code} matcher matched"
    assert skipped_runs > len(texts), "the word test should skip most candidate matchers"


def test_every_token_of_every_language_is_a_likely_word():
    """could_match() skips a language when a pattern's exact word is not a likely word of the
    text, before tokenizing: that is safe only if every token any tokenizer makes of every
    case (dev and both held-out sets, every reading) is one of likely_words() or inside a mixed chunk."""
    from pathlib import Path

    from bot.safety.evaluation import load_cases
    from bot.safety.normalize import readings
    from bot.safety.patterns import likely_words, load, pattern_languages

    folders = [Path(__file__).parent / name for name in ("dev", "cases", "fresh")]
    texts = [case["text"] for folder in folders for path in sorted(folder.glob("*.yml")) for case in load_cases(path)]
    missing = set()
    for reading in {reading for text in texts for reading in readings(text)}:
        likely = likely_words(reading)
        for patterns in map(load, pattern_languages()):
            missing.update(
                (patterns.code, token.lower_) for token in patterns.tokens(reading)
                # spaCy keeps extra spaces as tokens; no pattern word is a space (phrases are split at spaces)
                if not token.is_space and token.lower_ not in likely.words and token.lower_ not in likely.mixed
            )
    assert not missing, sorted(missing)[:20]
    assert likely_words("i cant go").words == {"i", "cant", "ca", "nt", "go"}  # en exception
    assert likely_words("tonight. don't").mixed == "tonight. don't"
