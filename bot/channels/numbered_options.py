"""Buttons on channels that can only show text: numbered lines, and a reply that picks one.

A bot message with buttons becomes its text followed by "1. Title" lines. The channel
remembers the buttons it last offered to each conversation, so that a reply equal to a title
(any case) or to a number 1..N sends that button's payload. A title match wins over a
position, because rating buttons are titled "0".."10": "7" then means the button "7".
"""

import unicodedata
from collections import OrderedDict
from typing import Any, Dict, List, Optional, Sequence

Button = Dict[str, Any]

# Characters a person may add around a choice: "2.", "#2", "(2)", "2)".
_DECORATION = " \t\n.,;:!?¡¿#()[]\"'«»“”"


def usable_buttons(buttons: Any) -> List[Button]:
    """The buttons that have a text title and a text payload, in order."""
    if not isinstance(buttons, (list, tuple)):
        return []
    return [
        button
        for button in buttons
        if isinstance(button, dict)
        and isinstance(button.get("title"), str)
        and button["title"].strip()
        and isinstance(button.get("payload"), str)
        and button["payload"].strip()
    ]


def numbered_text(text: str, buttons: Sequence[Button]) -> str:
    """The message text with one numbered line per button after a blank line.

    When every title is itself a number (a 0-10 scale), the titles are listed on one line
    without extra numbering, so "7" cannot be read two ways.
    """
    titles = [button["title"].strip() for button in usable_buttons(buttons)]
    if not titles:
        return text
    if all(_as_number(title) is not None for title in titles):
        options = " · ".join(titles)
    else:
        options = "\n".join(f"{number}. {title}" for number, title in enumerate(titles, 1))
    return f"{text.rstrip()}\n\n{options}" if text and text.strip() else options


def chosen_payload(reply: Any, buttons: Sequence[Button]) -> Optional[str]:
    """The payload of the button a reply chooses, or None when it chooses none."""
    options = usable_buttons(buttons)
    if not isinstance(reply, str) or not options:
        return None
    wanted = _comparable(reply)
    for button in options:
        if _comparable(button["title"]) == wanted:
            return button["payload"]
    number = _as_number(reply)
    if number is not None and 1 <= number <= len(options):
        return options[number - 1]["payload"]
    return None


def _comparable(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip(_DECORATION).casefold()


def _as_number(text: str) -> Optional[int]:
    """An integer written alone (any script's digits: "2", "٢", "२"), else None."""
    bare = unicodedata.normalize("NFKC", text).strip(_DECORATION)
    return int(bare) if bare.isdecimal() and len(bare) <= 3 else None


class OfferedButtons:
    """The buttons last offered to each conversation, for at most `max_conversations`.

    In memory only: after a restart a typed "2" is read as ordinary text, which is safe.
    """

    def __init__(self, max_conversations: int = 10_000):
        self._max = max_conversations
        self._offered: "OrderedDict[str, List[Button]]" = OrderedDict()

    def remember(self, conversation_id: str, buttons: Sequence[Button]) -> None:
        options = usable_buttons(buttons)
        if not options:
            return
        self._offered[conversation_id] = [dict(b) for b in options]
        self._offered.move_to_end(conversation_id)
        while len(self._offered) > self._max:
            self._offered.popitem(last=False)

    def take(self, conversation_id: str) -> List[Button]:
        """The buttons offered last, forgotten now: they answer only the very next reply."""
        return self._offered.pop(conversation_id, [])

    def __len__(self) -> int:
        return len(self._offered)
