""""Go on" and "continue" read as tell_me_more or exercise_next alike: the running activity decides."""

from rasa_sdk import Tracker

from actions.exercises import ActionExerciseControl
from actions.psychoeducation import ActionContinueTopic
from bot.psychoeducation.content import load_library
from tests.actions.test_exercises_action import DATA, run, shown, started


def _tracker(intent, slots):
    latest = {"text": "go on", "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    return Tracker("tester", dict({"language": "en"}, **slots), latest,
                   [{"event": "user", "text": "go on", "parse_data": latest}], False, None, {}, "action_listen")


def test_tell_me_more_during_an_exercise_gives_its_next_step():
    progress = started("paced_breathing")
    messages, _ = run(ActionContinueTopic(), _tracker("tell_me_more", {"exercise_progress": progress}))
    second_step = DATA.exercises["paced_breathing"].steps[1].text
    assert second_step in shown(messages)


def test_next_while_reading_a_topic_gives_its_next_piece():
    topic = load_library().topics["relationships"]
    messages, _ = run(ActionExerciseControl(), _tracker(
        "exercise_next", {"exercise_progress": None, "topic_progress": {"topic": "relationships", "piece": 0}}))
    assert topic.pieces[1].text in shown(messages)
