"""Keep the conversation's language and country in slots, without the action server.

A policy sees the whole conversation, and the events it returns are applied before the next
action runs, so the responses of this very turn are already rendered in the right language.
It normally predicts nothing (all zeros), and only wins to offer a language switch when the
person starts writing confidently in another language (bot.language.decision), never in a
crisis. It also raises `crisis_active` on a crisis message and never lowers it, and when a
new session opens with `crisis_active` carried over from the last one, it follows the first
answer of that session with a gentle check-in.
"""

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.language.codes import negotiate, valid_country
from bot.language.decision import LanguageState, TurnSignals, decide
from bot.nlu_components.language_signals import COUNTRY_KEY, DETECTION_KEY, LANGUAGE_ENTITY

OFFER_ACTION = "utter_offer_language_switch"
CHECKIN_ACTION = "utter_crisis_checkin"
SLOT_LANGUAGE = "language"
SLOT_SOURCE = "language_source"
SLOT_REQUESTED = "language_requested"
SLOT_OFFER = "language_offer"
SLOT_COUNTRY = "country"
SLOT_CRISIS_ACTIVE = "crisis_active"
CRISIS_INTENT = "crisis"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=True
)
class ConversationContextPolicy(Policy):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 7}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer=None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)

    def train(
        self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        # Nothing to learn; persist an empty resource so the policy can be loaded.
        with self._model_storage.write_to(self._resource):
            pass
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        user_turn = _latest_user_turn(tracker)
        if user_turn is None:
            return self._prediction(probabilities)

        message, actions_since = user_turn
        decision = decide(_language_state(tracker), _turn_signals(message))
        in_crisis = (message.intent or {}).get("name") == CRISIS_INTENT
        events = _slot_changes(
            tracker,
            {
                SLOT_LANGUAGE: decision.language,
                SLOT_SOURCE: decision.source,
                SLOT_REQUESTED: decision.requested,
                SLOT_COUNTRY: _country(tracker, message),
                # Once raised, crisis awareness lasts: a later "I'm fine" never lowers it.
                SLOT_CRISIS_ACTIVE: True if in_crisis else tracker.get_slot(SLOT_CRISIS_ACTIVE),
            },
        )
        if decision.offer and not actions_since and not in_crisis:
            events += _slot_changes(tracker, {SLOT_OFFER: decision.offer})
            probabilities[domain.index_for_action(OFFER_ACTION)] = 1.0
        elif actions_since[-1:] in ([OFFER_ACTION], [CHECKIN_ACTION]):
            probabilities[domain.index_for_action(ACTION_LISTEN_NAME)] = 1.0
        elif len(actions_since) == 1 and not in_crisis and _check_in_due(tracker):
            probabilities[domain.index_for_action(CHECKIN_ACTION)] = 1.0
        return self._prediction(probabilities, events=events)


def _latest_user_turn(tracker: DialogueStateTracker):
    """The latest user message and the actions the bot has run since (listen excluded).

    None when the bot is not answering a message (e.g. at session start).
    """
    actions = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return event, list(reversed(actions))
        if isinstance(event, ActionExecuted) and event.action_name not in (
            ACTION_LISTEN_NAME,
            "action_extract_slots",
        ):
            actions.append(event.action_name)
    return None


def _check_in_due(tracker: DialogueStateTracker) -> bool:
    """This session opened with crisis awareness carried over, and has had no check-in yet.

    A session started after a crisis carries `crisis_active` over (domain session_config) as
    a SlotSet before the first user message; a crisis within this session sets it after one.
    """
    carried_over = checked_in = False
    seen_user = False
    for event in tracker.events:
        if isinstance(event, SessionStarted):
            carried_over = checked_in = seen_user = False
        elif isinstance(event, UserUttered):
            seen_user = True
        elif isinstance(event, SlotSet) and event.key == SLOT_CRISIS_ACTIVE and event.value and not seen_user:
            carried_over = True
        elif isinstance(event, ActionExecuted) and event.action_name == CHECKIN_ACTION:
            checked_in = True
    return carried_over and not checked_in


def _language_state(tracker: DialogueStateTracker) -> LanguageState:
    return LanguageState(
        language=tracker.get_slot(SLOT_LANGUAGE),
        source=tracker.get_slot(SLOT_SOURCE),
        offered=tracker.get_slot(SLOT_OFFER),
    )


def _turn_signals(message: UserUttered) -> TurnSignals:
    chosen = next(
        (
            negotiate(entity.get("value"))
            for entity in message.entities or []
            if entity.get("entity") == LANGUAGE_ENTITY
        ),
        None,
    )
    detection = (message.parse_data or {}).get(DETECTION_KEY) or {}
    return TurnSignals(
        chosen=chosen,
        channel=negotiate((message.metadata or {}).get("language")),
        detected=detection.get("language") if detection.get("confident") else None,
    )


def _country(tracker: DialogueStateTracker, message: UserUttered) -> Optional[str]:
    """Channel metadata first, then what the person says ("I'm in Kenya"), then what we had."""
    mention = (message.parse_data or {}).get(COUNTRY_KEY) or {}
    return (
        valid_country((message.metadata or {}).get("country"))
        or valid_country(mention.get("code"))
        or tracker.get_slot(SLOT_COUNTRY)
    )


def _slot_changes(tracker: DialogueStateTracker, wanted: Dict[Text, Any]) -> List[Event]:
    return [
        SlotSet(name, value) for name, value in wanted.items() if tracker.get_slot(name) != value
    ]
