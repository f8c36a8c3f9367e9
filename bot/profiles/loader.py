"""Read and check the locale profiles in locales/<lang>/profile.yml.

NGOs, translators and clinicians edit these files by hand. A mistake (an exercise id that
does not exist, a topic listed twice, a review status nobody understands, a phone number
that slipped in) must stop the bot with a message naming the file and the place, rather
than leave a menu silently wrong. Phone numbers never belong here: the only numbers the bot
shows come from data/helplines/, where each has a source and a verification date.
"""

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Collection, Dict, Iterator, List, Optional, Tuple


from bot.exercises import library as exercise_library
from bot.language.codes import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from bot.paths import LOCALES_DIR
from bot.profiles.model import DRAFT, REVIEWED, SOURCE, LocaleProfile, Review, WordChoice
from bot.psychoeducation.content import load_library as topic_library
from bot.data_files import read_mapping

PROFILE_FILE = "profile.yml"
SOURCE_LANGUAGE = "en"  # the language the texts are written in; its translation status is `source`
TRANSLATION_STATUSES = (SOURCE, DRAFT, REVIEWED)
CONTENT_STATUSES = (DRAFT, REVIEWED)
MIN_WORD_CHOICES = 3
MIN_EXAMPLES, MAX_EXAMPLES = 3, 5

REQUIRED_KEYS = (
    "language", "translation_review", "content_review", "reviewed_by_native_speaker",
    "reviewed_by_clinician", "address", "gendered_forms", "exercise_order", "topic_order",
    "framings", "stigma_aware_words", "examples_and_metaphors", "help_seeking",
)
_REVIEW_KEYS = ("status", "by", "date", "notes")
# Digits that look like a phone number or short code: "112", "0800 12", "+44". A lone digit
# ("5-4-3-2-1", "out for 6") is fine.
_PHONE_LIKE = re.compile(r"\d{3,}|\d{2,}[\s.\-]\d{2,}|\+\s?\d")
# Values that are not free text: review dates, and ids checked against the data ("grounding_54321").
_NOT_FREE_TEXT = frozenset({"date", "exercise", "topic"})


class ProfileError(ValueError):
    """A locale profile is missing something or has a mistake; the message names the file."""


