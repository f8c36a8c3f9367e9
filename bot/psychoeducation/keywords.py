"""Find the piece a short question names: "what is EMDR?", "IFS?", "¿qué es la TCC?".

The intent classifier knows a question is about therapy approaches, but not which one; the
names of approaches are nearly the same in every language, so a word list in the data files
(`keywords` on a piece) finds the piece without a model. Words are matched whole, after
folding case and accents, so "emdr" matches "EMDR" but "tcc" does not match inside a word.
"""

from typing import Iterable, Optional, Sequence, Tuple

from bot.psychoeducation.content import Library
from bot.text import words

# A keyword overrides the topic the classifier chose only in short questions. In a longer
# message ("I do yoga but still can't sleep") a named approach is rarely what is asked about.
# Words of one or two letters ("is", "la", "qu", "l") are not counted, so elided and short
# function words do not make "qu'est-ce que l'EMDR ?" look longer than "what is EMDR?".
MAX_OTHER_WORDS_FOR_KEYWORD_OVERRIDE = 4
_COUNTED_WORD_LENGTH = 3


def contains_phrase(text_words: Sequence[str], phrase: str) -> bool:
    """True when the words of `phrase` appear in `text_words` in a row."""
    phrase_words = words(phrase)
    size = len(phrase_words)
    if not size:
        return False
    return any(list(text_words[start : start + size]) == phrase_words for start in range(len(text_words) - size + 1))


def find_keyword_piece(library: Library, text: str) -> Optional[Tuple[str, int]]:
    """The (topic, piece index) whose keyword appears in `text`; the longest keyword wins."""
    found = _find_keyword(library, text)
    return (found[0], found[1]) if found else None


def _find_keyword(library: Library, text: str) -> Optional[Tuple[str, int, str]]:
    text_words = words(text or "")
    best: Optional[Tuple[int, str, int, str]] = None
    for topic in library.topics.values():
        for index, piece in enumerate(topic.pieces):
            for keyword in piece.keywords:
                length = len(words(keyword))
                if (best is None or length > best[0]) and contains_phrase(text_words, keyword):
                    best = (length, topic.key, index, keyword)
    return best[1:] if best else None


def _other_word_count(text: str, keyword: str) -> int:
    """How many words of three letters or more the text has besides the keyword."""
    counted = [word for word in words(text or "") if len(word) >= _COUNTED_WORD_LENGTH]
    keyword_counted = [word for word in words(keyword) if len(word) >= _COUNTED_WORD_LENGTH]
    return max(len(counted) - len(keyword_counted), 0)


def choose_start(library: Library, selected_topic: Optional[str], text: str) -> Optional[Tuple[str, int]]:
    """Where to start for a question: (topic, piece index), or None when nothing fits.

    A keyword jumps to its piece when it belongs to the topic the classifier chose, or when
    the message is short enough to be a question about that name alone.
    """
    selected = library.topic(selected_topic)
    found = _find_keyword(library, text)
    if found and (
        (selected is not None and found[0] == selected.key)
        or _other_word_count(text, found[2]) <= MAX_OTHER_WORDS_FOR_KEYWORD_OVERRIDE
    ):
        return found[0], found[1]
    return (selected.key, 0) if selected is not None else None


def first_matching_topic(groups: Iterable[Tuple[str, Sequence[str]]], text: str) -> Optional[str]:
    """The topic of the first (topic, keywords) group with a keyword in `text`."""
    text_words = words(text or "")
    for topic, keywords in groups:
        if any(contains_phrase(text_words, keyword) for keyword in keywords):
            return topic
    return None
