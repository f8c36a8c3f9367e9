"""The examples of Rasa NLU YAML files (data/nlu/, tests/nlu_holdout/), read without Rasa.

The intent benchmark, the training-data checks and the crisis second net all need plain
(text, intent) pairs; Rasa's own reader would load TensorFlow to read a few YAML lists.
"""

import re
from pathlib import Path
from typing import Iterable, Iterator, Tuple

import yaml

# "[Kenya](country)" and "[Kenya]{"entity": "country"}" are the text "Kenya" to a reader.
_ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")


def nlu_examples(paths: Iterable[Path]) -> Iterator[Tuple[str, str, Path]]:
    """(text, intent, file) of every example; a retrieval intent keeps its key ("ask_topic/body")."""
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for block in data.get("nlu") or []:
            if "intent" not in block:
                continue
            for line in (block.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    text = _ANNOTATION.sub(lambda match: match.group(1) or match.group(2) or "", line[2:].strip())
                    yield text, block["intent"], Path(path)
