"""Rasa actions for "how am I doing?" and "delete my data": thin adapters around bot.storage.

Records are keyed by a pseudonym of channel and sender (bot.storage.pseudonym), never by the
sender id itself. The conversation itself is forgotten by the tracker store
(bot.tracker_store) when the turn it saves ran `action_delete_my_data`.
"""

from typing import Any, Dict, List

from babel.numbers import format_decimal
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.exercises import Completed, library
from bot.i18n.catalogs import translations_for
from bot.storage.progress import delete_progress, progress_of, record_exercise
from bot.storage.pseudonym import pseudonym


def person_of(tracker: Tracker) -> str:
    return pseudonym(tracker.get_latest_input_channel(), tracker.sender_id)


def record_in_storage(record: Any, tracker: Tracker) -> None:
    """Keep a rated exercise (a rating given after the bot said it keeps ratings is consent)."""
    finished = isinstance(record, Completed)
    after = record.after if finished else None
    record_exercise(person_of(tracker), record.exercise_id, record.before, after, finished)


class ActionHowAmIDoing(Action):
    """Summarise the rated exercises: how many, and the latest ratings before and after."""

    def name(self) -> str:
        return "action_how_am_i_doing"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        progress = progress_of(person_of(tracker))
        if not progress.exercises:
            dispatcher.utter_message(response="utter_progress_nothing_kept")
            return []
        language = tracker.get_slot("language") or "en"
        lines = "\n".join(_rating_line(exercise_id, before, after, language) for exercise_id, before, after in progress.ratings)
        dispatcher.utter_message(
            response="utter_progress_summary", exercises=progress.exercises, finished=progress.finished, latest=lines,
        )
        change = progress.average_change
        if change is not None and change < 0:
            # "1,5" in French, "1.5" in English: the person's own decimal sign.
            points = format_decimal(-change, format="0.0", locale=language)
            dispatcher.utter_message(response="utter_progress_lower", points=points)
        elif change is not None:
            dispatcher.utter_message(response="utter_progress_not_lower")
        return []


def _rating_line(exercise_id: str, before, after, language: str) -> str:
    exercise = library().exercises.get(exercise_id)
    title = exercise.title if exercise else exercise_id
    title = translations_for(language).pgettext(f"exercise:{exercise_id}", title)
    numbers = " → ".join("–" if value is None else str(value) for value in (before, after))
    return f"• {title}: {numbers}"


class ActionDeleteMyData(Action):
    """Delete the person's records; the tracker store then forgets this conversation."""

    def name(self) -> str:
        return "action_delete_my_data"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        deleted = delete_progress(person_of(tracker))
        dispatcher.utter_message(response="utter_data_deleted", records=deleted)
        return []
