"""Walk through a topic piece by piece, as pure functions over the `topic_progress` slot.

Each function takes the library and the slot's current value and returns a `Reply`: the
messages to send and the slot's new value. Nothing here reads a tracker or sends anything,
so every path a person can take is tested without Rasa.

The slot holds one of:
  {"topic": "<key>", "piece": <index shown last>}   a topic is in progress
  {"menu_page": <page shown last>}                   the topic menu was shown
  None                                               nothing in progress
A person is never left without a next step: every reply ends with buttons.
"""

from typing import Any, Dict, List, Optional, Sequence

from bot.psychoeducation.content import Library, Topic
from bot.psychoeducation.keywords import first_matching_topic
from bot.psychoeducation.messages import Button, Message, Phrase, Reply, intent_payload

MENU_PAGE_SIZE = 8  # topic buttons per menu message; a "More topics" button pages on

Progress = Optional[Dict[str, Any]]


def show(library: Library, topic_key: str, piece: int = 0, preferred_order: Optional[Sequence[str]] = None) -> Reply:
    """Start `topic_key` at `piece` (0 = the beginning); an unknown topic gives the menu."""
    topic = library.topic(topic_key)
    if topic is None:
        return topic_menu(library, preferred_order)
    return _piece_reply(library, topic, min(max(piece, 0), len(topic.pieces) - 1))


def more(library: Library, progress: Progress, preferred_order: Optional[Sequence[str]] = None) -> Reply:
    """The next piece of the topic in progress; with none in progress, the topic menu."""
    topic = library.topic((progress or {}).get("topic"))
    shown = (progress or {}).get("piece")
    if topic is not None and isinstance(shown, int) and 0 <= shown < len(topic.pieces) - 1:
        return _piece_reply(library, topic, shown + 1)
    return topic_menu(library, preferred_order, intro="menu_intro_nothing_in_progress")


def another_topic(library: Library, progress: Progress, preferred_order: Optional[Sequence[str]] = None) -> Reply:
    """The topic menu; asked again right after a menu ("More topics"), its next page."""
    shown_page = (progress or {}).get("menu_page")
    page = shown_page + 1 if isinstance(shown_page, int) else 0
    return topic_menu(library, preferred_order, page=page)


def topic_menu(
    library: Library,
    preferred_order: Optional[Sequence[str]] = None,
    page: int = 0,
    intro: str = "menu_intro",
) -> Reply:
    """One page of topic buttons, in the locale's preferred order; pages wrap around."""
    keys = ordered_topic_keys(library, preferred_order)
    pages = [keys[start : start + MENU_PAGE_SIZE] for start in range(0, len(keys), MENU_PAGE_SIZE)]
    page = page % len(pages)
    buttons = [_topic_button(library.topics[key]) for key in pages[page]]
    if len(pages) > 1:
        buttons.append(_label_button(library, "more_topics", "another_topic"))
    message = Message(_common_phrase(library, intro), tuple(buttons))
    return Reply(messages=(message,), progress={"menu_page": page})


def ordered_topic_keys(library: Library, preferred_order: Optional[Sequence[str]] = None) -> List[str]:
    """Topics in menu order: the preferred ones first, then the default order, then the rest.

    Unknown names in `preferred_order` are skipped here; the locale-profile tests report them.
    """
    ordered: List[str] = []
    for key in list(preferred_order or []) + list(library.common.menu_order) + sorted(library.topics):
        if key in library.topics and key not in ordered:
            ordered.append(key)
    return ordered


def cannot_diagnose(library: Library, question: str, progress: Progress) -> Reply:
    """The honest "I can't diagnose" answer, offering the topic the question is closest to.

    The topic in progress is kept, so "tell me more" still continues it afterwards.
    """
    groups = [(entry.topic, entry.keywords) for entry in library.common.diagnosis_topics]
    related = first_matching_topic(groups, question) or library.common.diagnosis_default_topic
    buttons = (
        _topic_button(library.topics[related]),
        _label_button(library, "another_topic", "another_topic"),
        _label_button(library, "menu", "show_menu"),
    )
    return Reply(messages=(Message(_common_phrase(library, "cannot_diagnose"), buttons),), progress=progress)


def medication_boundary(library: Library, progress: Progress) -> Reply:
    """The honest answer to any medication question; the topic in progress is kept."""
    buttons = (
        _label_button(library, "another_topic", "another_topic"),
        _label_button(library, "menu", "show_menu"),
    )
    return Reply(messages=(Message(_common_phrase(library, "medication_boundary"), buttons),), progress=progress)


def _piece_reply(library: Library, topic: Topic, index: int) -> Reply:
    piece = Message(Phrase(topic.pieces[index].text, topic.context))
    if index < len(topic.pieces) - 1:
        buttons = (
            _label_button(library, "tell_me_more", "tell_me_more"),
            _label_button(library, "another_topic", "another_topic"),
            _label_button(library, "menu", "show_menu"),
        )
        return Reply(messages=(Message(piece.text, buttons),), progress={"topic": topic.key, "piece": index})
    # The end of a topic: the shared pointer to professional help, then where to go next.
    buttons = tuple(_topic_button(library.topics[key]) for key in topic.followups) + (
        _label_button(library, "another_topic", "another_topic"),
        _label_button(library, "menu", "show_menu"),
    )
    pointer = Message(_common_phrase(library, "professional_pointer"), buttons)
    return Reply(messages=(piece, pointer), progress=None)


def _topic_button(topic: Topic) -> Button:
    return Button(Phrase(topic.title, topic.context), intent_payload("ask_topic", topic=topic.key))


def _label_button(library: Library, label: str, intent: str) -> Button:
    return Button(Phrase(library.common.labels[label], library.common.context), intent_payload(intent))


def _common_phrase(library: Library, name: str) -> Phrase:
    return Phrase(library.common.texts[name], library.common.context)