def profile_path(language: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return Path(locales_dir) / language / PROFILE_FILE


@lru_cache(maxsize=None)
def profile_for(language: Optional[str]) -> LocaleProfile:
    """The checked profile of `language`; English for a language without a profile.

    A profile that exists but is broken raises ProfileError: a wrong menu must not pass
    unnoticed as "English".
    """
    if language not in SUPPORTED_LANGUAGES or not profile_path(language).exists():
        language = DEFAULT_LANGUAGE
    return load_profile(profile_path(language))


def load_profile(
    path: Path,
    exercise_ids: Optional[Collection[str]] = None,
    topic_keys: Optional[Collection[str]] = None,
) -> LocaleProfile:
    """Read and check one profile against the exercises and topics that exist.

    `exercise_ids` and `topic_keys` default to data/exercises/ and data/psychoeducation/.
    """
    path = Path(path)
    data = _read_mapping(path)
    missing = [key for key in REQUIRED_KEYS if key not in data]
    if missing:
        raise ProfileError(f"{path}: missing key(s) {missing}; every profile needs {list(REQUIRED_KEYS)}")
    unknown = sorted(set(data) - set(REQUIRED_KEYS))
    if unknown:
        raise ProfileError(f"{path}: unknown key(s) {unknown}; allowed: {list(REQUIRED_KEYS)}")
    language = data["language"]
    if language != path.parent.name:
        raise ProfileError(f"{path}: language {language!r} does not match the folder {path.parent.name!r}")
    _check_no_phone_numbers(path, data)

    translation = _review(path, data, "translation_review", TRANSLATION_STATUSES)
    content = _review(path, data, "content_review", CONTENT_STATUSES)
    _check_translation_status(path, language, translation)
    native = _flag(path, data, "reviewed_by_native_speaker")
    clinician = _flag(path, data, "reviewed_by_clinician")
    if language != SOURCE_LANGUAGE and native != translation.is_reviewed:
        raise ProfileError(f"{path}: reviewed_by_native_speaker is {native} but translation_review.status "
                           f"is {translation.status!r}; set both when a native speaker has reviewed it")
    if clinician != content.is_reviewed:
        raise ProfileError(f"{path}: reviewed_by_clinician is {clinician} but content_review.status "
                           f"is {content.status!r}; set both when a clinician has reviewed it")

    address = _mapping(path, data, "address", required=("form", "why"))
    _mapping(path, data, "gendered_forms", required=("approach",))
    framings = _mapping(path, data, "framings", required=("self_compassion",))
    _mapping(path, framings, "self_compassion", required=("family_and_community", "faith"), where="framings.")
    help_seeking = _mapping(path, data, "help_seeking", required=("ways", "bot_says", "crisis_line"))
    _entries(path, help_seeking.get("ways"), "help_seeking.ways", ("who", "note"), minimum=1)
    _entries(path, data["examples_and_metaphors"], "examples_and_metaphors", ("text",), MIN_EXAMPLES, MAX_EXAMPLES)
    words = _entries(path, data["stigma_aware_words"], "stigma_aware_words", ("avoid", "prefer"), MIN_WORD_CHOICES)

    if exercise_ids is None:
        exercise_ids = exercise_library().exercises
    if topic_keys is None:
        topic_keys = topic_library().topics
    exercise_order = _order(path, data, "exercise_order", "exercise", exercise_ids, "data/exercises/")
    topic_order = _order(path, data, "topic_order", "topic", topic_keys, "data/psychoeducation/")

    return LocaleProfile(
        language=language,
        path=path,
        translation_review=translation,
        content_review=content,
        reviewed_by_native_speaker=native,
        reviewed_by_clinician=clinician,
        address_form=str(address["form"]).strip(),
        exercise_order=exercise_order,
        topic_order=topic_order,
        stigma_aware_words=tuple(WordChoice(entry["avoid"], entry["prefer"]) for entry in words),
        details=data,
    )


def _read_mapping(path: Path) -> Dict[str, Any]:
    return read_mapping(path, ProfileError)


def _review(path: Path, data: Dict[str, Any], key: str, statuses: Tuple[str, ...]) -> Review:
    review = _mapping(path, data, key, required=("status", "notes"), optional=("by", "date"))
    values = {name: "" if review.get(name) is None else str(review.get(name)).strip() for name in _REVIEW_KEYS}
    if values["status"] not in statuses:
        raise ProfileError(f"{path}: {key}.status is {values['status']!r}; use one of {list(statuses)}")
    if values["status"] == REVIEWED and not (values["by"] and values["date"]):
        raise ProfileError(f"{path}: {key} is 'reviewed': fill in `by` (who) and `date` (when)")
    return Review(**values)


def _check_translation_status(path: Path, language: str, review: Review) -> None:
    if language == SOURCE_LANGUAGE and review.status != SOURCE:
        raise ProfileError(f"{path}: translation_review.status must be {SOURCE!r}: {language} is the source text")
    if language != SOURCE_LANGUAGE and review.status == SOURCE:
        raise ProfileError(f"{path}: translation_review.status is {SOURCE!r}, but only {SOURCE_LANGUAGE!r} is the "
                           f"source; a translation is {DRAFT!r} until a native speaker has reviewed it")


def _flag(path: Path, data: Dict[str, Any], key: str) -> bool:
    value = data[key]
    if not isinstance(value, bool):
        raise ProfileError(f"{path}: {key} must be true or false, not {value!r}")
    return value


def _mapping(path: Path, data: Dict[str, Any], key: str, required: Tuple[str, ...],
             optional: Tuple[str, ...] = (), where: str = "") -> Dict[str, Any]:
    """`data[key]` as a mapping whose `required` keys hold text (other keys are free notes)."""
    value = data.get(key)
    if not isinstance(value, dict):
        raise ProfileError(f"{path}: {where}{key} must be a mapping with {list(required)}")
    for name in required:
        if name not in value or value[name] in (None, "", [], {}):
            raise ProfileError(f"{path}: {where}{key}.{name} is missing or empty")
    for name in optional:
        if isinstance(value.get(name), (dict, list)):
            raise ProfileError(f"{path}: {where}{key}.{name} must be a single value, not a list or mapping")
    return value


def _entries(path: Path, value: Any, key: str, required: Tuple[str, ...],
             minimum: int, maximum: Optional[int] = None) -> List[Dict[str, Any]]:
    """A list of mappings, each with non-empty text under every `required` key."""
    count = f"{minimum} to {maximum}" if maximum else f"at least {minimum}"
    if not isinstance(value, list) or len(value) < minimum or (maximum and len(value) > maximum):
        raise ProfileError(f"{path}: {key} must be a list of {count} entries")
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(name), str) and entry[name].strip()
                                                  for name in required):
            raise ProfileError(f"{path}: {key} entry {number} needs {list(required)}, each a non-empty text")
    return value


def _order(path: Path, data: Dict[str, Any], key: str, name: str, known: Collection[str],
           folder: str) -> Tuple[str, ...]:
    """Every known id exactly once, each with a one-line reason, in the order to offer them."""
    entries = _entries(path, data[key], key, (name, "why"), minimum=1)
    order = [entry[name].strip() for entry in entries]
    for number, item in enumerate(order, start=1):
        if item not in known:
            raise ProfileError(f"{path}: {key} entry {number}: {item!r} is not in {folder} "
                               f"(known: {sorted(known)})")
        if order.index(item) != number - 1:
            raise ProfileError(f"{path}: {key}: {item!r} is listed twice; list each {name} exactly once")
    missing = sorted(set(known) - set(order))
    if missing:
        raise ProfileError(f"{path}: {key} is missing {missing}; list every {name} exactly once")
    return tuple(order)


def _check_no_phone_numbers(path: Path, data: Any) -> None:
    for where, text in _texts(data):
        if _PHONE_LIKE.search(text):
            raise ProfileError(f"{path}: {where} contains what looks like a phone number; numbers belong "
                               f"only in data/helplines/, where each is sourced and verified")


def _texts(value: Any, where: str = "") -> Iterator[Tuple[str, str]]:
    """Every free text in the profile with its place (review dates and ids left out)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_FREE_TEXT:
                yield from _texts(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            yield from _texts(item, f"{where}[{number}]")
    elif isinstance(value, str):
        yield where, value
