"""A floor under the detector's figures on the held-out cases, so a regression fails CI.

The floors sit a little under what `make bench-safety` measured when they were last raised
(see the closing notes of issue 3); raise them as the patterns improve. The targets are
recall >= 0.98 and false flags <= 5% in every language.

The margin is one case each way: a floor still passes with one more missed crisis or one more
false flag than measured, not two. Last raised after two rounds of new dev cases (goodbyes,
giving away, overdose questions, a loss then heights, emergencies now) and the second net
retrained on them: recall rose in every language, false flags fell in es/fr/pt and rose in ar.
"""

from functools import lru_cache
from pathlib import Path

import pytest

from bot.safety.evaluation import score_file as _score_file

CASES = Path(__file__).resolve().parent / "cases"
# language: (minimum recall on crisis cases, maximum false-flag rate on hard negatives)
FLOORS = {
    "ar": (0.88, 0.13),
    "en": (0.88, 0.10),
    "es": (0.90, 0.12),
    "fr": (0.85, 0.12),
    "hi": (0.84, 0.09),
    "pt": (0.83, 0.12),
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
