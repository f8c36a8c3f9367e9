"""Train the model only when what it is trained from has changed.

Usage:
    python -m bot.training          # print the model's path, training first if needed
    python -m bot.training --force  # train even if a model for this fingerprint exists

The fingerprint is a hash of config.yml, domain.yml, the training data, the code that shapes
training (custom NLU components and policies) and the pinned package set. Models are kept in
models/<fingerprint>.tar.gz and copied to a per-user cache so a fresh clone on the same
machine (CI) does not train again.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bot.paths import PROJECT_ROOT

TRAINING_DATA = ["data/nlu", "data/stories", "data/rules"]
FINGERPRINTED = [
    "config.yml",
    "domain.yml",
    "constraints.txt",
    *TRAINING_DATA,
    "bot/text.py",
    "bot/nlu_components",
    "bot/policies",
]
MODELS_DIR = PROJECT_ROOT / "models"
CACHE_DIR = Path(
    os.environ.get("COMPANION_MODEL_CACHE", Path.home() / ".cache" / "attachment-companion")
)


def fingerprint() -> str:
    digest = hashlib.sha256()
    for relative in FINGERPRINTED:
        path = PROJECT_ROOT / relative
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".pyc":
                continue
            digest.update(file.relative_to(PROJECT_ROOT).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def rasa_command() -> str:
    return str(Path(sys.executable).with_name("rasa"))


def train(model_name: str) -> float:
    """Train into models/<model_name>.tar.gz and return the seconds it took."""
    started = time.monotonic()
    subprocess.run(
        [
            rasa_command(), "train",
            "--data", *TRAINING_DATA,
            "--config", "config.yml",
            "--domain", "domain.yml",
            "--out", str(MODELS_DIR),
            "--fixed-model-name", model_name,
        ],
        cwd=PROJECT_ROOT,
        check=True,
        env=quiet_environment(),
    )
    return time.monotonic() - started


def quiet_environment() -> dict:
    """Environment for Rasa processes: deprecation noise off so real errors stay visible.

    Channel variables referenced in credentials.yml exist (empty when unset), because Rasa
    will not start while a ${VAR} there is undefined; a channel without secrets stays shut.
    """
    from bot.channels.settings import with_channel_variables

    env = with_channel_variables(os.environ)
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("PYTHONWARNINGS", "ignore")
    return env


def ensure_model(force: bool = False) -> Path:
    """Return the model for the current fingerprint, training it only when needed."""
    name = fingerprint()
    model = MODELS_DIR / f"{name}.tar.gz"
    cached = CACHE_DIR / model.name
    if model.exists() and not force:
        return model
    MODELS_DIR.mkdir(exist_ok=True)
    if cached.exists() and not force:
        shutil.copy2(cached, model)
        print(f"model {model.name} taken from the cache {CACHE_DIR}", file=sys.stderr)
        return model
    seconds = train(name)
    print(f"trained {model.name} in {seconds:.0f} s", file=sys.stderr)
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copy2(model, cached)
    except OSError:
        pass  # a cache is a convenience, never a requirement
    return model


if __name__ == "__main__":
    print(ensure_model(force="--force" in sys.argv).relative_to(PROJECT_ROOT))
