"""Render every response in the conversation's language, in-process.

Rasa loads this class from endpoints.yml (`nlg: type: bot.nlg.CatalogNLG`). The English
source text stays in domain.yml; this class swaps in the catalog's translation and then
lets Rasa's own templated generator pick the variation (channel, conditions) and fill slots.
A missing translation falls back to the English text, so a response is never empty.
"""

import logging
import re
from functools import lru_cache
from typing import Any, Dict, Optional, Text

from rasa.core.nlg.generator import NaturalLanguageGenerator
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.trackers import DialogueStateTracker

from bot.helplines.render import crisis_resources
from bot.i18n.catalogs import translate_variations
from bot.language.codes import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from bot.paths import DOMAIN_FILE

logger = logging.getLogger(__name__)

# A slot name in braces inside a button payload. Rasa's own interpolation cannot fill these,
# because the payload's JSON braces break its str.format-based templating.
_PAYLOAD_SLOT = re.compile(r"\{(\w+)\}")

# Responses written in the language being offered rather than the conversation's language.
RESPONSE_LANGUAGE_SLOTS = {"utter_offer_language_switch": "language_offer"}


def response_language(response_name: Text, slots: Dict[Text, Any]) -> Text:
    """The language to render `response_name` in, given the conversation's slots."""
    slot = RESPONSE_LANGUAGE_SLOTS.get(response_name, "language")
    language = slots.get(slot) or slots.get("language")
    return language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


class CatalogNLG(NaturalLanguageGenerator):
    def __init__(self, endpoint_config=None, domain=None, **kwargs: Any) -> None:
        # The domain given here can be empty (it is built before the model loads); responses
        # come from the `domain_responses` that Rasa passes to every generate() call.
        self._domain_responses = getattr(domain, "responses", None) or {}

    async def generate(
        self,
        utter_action: Text,
        tracker: DialogueStateTracker,
        output_channel: Text,
        **kwargs: Any,
    ) -> Optional[Dict[Text, Any]]:
        given = kwargs.pop("domain_responses", None)
        if given:
            self._domain_responses = given  # remembered for calls that come without them
        responses = self._domain_responses or _project_responses()
        variations = responses.get(utter_action)
        if not variations:
            logger.error("No response named %s in the domain.", utter_action)
            return None
        slots = tracker.current_slot_values()
        language = response_language(utter_action, slots)
        translated = translate_variations(language, utter_action, variations)
        templated = TemplatedNaturalLanguageGenerator({utter_action: translated})
        values = dict(kwargs, **_computed_values(utter_action, slots, language))
        rendered = templated.generate_from_slots(utter_action, slots, output_channel, **values)
        return _fill_payload_slots(rendered, slots)


@lru_cache(maxsize=1)
def _project_responses() -> Dict[Text, Any]:
    """domain.yml's responses, for a response a custom action names before any rule ran.

    Rasa passes `domain_responses` when a rule utters a response, but not always when the
    action server asks for one by name; the model was trained from this same domain.yml.
    """
    from rasa.shared.core.domain import Domain

    return Domain.load(str(DOMAIN_FILE)).responses


def _computed_values(utter_action: Text, slots: Dict[Text, Any], language: Text) -> Dict[Text, Any]:
    """Values that responses use but no slot holds, computed here so no server is needed."""
    if utter_action != "utter_crisis_resources":
        return {}
    level = slots.get("crisis_level") or "ideation"
    categories = [slots.get("crisis_category") or "suicide"]
    try:
        return {"crisis_resources": crisis_resources(slots.get("country"), level, categories, language)}
    except Exception:  # the helpline data must never silence a crisis answer
        logger.exception("Rendering helplines failed; showing the emergency path.")
        return {"crisis_resources": crisis_resources(None, level, categories, language)}


def _fill_payload_slots(rendered: Optional[Dict[Text, Any]], slots: Dict[Text, Any]):
    for button in (rendered or {}).get("buttons") or []:
        if isinstance(button.get("payload"), str):
            button["payload"] = _PAYLOAD_SLOT.sub(
                lambda match: str(slots.get(match.group(1)) or ""), button["payload"]
            )
    return rendered
