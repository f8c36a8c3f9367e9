"""NLU step: what the message says about language and country.

Adds `language_detection` to the parse result (the detected language and whether it is
confident), and when the person names a supported language while asking to change language
(or the whole message is a language name, "español"), a `language` entity and the
`change_language` intent. The conversation's language itself is decided later, with the
conversation's state, by bot.policies.conversation_context.

A country the person places themselves in ("I'm in Kenya", or just "Kenya") is added as
`country_mention`; a short message that does only that gets the `inform_country` intent.
"""

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.language.countries import mentioned_country
from bot.language.detection import detect
from bot.language.naming import named_language
from bot.text import words

CHANGE_LANGUAGE_INTENT = "change_language"
LANGUAGE_ENTITY = "language"
DETECTION_KEY = "language_detection"
COUNTRY_KEY = "country_mention"
INFORM_COUNTRY_INTENT = "inform_country"
MAX_WORDS_OF_A_COUNTRY_ANSWER = 6
# A message this short that names a language is a choice of language ("en español").
MAX_WORDS_OF_A_BARE_CHOICE = 3


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class LanguageSignals(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LanguageSignals":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        message.set(DETECTION_KEY, detect(text).as_dict(), add_to_output=True)
        self._note_country(message, text)
        named = named_language(text)
        if not named:
            return
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        is_bare_choice = len(words(text)) <= MAX_WORDS_OF_A_BARE_CHOICE
        if intent != CHANGE_LANGUAGE_INTENT and not is_bare_choice:
            return
        if intent != CHANGE_LANGUAGE_INTENT:
            message.set(
                INTENT, {INTENT_NAME_KEY: CHANGE_LANGUAGE_INTENT, "confidence": 1.0},
                add_to_output=True,
            )
        entities = [e for e in message.get(ENTITIES, []) if e.get("entity") != LANGUAGE_ENTITY]
        entities.append(
            {
                "entity": LANGUAGE_ENTITY,
                "value": named,
                "start": 0,
                "end": len(text),
                "extractor": self.__class__.__name__,
            }
        )
        message.set(ENTITIES, entities, add_to_output=True)

    @staticmethod
    def _note_country(message: Message, text: str) -> None:
        mention = mentioned_country(text)
        if mention is None:
            return
        message.set(COUNTRY_KEY, {"code": mention.code, "stated": mention.stated}, add_to_output=True)
        if len(words(text)) <= MAX_WORDS_OF_A_COUNTRY_ANSWER:
            message.set(INTENT, {INTENT_NAME_KEY: INFORM_COUNTRY_INTENT, "confidence": 1.0}, add_to_output=True)
