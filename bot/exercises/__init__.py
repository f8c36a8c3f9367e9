"""Guided exercises (grounding, breathing, self-compassion ...): one engine, exercises as data.

The exercises live in data/exercises/ (English source text, translated through the gettext
catalogs). This package reads and checks them, walks a person through one step at a time as
a pure state machine over the `exercise_progress` slot, and renders messages per language.
It never imports Rasa, stores nothing and logs no message text: actions/exercises.py adapts
it to Rasa, and the storage module decides what to keep.
"""

from bot.exercises.choosing import exercise_named_in, menu_order, resolve
from bot.exercises.engine import (
    COMMANDS, NEXT, PAUSE, RATING, REPEAT, RESUME, SKIP, SLOWER, STOP,
    apply, interrupt, is_running, menu, start,
)
from bot.exercises.loader import ExerciseDataError, library, load_library
from bot.exercises.model import Completed, Message, Outcome, Stopped
from bot.exercises.ratings import parse_rating
from bot.exercises.rendering import render

__all__ = [
    "COMMANDS", "NEXT", "PAUSE", "RATING", "REPEAT", "RESUME", "SKIP", "SLOWER", "STOP",
    "Completed", "ExerciseDataError", "Message", "Outcome", "Stopped",
    "apply", "exercise_named_in", "interrupt", "is_running", "library", "load_library", "menu",
    "menu_order", "parse_rating", "render", "resolve", "start",
]
