"""The second net: a small logistic regression that catches crisis wordings the patterns miss.

The patterns (data/safety/<lang>.yml) stay the first net and decide alone whenever they find a
crisis; this model only ADDS crises they miss (goodbye messages, giving things away, overdose
questions, "everyone would be better off", dialect and misspelt forms). Crisis handling never
depends on its score alone: it can turn a "no crisis" into a crisis, never the other way round.

    score(text) -> probability that `text` is a crisis (0..1)
    threshold() -> the cut-off chosen by cross-validation (see train)

Features: the detector's plain reading of the text (bot.safety.normalize.normalize, the first
of readings(), so spelling tricks fold the same way for both nets), split into words; each word
gives itself ("w:word") and its character 2- to 5-grams padded with a space on each side, as
scikit-learn's char_wb analyzer does, and each two words in a row give "b:word next" (word
order: "not want to die" and "want to die" share their n-grams; cross-validation on dev found
the net alone catching 0.61 of crises with them against 0.575 without, at the same false flags).
Presence only. The score is exactly scikit-learn's predict_proba for a binary, L2-normalised
vector:

    sigmoid(bias + sum(weight[f] for f in the present features) / sqrt(number of them))

where "present features" are those in the model's vocabulary (the keys of "weights" in
data/safety/second_net.json; training prunes the vocabulary to them, so nothing is left out).
No scikit-learn at inference: the weights are a dict, loaded once.

Retrain after editing tests/safety/dev/*.yml or the NLU data (`check` tells when the dev files
changed since the last training):

    python -m bot.safety.second_net train    # writes data/safety/second_net.json
    python -m bot.safety.second_net train --weighting by_source --c 10
                                             # one setting instead of the grid's ten: about
                                             # 5.5 min on 14,800 dev cases (measured 2026-11-28;
                                             # the grid takes ten times that); the threshold still
                                             # comes from CV
    python -m bot.safety.second_net check    # exit 1 when the dev files changed since then
"""

import hashlib
import json
import math
import re
import sys
from functools import lru_cache
from typing import Dict, FrozenSet, List, NamedTuple, Set

from bot.nlu_examples import nlu_examples
from bot.paths import DATA_DIR, PROJECT_ROOT
from bot.safety.normalize import normalize

MODEL_FILE = DATA_DIR / "safety" / "second_net.json"
DEV_DIR = PROJECT_ROOT / "tests" / "safety" / "dev"
NLU_DIR = DATA_DIR / "nlu"
NGRAM_SIZES = (2, 3, 4, 5)
# Words as bot.text.words sees them (Devanagari and Arabic marks are not \w), apostrophes kept
# inside a word so "won't" stays one word.
_WORD = re.compile(r"[\w\u0900-\u097f\u0600-\u06ff]+(?:'[\w\u0900-\u097f\u0600-\u06ff]+)*")

# Training settings (see train()). Each setting is (weighting, C), chosen by cross-validation.
# "plain": every training text weighs the same within its class (class_weight="balanced").
# "by_source": also within the non-crisis class, the dev hard negatives together weigh as much as
# all the NLU chat; otherwise ~14,000 short chat lines drown ~500 hard negatives and the model
# learns "a long personal story is a crisis".
WEIGHTINGS = ("plain", "by_source")
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
FOLDS = 5
SEED = 0
# In every language, the share of dev hard negatives the net flags that the patterns do not.
# A budget for what the net ADDS, not for patterns and net together: on text nobody tuned the
# patterns for (the bulk of rounds 4 to 6, most of dev) the patterns alone already flag some
# hard negatives, and a joint limit would leave the net the less room the worse they do.
MAX_ADDED_FALSE_FLAG_RATE = 0.05
THRESHOLD_GRID = tuple(round(0.01 * step, 2) for step in range(1, 100))
EPSILON = 0.02  # weights smaller than this are dropped and the model refitted without them
PATTERNS_FLAG = 2.0  # a case's highest flagging threshold when the patterns flag it alone


