"""The socket.io channel the web widget talks to: Rasa's own, with two repairs.

1. Replies actually arrive. With `session_persistence: true`, Rasa 3.6 answers to a room named
   after the session id, but joins the socket to that room with python-socketio 5's coroutine
   `enter_room` without awaiting it (RasaHQ/rasa#13027), so the socket never joins and every
   reply is lost: silence. Here the join is awaited.
2. Never silence, as on REST: an empty, missing or non-string message becomes
   `/empty_message` (a kind answer), malformed metadata is ignored, a message without a session
   gets an answer saying so, and if the bot fails or says nothing the person is still told to
   call their local emergency number.

Registered in credentials.yml by module path, with the same settings as `socketio`.
Message text is never logged.
"""

import json
import logging
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.channels.input_validation import usable_metadata, usable_sender, usable_text
from bot.channels.rest import INTERNAL_ERROR

logger = logging.getLogger(__name__)

NO_SESSION = (
    "Sorry, this chat lost its connection. Please reload the page. "
    "If you are in danger right now, please call your local emergency number."
)


class _CountingOutput(SocketIOOutput):
    """Remembers whether anything was sent, so silence can be noticed and repaired."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sent = 0

    async def _send_message(self, socket_id: Text, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        self.sent += 1
        await super().send_custom_json(recipient_id, json_message, **kwargs)


def _metadata(raw: Any) -> dict:
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return {}
    return usable_metadata(raw)


class WidgetSocketIOInput(SocketIOInput):
    """Rasa's socketio channel (same settings, same events) that joins session rooms and
    always answers."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio

        # Registering a handler again for the same event replaces Rasa's.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = usable_sender(requested) or uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            if self.session_persistence:
                sender_id = usable_sender(data.get("session_id"))
                if not sender_id:
                    await sio.emit(self.bot_message_evt, {"text": NO_SESSION}, room=sid, namespace=self.namespace)
                    return
            else:
                sender_id = sid
            output = _CountingOutput(sio, self.bot_message_evt)
            message = UserMessage(
                usable_text(data.get("message")),
                output,
                sender_id,
                input_channel=self.name(),
                metadata=_metadata(data.get(self.metadata_key)),
            )
            try:
                await on_new_message(message)
            except Exception:  # never silence: the person still gets an answer
                logger.exception("Handling a socket.io message failed (text not logged).")
            if not output.sent:
                await output.send_text_message(sender_id, INTERNAL_ERROR)

        return blueprint
