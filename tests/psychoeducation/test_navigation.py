"""Walking through topics: tell me more, another topic, menu, and the end of a topic."""

import pytest

from bot.psychoeducation import navigation
from bot.psychoeducation.navigation import MENU_PAGE_SIZE


def titles(message):
    return [button.title.english for button in message.buttons]


def payloads(message):
    return [button.payload for button in message.buttons]


def test_showing_a_topic_gives_its_first_piece_and_the_three_choices(library):
    reply = navigation.show(library, "relationships")
    assert len(reply.messages) == 1
    message = reply.messages[0]
    assert message.text.english == library.topics["relationships"].pieces[0].text
    assert message.text.context == "topic:relationships"
    assert titles(message) == ["Tell me more", "Another topic", "Menu"]
    assert payloads(message) == ["/tell_me_more", "/another_topic", "/show_menu"]
    assert reply.progress == {"topic": "relationships", "piece": 0}


def test_tell_me_more_gives_the_next_piece(library):
    reply = navigation.more(library, {"topic": "relationships", "piece": 0})
    assert reply.messages[0].text.english == library.topics["relationships"].pieces[1].text
    assert titles(reply.messages[0]) == ["Tell me more", "Another topic", "Menu"]
    assert reply.progress == {"topic": "relationships", "piece": 1}


@pytest.mark.parametrize("key", ["what_is_attachment", "setbacks", "therapy_approaches", "healing_looks_like"])
def test_walking_to_the_end_shows_every_piece_once_then_the_professional_pointer(library, key):
    topic = library.topics[key]
    reply = navigation.show(library, key)
    seen = [reply.messages[0].text.english]
    while reply.progress is not None:
        reply = navigation.more(library, reply.progress)
        seen.append(reply.messages[0].text.english)
    assert seen == [piece.text for piece in topic.pieces]
    last_piece, pointer = reply.messages
    assert last_piece.buttons == ()
    assert "trauma-informed professional" in pointer.text.english
    followup_titles = [library.topics[other].title for other in topic.followups]
    assert titles(pointer) == followup_titles + ["Another topic", "Menu"]
    assert payloads(pointer)[: len(topic.followups)] == [
        '/ask_topic{"topic":"%s"}' % other for other in topic.followups
    ]


def test_every_topic_ends_with_the_pointer(library):
    for key, topic in library.topics.items():
        reply = navigation.show(library, key, piece=len(topic.pieces) - 1)
        assert reply.messages[-1].text.english == library.common.texts["professional_pointer"], key
        assert reply.progress is None


def test_tell_me_more_after_the_end_offers_the_topic_menu(library):
    reply = navigation.more(library, None)
    assert reply.messages[0].text.english == library.common.texts["menu_intro_nothing_in_progress"]
    assert reply.messages[0].buttons


@pytest.mark.parametrize("progress", [None, {}, {"menu_page": 0}, {"topic": "gone"}, {"topic": "body", "piece": "x"}])
def test_tell_me_more_with_no_topic_in_progress_gives_the_menu(library, progress):
    reply = navigation.more(library, progress)
    assert reply.progress == {"menu_page": 0}
    assert all(payload.startswith("/ask_topic") or payload == "/another_topic" for payload in payloads(reply.messages[0]))


def test_another_topic_shows_eight_topics_and_more_topics(library):
    reply = navigation.another_topic(library, {"topic": "body", "piece": 1})
    message = reply.messages[0]
    assert message.text.english == library.common.texts["menu_intro"]
    assert len(message.buttons) == MENU_PAGE_SIZE + 1
    assert titles(message)[-1] == "More topics" and payloads(message)[-1] == "/another_topic"
    default_first = list(library.common.menu_order[:MENU_PAGE_SIZE])
    assert payloads(message)[:-1] == ['/ask_topic{"topic":"%s"}' % key for key in default_first]
    assert titles(message)[0] == library.topics[default_first[0]].title
    assert reply.progress == {"menu_page": 0}


def test_more_topics_pages_through_every_topic_and_wraps_around(library):
    first = navigation.another_topic(library, None)
    second = navigation.another_topic(library, first.progress)
    third = navigation.another_topic(library, second.progress)
    offered = payloads(first.messages[0])[:-1] + payloads(second.messages[0])[:-1]
    assert sorted(offered) == sorted('/ask_topic{"topic":"%s"}' % key for key in library.topics)
    assert payloads(third.messages[0]) == payloads(first.messages[0])


def test_a_preferred_order_comes_first_and_unknown_names_are_skipped(library):
    reply = navigation.another_topic(library, None, preferred_order=["culture", "no_such_topic", "healing"])
    assert payloads(reply.messages[0])[:2] == ['/ask_topic{"topic":"culture"}', '/ask_topic{"topic":"healing"}']
    keys = navigation.ordered_topic_keys(library, ["culture", "healing"])
    assert sorted(keys) == sorted(library.topics) and len(keys) == len(set(keys))


def test_an_unknown_topic_gives_the_menu_instead_of_nothing(library):
    reply = navigation.show(library, "astrology")
    assert reply.messages[0].text.english == library.common.texts["menu_intro"]


@pytest.mark.parametrize(
    "question, related",
    [
        ("do I have PTSD?", "what_is_trauma"),
        ("do I have anxious attachment?", "attachment_styles"),
        ("is this attachment trauma?", "attachment_trauma"),
        ("¿tengo apego ansioso?", "attachment_styles"),
        ("est-ce que j'ai un TSPT ?", "what_is_trauma"),
        ("am I bipolar?", "find_professional"),
        ("can you diagnose me?", "find_professional"),
    ],
)
def test_the_diagnosis_answer_offers_the_related_topic(library, question, related):
    progress = {"topic": "body", "piece": 1}
    reply = navigation.cannot_diagnose(library, question, progress)
    message = reply.messages[0]
    assert "I can't diagnose" in message.text.english
    assert payloads(message) == ['/ask_topic{"topic":"%s"}' % related, "/another_topic", "/show_menu"]
    assert titles(message)[0] == library.topics[related].title
    assert reply.progress == progress  # "tell me more" still continues the topic afterwards


def test_the_medication_answer_keeps_the_topic_in_progress(library):
    progress = {"topic": "body", "piece": 0}
    reply = navigation.medication_boundary(library, progress)
    assert "doctor or pharmacist" in reply.messages[0].text.english
    assert payloads(reply.messages[0]) == ["/another_topic", "/show_menu"]
    assert reply.progress == progress
