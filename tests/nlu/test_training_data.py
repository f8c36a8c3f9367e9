"""The NLU training data stays trainable and the held-out scores stay honest.

One model serves every language, so the same short text written under two intents in two
languages ("ya" is yes in Swahili-English chat and "already" elsewhere) makes the model learn
noise and makes `rasa data validate` fail. And a held-out example copied into training would
inflate the F1 that `make bench` reports.
"""

import re
from collections import defaultdict

from bot.nlu_examples import nlu_examples
from bot.paths import PROJECT_ROOT
from bot.text import fold

NLU_DIR = PROJECT_ROOT / "data" / "nlu"
HOLDOUT_DIR = PROJECT_ROOT / "tests" / "nlu_holdout"


def _examples(paths):
    """(text with spaces collapsed and case folded, intent, file name) of every example."""
    for text, intent, path in nlu_examples(paths):
        yield " ".join(text.split()).casefold(), intent, path.name


def test_no_text_is_written_under_two_intents_in_any_language():
    intents_of = defaultdict(set)
    for text, intent, _ in _examples(sorted(NLU_DIR.rglob("*.yml"))):
        intents_of[text].add(intent)
    clashes = {text: sorted(intents) for text, intents in intents_of.items() if len(intents) > 1}
    assert clashes == {}


def _letters_only(text: str) -> str:
    """"¿Sí, sí?" and "si si": the same example once accents, punctuation and emoji are gone."""
    return re.sub(r"[\W_]+", "", fold(text))


def test_no_held_out_example_is_in_the_training_data():
    trained = {_letters_only(text) for text, _, _ in _examples(sorted(NLU_DIR.rglob("*.yml")))}
    held_out = _examples(sorted(HOLDOUT_DIR.glob("*.yml")))
    leaked = sorted({text for text, _, _ in held_out if _letters_only(text) in trained})
    assert leaked == []
