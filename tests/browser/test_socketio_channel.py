"""bot.web.socketio_channel against the real Rasa server, with a plain socket.io client:
replies reach the session's room, and nothing goes unanswered."""

import queue
import uuid

import pytest
import socketio

from bot.web.socketio_channel import NO_SESSION
from tests.server.helpers import greeting_in, texts_in

pytestmark = pytest.mark.server


@pytest.fixture
def client(rasa_server):
    replies = queue.Queue()
    sio = socketio.Client()
    sio.on("bot_uttered", replies.put)
    sio.on("session_confirm", lambda session_id: replies.put({"confirmed": session_id}))
    sio.connect(rasa_server.url, wait_timeout=30)
    sio.replies = replies
    yield sio
    sio.eio.disconnect(abort=True)  # without waiting for the open long-poll (up to 25 s)


def _start_session(client) -> str:
    session_id = uuid.uuid4().hex
    client.emit("session_request", {"session_id": session_id})
    assert client.replies.get(timeout=30) == {"confirmed": session_id}
    return session_id


def test_a_reply_reaches_the_session_that_asked(client):
    session_id = _start_session(client)
    client.emit("user_uttered", {"message": "hola", "session_id": session_id, "metadata": {"language": "es"}})
    assert client.replies.get(timeout=60)["text"] == greeting_in("es")


def test_an_empty_message_gets_a_kind_answer(client):
    session_id = _start_session(client)
    client.emit("user_uttered", {"message": "   ", "session_id": session_id, "metadata": "not json"})
    assert client.replies.get(timeout=60)["text"] in texts_in("en")


def test_a_message_without_a_session_is_told_so(client):
    client.emit("user_uttered", {"message": "hello"})
    assert client.replies.get(timeout=30)["text"] == NO_SESSION
