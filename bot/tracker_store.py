"""Rasa's SQL tracker store, plus forgetting a conversation when the person asks.

"Delete my data" ends with `action_delete_my_data` (after a confirmation). Deleting the rows
from the action server would not last: at the end of the turn Rasa saves the in-memory
tracker and, finding no stored events, writes the whole conversation back. So the deletion
happens here, in the save itself: when the turn being saved ran that action, every stored
event of the sender is deleted and nothing of this turn is written. The next message starts
a new, empty conversation.
"""

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

DELETE_ACTION = "action_delete_my_data"


class ForgettingSQLTrackerStore(SQLTrackerStore):
    async def save(self, tracker: DialogueStateTracker) -> None:
        if not asked_to_forget(tracker):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == tracker.sender_id).delete()
            session.commit()


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """True when the latest turn (since the last user message) ran the delete action."""
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted) and event.action_name == DELETE_ACTION:
            return True
        if event.type_name == "user":
            return False
    return False