class Model(NamedTuple):
    threshold: float
    bias: float
    weights: Dict[str, float]


def features(text: str) -> Set[str]:
    """Whole words ("w:word"), their space-padded character 2- to 5-grams and word pairs
    ("b:word next"), of the normalized text."""
    words = _WORD.findall(normalize(text or ""))
    return set().union(*map(_word_features, words)) | set(map(_pair, words, words[1:]))


def _pair(word: str, next_word: str) -> str:
    return f"b:{word} {next_word}"


@lru_cache(maxsize=65536)  # people reuse the same words: this halves the time of features()
def _word_features(word: str) -> FrozenSet[str]:
    found = {"w:" + word}
    padded = f" {word} "
    length = len(padded)
    for size in NGRAM_SIZES:
        if length <= size:  # a short word counts once, as a whole (like char_wb)
            found.add(padded)
            break
        found.update(padded[start:start + size] for start in range(length - size + 1))
    return frozenset(found)


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model, read once from data/safety/second_net.json."""
    with open(MODEL_FILE, encoding="utf-8") as handle:
        data = json.load(handle)
    return Model(float(data["threshold"]), float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


def threshold() -> float:
    return model().threshold


def score(text: str) -> float:
    """Probability that `text` is a crisis (the shipped model): probability(model(), text),
    with each word's features already narrowed to the model's vocabulary."""
    net = model()
    if _known["model"] is not net or len(_known["words"]) > 65536:
        _known.update(model=net, words={})
    known = _known["words"]
    present = set()
    words = _WORD.findall(normalize(text or ""))
    for word in words:
        if word not in known:
            known[word] = frozenset(f for f in _word_features(word) if f in net.weights)
        present |= known[word]
    present.update(pair for pair in map(_pair, words, words[1:]) if pair in net.weights)
    return _sigmoid(net, [net.weights[feature] for feature in present])


# Each word's features that the model in use has weights for (most n-grams have none).
_known: dict = {"model": None, "words": {}}


def probability(net: Model, text: str) -> float:
    """What scikit-learn's predict_proba gives for `text` with this model's weights."""
    return _sigmoid(net, [net.weights[feature] for feature in features(text) if feature in net.weights])


def _sigmoid(net: Model, present: List[float]) -> float:
    z = net.bias + (sum(present) / math.sqrt(len(present)) if present else 0.0)
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def as_model(vectorizer, regression, cut: float = 0.5) -> Model:
    """The Model of a fitted (vectorizer, regression) pair, as train() writes it."""
    names = vectorizer.get_feature_names_out()
    weights = {str(name): float(weight) for name, weight in zip(names, regression.coef_[0])}
    return Model(cut, float(regression.intercept_[0]), weights)


# ------------------------------------------------------------------------------ training


def dev_hashes() -> Dict[str, str]:
    return {
        str(path.relative_to(PROJECT_ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(DEV_DIR.glob("*.yml"))
    }


def check() -> int:
    """0 when data/safety/second_net.json was trained on the current dev files, else 1."""
    with open(MODEL_FILE, encoding="utf-8") as handle:
        trained_on = json.load(handle).get("trained_on")
    current = dev_hashes()
    if trained_on == current:
        print("second net: in sync with tests/safety/dev")
        return 0
    changed = sorted(set(trained_on or {}) ^ set(current) | {f for f in current if (trained_on or {}).get(f) != current[f]})
    print("second net: retrain with `python -m bot.safety.second_net train`; changed: " + ", ".join(changed))
    return 1


class _Case(NamedTuple):
    text: str
    crisis: bool
    language: str
    history: tuple


def _dev_cases() -> List[_Case]:
    import yaml

    cases = []
    for path in sorted(DEV_DIR.glob("*.yml")):
        with open(path, encoding="utf-8") as handle:
            for case in yaml.safe_load(handle)["cases"]:
                cases.append(_Case(case["text"], bool(case["crisis"]), path.stem, tuple(case.get("history") or ())))
    return cases


def _nlu_negatives() -> List[str]:
    """Every example of data/nlu/**/*.yml whose intent is not `crisis` (everyday chat)."""
    texts = {text for text, intent, _ in nlu_examples(sorted(NLU_DIR.rglob("*.yml"))) if intent != "crisis"}
    return sorted(text for text in texts if text)


def _fit(texts: List[str], labels: List[int], hard_negatives: int, weighting: str, c: float):
    """Fit, drop weights under EPSILON, refit on the kept vocabulary: (vectorizer, regression).

    The first `hard_negatives` non-crisis texts of `texts` (after the crisis ones, any order) are
    dev hard negatives, the other non-crisis texts NLU chat; see WEIGHTINGS. The refit makes the
    model's vocabulary exactly the features it has weights for, so score() equals predict_proba.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    sample_weight = [1.0] * len(texts)
    chat = labels.count(0) - hard_negatives
    if weighting == "by_source" and hard_negatives and chat:
        # Mean weight 1 over the non-crisis class, so the class balance stays "balanced".
        negatives = hard_negatives + chat
        seen = 0
        for index, label in enumerate(labels):
            if label == 0:
                sample_weight[index] = negatives / (2 * (hard_negatives if seen < hard_negatives else chat))
                seen += 1

    def fit_once(vocabulary=None):
        vectorizer = TfidfVectorizer(analyzer=features, use_idf=False, binary=True, norm="l2", vocabulary=vocabulary)
        matrix = _canonical(vectorizer.fit_transform(texts))
        regression = LogisticRegression(C=c, class_weight="balanced", max_iter=10000, random_state=SEED)
        regression.fit(matrix, labels, sample_weight=sample_weight)
        return vectorizer, regression

    vectorizer, regression = fit_once()
    names = vectorizer.get_feature_names_out()
    kept = sorted(str(names[i]) for i, weight in enumerate(regression.coef_[0]) if abs(weight) >= EPSILON)
    return fit_once(kept)


