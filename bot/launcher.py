"""Start everything `make run` promises, and stop it all cleanly.

Usage: python -m bot.launcher   (after `python -m bot.training` has produced the model)

Starts the action server (127.0.0.1:5055), the Rasa server with the REST and socketio
channels and the HTTP API (127.0.0.1:5005), and the chat page (127.0.0.1:8080); prints the
page's URL once Rasa answers; on Ctrl-C or SIGTERM stops the children and exits.
"""

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request

from bot.helplines.database import load_directory
from bot.paths import PROJECT_ROOT, VAR_DIR
from bot.training import ensure_model, quiet_environment, rasa_command
from bot.web.server import make_server

RASA_URL = "http://127.0.0.1:5005"
CHAT_URL = "http://127.0.0.1:8080/"
STARTUP_TIMEOUT_SECONDS = 300


def rasa_server_command(model, port: int = 5005) -> list:
    return [
        rasa_command(), "run",
        "--model", str(model),
        "--interface", "127.0.0.1",
        "--port", str(port),
        "--enable-api",
        "--cors", "*",
        "--endpoints", "endpoints.yml",
        "--credentials", "credentials.yml",
    ]


def wait_until_ready(url: str, timeout: float, process: subprocess.Popen) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def main() -> int:
    VAR_DIR.mkdir(exist_ok=True)
    model = ensure_model()
    print(f"helpline directory: {load_directory()} lines loaded into the app database", flush=True)
    env = quiet_environment()
    children = [
        subprocess.Popen(
            [rasa_command(), "run", "actions", "--actions", "actions",
             "--port", "5055"],
            cwd=PROJECT_ROOT, env=env,
        ),
        subprocess.Popen(rasa_server_command(model), cwd=PROJECT_ROOT, env=env),
    ]
    web = make_server()
    threading.Thread(target=web.serve_forever, daemon=True).start()

    def stop(*_args) -> None:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
        web.shutdown()
        sys.exit(0)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    if wait_until_ready(f"{RASA_URL}/status", STARTUP_TIMEOUT_SECONDS, children[1]):
        print(f"\nThe companion is ready. Chat page: {CHAT_URL}  (Ctrl-C stops everything)\n",
              flush=True)
    else:
        print("Rasa did not start; see the messages above.", file=sys.stderr)
        stop()
    while all(child.poll() is None for child in children):
        time.sleep(1)
    print("A server stopped unexpectedly; stopping the others.", file=sys.stderr)
    stop()
    return 1


if __name__ == "__main__":
    sys.exit(main())
