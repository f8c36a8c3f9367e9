"""The second net: same figures as scikit-learn, shipped in sync, and only ever adding a crisis."""

import re

import pytest

from bot.safety import detector, second_net
from bot.safety.detector import assess, assess_with
from bot.safety.second_net import MODEL_FILE, features, score, threshold


@pytest.fixture(autouse=True)
def english_patterns_only(monkeypatch):
    """Every message here is English; loading all seven languages' patterns takes ~18 s."""
    monkeypatch.setattr(detector, "pattern_languages", lambda: ["en"])


TINY = [
    ("I want to end it all tonight", 1),
    ("everyone would be better off without me", 1),
    ("gave my guitar away, won't need it anymore", 1),
    ("how many pills does it take to not wake up", 1),
    ("nataka kujiua", 1),
    ("je veux en finir", 1),
    ("hello there", 0),
    ("thanks, that helped", 0),
    ("I'd die for pizza", 0),
    ("my dad used to hit me when I was a kid", 0),
    ("can we do the breathing exercise", 0),
    ("habari yako", 0),
]


def test_features_are_words_padded_character_ngrams_and_word_pairs_of_the_normalized_text():
    found = features("Hiii ME")
    assert {"w:hi", "w:me", " h", "hi", "i ", " hi", "hi ", " hi ", " me ", "b:hi me"} <= found
    assert not any(len(f) > 5 for f in found if not f.startswith(("w:", "b:")))
    assert "b:me hi" not in found and "b:don't want" in features("I don't want")
    assert features("") == set()


def test_score_is_what_scikit_learn_predicts_for_the_same_weights(monkeypatch):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = zip(*TINY)
    vectorizer = TfidfVectorizer(analyzer=features, use_idf=False, binary=True, norm="l2")
    regression = LogisticRegression(C=10, class_weight="balanced", random_state=0)
    regression.fit(vectorizer.fit_transform(texts), labels)
    monkeypatch.setattr(second_net, "model", lambda: second_net.as_model(vectorizer, regression))
    # Seen texts, texts with unseen n-grams (left out of the norm, as scikit-learn does) and none.
    probes = list(texts) + ["I think everyone would be better off", "quiero morir", "", "🙂"]
    expected = regression.predict_proba(vectorizer.transform(probes))[:, 1]
    for text, probability in zip(probes, expected):
        assert score(text) == pytest.approx(probability, abs=1e-9), text


def test_the_shipped_model_loads_and_was_trained_on_the_current_dev_files():
    net = second_net.model()
    assert 0.5 <= threshold() < 1.0 and net.weights
    assert MODEL_FILE.stat().st_size < 8_000_000  # 5.6 MB with word pairs: a clone stays light
    assert second_net.check() == 0, "retrain: python -m bot.safety.second_net train"


def test_check_fails_when_a_dev_file_changed_since_training(monkeypatch):
    edited = {name: "0" * 64 for name in second_net.dev_hashes()}
    monkeypatch.setattr(second_net, "dev_hashes", lambda: edited)
    assert second_net.check() == 1


@pytest.mark.parametrize(
    "text",
    [
        "I keep thinking about taking my own life and it scares me",
        "Je compte me suicider ce soir quand tout le monde dormira",
        "ya no quiero viviiiiir",
        "nimechokaaaa na maishaaaa, nataka kujiuaaaa",
        "اشتي اموت خلاص",
    ],
)
def test_clear_dev_crisis_cases_score_above_the_threshold(text):
    assert score(text) >= threshold()


def test_on_the_dev_cases_it_learned_from_it_flags_most_crises_and_few_hard_negatives():
    cases = second_net._dev_cases()
    crises = [score(case.text) >= threshold() for case in cases if case.crisis and not case.history]
    hard_negatives = [score(case.text) >= threshold() for case in cases if not case.crisis]
    # 0.70 as shipped (C=3, chosen by cross-validation; C=100 fitted them all); the
    # cross-validated 0.36 of the net alone is what counts. This only says it learned them.
    assert sum(crises) / len(crises) >= 0.6
    assert sum(hard_negatives) / len(hard_negatives) <= 0.02


@pytest.mark.parametrize("text", ["hello", "thanks, that helped", "I'd die for pizza", "can we do a breathing exercise?"])
def test_everyday_chat_is_left_alone(text):
    assert score(text) < threshold()
    assert not assess(text).crisis


def _net_saying(flagged_text, probability=0.97):
    return lambda text: probability if text == flagged_text else None


def test_a_message_only_the_net_catches_is_ideation_with_ml_evidence():
    # Made up for this test (no case file). If a retrain or a new pattern changes what catches
    # it, the first assertion or the next says so: pick another message that only the net catches.
    text = "sorry for being such a burden, it won't be for much longer"
    assert not assess_with(None, text).crisis, "the patterns catch it now: pick another example"
    result = assess(text)
    assert result.crisis and result.level == "ideation" and result.categories == ["suicide"]
    # Distress-level pattern evidence ("a burden") may sit beside it; the crisis is the net's.
    found_by_net = [item for item in result.evidence if item.language == "ml"]
    assert found_by_net and all(item.level == "ideation" for item in found_by_net)
    assert re.fullmatch(r"second net [01]\.\d\d", found_by_net[0].text)


def test_the_net_keeps_the_kind_the_patterns_found_at_distress_level():
    text = "I used to cut myself"
    patterns = assess_with(None, text)
    assert patterns.level == "distress" and patterns.categories == ["self_harm"]
    result = assess_with(_net_saying(text), text)
    assert (result.level, result.categories) == ("ideation", ["self_harm"])
    assert [item.language for item in result.evidence] == ["en", "ml"]


def test_the_net_never_lowers_or_replaces_what_the_patterns_found():
    text = "I have the pills here and I'm going to kill myself tonight"
    result = assess_with(_net_saying(text, 0.01), text)
    assert result.level == "imminent" and "ml" not in {item.language for item in result.evidence}


def test_history_counts_what_the_net_found_earlier():
    earlier = "gave my guitar to my brother, he should have it"
    result = assess_with(_net_saying(earlier), "tonight", history=[earlier])
    assert result.level == "imminent" and "suicide" in result.categories
    assert not assess_with(None, "tonight", history=[earlier]).crisis


def test_a_broken_model_leaves_the_patterns_working(monkeypatch):
    def broken():
        raise OSError("model file missing")

    monkeypatch.setattr(second_net, "model", broken)
    assert assess("I want to kill myself").crisis
    assert not assess("hello").crisis

