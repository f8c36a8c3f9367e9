"""Every supported language has a complete locale profile, and what it lists exists.

These tests read the real files in locales/<lang>/profile.yml, so an NGO that edits a
profile finds out here (not in front of someone struggling) when an id is wrong.
"""

import pytest

from bot.exercises import library
from bot.language.codes import SUPPORTED_LANGUAGES
from bot.profiles import DRAFT, REVIEWED, SOURCE, load_profile, profile_for, profile_path
from bot.psychoeducation.content import load_library

EXERCISE_IDS = sorted(library().exercises)
TOPIC_KEYS = sorted(load_library().topics)
TRANSLATIONS = [language for language in SUPPORTED_LANGUAGES if language != "en"]


@pytest.fixture(scope="module", params=SUPPORTED_LANGUAGES)
def profile(request):
    return load_profile(profile_path(request.param))


def test_every_supported_language_has_its_own_profile_file(profile):
    assert profile.path == profile_path(profile.language)
    assert profile_for(profile.language).language == profile.language


def test_the_profile_orders_every_exercise_exactly_once(profile):
    assert sorted(profile.exercise_order) == EXERCISE_IDS
    assert len(set(profile.exercise_order)) == len(profile.exercise_order)


def test_the_profile_orders_every_topic_exactly_once(profile):
    assert sorted(profile.topic_order) == TOPIC_KEYS
    assert len(set(profile.topic_order)) == len(profile.topic_order)


def test_breathing_and_grounding_are_offered_first_in_every_language(profile):
    assert set(profile.exercise_order[:2]) == {"grounding_54321", "paced_breathing"}


def test_every_profile_names_a_form_of_address_and_plain_words_for_clinical_labels(profile):
    assert profile.address_form.strip()
    assert len(profile.stigma_aware_words) >= 3
    assert all(choice.avoid.strip() and choice.prefer.strip() and choice.avoid != choice.prefer
               for choice in profile.stigma_aware_words)


def test_self_compassion_is_framed_for_family_and_community_and_faith_is_optional(profile):
    framing = profile.details["framings"]["self_compassion"]
    assert framing["family_and_community"].strip()
    assert "optional" in framing["faith"].lower()


def test_local_help_never_replaces_the_crisis_line(profile):
    help_seeking = profile.details["help_seeking"]
    assert help_seeking["ways"] and help_seeking["bot_says"].strip()
    assert "crisis line" in help_seeking["crisis_line"] and "data/helplines" in help_seeking["crisis_line"]


def test_english_is_the_source_text():
    assert profile_for("en").translation_review.status == SOURCE


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_translation_is_a_draft_until_a_native_speaker_has_reviewed_it(language):
    profile = profile_for(language)
    review = profile.translation_review
    if review.status == REVIEWED:
        assert review.by and review.date and profile.reviewed_by_native_speaker
    else:
        assert review.status == DRAFT and not profile.reviewed_by_native_speaker
        assert "needs review by a native speaker" in review.notes


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_the_content_review_by_a_clinician_is_recorded(language):
    profile = profile_for(language)
    assert profile.content_review.status in (DRAFT, REVIEWED)
    assert profile.reviewed_by_clinician == (profile.content_review.status == REVIEWED)


@pytest.mark.parametrize("language", ["xx", "de", "", None])
def test_a_language_without_a_profile_gets_the_english_one(language):
    assert profile_for(language).language == "en"


def test_profiles_differ_where_cultures_differ():
    """A profile that only copies English adapts nothing: at least the menus must differ."""
    english = profile_for("en")
    for language in TRANSLATIONS:
        profile = profile_for(language)
        assert (profile.exercise_order[:4], profile.topic_order[:8]) != (english.exercise_order[:4], english.topic_order[:8]), language


def test_the_profiles_package_loads_without_rasa():
    """bot/ never imports Rasa, so profiles are checked in milliseconds (see DESIGN.md)."""
    import subprocess
    import sys

    from bot.paths import PROJECT_ROOT
    code = ("import sys, bot.profiles as p; p.profile_for('sw'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk')))")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               cwd=PROJECT_ROOT, check=True, timeout=120)
    assert completed.stdout.strip() == "[]"
