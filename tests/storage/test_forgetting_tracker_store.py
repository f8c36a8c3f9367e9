"""After "delete my data" is confirmed, the stored conversation is gone and stays gone."""

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.paths import DOMAIN_FILE
from bot.tracker_store import ForgettingSQLTrackerStore

DOMAIN = Domain.load(str(DOMAIN_FILE))


def _turn(text, intent, action):
    return [ActionExecuted("action_listen"), UserUttered(text, {"name": intent}), ActionExecuted(action),
            BotUttered("...")]


def test_a_confirmed_deletion_forgets_the_whole_conversation(tmp_path):
    store = ForgettingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    tracker = DialogueStateTracker.from_events("someone", _turn("I feel awful", "share_experience", "utter_acknowledge_experience"))
    asyncio.run(store.save(tracker))
    assert asyncio.run(store.retrieve("someone")).events

    for event in _turn("yes", "affirm", "action_delete_my_data"):
        tracker.update(event)
    asyncio.run(store.save(tracker))
    assert asyncio.run(store.retrieve("someone")) is None


def test_other_conversations_are_kept(tmp_path):
    store = ForgettingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    other = DialogueStateTracker.from_events("other", _turn("hi", "greet", "utter_greet"))
    asyncio.run(store.save(other))
    leaving = DialogueStateTracker.from_events("leaving", _turn("yes", "affirm", "action_delete_my_data"))
    asyncio.run(store.save(leaving))
    assert asyncio.run(store.retrieve("other")).events
    assert asyncio.run(store.retrieve("leaving")) is None
