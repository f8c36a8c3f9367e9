"""CrisisOverride: what the intent model's crisis verdict may and may not decide."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu_components.crisis_override import CrisisOverride


def _after_override(text, intent="crisis", confidence=0.99):
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": confidence},
                            "intent_ranking": [{"name": intent, "confidence": confidence}]})
    CrisisOverride().process([message])
    return message.as_dict(only_output_properties=True)


def test_crisis_language_wins_whatever_the_model_guessed():
    parsed = _after_override("I want to kill myself tonight", intent="greet")
    assert parsed["intent"] == {"name": "crisis", "confidence": 1.0}
    assert {e["entity"] for e in parsed["entities"]} >= {"crisis_level", "crisis_category"}


def test_the_model_raises_distress_the_detector_found_to_a_crisis():
    assert _after_override("I can't do this anymore", confidence=0.6)["intent"]["name"] == "crisis"


def test_a_sure_model_is_a_second_net_for_wordings_no_pattern_knows():
    parsed = _after_override("what is EMDR?", confidence=0.97)
    assert parsed["intent"] == {"name": "crisis", "confidence": 1.0}


@pytest.mark.parametrize("text", ["my father used to hit me when I was little", "what is EMDR?"])
def test_an_unsure_model_alone_does_not_put_a_story_into_crisis_mode(text):
    parsed = _after_override(text, confidence=0.6)
    assert parsed["intent"]["name"] == "nlu_fallback"
    assert not any(e["entity"] == "crisis_level" for e in parsed.get("entities", []))
