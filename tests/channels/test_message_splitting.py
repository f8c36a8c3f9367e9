import pytest

from bot.channels.message_splitting import PLATFORM_LIMITS, split_message


def test_a_short_message_is_sent_whole():
    assert split_message("  Hello there.  ", 4096) == ["Hello there."]


def test_an_empty_message_gives_no_parts():
    assert split_message("   ", 10) == []


def test_paragraphs_are_kept_together_when_they_fit():
    first, second = "a" * 30 + ".", "b" * 30 + "."
    assert split_message(f"{first}\n\n{second}", 40) == [first, second]


def test_a_long_paragraph_is_cut_after_a_sentence_not_inside_one():
    text = "The first sentence is here. The second sentence is a bit longer than that."
    parts = split_message(text, 40)
    assert parts == [
        "The first sentence is here.",
        "The second sentence is a bit longer than",
        "that.",
    ]


def test_without_sentence_ends_the_cut_falls_between_words():
    text = "one two three four five six seven eight nine ten"
    parts = split_message(text, 15)
    assert " ".join(parts) == text
    assert all(len(part) <= 15 for part in parts)
    assert all(word in text.split() for part in parts for word in part.split())


def test_a_word_longer_than_the_limit_is_the_only_thing_cut():
    parts = split_message("see https://example.org/" + "x" * 30, 20)
    assert parts[0] == "see"
    assert "".join(parts[1:]) == "https://example.org/" + "x" * 30
    assert all(len(part) <= 20 for part in parts)


def test_arabic_and_hindi_sentence_ends_are_boundaries():
    arabic = "هل أنت بخير؟ " + "أنا هنا معك " * 5
    assert split_message(arabic, 20)[0] == "هل أنت بخير؟"
    hindi = "आप सुरक्षित हैं। " + "मैं यहाँ हूँ " * 5
    assert split_message(hindi, 25)[0] == "आप सुरक्षित हैं।"


@pytest.mark.parametrize("platform, limit", sorted(PLATFORM_LIMITS.items()))
def test_every_part_fits_the_platform_and_nothing_is_lost(platform, limit):
    text = ("Please call the line below. It is free and open all night.\n" * 120).strip()
    parts = split_message(text, limit)
    assert len(parts) > 1
    assert all(0 < len(part) <= limit for part in parts)
    assert "".join(parts).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_the_platform_limits_are_the_documented_ones():
    assert PLATFORM_LIMITS == {"whatsapp": 4096, "telegram": 4096, "messenger": 2000, "sms": 1600}
