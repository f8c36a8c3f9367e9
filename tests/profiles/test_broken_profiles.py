"""A broken profile stops with a message that names the file and what to fix.

Each test copies the real Spanish profile, breaks one thing the way a hurried edit might,
and reads the error an NGO would see.
"""

import re

import pytest
import yaml

from bot.profiles import ProfileError, load_profile, profile_path


@pytest.fixture
def spanish(tmp_path):
    """A writable copy of the Spanish profile, in a folder named like the real one."""
    folder = tmp_path / "es"
    folder.mkdir()
    copy = folder / "profile.yml"
    copy.write_text(profile_path("es").read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def error_for(path):
    with pytest.raises(ProfileError) as raised:
        load_profile(path)
    message = str(raised.value)
    assert message.startswith(str(path)), message
    return message


def test_the_unchanged_copy_loads(spanish):
    assert load_profile(spanish).language == "es"


def test_a_missing_section_is_named(spanish):
    edit(spanish, lambda data: data.pop("help_seeking"))
    assert "missing key(s) ['help_seeking']" in error_for(spanish)


def test_a_misspelt_section_is_named(spanish):
    edit(spanish, lambda data: data.update(topic_ordr=data["topic_order"]))
    assert "unknown key(s) ['topic_ordr']" in error_for(spanish)


def test_an_exercise_that_does_not_exist_is_named(spanish):
    edit(spanish, lambda data: data["exercise_order"][2].update(exercise="body_scan"))
    message = error_for(spanish)
    assert "exercise_order entry 3: 'body_scan' is not in data/exercises/" in message


def test_a_topic_listed_twice_is_named(spanish):
    edit(spanish, lambda data: data["topic_order"].__setitem__(5, dict(data["topic_order"][0])))
    assert re.search(r"topic_order: '\w+' is listed twice", error_for(spanish))


def test_a_topic_left_out_is_named(spanish):
    edit(spanish, lambda data: data["topic_order"].pop())
    assert "topic_order is missing ['therapy_approaches']" in error_for(spanish)


def test_an_order_entry_without_a_reason_is_refused(spanish):
    edit(spanish, lambda data: data["exercise_order"][0].pop("why"))
    assert "exercise_order entry 1 needs ['exercise', 'why']" in error_for(spanish)


def test_an_unknown_review_status_is_refused(spanish):
    edit(spanish, lambda data: data["translation_review"].update(status="done"))
    assert "translation_review.status is 'done'; use one of ['source', 'draft', 'reviewed']" in error_for(spanish)


def test_a_translation_cannot_claim_to_be_the_source(spanish):
    edit(spanish, lambda data: data["translation_review"].update(status="source"))
    assert "only 'en' is the source" in error_for(spanish)


def test_reviewed_needs_who_and_when(spanish):
    edit(spanish, lambda data: data["translation_review"].update(status="reviewed"))
    assert "fill in `by` (who) and `date` (when)" in error_for(spanish)


def test_the_native_speaker_flag_must_match_the_review_status(spanish):
    def reviewed_without_flag(data):
        data["translation_review"].update(status="reviewed", by="A. Pérez", date="2025-05-01")
    edit(spanish, reviewed_without_flag)
    assert "reviewed_by_native_speaker is False" in error_for(spanish)


def test_a_complete_review_loads(spanish):
    def reviewed(data):
        data["translation_review"].update(status="reviewed", by="A. Pérez", date="2025-05-01")
        data["reviewed_by_native_speaker"] = True
    edit(spanish, reviewed)
    assert load_profile(spanish).translation_review.is_reviewed


def test_a_phone_number_is_refused(spanish):
    edit(spanish, lambda data: data["help_seeking"].update(bot_says="Llama al 800 911 2000"))
    message = error_for(spanish)
    assert "help_seeking.bot_says contains what looks like a phone number" in message
    assert "data/helplines/" in message


def test_the_language_must_match_its_folder(spanish):
    edit(spanish, lambda data: data.update(language="pt"))
    assert "language 'pt' does not match the folder 'es'" in error_for(spanish)


def test_too_few_plain_word_choices_are_refused(spanish):
    edit(spanish, lambda data: data.update(stigma_aware_words=data["stigma_aware_words"][:1]))
    assert "stigma_aware_words must be a list of at least 3 entries" in error_for(spanish)


def test_broken_yaml_is_reported_with_the_file(spanish):
    spanish.write_text("language: es\nexercise_order: [\n", encoding="utf-8")
    assert "not valid YAML" in error_for(spanish)
