"""A floor under the detector's figures on the held-out cases, so a regression fails CI.

The floors sit a little under what `make bench-safety` measured when they were last raised
(see the closing notes of issue 3); raise them as the patterns improve. The targets are
recall >= 0.98 and false flags <= 5% in every language.

The margin is one case each way: a floor still passes with one more missed crisis or one more
false flag than measured, not two. Last set after a third round of new dev cases (pattern
families, not sentences) and the second net retrained on them (threshold 0.84 -> 0.82): recall
rose by one case in ar/en/fr/hi; false flags rose by one case in fr/hi/pt and by three in es,
all from the retrained net (the patterns alone flag the same hard negatives as before). The
false-flag ceilings of es/fr/hi/pt were moved up with them: a measured trade, not a fix.
"""

from functools import lru_cache
from pathlib import Path

import pytest

from bot.safety.evaluation import score_file as _score_file

CASES = Path(__file__).resolve().parent / "cases"
# language: (minimum recall on crisis cases, maximum false-flag rate on hard negatives)
FLOORS = {
    "ar": (0.90, 0.13),
    "en": (0.90, 0.10),
    "es": (0.90, 0.17),
    "fr": (0.87, 0.14),
    "hi": (0.86, 0.11),
    "pt": (0.83, 0.14),
    "sw": (0.91, 0.08),
}


@lru_cache(maxsize=None)
def score_file(path: Path):
    return _score_file(path)


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_detector_stays_above_its_floor(language):
    score = score_file(CASES / f"{language}.yml")
    minimum_recall, maximum_false_flags = FLOORS[language]
    assert score.recall >= minimum_recall, f"missed: {score.missed}"
    assert score.false_flag_rate <= maximum_false_flags, f"false flags: {score.flagged}"


def test_every_launch_language_has_enough_cases_half_of_them_hard_negatives():
    for language in FLOORS:
        score = score_file(CASES / f"{language}.yml")
        assert score.positives + score.negatives >= 60
        assert score.negatives * 2 >= score.positives + score.negatives - 10
