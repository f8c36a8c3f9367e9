"""Rasa actions for guided exercises: thin adapters around `bot.exercises`.

`action_start_exercise` picks the exercise (the `exercise` entity, else words in the message
that name one, else a short menu); `action_exercise_control` turns the last intent (next,
slower, repeat, pause, stop, a rating) into one turn of the engine. The only state is the
`exercise_progress` slot. Crisis handling runs in-process and cannot call this server, so
the control action checks the conversation itself: if crisis language arrived since the
exercise last moved, the exercise counts as interrupted and is never resumed on its own.
"""

from typing import Any, Callable, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.progress import record_in_storage
from bot import exercises
from bot.language.codes import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from bot.profiles import profile_for

PROGRESS_SLOT = "exercise_progress"
CRISIS_INTENT = "crisis"
COMMAND_FOR_INTENT = {
    "exercise_next": exercises.NEXT,
    "exercise_slower": exercises.SLOWER,
    "exercise_repeat": exercises.REPEAT,
    "exercise_pause": exercises.PAUSE,
    "exercise_stop": exercises.STOP,
    "give_rating": exercises.RATING,
    "tell_me_more": exercises.NEXT,  # "go on" during an exercise (see actions/psychoeducation.py)
}

# Called with (record, tracker) when an exercise ends (bot.exercises.Completed or Stopped).
# Storage keeps it only when the person gave a rating (their consent).
RECORD_HANDLERS: List[Callable[[Any, Tracker], None]] = [record_in_storage]


class ActionStartExercise(Action):
    """Start the exercise the person named, or offer a few to choose from."""

    def name(self) -> str:
        return "action_start_exercise"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        language = conversation_language(tracker)
        exercise_id = chosen_exercise(tracker, language)
        if exercise_id is None:
            _say(dispatcher, exercises.menu(preferred_order(language)), language)
            return []
        outcome = exercises.start(exercise_id, ask_rating=True)
        _say(dispatcher, outcome.messages, language)
        return [SlotSet(PROGRESS_SLOT, outcome.progress)]


class ActionExerciseControl(Action):
    """Next, slower, repeat, pause, stop or a rating, applied to the running exercise."""

    def name(self) -> str:
        return "action_exercise_control"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        from actions.psychoeducation import ActionContinueTopic, topic_in_progress

        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "exercise_next" and not exercise_running(tracker) and topic_in_progress(tracker):
            return ActionContinueTopic().run(dispatcher, tracker, domain)  # "continue" while reading
        language = conversation_language(tracker)
        progress = tracker.get_slot(PROGRESS_SLOT)
        if progress and crisis_since_exercise_moved(tracker):
            progress = exercises.interrupt(progress)
        command = COMMAND_FOR_INTENT.get(intent, exercises.REPEAT)
        rating = next(tracker.get_latest_entity_values("rating"), None) or tracker.latest_message.get("text")
        outcome = exercises.apply(progress, command, rating, language)
        _say(dispatcher, outcome.messages, language)
        if outcome.record is not None:
            for handler in RECORD_HANDLERS:
                handler(outcome.record, tracker)
        return [SlotSet(PROGRESS_SLOT, outcome.progress)]


def exercise_running(tracker: Tracker) -> bool:
    return exercises.is_running(tracker.get_slot(PROGRESS_SLOT))


def chosen_exercise(tracker: Tracker, language: str) -> Optional[str]:
    """The exercise id from the `exercise` entity (an id or a name), else from the words typed."""
    for value in tracker.get_latest_entity_values("exercise"):
        exercise_id = exercises.resolve(value) or exercises.exercise_named_in(value, language)
        if exercise_id:
            return exercise_id
    return exercises.exercise_named_in(tracker.latest_message.get("text"), language)


def crisis_since_exercise_moved(tracker: Tracker) -> bool:
    """True when a message detected as crisis came after the last change of the progress slot.

    The newest user message is the one being answered now (a control intent), so it is skipped.
    """
    skipped_current = False
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == PROGRESS_SLOT:
            return False
        if event.get("event") == "user":
            if not skipped_current:
                skipped_current = True
                continue
            if ((event.get("parse_data") or {}).get("intent") or {}).get("name") == CRISIS_INTENT:
                return True
    return False


def conversation_language(tracker: Tracker) -> str:
    language = tracker.get_slot("language")
    return language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def preferred_order(language: str) -> Optional[List[str]]:
    """Which exercises come first in `language`'s menu, as its locale profile
    (locales/<lang>/profile.yml) orders them; English's for a language without one."""
    return list(profile_for(language).exercise_order)


def _say(dispatcher: CollectingDispatcher, messages, language: str) -> None:
    for message in exercises.render(messages, language):
        dispatcher.utter_message(text=message["text"], buttons=message.get("buttons", []))
