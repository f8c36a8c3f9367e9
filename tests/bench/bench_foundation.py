"""Foundation benchmark: prints figures, asserts nothing about time.

Usage: make bench   (python -m tests.bench.bench_foundation [--skip-training])

1. Intent macro-F1 per language on the held-out split (tests/nlu_holdout/, never trained on).
2. Training time (a fresh `rasa train` of this project in a temporary folder).
3. Server start time, RSS of the Rasa process, REST latency p50/p95 for 200 messages from
   10 concurrent senders.
4. The same for a bare `rasa init` project built in a temporary folder in this run, and the
   ratio of our p95 to its p95.
"""

import asyncio
import concurrent.futures
import json
import logging
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from sklearn.metrics import f1_score

from bot.launcher import rasa_server_command, wait_until_ready
from bot.language.codes import SUPPORTED_LANGUAGES
from bot.nlu_examples import nlu_examples
from bot.paths import PROJECT_ROOT
from bot.training import TRAINING_DATA, ensure_model, quiet_environment, rasa_command

HOLDOUT_DIR = PROJECT_ROOT / "tests" / "nlu_holdout"
MESSAGES = 200
SENDERS = 10


def holdout_examples(language: str):
    """(text, intent) of every held-out file of the language: <lang>.yml and <lang>_<topic>.yml.

    Retrieval intents keep their key ("ask_topic/relationships").
    """
    paths = sorted(HOLDOUT_DIR.glob(f"{language}.yml")) + sorted(HOLDOUT_DIR.glob(f"{language}_*.yml"))
    for text, intent, _ in nlu_examples(paths):
        yield text, intent


def intent_f1_per_language(model: Path) -> dict:
    """Macro-F1 over the true intents; a fallback prediction counts as a miss."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa's debug events would print message text

    agent = Agent.load(str(model))

    async def predict(texts):
        return [_predicted_label(await agent.parse_message(text)) for text in texts]

    scores = {}
    for language in SUPPORTED_LANGUAGES:
        examples = list(holdout_examples(language))
        predicted = asyncio.run(predict([text for text, _ in examples]))
        expected = [intent for _, intent in examples]
        intents = [label.split("/")[0] for label in expected]
        score = f1_score(intents, [label.split("/")[0] for label in predicted],
                         labels=sorted(set(intents)), average="macro", zero_division=0)
        topics = [(want, got) for want, got in zip(expected, predicted) if "/" in want]
        topic_accuracy = sum(want == got for want, got in topics) / len(topics) if topics else None
        scores[language] = (score, len(examples), topic_accuracy)
    return scores


def _predicted_label(parsed: dict) -> str:
    """The intent, with the selected key for a retrieval intent (ask_topic/<key>)."""
    intent = parsed["intent"]["name"]
    selected = (parsed.get("response_selector") or {}).get(intent) or {}
    return (selected.get("response") or {}).get("intent_response_key") or intent


def time_training() -> float:
    """A full training from scratch: an empty Rasa cache, so no component is reused."""
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
        env = dict(quiet_environment(), RASA_CACHE_DIRECTORY=cache)
        started = time.monotonic()
        subprocess.run(
            [rasa_command(), "train", "--data", *TRAINING_DATA, "--out", out, "--quiet"],
            cwd=PROJECT_ROOT, env=env, check=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        return time.monotonic() - started


def rss_megabytes(pid: int) -> float:
    """Resident memory of a process and its children, from /proc."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for each in pids:
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def measure_server(command, cwd: Path, port: int, messages):
    """Start a server, then return (start seconds, RSS MB, latencies in ms)."""
    started = time.monotonic()
    process = subprocess.Popen(
        command, cwd=cwd, env=quiet_environment(),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        if not wait_until_ready(f"http://127.0.0.1:{port}/status", 600, process):
            raise RuntimeError(f"server in {cwd} did not start")
        start_seconds = time.monotonic() - started
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        send(url, "warm-up", messages[0])

        def sender_loop(sender_index):
            latencies = []
            for text in messages[sender_index::SENDERS]:
                begun = time.perf_counter()
                send(url, f"bench-{sender_index}", text)
                latencies.append((time.perf_counter() - begun) * 1000)
            return latencies

        with concurrent.futures.ThreadPoolExecutor(SENDERS) as pool:
            latencies = [ms for batch in pool.map(sender_loop, range(SENDERS)) for ms in batch]
        return start_seconds, rss_megabytes(process.pid), latencies
    finally:
        process.terminate()
        process.wait(timeout=60)


def send(url: str, sender: str, text: str) -> None:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as reply:
        reply.read()


def percentile(values, fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def build_rasa_init_project(folder: Path) -> Path:
    subprocess.run(
        [rasa_command(), "init", "--no-prompt", "--init-dir", str(folder)],
        cwd=folder, env=quiet_environment(), check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return next((folder / "models").glob("*.tar.gz"))


def main() -> None:
    model = ensure_model()
    print(f"model: {model.name}")

    print("\nIntent macro-F1 on the held-out split (target >= 0.90 in every language)")
    for language, (score, count, topics) in intent_f1_per_language(model).items():
        topic_text = "" if topics is None else f"  topic chosen right: {topics:.3f}"
        print(f"  {language}: {score:.3f}  ({count} examples){topic_text}"
              f"{'' if score >= 0.9 else '  BELOW TARGET'}")

    if "--skip-training" not in sys.argv:
        print(f"\ntraining time (fresh rasa train): {time_training():.0f} s")

    ours_messages = [text for lang in SUPPORTED_LANGUAGES for text, _ in holdout_examples(lang)]
    ours_messages = (ours_messages * 3)[:MESSAGES]
    baseline_messages = (["hello", "I am sad", "yes", "no", "bye", "are you a bot?",
                          "great", "good morning", "that helped", "not really"] * 20)[:MESSAGES]

    port = 5205
    ours = measure_server(rasa_server_command(model, port), PROJECT_ROOT, port, ours_messages)

    with tempfile.TemporaryDirectory() as folder:
        baseline_model = build_rasa_init_project(Path(folder))
        baseline = measure_server(
            [rasa_command(), "run", "--model", str(baseline_model), "--port", str(port + 1),
             "--interface", "127.0.0.1", "--enable-api"],
            Path(folder), port + 1, baseline_messages,
        )

    print(f"\nREST latency, {MESSAGES} messages from {SENDERS} concurrent senders")
    print(f"{'':14}{'start s':>9}{'RSS MB':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for name, (start, rss, latencies) in (("this project", ours), ("rasa init", baseline)):
        print(f"{name:14}{start:9.1f}{rss:9.0f}{statistics.median(latencies):9.1f}"
              f"{percentile(latencies, 0.95):9.1f}")
    ratio = percentile(ours[2], 0.95) / percentile(baseline[2], 0.95)
    print(f"p95 ratio (ours / rasa init): {ratio:.2f}  (target <= 1.25)")


if __name__ == "__main__":
    main()