def _training_set(cases: List["_Case"], nlu: List[str]):
    """(texts, labels, number of hard negatives): dev cases first, then the NLU chat."""
    train = [case for case in cases if _trainable(case)]
    texts = [case.text for case in train] + nlu
    labels = [int(case.crisis) for case in train] + [0] * len(nlu)
    return texts, labels, sum(not case.crisis for case in train)


def _canonical(matrix):
    """Column indices sorted within each row. features() is a set, whose order changes with
    Python's string hashing from one run to the next; unsorted, the sums in the solver round
    differently and two trainings on the same data give slightly different weights."""
    matrix.sort_indices()
    return matrix


def _scorer(vectorizer, regression):
    def score_texts(texts):
        return regression.predict_proba(_canonical(vectorizer.transform(list(texts))))[:, 1]

    return score_texts


def _highest_flagging_threshold(case: _Case, scores: Dict[str, float]) -> float:
    """The highest threshold at which patterns + net (as assess combines them) flag `case`.

    Lowering the threshold only adds crises, so the case is flagged at every threshold up to
    this one; PATTERNS_FLAG means the patterns flag it alone, 0.0 that nothing flags it.
    """
    from bot.safety.detector import assess_with

    candidates = sorted({scores[text] for text in (case.text,) + case.history}, reverse=True)
    for candidate in [PATTERNS_FLAG] + candidates:
        def net(text, cut=candidate):
            return scores[text] if scores[text] >= cut else None

        if assess_with(net, case.text, history=list(case.history) or None).crisis:
            return candidate
    return 0.0


