import pytest

from bot.safety.normalize import normalize, readings


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I want to unalive myself", "i want to kil myself"),
        ("kms", "kil myself"),
        ("sewer slide", "suicide"),
        ("quiero morirrrrr", "quiero morir"),
        ("Ｉ ｗａｎｔ ｔｏ ｄｉｅ", "i want to die"),
        ("і wаnt tо diе", "i want to die"),  # Cyrillic look-alikes
        ("qui\u200ber\u200bo mo\u200drir", "quiero morir"),
        ("Je veux mourîr", "je veux mourir"),
        ("أُرِيدُ أَنْ أَمُوتَ", "اريد ان اموت"),
    ],
)
def test_spelling_tricks_and_typing_habits_are_undone(text, expected):
    assert normalize(text) == expected


def test_leetspeak_gives_a_second_reading_and_keeps_the_first_for_arabizi():
    assert readings("su1c1d3") == ["su1c1d3", "suicide"]
    assert readings("3ayez amoot")[0] == "3ayez amot"


def test_repeated_digits_are_kept_while_repeated_letters_collapse():
    assert normalize("sooo 11 2000") == "so 11 2000"


def test_curly_apostrophes_become_straight():
    assert normalize("I’m") == normalize("I'm")


def test_spaced_out_letters_give_a_reading_with_the_word_joined():
    assert readings("je veux me s u i c i d e r") == ["je veux me s u i c i d e r", "je veux me suicider"]
    assert readings("plan a or b, i am ok") == ["plan a or b, i am ok"]  # three letters are not spelling
