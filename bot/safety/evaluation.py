"""Score the detector on a labelled case file (tests/safety/cases/<lang>.yml or dev/)."""

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional

import yaml

from bot.safety.detector import assess


@dataclass
class Score:
    language: str
    positives: int = 0
    negatives: int = 0
    caught: int = 0
    false_flags: int = 0
    missed: List[str] = field(default_factory=list)
    flagged: List[str] = field(default_factory=list)
    milliseconds: List[float] = field(default_factory=list)
    baseline_milliseconds: List[float] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 1.0

    @property
    def false_flag_rate(self) -> float:
        return self.false_flags / self.negatives if self.negatives else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.milliseconds) if self.milliseconds else 0.0

    @property
    def baseline_median_ms(self) -> float:
        return statistics.median(self.baseline_milliseconds) if self.baseline_milliseconds else 0.0

    @property
    def p99_ms(self) -> float:
        ordered = sorted(self.milliseconds)
        return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else 0.0


def load_cases(path: Path) -> list:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)["cases"]


def score_file(path: Path, detector: Callable = assess, baseline: Optional[Callable] = None) -> Score:
    """Assess every case without telling the detector its language, as in production.

    Time is the thread's CPU time per message, so other work on the machine does not
    inflate it; cases with history are not timed (they assess several messages). `baseline`,
    when given, is timed on the same message right after: a yardstick for this machine's speed
    at this moment, which changes by up to 2x from one hour to the next on a shared VM.
    """
    score = Score(path.stem)
    for case in load_cases(path):
        started = time.thread_time()
        result = detector(case["text"], history=case.get("history"))
        if not case.get("history"):
            score.milliseconds.append((time.thread_time() - started) * 1000)
            if baseline is not None:
                started = time.thread_time()
                baseline(case["text"])
                score.baseline_milliseconds.append((time.thread_time() - started) * 1000)
        if case["crisis"]:
            score.positives += 1
            if result.crisis:
                score.caught += 1
            else:
                score.missed.append(case["text"])
        else:
            score.negatives += 1
            if result.crisis:
                score.false_flags += 1
                score.flagged.append(case["text"])
    return score
