"""Read and check the exercise data in data/exercises/.

The files are edited by translators, clinicians and NGOs, not programmers, so a mistake must
stop the bot at start-up with a message that names the file and the place, rather than
surface mid-exercise in front of someone who is already struggling.

- `<exercise id>.yml`  one exercise (the file name is its id)
- `_messages.yml`      the words said around every exercise
- `_names.yml`         words that name each exercise, per language
- `_rating_words.yml`  number words 0-10, per language
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, Mapping, Optional, Tuple


from bot.exercises.model import Exercise, Step
from bot.language.codes import SUPPORTED_LANGUAGES
from bot.paths import DATA_DIR
from bot.text import fold
from bot.data_files import read_mapping

EXERCISES_DIR = DATA_DIR / "exercises"
MIN_STEPS, MAX_STEPS = 4, 8
MAX_STEP_CHARS = 320
MAX_INTRO_CHARS = 200

REQUIRED_MESSAGES = frozenset({
    "how_it_works", "rating_before", "rating_after", "rating_unclear", "rating_thanks",
    "rating_later", "slower", "paused", "resumed", "stopped", "after_stop", "change_lower",
    "change_same", "change_higher", "professional", "crisis_paused", "no_exercise", "menu",
})
REQUIRED_BUTTONS = frozenset({
    "next", "done", "slower", "repeat", "pause", "resume", "stop", "skip", "menu", "another",
    "start_again",
})
_EXERCISE_KEYS = frozenset({"id", "title", "intro", "steps", "close"})
_STEP_KEYS = frozenset({"text", "slower", "alternative"})


class ExerciseDataError(ValueError):
    """A data file in data/exercises/ is missing something or has a mistake."""


@dataclass(frozen=True)
class Library:
    """Everything the guide needs from data/exercises/, checked."""

    exercises: Mapping[str, Exercise]
    messages: Mapping[str, str]
    buttons: Mapping[str, str]
    names: Mapping[str, Mapping[str, Tuple[str, ...]]]  # language -> exercise id -> folded words
    match_inside_words: FrozenSet[str]
    rating_words: Mapping[str, Mapping[str, int]]  # language -> folded word -> number


@lru_cache(maxsize=4)
def library(directory: Optional[Path] = None) -> Library:
    """The checked library from `directory` (data/exercises/ by default), read once."""
    return load_library(directory or EXERCISES_DIR)


def load_library(directory: Path) -> Library:
    """Read every file in `directory`; raise ExerciseDataError naming the first bad file."""
    exercises = {}
    for path in sorted(directory.glob("*.yml")):
        if not path.name.startswith("_"):
            exercise = load_exercise(path)
            exercises[exercise.id] = exercise
    if not exercises:
        raise ExerciseDataError(f"{directory}: no exercise files found")
    messages, buttons = _load_shared_words(directory / "_messages.yml")
    names, inside = _load_names(directory / "_names.yml", exercises)
    rating_words = _load_rating_words(directory / "_rating_words.yml")
    return Library(exercises, messages, buttons, names, inside, rating_words)


def load_exercise(path: Path) -> Exercise:
    """One exercise file, checked: id equals the file name, every step has short text."""
    data = _read_mapping(path)
    unknown = set(data) - _EXERCISE_KEYS
    if unknown:
        raise ExerciseDataError(f"{path}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_EXERCISE_KEYS)}")
    if data.get("id") != path.stem:
        raise ExerciseDataError(f"{path}: id {data.get('id')!r} does not match the file name {path.stem!r}")
    title = _string(path, "title", data.get("title"))
    intro = _text(path, "intro", data.get("intro"), MAX_INTRO_CHARS)
    close = _text(path, "close", data.get("close"), MAX_STEP_CHARS)
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not MIN_STEPS <= len(raw_steps) <= MAX_STEPS:
        raise ExerciseDataError(f"{path}: `steps` must be a list of {MIN_STEPS} to {MAX_STEPS} steps")
    steps = tuple(_step(path, number, raw) for number, raw in enumerate(raw_steps, start=1))
    return Exercise(id=path.stem, title=title, intro=intro, steps=steps, close=close)


def _step(path: Path, number: int, raw: Any) -> Step:
    where = f"step {number}"
    if not isinstance(raw, dict):
        raise ExerciseDataError(f"{path}: {where} must be a mapping with a `text`")
    unknown = set(raw) - _STEP_KEYS
    if unknown:
        raise ExerciseDataError(f"{path}: {where} has unknown key(s) {sorted(unknown)}; allowed: {sorted(_STEP_KEYS)}")
    text = _string(path, f"{where} text", raw.get("text"), MAX_STEP_CHARS)
    slower = _text(path, f"{where} slower", raw["slower"], MAX_STEP_CHARS) if "slower" in raw else None
    alternative = _text(path, f"{where} alternative", raw["alternative"], MAX_STEP_CHARS) if "alternative" in raw else None
    return Step(text=text, slower=slower, alternative=alternative)


def _load_shared_words(path: Path) -> Tuple[Dict[str, str], Dict[str, str]]:
    data = _read_mapping(path)
    messages = {key: _text(path, f"messages.{key}", value, MAX_STEP_CHARS) for key, value in (data.get("messages") or {}).items()}
    buttons = {}
    for key, value in (data.get("buttons") or {}).items():
        if not isinstance(value, dict):
            raise ExerciseDataError(f"{path}: buttons.{key} must be a mapping with a `title`")
        buttons[key] = _string(path, f"buttons.{key} title", value.get("title"), 40)
    for kind, found, required in (("messages", messages, REQUIRED_MESSAGES), ("buttons", buttons, REQUIRED_BUTTONS)):
        missing = required - set(found)
        if missing:
            raise ExerciseDataError(f"{path}: {kind} missing: {sorted(missing)}")
    return messages, buttons


def _load_names(path: Path, exercises: Mapping[str, Exercise]):
    data = _read_mapping(path)
    languages = data.get("languages")
    if not isinstance(languages, dict):
        raise ExerciseDataError(f"{path}: expected a `languages` mapping")
    names = {}
    for language, by_exercise in languages.items():
        _check_language(path, language)
        if not isinstance(by_exercise, dict):
            raise ExerciseDataError(f"{path}: languages.{language} must map exercise ids to word lists")
        for exercise_id, words in by_exercise.items():
            if exercise_id not in exercises:
                raise ExerciseDataError(f"{path}: languages.{language} names an unknown exercise {exercise_id!r}")
            if not isinstance(words, list) or not all(isinstance(word, str) and word.strip() for word in words):
                raise ExerciseDataError(f"{path}: languages.{language}.{exercise_id} must be a list of words")
        names[language] = {exercise_id: tuple(fold(word) for word in words) for exercise_id, words in by_exercise.items()}
    inside = data.get("match_inside_words") or []
    for language in inside:
        _check_language(path, language)
    return names, frozenset(inside)


def _load_rating_words(path: Path) -> Dict[str, Dict[str, int]]:
    data = _read_mapping(path)
    result = {}
    for language, entries in (data.get("languages") or {}).items():
        _check_language(path, language)
        if not isinstance(entries, list) or len(entries) != 11:
            raise ExerciseDataError(f"{path}: languages.{language} must list exactly 11 entries, for 0 to 10")
        words = {}
        for number, entry in enumerate(entries):
            for word in entry if isinstance(entry, list) else [entry]:
                words[fold(str(word))] = number
        result[language] = words
    return result


def _check_language(path: Path, language: Any) -> None:
    if language not in SUPPORTED_LANGUAGES:
        raise ExerciseDataError(f"{path}: {language!r} is not a supported language {SUPPORTED_LANGUAGES}")


def _read_mapping(path: Path) -> Dict[str, Any]:
    return read_mapping(path, ExerciseDataError)


def _text(path: Path, where: str, value: Any, limit: int) -> str:
    """A translatable text is stored as `{text: ...}` so the catalog extractor finds it."""
    if not isinstance(value, dict) or set(value) != {"text"}:
        raise ExerciseDataError(f"{path}: {where} must be a mapping with only a `text`")
    return _string(path, f"{where} text", value["text"], limit)


def _string(path: Path, where: str, value: Any, limit: int = MAX_STEP_CHARS) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ExerciseDataError(f"{path}: {where} is missing or empty")
    if len(value) > limit:
        raise ExerciseDataError(f"{path}: {where} has {len(value)} characters; keep it to {limit} or fewer")
    return value.strip()
