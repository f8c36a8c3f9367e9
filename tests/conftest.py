"""Shared fixtures: the real Rasa server, started once for every test that needs it.

Used by tests/server (REST) and tests/browser (the web widget through socket.io). It starts
once per pytest session, so running both folders together costs one start (30-60 s).
"""

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from bot.launcher import rasa_server_command, wait_until_ready
from bot.paths import PROJECT_ROOT
from bot.training import ensure_model, quiet_environment, rasa_command
from tests.server.channel_settings import channel_environment


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RasaServer:
    def __init__(self, url: str):
        self.url = url

    def post_raw(self, path: str, body: bytes):
        request = urllib.request.Request(
            self.url + path, data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:
                return reply.status, json.loads(reply.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def say(self, sender, message, **metadata):
        body = {"sender": sender, "message": message}
        if metadata:
            body["metadata"] = metadata
        status, replies = self.post_raw("/webhooks/rest/webhook", json.dumps(body).encode())
        assert status == 200, replies
        return replies

    def slots(self, sender):
        with urllib.request.urlopen(f"{self.url}/conversations/{sender}/tracker", timeout=30) as r:
            return json.loads(r.read())["slots"]


class ActionServer:
    """The action server (`rasa run actions`), running beside the Rasa server in tests.

    Crisis handling must work without it, so the crisis tests stop it for their module
    (`without_action_server`). Progress records go to the test's own app database.
    """

    def __init__(self, port: int, folder: Path):
        self.url = f"http://127.0.0.1:{port}"
        self.port = port
        self.folder = folder
        self.process = None

    def start(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        environment = dict(
            quiet_environment(),
            COMPANION_DATABASE_URL=f"sqlite:///{self.folder / 'app.db'}",
            COMPANION_SECRET="test-secret",
        )
        self._log = open(self.folder / "actions.log", "ab")
        self.process = subprocess.Popen(
            [rasa_command(), "run", "actions", "--actions", "actions", "--port", str(self.port)],
            cwd=PROJECT_ROOT, env=environment, stdout=self._log, stderr=subprocess.STDOUT,
        )
        if not wait_until_ready(f"{self.url}/health", 180, self.process):
            raise RuntimeError((self.folder / "actions.log").read_text()[-3000:])

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self._log.close()
        self.process = None


@pytest.fixture
def action_server(rasa_server):
    if rasa_server.actions is None:
        pytest.skip("COMPANION_TEST_RASA_URL is set: start your own action server")
    rasa_server.actions.start()
    return rasa_server.actions


@pytest.fixture(scope="module")
def without_action_server(rasa_server):
    """The action server stopped for a whole test module (crisis handling), then restarted."""
    if rasa_server.actions is None:
        yield
        return
    rasa_server.actions.stop()
    yield
    rasa_server.actions.start()


@pytest.fixture(scope="session")
def rasa_server(tmp_path_factory):
    # For quick iterations: point the tests at a Rasa server you already started (with this
    # repository's credentials.yml) instead of starting one.
    if os.environ.get("COMPANION_TEST_RASA_URL"):
        server = RasaServer(os.environ["COMPANION_TEST_RASA_URL"].rstrip("/"))
        server.actions = None
        yield server
        return
    folder = tmp_path_factory.mktemp("rasa")
    endpoints = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text())
    endpoints["tracker_store"]["db"] = str(folder / "tracker.db")
    actions = ActionServer(_free_port(), folder)
    endpoints["action_endpoint"]["url"] = f"{actions.url}/webhook"
    (folder / "endpoints.yml").write_text(yaml.safe_dump(endpoints))
    port = _free_port()
    command = rasa_server_command(ensure_model(), port)
    command[command.index("--endpoints") + 1] = str(folder / "endpoints.yml")
    log = open(folder / "rasa.log", "wb")
    # The messaging channels send to a fake platform API on this port (tests/server).
    fake_api_url = f"http://127.0.0.1:{_free_port()}"
    environment = {**quiet_environment(), **channel_environment(fake_api_url)}
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_ready(f"{url}/status", 300, process):
            raise RuntimeError(Path(folder / "rasa.log").read_text()[-3000:])
        server = RasaServer(url)
        server.fake_api_url = fake_api_url
        actions.start()  # running, as in production; crisis tests stop it (without_action_server)
        server.actions = actions
        yield server
    finally:
        actions.stop()
        process.terminate()
        process.wait(timeout=30)
        log.close()
