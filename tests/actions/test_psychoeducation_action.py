"""The psychoeducation actions, driven with rasa_sdk's Tracker and CollectingDispatcher.

Each test asserts what the person would see (texts and buttons) and what is remembered
in the `topic_progress` slot; no model or server is needed.
"""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.psychoeducation import (
    ActionContinueTopic,
    ActionExplainCannotDiagnose,
    ActionMedicationBoundary,
    ActionShowTopic,
    ActionTopicMenu,
)
from bot.profiles import profile_for
from bot.psychoeducation.content import load_library

LIBRARY = load_library()


def make_tracker(text="", slots=None, entities=None, selected=None, intent="ask_topic"):
    latest_message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or []}
    if selected:
        latest_message["response_selector"] = {
            "all_retrieval_intents": ["ask_topic"],
            "ask_topic": {"response": {"intent_response_key": f"ask_topic/{selected}"}},
        }
    slots = dict({"language": "en"}, **(slots or {}))
    return Tracker("someone", slots, latest_message, [], False, None, {}, "action_listen")


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    return dispatcher.messages, events


def button_titles(message):
    return [button["title"] for button in message["buttons"]]


def test_a_question_in_own_words_gets_the_first_piece_of_the_selected_topic():
    tracker = make_tracker("why do I expect people to leave?", selected="relationships")
    messages, events = run(ActionShowTopic(), tracker)
    assert [m["text"] for m in messages] == [LIBRARY.topics["relationships"].pieces[0].text]
    assert "expect people to leave" in messages[0]["text"]
    assert button_titles(messages[0]) == ["Tell me more", "Another topic", "Menu"]
    assert events == [SlotSet("topic_progress", {"topic": "relationships", "piece": 0})]


def test_a_topic_button_shows_that_topic_whatever_the_selector_guessed():
    entities = [{"entity": "topic", "value": "self_worth"}]
    tracker = make_tracker('/ask_topic{"topic":"self_worth"}', entities=entities, selected="body")
    messages, events = run(ActionShowTopic(), tracker)
    assert "Was it my fault?" in messages[0]["text"]
    assert events == [SlotSet("topic_progress", {"topic": "self_worth", "piece": 0})]


def test_what_is_emdr_jumps_to_the_emdr_piece():
    messages, _ = run(ActionShowTopic(), make_tracker("what is EMDR?", selected="therapy_approaches"))
    assert messages[0]["text"].startswith("EMDR (Eye Movement")


def test_tell_me_more_continues_and_the_end_points_to_a_professional():
    setbacks = LIBRARY.topics["setbacks"]
    last_shown = {"topic": "setbacks", "piece": len(setbacks.pieces) - 2}
    tracker = make_tracker("tell me more", {"topic_progress": last_shown}, intent="tell_me_more")
    messages, events = run(ActionContinueTopic(), tracker)
    assert messages[0]["text"] == setbacks.pieces[-1].text
    assert "trauma-informed professional" in messages[1]["text"]
    followups = [LIBRARY.topics[key].title for key in setbacks.followups]
    assert button_titles(messages[1]) == followups + ["Another topic", "Menu"]
    assert events == [SlotSet("topic_progress", None)]


def test_tell_me_more_with_nothing_in_progress_offers_topics():
    messages, events = run(ActionContinueTopic(), make_tracker("go on", intent="tell_me_more"))
    assert messages[0]["text"].startswith("We're not in the middle of a topic")
    assert messages[0]["buttons"][0]["payload"].startswith('/ask_topic{"topic":')
    assert events == [SlotSet("topic_progress", {"menu_page": 0})]


def test_another_topic_then_more_topics_pages_the_menu():
    messages, events = run(ActionTopicMenu(), make_tracker("something else", intent="another_topic"))
    assert len(messages[0]["buttons"]) == 9 and messages[0]["buttons"][-1]["title"] == "More topics"
    tracker = make_tracker("/another_topic", {"topic_progress": {"menu_page": 0}}, intent="another_topic")
    messages, events = run(ActionTopicMenu(), tracker)
    ninth = LIBRARY.common.menu_order[8]
    assert messages[0]["buttons"][0] == {"title": LIBRARY.topics[ninth].title, "payload": f'/ask_topic{{"topic":"{ninth}"}}'}
    assert events == [SlotSet("topic_progress", {"menu_page": 1})]


def test_do_i_have_ptsd_gets_an_honest_answer_and_the_trauma_topic():
    progress = {"topic": "body", "piece": 1}
    tracker = make_tracker("do I have PTSD?", {"topic_progress": progress}, intent="ask_diagnosis")
    messages, events = run(ActionExplainCannotDiagnose(), tracker)
    assert "I can't diagnose" in messages[0]["text"]
    assert messages[0]["buttons"][0] == {"title": "What trauma is", "payload": '/ask_topic{"topic":"what_is_trauma"}'}
    assert events == [SlotSet("topic_progress", progress)]


def test_a_medication_question_gets_no_advice():
    tracker = make_tracker("what dose of sertraline should I take", intent="ask_medication")
    messages, _ = run(ActionMedicationBoundary(), tracker)
    assert len(messages) == 1
    assert "can't give advice about medication" in messages[0]["text"]
    assert "sertraline" not in messages[0]["text"]


def test_the_reply_is_in_the_conversations_language(monkeypatch):
    piece = LIBRARY.topics["body"].pieces[0].text

    class Spanish:
        def pgettext(self, context, message):
            return {("topic:body", piece): "El trauma afecta también al cuerpo.",
                    ("topic:_common", "Tell me more"): "Cuéntame más"}.get((context, message), message)

    asked = []
    monkeypatch.setattr(
        "bot.psychoeducation.messages.translations_for", lambda language: asked.append(language) or Spanish()
    )
    entities = [{"entity": "topic", "value": "body"}]
    tracker = make_tracker('/ask_topic{"topic":"body"}', {"language": "es"}, entities=entities)
    messages, _ = run(ActionShowTopic(), tracker)
    assert asked == ["es"]
    assert messages[0]["text"] == "El trauma afecta también al cuerpo."
    assert button_titles(messages[0])[0] == "Cuéntame más"


@pytest.mark.parametrize("action", [ActionShowTopic(), ActionContinueTopic(), ActionTopicMenu(),
                                    ActionExplainCannotDiagnose(), ActionMedicationBoundary()])
def test_every_action_always_answers_with_a_next_step(action):
    messages, _ = run(action, make_tracker("", slots={"language": None}))
    assert messages and messages[-1]["text"] and messages[-1]["buttons"]


def test_the_spanish_topic_menu_follows_the_spanish_locale_profile():
    spanish_first = list(profile_for("es").topic_order[:8])
    assert spanish_first != list(profile_for("en").topic_order[:8])  # else this test proves nothing
    messages, _ = run(ActionTopicMenu(), make_tracker("otro tema", {"language": "es"}, intent="another_topic"))
    payloads = [button["payload"] for button in messages[0]["buttons"][:8]]
    assert payloads == [f'/ask_topic{{"topic":"{key}"}}' for key in spanish_first]
