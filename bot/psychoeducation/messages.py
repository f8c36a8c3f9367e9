"""What the navigation returns, in English, and how it becomes the person's language.

Navigation works on English source texts, each paired with the catalog context it is
extracted under (`topic:<file stem>`), so a reply can be checked in tests without any
catalog and translated in one place, at the edge, by `render`.
"""

import json
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.i18n.catalogs import translations_for


@dataclass(frozen=True)
class Phrase:
    """An English source text and the catalog context it is translated under."""

    english: str
    context: str


@dataclass(frozen=True)
class Button:
    title: Phrase
    payload: str


@dataclass(frozen=True)
class Message:
    text: Phrase
    buttons: Tuple[Button, ...] = ()


@dataclass(frozen=True)
class Reply:
    """Messages to send, and the new value of the `topic_progress` slot (None clears it)."""

    messages: Tuple[Message, ...]
    progress: Optional[Dict[str, Any]]


def intent_payload(intent: str, **entities: str) -> str:
    """A button payload such as `/ask_topic{"topic":"body"}` (JSON, as Rasa parses it)."""
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, separators=(',', ':'), ensure_ascii=False)}"


def render(messages: Sequence[Message], language: str) -> List[Dict[str, Any]]:
    """Translate messages into `language`: [{"text": ..., "buttons": [{"title", "payload"}]}].

    A text without a translation stays in English, so a reply is never empty.
    """
    translations = translations_for(language)

    def translate(phrase: Phrase) -> str:
        return translations.pgettext(phrase.context, phrase.english)

    return [
        {
            "text": translate(message.text),
            "buttons": [{"title": translate(button.title), "payload": button.payload} for button in message.buttons],
        }
        for message in messages
    ]
