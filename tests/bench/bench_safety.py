"""Safety benchmark: recall, false flags and time per message, per language. Asserts nothing.

Usage: make bench-safety
       python -m tests.bench.bench_safety [--dev | --cases FILE ...] [--lang xx] [--patterns-only] [--show-errors] [--cold]

By default it scores the two held-out sets: tests/safety/cases/ (the evaluation set of issue 3)
and tests/safety/fresh/ (round 4's fresh batch: 50 crises and 50 hard negatives per language,
written by people who never saw the first set, scored before anything was trained or tuned on
it; text nobody wrote the detector for, so its figures are lower and more honest).
--dev reads tests/safety/dev/ (what pattern writers tune against) instead; --cases scores any
case files, such as a fresh batch before anyone tunes against it; --patterns-only leaves the
second net out, to see what the patterns alone catch; --nlu also counts everyday chat
(non-crisis examples of data/nlu/<lang>/) that the detector calls a crisis.

Targets (issue 3): recall >= 0.98, false flags on hard negatives <= 5%, median <= 1 ms.

Time is measured as a running server sees it: before timing, the detector reads every NLU
example once (everyday chat in all languages), so spaCy knows the common words, as it would
after a few hours of traffic. A word met for the first time still costs its tokenizing and its
lexeme in every language's vocabulary, and the cases hold many rare words, so their first
reading is timed with that cost. --cold times a fresh process instead (the first messages
after a restart).

Baseline, in the same run: a blank spaCy English tokenizer, the least any spaCy-based detector
does with a message, warmed on the same chat and timed on the same messages right after the
detector. Its median ("base ms") shows how fast the machine is at that moment; "x base" is the
detector's median in those units, comparable across runs and machines.
"""

import argparse
import resource
import sys
from pathlib import Path

# spaCy's thinc imports TensorFlow when it is installed (Rasa brings it); the detector never uses
# it, and it would count in the memory figure below.
sys.modules.setdefault("tensorflow", None)

import spacy

from bot.nlu_examples import nlu_examples
from bot.paths import DATA_DIR
from bot.safety.detector import assess, assess_with
from bot.safety.evaluation import score_file

SAFETY_TESTS = Path(__file__).resolve().parent.parent / "safety"
HELD_OUT = "held-out (tests/safety/cases): the evaluation set of issue 3"
FRESH = "fresh (tests/safety/fresh): a second held-out set, written in round 4, never trained or tuned on"


def _everyday_chat(language: str = "") -> list:
    """Non-crisis training examples of one language (all when ""), sorted."""
    return sorted({text for text, intent, _ in nlu_examples(sorted((DATA_DIR / "nlu" / language).rglob("*.yml")))
                   if intent != "crisis" and text})


def _everyday_chat_flags(detector, language: str, show: bool) -> None:
    """Non-crisis training examples of one language that the detector calls a crisis."""
    texts = _everyday_chat(language)
    flagged = [text for text in texts if detector(text).crisis]
    print(f"    everyday chat: {len(flagged)} of {len(texts)} called a crisis")
    for text in flagged if show else ():
        print(f"    chat flag: {text}")


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="the development set, not the held-out one")
    parser.add_argument("--cases", nargs="+", type=Path, help="score these case files instead")
    parser.add_argument("--lang", help="only this language's file")
    parser.add_argument("--patterns-only", action="store_true", help="without the second net")
    parser.add_argument("--nlu", action="store_true", help="also count crises found in everyday NLU chat")
    parser.add_argument("--show-errors", action="store_true", help="print missed crises and false flags")
    parser.add_argument("--cold", action="store_true", help="time a fresh process: no NLU chat read first")
    return parser.parse_args()


def main() -> None:
    arguments = _arguments()
    if arguments.cases:
        case_sets = [("the given files", arguments.cases)]
    elif arguments.dev:
        case_sets = [("dev (tests/safety/dev)", sorted((SAFETY_TESTS / "dev").glob("*.yml")))]
    else:
        case_sets = [(HELD_OUT, sorted((SAFETY_TESTS / "cases").glob("*.yml"))),
                     (FRESH, sorted((SAFETY_TESTS / "fresh").glob("*.yml")))]
    if arguments.lang:
        case_sets = [(name, [path for path in paths if path.stem == arguments.lang]) for name, paths in case_sets]
    detector = (lambda text, history=None: assess_with(None, text, history=history)) if arguments.patterns_only else assess
    detector("warm-up")  # load every language's pipeline before timing
    baseline = spacy.blank("en").make_doc
    if not arguments.cold:
        for text in _everyday_chat():
            detector(text)
            baseline(text)
    for name, paths in case_sets:
        print(name)
        _score(paths, detector, baseline, arguments)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak memory of this process (every language's patterns, the second net, spaCy's words): {peak:.0f} MB")


def _score(paths, detector, baseline, arguments) -> None:
    print(f"{'file':6}{'crisis':>8}{'recall':>8}{'hard neg':>10}{'false %':>9}{'median ms':>11}{'p99 ms':>8}"
          f"{'base ms':>9}{'x base':>8}")
    for path in paths:
        score = score_file(path, detector, baseline)
        # A file of cases with history only has no timed message, hence no baseline either.
        ratio = f"{score.median_ms / score.baseline_median_ms:8.1f}" if score.baseline_median_ms else f"{'-':>8}"
        print(f"{score.language:6}{score.positives:8}{score.recall:8.3f}{score.negatives:10}"
              f"{100 * score.false_flag_rate:9.1f}{score.median_ms:11.3f}{score.p99_ms:8.3f}"
              f"{score.baseline_median_ms:9.3f}{ratio}")
        if arguments.show_errors:
            for text in score.missed:
                print(f"    missed: {text}")
            for text in score.flagged:
                print(f"    false flag: {text}")
        if arguments.nlu:
            _everyday_chat_flags(detector, score.language, arguments.show_errors)


if __name__ == "__main__":
    main()
