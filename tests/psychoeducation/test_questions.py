"""Which topic a message asks for: a button, the topic selector, or a named approach."""

import pytest

from bot.psychoeducation.keywords import choose_start, find_keyword_piece
from bot.psychoeducation.questions import answer_topic_request, topic_from_selector


def selector_output(key, selector="ask_topic"):
    return {"response_selector": {selector: {"response": {"intent_response_key": f"ask_topic/{key}"}}}}


def approach_piece(library, name):
    """The index of the therapy_approaches piece whose text names `name`."""
    pieces = library.topics["therapy_approaches"].pieces
    return next(index for index, piece in enumerate(pieces) if name in piece.text)


def test_a_typed_question_starts_the_topic_the_selector_chose(library):
    parse_data = {"text": "why do I always expect people to leave me?", **selector_output("relationships")}
    reply = answer_topic_request(library, parse_data)
    assert reply.messages[0].text.english == library.topics["relationships"].pieces[0].text


def test_a_button_topic_wins_over_the_selectors_guess_on_the_payload(library):
    parse_data = {
        "text": '/ask_topic{"topic":"body"}',
        "entities": [{"entity": "topic", "value": "body"}],
        **selector_output("culture"),
    }
    reply = answer_topic_request(library, parse_data)
    assert reply.progress == {"topic": "body", "piece": 0}


@pytest.mark.parametrize(
    "parse_data",
    [
        selector_output("self_worth", selector="default"),
        {"intent": {"name": "ask_topic", "full_retrieval_intent_name": "ask_topic/self_worth"}},
    ],
)
def test_the_selector_output_is_read_under_default_or_from_the_full_intent_name(parse_data):
    assert topic_from_selector(parse_data) == "self_worth"


@pytest.mark.parametrize(
    "text, name",
    [
        ("what is EMDR?", "EMDR"),
        ("IFS?", "Internal Family Systems"),
        ("¿Qué es la TCC?", "CBT"),
        ("c'est quoi la thérapie de groupe", "Group therapy"),
        ("tell me about somatic experiencing", "Somatic experiencing"),
    ],
)
def test_a_short_question_naming_an_approach_jumps_to_its_piece(library, text, name):
    # Even when the classifier filed it under another topic.
    reply = answer_topic_request(library, {"text": text, **selector_output("what_is_trauma")})
    expected = approach_piece(library, name)
    assert reply.messages[0].text.english == library.topics["therapy_approaches"].pieces[expected].text


def test_a_long_message_mentioning_an_approach_keeps_the_chosen_topic(library):
    text = "I do yoga every morning but I still can't sleep at night, why?"
    assert choose_start(library, "body", text) == ("body", 0)


def test_a_long_question_about_an_approach_in_its_own_topic_still_jumps(library):
    text = "my friend said EMDR helped her, what actually happens in it?"
    assert choose_start(library, "therapy_approaches", text) == ("therapy_approaches", approach_piece(library, "EMDR"))


def test_keywords_match_whole_words_only(library):
    assert find_keyword_piece(library, "I have difficulties") is None  # "ifs" inside a word
    assert find_keyword_piece(library, "hello there") is None


def test_the_longest_keyword_wins(library):
    # "internal family systems" (three words) beats any single-word keyword in the text.
    found = find_keyword_piece(library, "internal family systems")
    assert found == ("therapy_approaches", approach_piece(library, "Internal Family Systems"))


def test_no_topic_at_all_gives_the_menu(library):
    reply = answer_topic_request(library, {"text": "hmm"})
    assert reply.messages[0].text.english == library.common.texts["menu_intro"]
