"""The shapes the exercise guide works with: exercises read from data, messages it says, and
the results it hands back for storage.

Everything here is plain data with no Rasa in it, so the engine can be tested in
milliseconds and the same objects serve the action server, a CLI or a test.
"""

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple

# The gettext context of the words around every exercise (data/exercises/_messages.yml).
SHARED_CONTEXT = "exercise:_messages"


def context_of(exercise_id: str) -> str:
    """The gettext context (msgctxt) of one exercise's texts, as the content contract fixes it."""
    return f"exercise:{exercise_id}"


@dataclass(frozen=True)
class Step:
    """One step: its text, and optionally a slower, gentler wording and an extra line."""

    text: str
    slower: Optional[str] = None
    alternative: Optional[str] = None

    def wording(self, slow: bool) -> str:
        return self.slower if slow and self.slower else self.text


@dataclass(frozen=True)
class Exercise:
    """An exercise as its data file describes it (English source text)."""

    id: str
    title: str
    intro: str
    steps: Tuple[Step, ...]
    close: str

    @property
    def context(self) -> str:
        return context_of(self.id)


@dataclass(frozen=True)
class Button:
    """A button: its English title, translated with `context` (None: shown as it is, e.g. "7")."""

    title: str
    payload: str
    context: Optional[str] = SHARED_CONTEXT


@dataclass(frozen=True)
class Message:
    """Something the bot says, still in English: `text` is looked up in the catalog under
    `context`, then `{placeholders}` are filled from `params`. Rendering happens last, in
    `bot.exercises.rendering`, so the engine never deals with languages."""

    text: str
    context: str = SHARED_CONTEXT
    params: Mapping[str, Any] = field(default_factory=dict)
    buttons: Tuple[Button, ...] = ()


@dataclass(frozen=True)
class Completed:
    """An exercise walked to its end, with the distress ratings given (None when skipped).
    The engine stores nothing: the storage module decides what to keep, with consent."""

    exercise_id: str
    before: Optional[int]
    after: Optional[int]


@dataclass(frozen=True)
class Stopped:
    """An exercise the person stopped early; `steps_seen` counts the steps they were shown."""

    exercise_id: str
    before: Optional[int]
    steps_seen: int


@dataclass(frozen=True)
class Outcome:
    """What one turn of the guide produced.

    `progress` is the new value of the `exercise_progress` slot: a small JSON-able dict, or
    None when no exercise is running any more. `record` is set when an exercise ended.
    """

    progress: Optional[Dict[str, Any]]
    messages: List[Message]
    record: Optional[Any] = None
