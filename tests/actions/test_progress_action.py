"""What a person sees when they ask how they are doing, and when they delete their data."""

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.progress import ActionDeleteMyData, ActionHowAmIDoing, record_in_storage
from bot.exercises import Completed, Stopped


def _tracker(sender="someone", language="en"):
    return Tracker(sender, {"language": language}, {"text": "how am I doing", "intent": {"name": "how_am_i_doing"}},
                   [{"event": "user", "input_channel": "rest"}], False, None, {}, "action_listen")


def _run(action, tracker):
    dispatcher = CollectingDispatcher()
    action.run(dispatcher, tracker, {})
    return dispatcher.messages


def test_with_nothing_kept_the_person_is_told_so():
    messages = _run(ActionHowAmIDoing(), _tracker())
    assert [m["response"] for m in messages] == ["utter_progress_nothing_kept"]


def test_rated_exercises_are_summarised_with_their_numbers():
    tracker = _tracker()
    record_in_storage(Completed("paced_breathing", 7, 4), tracker)
    record_in_storage(Stopped("calm_place", None, 2), tracker)  # no rating: not kept
    messages = _run(ActionHowAmIDoing(), tracker)
    summary = messages[0]
    assert summary["response"] == "utter_progress_summary"
    assert (summary["exercises"], summary["finished"]) == (1, 1)
    assert "7 → 4" in summary["latest"]
    assert messages[1]["response"] == "utter_progress_lower" and messages[1]["points"] == "3.0"


def test_the_change_is_written_with_the_persons_decimal_sign():
    tracker = _tracker("quelqu'un", language="fr")
    record_in_storage(Completed("paced_breathing", 7, 4), tracker)
    record_in_storage(Completed("calm_place", 6, 4), tracker)
    assert _run(ActionHowAmIDoing(), tracker)[1]["points"] == "2,5"


def test_deleting_says_how_many_records_were_deleted_and_leaves_nothing():
    tracker = _tracker()
    record_in_storage(Completed("paced_breathing", 7, 4), tracker)
    record_in_storage(Completed("grounding_54321", 5, 5), tracker)
    messages = _run(ActionDeleteMyData(), tracker)
    assert messages[0]["response"] == "utter_data_deleted" and messages[0]["records"] == 2
    assert _run(ActionHowAmIDoing(), tracker)[0]["response"] == "utter_progress_nothing_kept"


def test_records_of_one_person_are_not_shown_to_another():
    record_in_storage(Completed("paced_breathing", 7, 4), _tracker("one"))
    assert _run(ActionHowAmIDoing(), _tracker("two"))[0]["response"] == "utter_progress_nothing_kept"
