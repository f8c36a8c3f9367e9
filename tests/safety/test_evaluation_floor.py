"""A floor under the detector's figures on the held-out cases, so a regression fails CI.

The floors sit a little under what `make bench-safety` measured when they were last raised
(see the closing notes of issue 3); raise them as the patterns improve. The targets are
recall >= 0.98 and false flags <= 5% in every language.

The margin is one case each way: a floor still passes with one more missed crisis or one more
false flag than measured, not two.

Two held-out sets: `cases/` (the evaluation set of issue 3) and `fresh/` (round 4's fresh
batch, written by people who never saw `cases/`, scored before anything was trained or tuned on
it). Last set after rounds 4 to 6: 10,500 dev cases written in bulk for the second net, which
was retrained with word pairs as features (C 10, threshold 0.83, and a threshold rule that
budgets the false flags the net adds to the patterns'). Since the start of that work, held-out
recall rose in every language but fr (by 1 to 4 cases); held-out false flags fell in pt (by 2
cases) and rose in ar (by 3) and en/es/hi/sw (by 1), so those ceilings moved up: a measured
trade for recall, not a fix. On the fresh set, recall rose from 0.629 to 0.797 and false flags went
from 10.6 to 10.9%. Round 6 alone (the last 3,500 cases) was a wash on the two sets together:
4 more crises caught, 3 more false flags (es held-out +4, fresh -5).
"""

from functools import lru_cache
from pathlib import Path

import pytest

from bot.safety.evaluation import score_file as _score_file

SAFETY_TESTS = Path(__file__).resolve().parent
# set: language: (minimum recall on crisis cases, maximum false-flag rate on hard negatives)
FLOORS = {
    "cases": {
        "ar": (0.96, 0.18),
        "en": (0.95, 0.12),
        "es": (0.94, 0.19),
        "fr": (0.87, 0.14),
        "hi": (0.89, 0.12),
        "pt": (0.88, 0.10),
        "sw": (0.93, 0.10),
    },
    "fresh": {
        "ar": (0.78, 0.10),
        "en": (0.74, 0.18),
        "es": (0.82, 0.20),
        "fr": (0.82, 0.08),
        "hi": (0.78, 0.10),
        "pt": (0.70, 0.06),
        "sw": (0.80, 0.18),
    },
}


@lru_cache(maxsize=None)
def score_file(path: Path):
    return _score_file(path)


@pytest.mark.parametrize("case_set,language", [(name, code) for name in FLOORS for code in sorted(FLOORS[name])])
def test_detector_stays_above_its_floor(case_set, language):
    score = score_file(SAFETY_TESTS / case_set / f"{language}.yml")
    minimum_recall, maximum_false_flags = FLOORS[case_set][language]
    assert score.recall >= minimum_recall, f"missed: {score.missed}"
    assert score.false_flag_rate <= maximum_false_flags, f"false flags: {score.flagged}"


@pytest.mark.parametrize("case_set", sorted(FLOORS))
def test_every_launch_language_has_enough_cases_half_of_them_hard_negatives(case_set):
    for language in FLOORS[case_set]:
        score = score_file(SAFETY_TESTS / case_set / f"{language}.yml")
        assert score.positives + score.negatives >= 60
        assert score.negatives * 2 >= score.positives + score.negatives - 10
