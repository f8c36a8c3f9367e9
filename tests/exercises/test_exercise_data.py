"""The exercise files: complete, short, gentle, translatable, and mistakes caught at loading."""

import re
import shutil

import pytest
import yaml

from bot.exercises import ExerciseDataError, load_library
from bot.exercises.loader import EXERCISES_DIR, MAX_STEP_CHARS
from bot.language.codes import SUPPORTED_LANGUAGES
from tests.exercises.test_exercise_flow import ALL_IDS

# The end of a sentence: . ! or ? (not an ellipsis "1... 2..."), maybe a closing quote, then the end.
SENTENCE_END = re.compile(r'(?<![.])[.!?]["\u201d]?(?=\s+["\u201c]?[A-Z]|\s*$)')
TRANSLATABLE_KEYS = {"text", "title", "label"}
NOT_TRANSLATED = {"id"}


def test_all_seven_exercises_are_there(data):
    assert sorted(data.exercises) == sorted(ALL_IDS)


@pytest.mark.parametrize("exercise_id", ALL_IDS)
def test_every_text_is_present_and_short(exercise_id, data):
    exercise = data.exercises[exercise_id]
    assert 4 <= len(exercise.steps) <= 8
    assert exercise.title.strip() and exercise.intro.strip() and exercise.close.strip()
    assert "\n" not in exercise.intro  # a one-line intro
    for step in exercise.steps:
        for text in filter(None, (step.text, step.slower, step.alternative)):
            assert text.strip() and len(text) <= MAX_STEP_CHARS, text
            assert len(SENTENCE_END.findall(text)) <= 3, text


def test_no_text_promises_a_cure_diagnoses_or_plays_therapist(data):
    every_text = [data.messages[key] for key in data.messages]
    for exercise in data.exercises.values():
        every_text += [exercise.title, exercise.intro, exercise.close]
        every_text += [t for step in exercise.steps for t in (step.text, step.slower, step.alternative) if t]
    for text in every_text:
        lowered = text.lower()
        for word in ("cure", "fix you", "heal you", "diagnos", "i am a therapist", "i'm a therapist",
                     "you must", "you have to"):
            assert word not in lowered, text


def test_the_invitations_the_brief_promises_are_in_the_texts(data):
    def all_text(exercise_id):
        exercise = data.exercises[exercise_id]
        return " ".join([exercise.intro] + [s.text + " " + (s.slower or "") + " " + (s.alternative or "") for s in exercise.steps])
    assert "If no place feels safe, imagine one you make up." in all_text("calm_place")
    assert "in for 4" in all_text("paced_breathing") and "out for 6" in all_text("paced_breathing")
    assert "never see or store" in all_text("journaling")
    assert "hand on your chest" in all_text("butterfly_hug")  # the self-holding alternative
    assert "faith" in all_text("self_compassion_break")
    for count, sense in ((5, "see"), (4, "touch"), (3, "hear"), (2, "smell"), (1, "taste")):
        assert f"{count} thing" in all_text("grounding_54321") and sense in all_text("grounding_54321")


@pytest.mark.parametrize("path", sorted(EXERCISES_DIR.glob("[!_]*.yml")), ids=lambda p: p.stem)
def test_every_string_an_exercise_shows_is_under_a_key_the_catalog_extractor_reads(path):
    """The extractor takes strings under text/title/label only; anything else would stay English."""
    def walk(node, key=None):
        if isinstance(node, dict):
            for child_key, child in node.items():
                yield from walk(child, child_key)
        elif isinstance(node, list):
            for child in node:
                yield from walk(child, key)
        elif isinstance(node, str):
            yield key, node
    for key, _ in walk(yaml.safe_load(path.read_text(encoding="utf-8"))):
        assert key in TRANSLATABLE_KEYS | NOT_TRANSLATED, f"{path.name}: string under {key!r}"


def test_names_cover_every_exercise_in_every_language(data):
    assert set(data.names) == set(SUPPORTED_LANGUAGES)
    for language, by_exercise in data.names.items():
        assert sorted(by_exercise) == sorted(ALL_IDS), language


def test_rating_words_cover_every_language(data):
    assert set(data.rating_words) == set(SUPPORTED_LANGUAGES)


@pytest.fixture
def copy_of_data(tmp_path):
    target = tmp_path / "exercises"
    shutil.copytree(EXERCISES_DIR, target)
    return target


def edit(path, change):
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")


def test_the_copied_data_loads(copy_of_data):
    assert len(load_library(copy_of_data).exercises) == 7


@pytest.mark.parametrize("change, message", [
    (lambda c: c["steps"][2].pop("text"), r"calm_place\.yml: step 3 text is missing or empty"),
    (lambda c: c["steps"][0].update(text="   "), r"calm_place\.yml: step 1 text is missing or empty"),
    (lambda c: c.update(id="safe_place"), r"calm_place\.yml: id 'safe_place' does not match the file name 'calm_place'"),
    (lambda c: c["steps"][1].update(text="x" * 321), r"calm_place\.yml: step 2 text has 321 characters"),
    (lambda c: c["steps"][1].update(slowr={"text": "typo"}), r"calm_place\.yml: step 2 has unknown key\(s\) \['slowr'\]"),
    (lambda c: c["steps"][1].update(slower="not a mapping"), r"calm_place\.yml: step 2 slower must be a mapping"),
    (lambda c: c.update(steps=c["steps"][:2]), r"calm_place\.yml: `steps` must be a list of 4 to 8 steps"),
    (lambda c: c.pop("close"), r"calm_place\.yml: close must be a mapping"),
])
def test_a_bad_exercise_file_fails_loading_with_a_message_naming_it(copy_of_data, change, message):
    edit(copy_of_data / "calm_place.yml", change)
    with pytest.raises(ExerciseDataError, match=message):
        load_library(copy_of_data)


def test_a_file_that_is_not_yaml_fails_with_its_name(copy_of_data):
    (copy_of_data / "journaling.yml").write_text("id: journaling\nsteps: [unclosed\n", encoding="utf-8")
    with pytest.raises(ExerciseDataError, match=r"journaling\.yml: not valid YAML"):
        load_library(copy_of_data)


def test_a_missing_shared_message_fails_loading(copy_of_data):
    edit(copy_of_data / "_messages.yml", lambda c: c["messages"].pop("paused"))
    with pytest.raises(ExerciseDataError, match=r"_messages\.yml: messages missing: \['paused'\]"):
        load_library(copy_of_data)


def test_a_name_for_an_unknown_exercise_fails_loading(copy_of_data):
    edit(copy_of_data / "_names.yml", lambda c: c["languages"]["es"].update(yoga=["yoga"]))
    with pytest.raises(ExerciseDataError, match=r"_names\.yml: languages\.es names an unknown exercise 'yoga'"):
        load_library(copy_of_data)


def test_rating_words_must_count_from_0_to_10(copy_of_data):
    edit(copy_of_data / "_rating_words.yml", lambda c: c["languages"]["sw"].pop())
    with pytest.raises(ExerciseDataError, match=r"_rating_words\.yml: languages\.sw must list exactly 11"):
        load_library(copy_of_data)


def test_the_exercise_package_loads_without_rasa():
    """bot/ never imports Rasa, so the engine stays testable in milliseconds (see DESIGN.md)."""
    import subprocess
    import sys

    from bot.paths import PROJECT_ROOT
    code = ("import sys, bot.exercises as e; e.start('calm_place'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk')))")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               cwd=PROJECT_ROOT, check=True, timeout=120)
    assert completed.stdout.strip() == "[]"
