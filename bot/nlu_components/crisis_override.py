"""Last NLU step: crisis language overrides whatever the model guessed.

Runs bot.safety.assess on every message (every language's patterns, whatever the detected
language), so a crisis never depends on the intent model's score. When the assessment is a
crisis, the intent becomes `crisis` with confidence 1.0 and the level and categories are added
as entities (slots `crisis_level`, `crisis_categories` follow). The detector's result is also
added to the parse output as `safety` for every message, crisis or not.
"""

import logging
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu_components.language_signals import DETECTION_KEY
from bot.safety import assess

logger = logging.getLogger(__name__)
CRISIS_INTENT = "crisis"
SAFETY_KEY = "safety"
ML_ONLY_CONFIDENCE = 0.9


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class CrisisOverride(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CrisisOverride":
        assess("warm up")  # load every language's patterns now, not on someone's first message
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text = message.get(TEXT)
        if not isinstance(text, str) or not text:
            return
        language = (message.get(DETECTION_KEY) or {}).get("language")
        try:
            assessment = assess(text, language=language)
        except Exception:  # a detector bug must not silence the bot; the ML net still runs
            logger.exception("Crisis detector failed (text not logged).")
            return
        message.set(SAFETY_KEY, assessment.as_dict(), add_to_output=True)
        intent = message.get(INTENT) or {}
        # The model's crisis intent is a second net for wordings the patterns miss; alone it
        # needs high confidence, since stories of past abuse can sound like a crisis to it.
        ml_says_crisis = intent.get(INTENT_NAME_KEY) == CRISIS_INTENT and (
            assessment.level != "none" or intent.get("confidence", 0.0) >= ML_ONLY_CONFIDENCE
        )
        if not (assessment.crisis or ml_says_crisis):
            if intent.get(INTENT_NAME_KEY) == CRISIS_INTENT:  # not confident enough: say so honestly
                message.set(INTENT, {INTENT_NAME_KEY: "nlu_fallback", "confidence": intent.get("confidence", 0.0)}, add_to_output=True)
            return
        level = assessment.level if assessment.crisis else "ideation"
        categories = assessment.categories or ["suicide"]
        message.set(INTENT, {INTENT_NAME_KEY: CRISIS_INTENT, "confidence": 1.0}, add_to_output=True)
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != CRISIS_INTENT]
        message.set(INTENT_RANKING_KEY, [{INTENT_NAME_KEY: CRISIS_INTENT, "confidence": 1.0}] + ranking, add_to_output=True)
        entities = [e for e in message.get(ENTITIES, []) if e.get("entity") not in ("crisis_level", "crisis_category")]
        entities.append(_entity("crisis_level", level, text))
        entities += [_entity("crisis_category", category, text) for category in categories]
        message.set(ENTITIES, entities, add_to_output=True)


def _entity(name: str, value: str, text: str) -> dict:
    return {"entity": name, "value": value, "start": 0, "end": len(text), "extractor": CrisisOverride.__name__}
