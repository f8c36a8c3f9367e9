"""Turn an `ask_topic` message into where the topic starts.

A topic is asked for in two ways. A menu button sends `/ask_topic{"topic":"body"}`: the
topic is the `topic` entity, and the topic selector's guess (made on the payload text)
must be ignored. A typed question ("why do I push people away?") has no entity; the
`response_selector` output names the sub-intent, e.g. "ask_topic/relationships", and a
named approach ("what is EMDR?") can jump straight to its piece.
"""

from typing import Any, Dict, Optional, Sequence

from bot.psychoeducation.content import Library
from bot.psychoeducation.keywords import choose_start
from bot.psychoeducation.messages import Reply
from bot.psychoeducation.navigation import show, topic_menu

RETRIEVAL_INTENT = "ask_topic"
TOPIC_ENTITY = "topic"
# Rasa files the selector's output under its `retrieval_intent` setting, or "default".
_SELECTOR_KEYS = (RETRIEVAL_INTENT, "default")


def topic_from_button(parse_data: Dict[str, Any]) -> Optional[str]:
    """The `topic` entity's value, set when the message came from a topic button."""
    for entity in parse_data.get("entities") or []:
        if entity.get("entity") == TOPIC_ENTITY and isinstance(entity.get("value"), str):
            return entity["value"]
    return None


def topic_from_selector(parse_data: Dict[str, Any]) -> Optional[str]:
    """The topic key the topic selector chose, e.g. "relationships" for "ask_topic/relationships"."""
    selectors = parse_data.get("response_selector") or {}
    candidates = [
        ((selectors.get(key) or {}).get("response") or {}).get("intent_response_key") for key in _SELECTOR_KEYS
    ]
    candidates.append((parse_data.get("intent") or {}).get("full_retrieval_intent_name"))
    for name in candidates:
        if isinstance(name, str) and name.startswith(RETRIEVAL_INTENT + "/"):
            return name.split("/", 1)[1]
    return None


def answer_topic_request(
    library: Library, parse_data: Dict[str, Any], preferred_order: Optional[Sequence[str]] = None
) -> Reply:
    """The first reply to an `ask_topic` message; the topic menu when no topic is known."""
    button_topic = topic_from_button(parse_data)
    if button_topic is not None:
        return show(library, button_topic, preferred_order=preferred_order)
    start = choose_start(library, topic_from_selector(parse_data), parse_data.get("text") or "")
    if start is None:
        return topic_menu(library, preferred_order)
    return show(library, start[0], start[1], preferred_order=preferred_order)
