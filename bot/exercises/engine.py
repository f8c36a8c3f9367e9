"""The exercise guide as a pure state machine over the `exercise_progress` slot.

The slot holds a small JSON-able dict; each turn is `apply(progress, command)` and gives
back the new dict, the messages to say (one step at a time, never the whole exercise) and,
when an exercise ends, a record for the storage module. Nothing here stores, logs text or
knows about Rasa or languages.

Pace belongs to the person: pause keeps the place, slower stays slower, stop ends without
guilt. Crisis language pauses an exercise for good (`interrupt`): the bot never resumes it
on its own, and the person can only start it afresh by choosing to.
"""

from typing import Any, Dict, Iterable, List, Optional

from bot.exercises import prompts
from bot.exercises.choosing import menu_order
from bot.exercises.loader import Library, library
from bot.exercises.model import Completed, Message, Outcome, Stopped
from bot.exercises.ratings import parse_rating

NEXT, SLOWER, REPEAT, PAUSE, RESUME, STOP, RATING, SKIP = (
    "next", "slower", "repeat", "pause", "resume", "stop", "rating", "skip")
COMMANDS = frozenset({NEXT, SLOWER, REPEAT, PAUSE, RESUME, STOP, RATING, SKIP})

RATING_BEFORE, STEPS, RATING_AFTER = "rating_before", "steps", "rating_after"
_PHASES = frozenset({RATING_BEFORE, STEPS, RATING_AFTER})


def start(exercise_id: str, ask_rating: bool = True, data: Optional[Library] = None) -> Outcome:
    """Begin `exercise_id`: what it is and how long, then the optional rating or step 1."""
    data = data or library()
    exercise = data.exercises[exercise_id]
    progress = {
        "exercise": exercise_id, "phase": RATING_BEFORE if ask_rating else STEPS, "step": 0,
        "slower": False, "paused": False, "crisis": False, "ask_rating": bool(ask_rating),
        "before": None, "after": None,
    }
    return Outcome(progress, prompts.intro(data, exercise) + _current(data, progress))


def apply(progress: Any, command: str, value: Any = None, language: str = "en",
          data: Optional[Library] = None) -> Outcome:
    """One turn: `command` is one of COMMANDS; `value` is the rating as typed, for RATING."""
    data = data or library()
    if command not in COMMANDS:
        raise ValueError(f"unknown exercise command {command!r}")
    if not is_running(progress, data):
        return Outcome(None, [prompts.menu(data, menu_order(data=data), key="no_exercise")])
    progress = dict(progress)
    if command == STOP:
        return _stop(data, progress)
    if progress["crisis"]:
        return Outcome(progress, [prompts.crisis_paused(data, progress["exercise"])])
    if command == PAUSE:
        progress["paused"] = True
        return Outcome(progress, [prompts.paused(data)])
    said: List[Message] = []
    if progress["paused"]:
        progress["paused"] = False
        if command != RATING:  # a number answers the question we paused on; no welcome needed
            said.append(prompts.shared(data, "resumed"))
        if command in (NEXT, RESUME, SKIP):
            return Outcome(progress, said + _current(data, progress))
    if command == SLOWER:
        progress["slower"] = True
        return Outcome(progress, said + [prompts.shared(data, "slower")] + _current(data, progress))
    if command == REPEAT:
        return Outcome(progress, said + _current(data, progress))
    if progress["phase"] == STEPS:
        if command == RATING:  # a number typed mid-exercise: thank, and carry on where we were
            return Outcome(progress, said + [prompts.shared(data, "rating_later")] + _current(data, progress))
        return _advance(data, progress, said)
    return _answer_rating(data, progress, command, value, language, said)


def interrupt(progress: Any) -> Optional[Dict[str, Any]]:
    """Mark a running exercise as paused by crisis language, so it is never resumed on its own."""
    if not isinstance(progress, dict) or not progress.get("exercise"):
        return None
    return {**progress, "paused": True, "crisis": True}


def menu(preferred_order: Optional[Iterable[str]] = None, data: Optional[Library] = None) -> List[Message]:
    """A short choice of exercises for "I need to calm down", the locale's favourites first."""
    data = data or library()
    return [prompts.menu(data, menu_order(preferred_order, data=data))]


def is_running(progress: Any, data: Optional[Library] = None) -> bool:
    """True when `progress` is a usable slot value (an old or damaged one counts as none)."""
    data = data or library()
    if not isinstance(progress, dict) or progress.get("exercise") not in data.exercises:
        return False
    steps = len(data.exercises[progress["exercise"]].steps)
    step = progress.get("step")
    return (progress.get("phase") in _PHASES and isinstance(step, int) and 0 <= step < steps
            and all(key in progress for key in ("slower", "paused", "crisis", "ask_rating", "before", "after")))


def _current(data: Library, progress: Dict[str, Any]) -> List[Message]:
    """What to show for where the person is now: a rating question or the current step."""
    if progress["phase"] == RATING_BEFORE:
        return [prompts.rating_question(data, "rating_before")]
    if progress["phase"] == RATING_AFTER:
        return [prompts.rating_question(data, "rating_after")]
    exercise = data.exercises[progress["exercise"]]
    return prompts.step(data, exercise, progress["step"], progress["slower"])


def _advance(data: Library, progress: Dict[str, Any], said: List[Message]) -> Outcome:
    last = len(data.exercises[progress["exercise"]].steps) - 1
    if progress["step"] < last:
        progress["step"] += 1
        return Outcome(progress, said + _current(data, progress))
    # Asked after only when a rating was given before: a lone number names no change.
    if progress["ask_rating"] and progress["before"] is not None:
        progress["phase"] = RATING_AFTER
        return Outcome(progress, said + _current(data, progress))
    return _finish(data, progress, said)


def _answer_rating(data: Library, progress: Dict[str, Any], command: str, value: Any,
                   language: str, said: List[Message]) -> Outcome:
    """In a rating phase: a number is taken, Next or Skip moves on, anything unclear asks again."""
    rating = parse_rating(value, language, data) if command == RATING else None
    if command == RATING and rating is None:
        return Outcome(progress, said + [prompts.rating_question(data, "rating_unclear")])
    if progress["phase"] == RATING_BEFORE:
        progress["before"] = rating
        progress["phase"] = STEPS
        thanks = [prompts.shared(data, "rating_thanks")] if rating is not None else []
        return Outcome(progress, said + thanks + _current(data, progress))
    progress["after"] = rating
    return _finish(data, progress, said)


def _finish(data: Library, progress: Dict[str, Any], said: List[Message]) -> Outcome:
    exercise = data.exercises[progress["exercise"]]
    messages = said + prompts.change(data, progress["before"], progress["after"]) + [
        Message(text=exercise.close, context=exercise.context),
        prompts.after_ending(data, "professional"),
    ]
    return Outcome(None, messages, Completed(exercise.id, progress["before"], progress["after"]))


def _stop(data: Library, progress: Dict[str, Any]) -> Outcome:
    if progress["phase"] == RATING_AFTER:  # every step was done: only the last rating is declined
        record: Any = Completed(progress["exercise"], progress["before"], None)
    else:
        steps_seen = progress["step"] + 1 if progress["phase"] == STEPS else 0
        record = Stopped(progress["exercise"], progress["before"], steps_seen)
    messages = [prompts.shared(data, "stopped"), prompts.after_ending(data, "after_stop")]
    return Outcome(None, messages, record)
