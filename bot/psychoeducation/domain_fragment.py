"""What domain.yml needs for psychoeducation, generated from the data files.

Rasa wants a response `utter_ask_topic/<key>` for every sub-intent of the retrieval intent
`ask_topic` (data validation warns without one), and the topic selector returns it in
its output. The bot never utters these responses: `action_show_topic` shows the
topic from data/psychoeducation. So that nothing is written twice by hand, each response's
text is the topic's title, generated here; a test checks domain.yml still matches the titles.
"""

from typing import Any, Dict

from bot.psychoeducation.content import Library

ACTIONS = (
    "action_show_topic",
    "action_continue_topic",
    "action_topic_menu",
    "action_explain_cannot_diagnose",
    "action_medication_boundary",
)
INTENTS = ("ask_topic", "tell_me_more", "another_topic", "ask_diagnosis", "ask_medication")


def retrieval_responses(library: Library) -> Dict[str, Any]:
    """{"utter_ask_topic/<key>": [{"text": <title>}]} for every topic, in file-name order."""
    return {f"utter_ask_topic/{key}": [{"text": library.topics[key].title}] for key in sorted(library.topics)}


def domain_fragment(library: Library) -> Dict[str, Any]:
    """The intents, entity, slot, actions and responses this feature adds to domain.yml."""
    return {
        "intents": list(INTENTS),
        "entities": ["topic"],
        "slots": {
            "topic_progress": {
                "type": "any",
                "influence_conversation": False,
                "mappings": [{"type": "custom"}],
            }
        },
        "actions": list(ACTIONS),
        "responses": retrieval_responses(library),
    }
