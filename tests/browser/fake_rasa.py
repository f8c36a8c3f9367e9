"""A stand-in for Rasa's socket.io channel, for what the real bot never says.

It speaks the same protocol as Rasa's socketio channel with session persistence (the
session_request / session_confirm handshake, user_uttered in, bot_uttered out to the
session's room), records what the widget sent (message, session id, metadata), and answers
from a script: hostile text to prove it is shown as text, quick replies on request, and an
echo otherwise.
"""

import asyncio
import threading

import socketio
from aiohttp import web

HOSTILE_TEXT = '<img src="x" onerror="window.__pwned = true"> <script>window.__pwned = true</script> https://example.org'
HOSTILE_TITLE = '<b onclick="window.__pwned = true">bold?</b>'


def scripted_replies(message: str) -> list:
    if message == "/hostile":
        return [{"text": HOSTILE_TEXT, "quick_replies": [
            {"content_type": "text", "title": HOSTILE_TITLE, "payload": "/greet"}]}]
    if message == "/choices":
        return [{"text": "Pick one.", "quick_replies": [
            {"content_type": "text", "title": "First choice", "payload": "/first"},
            {"content_type": "text", "title": "Second choice", "payload": "/second"}]}]
    if message == "/silence":
        return []
    return [{"text": f"echo: {message}"}]


class FakeRasa:
    def __init__(self, port: int):
        self.url = f"http://127.0.0.1:{port}"
        self.port = port
        self.received = []
        self._loop = asyncio.new_event_loop()
        self._started = threading.Event()
        self._runner = None

    def start(self) -> "FakeRasa":
        threading.Thread(target=self._loop.run_forever, daemon=True).start()
        asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(timeout=30)
        return self

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)

    async def _shutdown(self) -> None:
        await self._runner.cleanup()
        others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    def messages(self) -> list:
        return [item["message"] for item in self.received]

    async def _serve(self) -> None:
        sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")
        app = web.Application()
        sio.attach(app)

        @sio.on("session_request")
        async def session_request(sid, data):
            session_id = (data or {}).get("session_id")
            await sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on("user_uttered")
        async def user_uttered(sid, data):
            self.received.append(data)
            for reply in scripted_replies(data.get("message", "")):
                await sio.emit("bot_uttered", reply, room=data.get("session_id"))

        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
