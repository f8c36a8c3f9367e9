"""Load and validate the psychoeducation texts in data/psychoeducation/.

Clinicians, translators and NGOs edit these files, not Python. A mistake in them (a piece
that is too long for one chat message, a follow-up naming a topic that does not exist)
must stop the bot at start-up with a message naming the file, rather than show a broken
or empty answer to someone who is struggling.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple


from bot.paths import DATA_DIR
from bot.data_files import read_mapping

PSYCHOEDUCATION_DIR = DATA_DIR / "psychoeducation"
COMMON_FILE = "_common.yml"

MAX_TITLE_CHARS = 24  # a title is also a menu button
MAX_PIECE_CHARS = 450  # one chat message that reads as one thought on a phone
MIN_PIECES, MAX_PIECES = 2, 5
MAX_FOLLOWUPS = 3

_TOPIC_KEYS = {"title", "pieces", "followups"}
_PIECE_KEYS = {"text", "keywords"}
_LABELS = ("tell_me_more", "another_topic", "menu", "more_topics")
_COMMON_TEXTS = (
    "menu_intro",
    "menu_intro_nothing_in_progress",
    "professional_pointer",
    "cannot_diagnose",
    "medication_boundary",
)


class PsychoeducationDataError(ValueError):
    """A data file is malformed; the message names the file and what to fix."""


@dataclass(frozen=True)
class Piece:
    text: str
    keywords: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    pieces: Tuple[Piece, ...]
    followups: Tuple[str, ...] = ()

    @property
    def context(self) -> str:
        """The catalog context (msgctxt) of this topic's texts, as the extractor writes it."""
        return f"topic:{self.key}"


@dataclass(frozen=True)
class DiagnosisTopic:
    topic: str
    keywords: Tuple[str, ...]


@dataclass(frozen=True)
class CommonTexts:
    labels: Dict[str, str]
    texts: Dict[str, str]
    menu_order: Tuple[str, ...]
    diagnosis_topics: Tuple[DiagnosisTopic, ...]
    diagnosis_default_topic: str

    context = "topic:_common"


@dataclass(frozen=True)
class Library:
    topics: Dict[str, Topic]
    common: CommonTexts

    def topic(self, key: Optional[str]) -> Optional[Topic]:
        return self.topics.get(key) if isinstance(key, str) else None


@lru_cache(maxsize=None)
def load_library(directory: Path = PSYCHOEDUCATION_DIR) -> Library:
    """Read every topic file and _common.yml; raise PsychoeducationDataError on any mistake."""
    directory = Path(directory)
    topic_files = sorted(path for path in directory.glob("*.yml") if not path.name.startswith("_"))
    if not topic_files:
        raise PsychoeducationDataError(f"{directory}: no topic files (*.yml) found.")
    topics = {path.stem: _load_topic(path) for path in topic_files}
    common = _load_common(directory / COMMON_FILE)
    _check_references(directory, topics, common)
    return Library(topics=topics, common=common)


def _read_mapping(path: Path) -> Dict[str, Any]:
    return read_mapping(path, PsychoeducationDataError, "a mapping with 'title' and 'pieces'")


def _load_topic(path: Path) -> Topic:
    data = _read_mapping(path)
    unknown = set(data) - _TOPIC_KEYS
    if unknown:
        raise PsychoeducationDataError(f"{path}: unknown keys {sorted(unknown)}; allowed: {sorted(_TOPIC_KEYS)}.")
    title = _text(path, data.get("title"), "title", MAX_TITLE_CHARS)
    pieces = data.get("pieces")
    if not isinstance(pieces, list) or not MIN_PIECES <= len(pieces) <= MAX_PIECES:
        raise PsychoeducationDataError(f"{path}: 'pieces' must be a list of {MIN_PIECES} to {MAX_PIECES} messages.")
    followups = data.get("followups") or []
    if not isinstance(followups, list) or len(followups) > MAX_FOLLOWUPS:
        raise PsychoeducationDataError(f"{path}: 'followups' must be a list of at most {MAX_FOLLOWUPS} topic names.")
    return Topic(
        key=path.stem,
        title=title,
        pieces=tuple(_load_piece(path, number, piece) for number, piece in enumerate(pieces, start=1)),
        followups=tuple(str(key) for key in followups),
    )


def _load_piece(path: Path, number: int, piece: Any) -> Piece:
    where = f"piece {number}"
    if not isinstance(piece, dict) or set(piece) - _PIECE_KEYS:
        raise PsychoeducationDataError(f"{path}: {where} must be a mapping with 'text' (and optional 'keywords').")
    keywords = piece.get("keywords") or []
    if not isinstance(keywords, list) or not all(isinstance(word, str) and word.strip() for word in keywords):
        raise PsychoeducationDataError(f"{path}: {where}: 'keywords' must be a list of words.")
    return Piece(text=_text(path, piece.get("text"), f"{where} text", MAX_PIECE_CHARS), keywords=tuple(keywords))


def _text(path: Path, value: Any, where: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PsychoeducationDataError(f"{path}: {where} is missing or empty.")
    if len(value) > limit:
        raise PsychoeducationDataError(f"{path}: {where} has {len(value)} characters; the limit is {limit}.")
    return value.strip()


def _load_common(path: Path) -> CommonTexts:
    data = _read_mapping(path)
    labels = {name: _nested_text(path, data, "labels", name, "label", MAX_TITLE_CHARS) for name in _LABELS}
    texts = {name: _nested_text(path, data, name, None, "text", MAX_PIECE_CHARS) for name in _COMMON_TEXTS}
    menu_order = data.get("menu_order") or []
    if not isinstance(menu_order, list):
        raise PsychoeducationDataError(f"{path}: 'menu_order' must be a list of topic names.")
    diagnosis_topics = []
    for entry in data.get("diagnosis_related_topics") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("topic"), str) or not entry.get("keywords"):
            raise PsychoeducationDataError(f"{path}: each 'diagnosis_related_topics' entry needs 'topic' and 'keywords'.")
        diagnosis_topics.append(DiagnosisTopic(entry["topic"], tuple(str(word) for word in entry["keywords"])))
    default_topic = data.get("diagnosis_default_topic")
    if not isinstance(default_topic, str):
        raise PsychoeducationDataError(f"{path}: 'diagnosis_default_topic' must name a topic.")
    return CommonTexts(
        labels=labels,
        texts=texts,
        menu_order=tuple(str(key) for key in menu_order),
        diagnosis_topics=tuple(diagnosis_topics),
        diagnosis_default_topic=default_topic,
    )


def _nested_text(path: Path, data: Dict[str, Any], outer: str, inner: Optional[str], key: str, limit: int) -> str:
    node = data.get(outer)
    name = outer
    if inner is not None:
        node = node.get(inner) if isinstance(node, dict) else None
        name = f"{outer}.{inner}"
    value = node.get(key) if isinstance(node, dict) else None
    return _text(path, value, f"'{name}.{key}'", limit)


def _check_references(directory: Path, topics: Dict[str, Topic], common: CommonTexts) -> None:
    """Every topic name used anywhere must be a topic file, so no button leads nowhere."""
    for topic in topics.values():
        for key in topic.followups:
            if key not in topics or key == topic.key:
                raise PsychoeducationDataError(
                    f"{directory / (topic.key + '.yml')}: follow-up '{key}' is not another topic file."
                )
    named: List[str] = list(common.menu_order) + [entry.topic for entry in common.diagnosis_topics]
    named.append(common.diagnosis_default_topic)
    for key in named:
        if key not in topics:
            raise PsychoeducationDataError(f"{directory / COMMON_FILE}: '{key}' is not a topic file.")
