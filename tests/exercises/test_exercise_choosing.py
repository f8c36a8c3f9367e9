"""Finding the exercise a person names in their own words, and reading a typed rating."""

import pytest

from bot.exercises import exercise_named_in, parse_rating, resolve


@pytest.mark.parametrize("language, text, expected", [
    ("en", "can we do the breathing one", "paced_breathing"),
    ("en", "help me ground myself", "grounding_54321"),
    ("en", "the safe place exercise please", "calm_place"),
    ("en", "I want to practise saying no", "boundary_rehearsal"),
    ("es", "¿podemos hacer la de respiración?", "paced_breathing"),
    ("es", "el abrazo de mariposa", "butterfly_hug"),
    ("fr", "un exercice de respiration", "paced_breathing"),
    ("fr", "le lieu sûr", "calm_place"),
    ("pt", "quero fazer o exercício de respiração", "paced_breathing"),
    ("pt", "autocompaixão", "self_compassion_break"),
    ("ar", "أريد تمرين التنفس", "paced_breathing"),
    ("ar", "المكان الآمن", "calm_place"),
    ("hi", "मुझे साँस वाली एक्सरसाइज़ करनी है", "paced_breathing"),
    ("hi", "saans wali exercise", "paced_breathing"),
    ("hi", "तितली वाली", "butterfly_hug"),
    ("sw", "nataka kupumua", "paced_breathing"),
    ("sw", "tuandike kwenye shajara", "journaling"),
])
def test_an_exercise_named_in_the_person_s_words_is_found(language, text, expected):
    assert exercise_named_in(text, language) == expected


@pytest.mark.parametrize("text", ["I need to calm down", "help me relax", "breathing or grounding?", "", None])
def test_no_name_or_two_names_give_no_guess(text):
    assert exercise_named_in(text, "en") is None


def test_another_language_s_words_are_found_when_the_conversation_language_finds_nothing():
    assert exercise_named_in("respiración", "en") == "paced_breathing"


def test_an_entity_value_that_is_an_id_resolves_and_anything_else_does_not():
    assert resolve("calm_place") == "calm_place"
    assert resolve("breathing") is None and resolve(None) is None


@pytest.mark.parametrize("text, language, expected", [
    ("4", "en", 4), ("8/10", "en", 8), ("maybe 3 out of 10", "en", 3), ("about a four", "en", 4),
    ("ten", "en", 10), ("none", "en", 0), ("siete", "es", 7), ("quatre", "fr", 4), ("sete", "pt", 7),
    ("ثمانية", "ar", 8), ("٣", "ar", 3), ("पाँच", "hi", 5), ("saat", "hi", 7), ("७", "hi", 7),
    ("tano", "sw", 5), (6, "en", 6),
])
def test_ratings_are_read_as_typed(text, language, expected):
    assert parse_rating(text, language) == expected


@pytest.mark.parametrize("text, language", [
    ("11", "en"), ("-", "en"), ("c'est un peu mieux", "fr"), ("seven", "xx"), (True, "en"), (4.5, "en"),
    ("saba", "en"),  # Swahili words only count in a Swahili conversation
])
def test_anything_else_is_no_rating(text, language):
    expected = 7 if (text, language) == ("seven", "xx") else None  # English words always count
    assert parse_rating(text, language) == expected
