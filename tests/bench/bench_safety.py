"""Safety benchmark: recall, false flags and time per message, per language. Asserts nothing.

Usage: make bench-safety   (python -m tests.bench.bench_safety [--show-errors] [--dev])

Targets (issue 3): recall >= 0.98, false flags on hard negatives <= 5%, median <= 1 ms.
"""

import sys
from pathlib import Path

from bot.safety.detector import assess
from bot.safety.evaluation import score_file

CASES_DIR = Path(__file__).resolve().parent.parent / "safety" / ("dev" if "--dev" in sys.argv else "cases")


def main() -> None:
    assess("warm-up")  # load every language's pipeline before timing
    print(f"{'lang':6}{'crisis':>8}{'recall':>8}{'hard neg':>10}{'false %':>9}{'median ms':>11}{'p99 ms':>8}")
    for path in sorted(CASES_DIR.glob("*.yml")):
        score = score_file(path)
        print(f"{score.language:6}{score.positives:8}{score.recall:8.3f}{score.negatives:10}"
              f"{100 * score.false_flag_rate:9.1f}{score.median_ms:11.3f}{score.p99_ms:8.3f}")
        if "--show-errors" in sys.argv:
            for text in score.missed:
                print(f"    missed: {text}")
            for text in score.flagged:
                print(f"    false flag: {text}")


if __name__ == "__main__":
    main()