def _cross_validate(cases: List[_Case], nlu: List[str], weighting: str, c: float):
    """Out of fold, for every dev case: its net score and its highest flagging threshold.

    Folds are stratified by language and label; the NLU chat is in every training fold; crisis
    cases with history are never trained on (their text alone, "forget it, I was joking", is
    not the crisis; the history is).
    """
    from sklearn.model_selection import StratifiedKFold

    strata = [f"{case.language}:{case.crisis}" for case in cases]
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    net_scores, highest = [0.0] * len(cases), [0.0] * len(cases)
    for train_index, test_index in folds.split(cases, strata):
        score_texts = _scorer(*_fit(*_training_set([cases[i] for i in train_index], nlu), weighting, c))
        to_score = sorted({t for i in test_index for t in (cases[i].text,) + cases[i].history})
        scores = dict(zip(to_score, (float(s) for s in score_texts(to_score))))
        for i in test_index:
            net_scores[i] = scores[cases[i].text]
            highest[i] = _highest_flagging_threshold(cases[i], scores)
    return net_scores, highest


def _trainable(case: _Case) -> bool:
    return not (case.crisis and case.history)


def _rates(cases: List[_Case], highest: List[float], cut: float) -> Dict[str, Dict[str, float]]:
    """Recall and false-flag rate per language of patterns + net at threshold `cut`."""
    by_language: Dict[str, Dict[str, float]] = {}
    for language in sorted({case.language for case in cases}):
        positives = [h for case, h in zip(cases, highest) if case.language == language and case.crisis]
        negatives = [h for case, h in zip(cases, highest) if case.language == language and not case.crisis]
        by_language[language] = {
            "recall": round(sum(h >= cut for h in positives) / len(positives), 3),
            "false_flag_rate": round(sum(h >= cut for h in negatives) / len(negatives), 3),
            "added_by_net": round(sum(cut <= h < PATTERNS_FLAG for h in negatives) / len(negatives), 3),
        }
    return by_language


def _choose_threshold(cases: List[_Case], highest: List[float]) -> float:
    """The lowest threshold at which the net adds few enough false flags in every language."""
    for cut in THRESHOLD_GRID:
        if all(rate["added_by_net"] <= MAX_ADDED_FALSE_FLAG_RATE for rate in _rates(cases, highest, cut).values()):
            return cut
    return 1.0


def _alone(cases: List[_Case], net_scores: List[float], cut: float) -> Dict[str, float]:
    """The net alone, out of fold: recall on crisis cases without history, false flags on the rest."""
    positives = [s for case, s in zip(cases, net_scores) if case.crisis and not case.history]
    negatives = [s for case, s in zip(cases, net_scores) if not case.crisis]
    return {
        "recall": round(sum(s >= cut for s in positives) / len(positives), 3),
        "false_flag_rate": round(sum(s >= cut for s in negatives) / len(negatives), 3),
    }


