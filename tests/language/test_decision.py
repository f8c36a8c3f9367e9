from bot.language.decision import LanguageState, TurnSignals, decide


def test_an_explicit_choice_wins_and_is_marked_as_requested():
    decision = decide(LanguageState("en", "channel"), TurnSignals(chosen="fr", channel="en"))
    assert (decision.language, decision.source, decision.requested) == ("fr", "chosen", "fr")


def test_an_earlier_explicit_choice_outlasts_the_browser_locale():
    decision = decide(LanguageState("fr", "chosen"), TurnSignals(channel="en", detected="en"))
    assert decision.language == "fr"
    assert decision.offer is None


def test_channel_metadata_sets_the_language_of_a_new_conversation():
    assert decide(LanguageState(), TurnSignals(channel="sw")).language == "sw"


def test_a_confident_detection_sets_the_language_when_nothing_else_is_known():
    decision = decide(LanguageState(), TurnSignals(detected="pt"))
    assert (decision.language, decision.offer) == ("pt", None)


def test_nothing_known_falls_back_to_english():
    decision = decide(LanguageState(), TurnSignals())
    assert (decision.language, decision.source) == ("en", "default")


def test_a_default_language_gives_way_to_the_first_confident_detection_without_asking():
    decision = decide(LanguageState("en", "default"), TurnSignals(detected="es"))
    assert (decision.language, decision.offer) == ("es", None)


def test_switching_mid_conversation_is_offered_not_imposed():
    decision = decide(LanguageState("en", "detected"), TurnSignals(detected="es"))
    assert (decision.language, decision.offer) == ("en", "es")


def test_the_same_switch_is_not_offered_twice_in_a_row():
    decision = decide(LanguageState("en", "detected", offered="es"), TurnSignals(detected="es"))
    assert decision.offer is None
