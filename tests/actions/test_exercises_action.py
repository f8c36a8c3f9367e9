"""The exercise actions as the action server runs them: real rasa_sdk Tracker and
CollectingDispatcher, no model and no server. Tests read what the person would see."""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import exercises as exercise_actions
from actions.exercises import ActionExerciseControl, ActionStartExercise
from bot.exercises import Completed, Stopped, library
from bot.profiles import profile_for

DATA = library()


def tracker(text, intent, entities=(), progress=None, language="en", events=None):
    """A tracker whose newest user message is `text`, classified as `intent`."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": list(entities)}
    history = list(events or [])
    if progress is not None and events is None:
        history.append({"event": "slot", "name": "exercise_progress", "value": progress})
    history.append({"event": "user", "text": text, "parse_data": latest})
    return Tracker("tester", {"language": language, "exercise_progress": progress}, latest, history,
                   False, None, {}, "action_listen")


def run(action, tracker_):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker_, {})
    return dispatcher.messages, events


def slot_value(events):
    (event,) = [e for e in events if e.get("event") == "slot" and e.get("name") == "exercise_progress"]
    return event["value"]


def shown(messages):
    return [message["text"] for message in messages]


def titles(message):
    return [button["title"] for button in message.get("buttons", [])]


def started(exercise_id, ask_rating_skipped=True):
    """Progress of `exercise_id` at its first step (the rating question skipped)."""
    _, events = run(ActionStartExercise(), tracker("/ask_exercise", "ask_exercise",
                                                   [{"entity": "exercise", "value": exercise_id}]))
    progress = slot_value(events)
    if ask_rating_skipped:
        _, events = run(ActionExerciseControl(), tracker("/exercise_next", "exercise_next", progress=progress))
        progress = slot_value(events)
    return progress


def test_naming_the_breathing_exercise_starts_it_with_the_optional_rating():
    messages, events = run(ActionStartExercise(), tracker("can we do the breathing one", "ask_exercise"))
    assert shown(messages)[0] == DATA.exercises["paced_breathing"].intro
    assert "how much distress" in shown(messages)[-1]
    assert titles(messages[-1])[-1] == "Skip"
    assert slot_value(events)["exercise"] == "paced_breathing"


def test_the_exercise_entity_wins_over_the_words():
    messages, events = run(ActionStartExercise(), tracker(
        "the breathing one", "ask_exercise", [{"entity": "exercise", "value": "calm_place"}]))
    assert slot_value(events)["exercise"] == "calm_place"
    assert shown(messages)[0] == DATA.exercises["calm_place"].intro


def test_words_in_the_person_s_language_start_the_exercise():
    _, events = run(ActionStartExercise(), tracker("¿podemos hacer la de respiración?", "ask_exercise", language="es"))
    assert slot_value(events)["exercise"] == "paced_breathing"


def test_asking_to_calm_down_without_a_name_offers_a_short_menu_grounding_and_breathing_first():
    messages, events = run(ActionStartExercise(), tracker("I need to calm down", "ask_exercise"))
    assert shown(messages) == [DATA.messages["menu"]]
    assert titles(messages[0])[:2] == ["5-4-3-2-1 grounding", "Paced breathing"]
    assert messages[0]["buttons"][1]["payload"] == '/ask_exercise{"exercise":"paced_breathing"}'
    assert events == []


def test_next_shows_the_next_step_only():
    progress = started("grounding_54321")
    messages, events = run(ActionExerciseControl(), tracker("next", "exercise_next", progress=progress))
    steps = DATA.exercises["grounding_54321"].steps
    assert shown(messages) == [steps[1].text]
    assert titles(messages[-1]) == ["Next", "Slower", "Repeat", "Pause", "Stop"]
    assert slot_value(events)["step"] == 1


@pytest.mark.parametrize("intent, expected_text", [
    ("exercise_slower", DATA.exercises["calm_place"].steps[0].slower),
    ("exercise_repeat", DATA.exercises["calm_place"].steps[0].text),
    ("exercise_pause", DATA.messages["paused"]),
])
def test_each_control_intent_reaches_the_engine(intent, expected_text):
    messages, _ = run(ActionExerciseControl(), tracker("...", intent, progress=started("calm_place")))
    assert shown(messages)[-1] == expected_text


def test_a_rating_button_sets_the_rating_before():
    _, events = run(ActionStartExercise(), tracker("/ask_exercise", "ask_exercise", [{"entity": "exercise", "value": "journaling"}]))
    messages, events = run(ActionExerciseControl(), tracker(
        '/give_rating{"rating":"6"}', "give_rating", [{"entity": "rating", "value": "6"}], progress=slot_value(events)))
    assert shown(messages) == [DATA.messages["rating_thanks"], DATA.exercises["journaling"].steps[0].text]
    assert slot_value(events)["before"] == 6


def test_a_rating_typed_without_an_entity_is_read_from_the_text():
    _, events = run(ActionStartExercise(), tracker("/ask_exercise", "ask_exercise", [{"entity": "exercise", "value": "journaling"}]))
    _, events = run(ActionExerciseControl(), tracker("8/10", "give_rating", progress=slot_value(events)))
    assert slot_value(events)["before"] == 8


def test_stop_answers_kindly_clears_the_slot_and_hands_the_record_to_storage(monkeypatch):
    received = []
    monkeypatch.setattr(exercise_actions, "RECORD_HANDLERS", [lambda record, t: received.append(record)])
    messages, events = run(ActionExerciseControl(), tracker("stop", "exercise_stop", progress=started("butterfly_hug")))
    assert shown(messages) == [DATA.messages["stopped"], DATA.messages["after_stop"]]
    assert titles(messages[-1]) == ["Menu", "Another exercise"]
    assert slot_value(events) is None
    assert received == [Stopped("butterfly_hug", None, 1)]


def test_finishing_hands_a_completed_record_with_both_ratings(monkeypatch):
    received = []
    monkeypatch.setattr(exercise_actions, "RECORD_HANDLERS", [lambda record, t: received.append(record)])
    _, events = run(ActionStartExercise(), tracker("/ask_exercise", "ask_exercise", [{"entity": "exercise", "value": "paced_breathing"}]))
    _, events = run(ActionExerciseControl(), tracker("7", "give_rating", progress=slot_value(events)))
    while slot_value(events)["phase"] == "steps":
        _, events = run(ActionExerciseControl(), tracker("next", "exercise_next", progress=slot_value(events)))
    messages, events = run(ActionExerciseControl(), tracker("4", "give_rating", progress=slot_value(events)))
    assert shown(messages)[0] == "From 7 to 4: that's a real change."
    assert received == [Completed("paced_breathing", 7, 4)] and slot_value(events) is None


def test_controls_without_a_running_exercise_say_so_and_offer_one():
    messages, events = run(ActionExerciseControl(), tracker("next", "exercise_next"))
    assert shown(messages) == [DATA.messages["no_exercise"]]
    assert titles(messages[0])[0] == "5-4-3-2-1 grounding"
    assert slot_value(events) is None


def test_crisis_language_since_the_last_step_interrupts_and_the_exercise_is_not_resumed():
    progress = started("paced_breathing")
    history = [
        {"event": "slot", "name": "exercise_progress", "value": progress},
        {"event": "user", "text": "(crisis message)", "parse_data": {"intent": {"name": "crisis"}}},
        {"event": "bot", "text": "(crisis answer)"},
    ]
    messages, events = run(ActionExerciseControl(), tracker("next", "exercise_next", progress=progress, events=history))
    assert shown(messages) == [DATA.messages["crisis_paused"]]
    assert not any(step.text in shown(messages) for step in DATA.exercises["paced_breathing"].steps)
    assert slot_value(events)["crisis"] is True
    assert titles(messages[0]) == ["Start again", "Menu"]


def test_a_crisis_before_the_exercise_started_does_not_interrupt_it():
    progress = started("paced_breathing")
    history = [
        {"event": "user", "text": "(crisis message)", "parse_data": {"intent": {"name": "crisis"}}},
        {"event": "slot", "name": "exercise_progress", "value": progress},
    ]
    messages, _ = run(ActionExerciseControl(), tracker("next", "exercise_next", progress=progress, events=history))
    assert shown(messages) == [DATA.exercises["paced_breathing"].steps[1].text]


def test_an_unsupported_language_slot_falls_back_to_english():
    messages, _ = run(ActionStartExercise(), tracker("breathing", "ask_exercise", language="xx"))
    assert shown(messages)[0] == DATA.exercises["paced_breathing"].intro


def test_the_spanish_menu_follows_the_spanish_locale_profile():
    spanish_first = list(profile_for("es").exercise_order[:4])
    assert spanish_first != list(profile_for("en").exercise_order[:4])  # else this test proves nothing
    messages, _ = run(ActionStartExercise(), tracker("necesito calmarme", "ask_exercise", language="es"))
    payloads = [button["payload"] for button in messages[0]["buttons"]]
    assert payloads == [f'/ask_exercise{{"exercise":"{exercise_id}"}}' for exercise_id in spanish_first]
