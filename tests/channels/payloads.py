import copy
import json
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "server" / "payloads"


@lru_cache(maxsize=None)
def _load(name: str):
    return json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))


def payload(name: str):
    """A fresh copy of a recorded-shape webhook body from tests/server/payloads."""
    return copy.deepcopy(_load(name))
