"""Decide, turn by turn, which language the bot answers in.

Order of authority (the issue's spec): an explicit choice by the person, then the channel's
metadata (the browser or app locale), then the detected language of the text. An explicit
choice lasts until the person chooses again. When the person starts writing confidently in
another language mid-conversation, the bot does not switch silently: it offers the switch.
"""

from dataclasses import dataclass
from typing import Optional

from bot.language.codes import DEFAULT_LANGUAGE

CHOSEN = "chosen"
CHANNEL = "channel"
DETECTED = "detected"
DEFAULT = "default"


@dataclass(frozen=True)
class LanguageState:
    """What the conversation already holds: its language and where that came from."""

    language: Optional[str] = None
    source: Optional[str] = None
    offered: Optional[str] = None


@dataclass(frozen=True)
class TurnSignals:
    """What the latest message says about language; each is a supported code or None."""

    chosen: Optional[str] = None
    channel: Optional[str] = None
    detected: Optional[str] = None  # only a confident detection


@dataclass(frozen=True)
class LanguageDecision:
    language: str
    source: str
    requested: Optional[str] = None  # set on the turn the person explicitly chose
    offer: Optional[str] = None  # a language to offer switching to, this turn


def decide(state: LanguageState, signals: TurnSignals) -> LanguageDecision:
    """Return the language to answer in, and whether to offer a switch."""
    if signals.chosen:
        return LanguageDecision(signals.chosen, CHOSEN, requested=signals.chosen)

    if state.source == CHOSEN and state.language:
        language, source = state.language, CHOSEN
    elif signals.channel:
        language, source = signals.channel, CHANNEL
    elif state.language and state.source in (CHANNEL, DETECTED):
        language, source = state.language, state.source
    elif signals.detected:
        return LanguageDecision(signals.detected, DETECTED)
    else:
        return LanguageDecision(state.language or DEFAULT_LANGUAGE, DEFAULT)

    offer = None
    if (
        signals.detected
        and signals.detected != language
        and source != CHOSEN
        and signals.detected != state.offered
    ):
        offer = signals.detected
    return LanguageDecision(language, source, offer=offer)
