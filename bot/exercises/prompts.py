"""The messages the guide builds, with their buttons, still in English.

Kept apart from the state machine so the flow (engine.py) reads as decisions, and the
wording and buttons of each kind of message live in one place.
"""

import json
from typing import List, Optional, Sequence

from bot.exercises.loader import Library
from bot.exercises.model import Button, Exercise, Message, SHARED_CONTEXT

# Payloads fixed in the shared intent list (users may also type these words).
NEXT = "/exercise_next"
SLOWER = "/exercise_slower"
REPEAT = "/exercise_repeat"
PAUSE = "/exercise_pause"
STOP = "/exercise_stop"
SHOW_MENU = "/show_menu"
ASK_EXERCISE = "/ask_exercise"
RATINGS = range(0, 11)


def start_payload(exercise_id: str) -> str:
    return ASK_EXERCISE + json.dumps({"exercise": exercise_id}, separators=(",", ":"))


def rating_payload(number: int) -> str:
    return "/give_rating" + json.dumps({"rating": str(number)}, separators=(",", ":"))


def shared(data: Library, key: str, buttons: Sequence[Button] = (), **params) -> Message:
    return Message(text=data.messages[key], context=SHARED_CONTEXT, params=params, buttons=tuple(buttons))


def button(data: Library, key: str, payload: str) -> Button:
    return Button(title=data.buttons[key], payload=payload)


def intro(data: Library, exercise: Exercise) -> List[Message]:
    return [Message(text=exercise.intro, context=exercise.context), shared(data, "how_it_works")]


def step(data: Library, exercise: Exercise, index: int, slow: bool) -> List[Message]:
    """One step (never more), with Next/Slower/Repeat/Pause/Stop under its last message."""
    current = exercise.steps[index]
    is_last = index == len(exercise.steps) - 1
    controls = (
        button(data, "done" if is_last else "next", NEXT),
        button(data, "slower", SLOWER),
        button(data, "repeat", REPEAT),
        button(data, "pause", PAUSE),
        button(data, "stop", STOP),
    )
    texts = [current.wording(slow)] + ([current.alternative] if current.alternative else [])
    messages = [Message(text=text, context=exercise.context) for text in texts]
    messages[-1] = Message(text=messages[-1].text, context=exercise.context, buttons=controls)
    return messages


def rating_question(data: Library, key: str) -> Message:
    """"0".."10" are shown as they are in every language; Skip moves on like Next."""
    numbers = tuple(Button(title=str(number), payload=rating_payload(number), context=None) for number in RATINGS)
    return shared(data, key, numbers + (button(data, "skip", NEXT),))


def paused(data: Library) -> Message:
    return shared(data, "paused", (button(data, "resume", NEXT), button(data, "stop", STOP)))


def after_ending(data: Library, key: str) -> Message:
    return shared(data, key, (button(data, "menu", SHOW_MENU), button(data, "another", ASK_EXERCISE)))


def change(data: Library, before: Optional[int], after: Optional[int]) -> List[Message]:
    """The line that names what changed; nothing when either rating was skipped."""
    if before is None or after is None:
        return []
    key = "change_lower" if after < before else "change_same" if after == before else "change_higher"
    return [shared(data, key, before=before, after=after)]


def crisis_paused(data: Library, exercise_id: str) -> Message:
    return shared(data, "crisis_paused", (button(data, "start_again", start_payload(exercise_id)),
                                         button(data, "menu", SHOW_MENU)))


def menu(data: Library, exercise_ids: Sequence[str], key: str = "menu") -> Message:
    choices = tuple(
        Button(title=data.exercises[exercise_id].title, payload=start_payload(exercise_id),
               context=data.exercises[exercise_id].context)
        for exercise_id in exercise_ids
    )
    return shared(data, key, choices)
