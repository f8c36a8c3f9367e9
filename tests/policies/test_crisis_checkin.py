"""The next session after a crisis starts with a gentle check-in, once, after the first answer."""

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.paths import DOMAIN_FILE
from bot.policies.conversation_context import CHECKIN_ACTION, ConversationContextPolicy

DOMAIN = Domain.load(str(DOMAIN_FILE))


def _policy(tmp_path):
    return ConversationContextPolicy(
        ConversationContextPolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("context"),
        ExecutionContext(GraphSchema({}), "test"),
    )


def _predicted(policy, events):
    tracker = DialogueStateTracker.from_events("someone", events, slots=DOMAIN.slots)
    probabilities = policy.predict_action_probabilities(tracker, DOMAIN).probabilities
    best = max(range(len(probabilities)), key=probabilities.__getitem__)
    return DOMAIN.action_names_or_texts[best] if probabilities[best] > 0 else None


def _greeting_answered():
    return [
        ActionExecuted("action_listen"),
        UserUttered("hi", intent={"name": "greet", "confidence": 1.0}),
        ActionExecuted("utter_greet"),
    ]


def test_a_session_that_carries_crisis_over_checks_in_after_the_first_answer(tmp_path):
    events = [ActionExecuted("action_session_start"), SessionStarted(), SlotSet("crisis_active", True)]
    assert _predicted(_policy(tmp_path), events + _greeting_answered()) == CHECKIN_ACTION


def test_the_check_in_is_followed_by_listening_and_happens_once(tmp_path):
    policy = _policy(tmp_path)
    events = [ActionExecuted("action_session_start"), SessionStarted(), SlotSet("crisis_active", True)]
    events += _greeting_answered() + [ActionExecuted(CHECKIN_ACTION)]
    assert _predicted(policy, events) == "action_listen"
    assert _predicted(policy, events + _greeting_answered()) != CHECKIN_ACTION


def test_no_check_in_without_an_earlier_crisis(tmp_path):
    events = [ActionExecuted("action_session_start"), SessionStarted()]
    assert _predicted(_policy(tmp_path), events + _greeting_answered()) != CHECKIN_ACTION


def test_a_crisis_within_the_session_is_not_a_reason_to_check_in(tmp_path):
    events = [ActionExecuted("action_session_start"), SessionStarted()]
    events += _greeting_answered() + [ActionExecuted("action_listen"), SlotSet("crisis_active", True)]
    assert _predicted(_policy(tmp_path), events + _greeting_answered()) != CHECKIN_ACTION