def train(weightings=WEIGHTINGS, c_grid=C_GRID) -> dict:
    """Train on the dev cases and NLU chat, choose C and the threshold by 5-fold CV, write the json."""
    from bot.safety.detector import assess_with

    trained_on = dev_hashes()  # before reading: files edited during a long training must not count as seen
    cases = _dev_cases()
    dev_texts = {normalize(case.text) for case in cases}
    nlu_all = _nlu_negatives()
    # Some NLU examples are copies of dev cases (share_experience): keeping them would let a
    # training fold see its own test case and make the cross-validated figures look better.
    nlu = [text for text in nlu_all if normalize(text) not in dev_texts]
    print(f"dev cases {len(cases)}, NLU negatives {len(nlu)} (dropped {len(nlu_all) - len(nlu)} equal to a dev case)")
    patterns_flag = [assess_with(None, case.text, history=list(case.history) or None).crisis for case in cases]
    missed = [i for i, case in enumerate(cases) if case.crisis and not patterns_flag[i]]

    best = None
    for weighting in weightings:
        for c in c_grid:
            net_scores, highest = _cross_validate(cases, nlu, weighting, c)
            cut = _choose_threshold(cases, highest)
            alone = _alone(cases, net_scores, cut)
            print(f"{weighting:9} C={c:<5} threshold {cut:.2f}  net alone: recall {alone['recall']:.3f}"
                  f" false flags {alone['false_flag_rate']:.3f}  patterns' misses caught"
                  f" {sum(highest[i] >= cut for i in missed)}/{len(missed)}", flush=True)
            key = (alone["recall"], -alone["false_flag_rate"], -c)  # ties: the simpler model
            if best is None or key > best[0]:
                best = (key, weighting, c, cut, net_scores, highest)
    _, weighting, c, cut, net_scores, highest = best

    texts, labels, hard_negatives = _training_set(cases, nlu)
    fitted = as_model(*_fit(texts, labels, hard_negatives, weighting, c), cut)
    per_language = _rates(cases, highest, cut)
    positives = sum(case.crisis for case in cases)
    negatives = len(cases) - positives
    data = {
        "threshold": cut,
        "bias": round(fitted.bias, 6),
        "weights": {name: round(weight, 6) for name, weight in sorted(fitted.weights.items())},
        "trained_on": trained_on,
        # Not checked (others edit the NLU data often); tells whether a retrain saw the same chat.
        "nlu_negatives": {"count": len(nlu), "sha256": hashlib.sha256("\n".join(nlu).encode("utf-8")).hexdigest()},
        "cross_validation": {
            "recall": round(sum(h >= cut for case, h in zip(cases, highest) if case.crisis) / positives, 3),
            "false_flag_rate": round(sum(h >= cut for case, h in zip(cases, highest) if not case.crisis) / negatives, 3),
            "per_language": per_language,
            "net_alone": _alone(cases, net_scores, cut),
            "patterns_misses_caught": f"{sum(highest[i] >= cut for i in missed)}/{len(missed)}",
        },
        "note": (
            f"Second net for bot/safety/detector.py, used only when the patterns find no crisis. "
            f"Logistic regression (C={c}, class_weight=balanced, weighting={weighting}, both chosen by "
            f"{FOLDS}-fold cross-validation for the recall of the net alone) on binary L2-normalised word, "
            f"word-pair and char 2-5-gram features (bot.safety.second_net.features); weights under {EPSILON} dropped "
            f"and the model refitted on the kept vocabulary. Trained on {len(texts) - len(nlu)} dev cases "
            f"(crisis cases with history left out) and {len(nlu)} non-crisis NLU examples (those equal to a "
            f"dev case dropped). Threshold: "
            f"the lowest in steps of 0.01 at which, {FOLDS}-fold cross-validated, the net flags at most "
            f"{MAX_ADDED_FALSE_FLAG_RATE:.0%} of dev hard negatives that the patterns do not, in every language. "
            f"The patterns catch nearly every dev case, so combined recall on dev says little; "
            f"net_alone is what the net finds by itself. Retrain: python -m bot.safety.second_net train."
        ),
    }
    with open(MODEL_FILE, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=0, sort_keys=False)
        handle.write("\n")
    print(f"C={c} threshold {cut} weights {len(data['weights'])} -> {MODEL_FILE.relative_to(PROJECT_ROOT)}"
          f" ({MODEL_FILE.stat().st_size / 1e6:.2f} MB)")
    print(json.dumps(data["cross_validation"], indent=1))
    return data


def main(argv: List[str]) -> int:
    if argv[:1] == ["train"]:
        options = dict(zip(argv[1::2], argv[2::2]))
        weightings = (options["--weighting"],) if "--weighting" in options else WEIGHTINGS
        c_grid = (float(options["--c"]),) if "--c" in options else C_GRID
        if not set(weightings) <= set(WEIGHTINGS):
            print(f"--weighting: one of {', '.join(WEIGHTINGS)}")
            return 2
        train(weightings, c_grid)
        return 0
    if argv[:1] == ["check"]:
        return check()
    print("\n".join(line.strip() for line in __doc__.split("\n\n")[-1].strip().splitlines()))
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
