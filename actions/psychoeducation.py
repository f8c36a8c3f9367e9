"""Custom actions for psychoeducation: thin adapters from Rasa to bot.psychoeducation.

Each action reads the `language` and `topic_progress` slots (and, for a question, the
latest message), asks bot.psychoeducation what to say, sends the translated messages and
stores the new progress. All decisions are made, and tested, in bot.psychoeducation.
"""

from typing import Any, Dict, List, Optional, Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.language.codes import DEFAULT_LANGUAGE
from bot.profiles import profile_for
from bot.psychoeducation import navigation
from bot.psychoeducation.content import load_library
from bot.psychoeducation.messages import Reply, render
from bot.psychoeducation.questions import answer_topic_request

PROGRESS_SLOT = "topic_progress"


def preferred_topic_order(language: str) -> Optional[Sequence[str]]:
    """The topic order of `language`'s locale profile (locales/<lang>/profile.yml).

    Navigation puts the topics it returns first in every topic menu; a language without a
    profile gets English's.
    """
    return profile_for(language).topic_order


def _language(tracker: Tracker) -> str:
    return tracker.get_slot("language") or DEFAULT_LANGUAGE


def _progress(tracker: Tracker) -> Optional[Dict[str, Any]]:
    value = tracker.get_slot(PROGRESS_SLOT)
    return value if isinstance(value, dict) else None


def _send(dispatcher: CollectingDispatcher, reply: Reply, language: str) -> List[Dict[str, Any]]:
    for message in render(reply.messages, language):
        dispatcher.utter_message(text=message["text"], buttons=message["buttons"])
    return [SlotSet(PROGRESS_SLOT, reply.progress)]


class ActionShowTopic(Action):
    """ask_topic: start the topic from a menu button or from a question in the person's words."""

    def name(self) -> str:
        return "action_show_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        language = _language(tracker)
        reply = answer_topic_request(load_library(), tracker.latest_message or {}, preferred_topic_order(language))
        return _send(dispatcher, reply, language)


class ActionContinueTopic(Action):
    """tell_me_more: the next piece of the topic in progress, or the topic menu."""

    def name(self) -> str:
        return "action_continue_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        # "go on" / "continue" reads as tell_me_more or exercise_next alike: while an exercise
        # runs, it means the exercise's next step.
        from actions.exercises import ActionExerciseControl, exercise_running

        if exercise_running(tracker):
            return ActionExerciseControl().run(dispatcher, tracker, domain)
        language = _language(tracker)
        reply = navigation.more(load_library(), _progress(tracker), preferred_topic_order(language))
        return _send(dispatcher, reply, language)


def topic_in_progress(tracker: Tracker) -> bool:
    return bool((_progress(tracker) or {}).get("topic"))


class ActionTopicMenu(Action):
    """another_topic: the topic menu, or its next page when it was just shown."""

    def name(self) -> str:
        return "action_topic_menu"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        language = _language(tracker)
        reply = navigation.another_topic(load_library(), _progress(tracker), preferred_topic_order(language))
        return _send(dispatcher, reply, language)


class ActionExplainCannotDiagnose(Action):
    """ask_diagnosis: say honestly that the bot cannot diagnose, and offer the related topic."""

    def name(self) -> str:
        return "action_explain_cannot_diagnose"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        question = (tracker.latest_message or {}).get("text") or ""
        reply = navigation.cannot_diagnose(load_library(), question, _progress(tracker))
        return _send(dispatcher, reply, _language(tracker))


class ActionMedicationBoundary(Action):
    """ask_medication: no advice on medicines; a doctor or pharmacist can help."""

    def name(self) -> str:
        return "action_medication_boundary"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        reply = navigation.medication_boundary(load_library(), _progress(tracker))
        return _send(dispatcher, reply, _language(tracker))
