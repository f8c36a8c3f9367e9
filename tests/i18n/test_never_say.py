"""No message in any catalog calls the bot a therapist, diagnoses, or gives method content.

The forbidden forms live in data/safety/_never_say.yml, per language, so a reviewer adds a
phrase without touching code. Every message of the template (English) and of every
translation is checked, not only the ones a test happens to render.
"""

import re

import pytest
import yaml
from babel.messages.pofile import read_po

from bot.i18n.catalogs import catalog_path
from bot.language.codes import SUPPORTED_LANGUAGES
from bot.paths import DATA_DIR, LOCALES_DIR

RULES = yaml.safe_load((DATA_DIR / "safety" / "_never_say.yml").read_text(encoding="utf-8"))


def _messages(language):
    if language == "en":
        with open(LOCALES_DIR / "messages.pot", "rb") as handle:
            return [(m.context, m.id) for m in read_po(handle) if m.id]
    with open(catalog_path(language, "po"), "rb") as handle:
        return [(m.context, m.string) for m in read_po(handle) if m.id and m.string]


def _patterns(language):
    kinds = []
    for kind in ("self_description", "diagnosis"):
        if language in RULES[kind]:
            kinds.append((kind, re.compile(RULES[kind][language], re.I)))
    kinds.append(("method", re.compile(RULES["method"]["all"], re.I)))
    return kinds


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_no_message_claims_to_be_a_therapist_diagnoses_or_gives_methods(language):
    found = [
        (kind, context, text)
        for context, text in _messages(language)
        for kind, pattern in _patterns(language)
        if pattern.search(text)
    ]
    assert not found, found


@pytest.mark.parametrize("text, language", [
    ("I'm your therapist and I can help.", "en"),
    ("Soy tu terapeuta.", "es"),
    ("Je suis votre thérapeute.", "fr"),
    ("Sou sua psicóloga.", "pt"),
    ("أنا معالجك", "ar"),
    ("मैं आपका थेरेपिस्ट हूँ", "hi"),
    ("Mimi ni daktari wako", "sw"),
    ("You have anxious attachment.", "en"),
    ("Take 20 pills.", "en"),
])
def test_the_scan_catches_what_it_is_meant_to_catch(text, language):
    assert any(pattern.search(text) for _, pattern in _patterns(language))


@pytest.mark.parametrize("text, language", [
    ("I'm not a therapist.", "en"),
    ("No soy terapeuta.", "es"),
    ("Je ne suis pas thérapeute.", "fr"),
    ("Não sou terapeuta.", "pt"),
    ("A trauma-informed therapist can help you.", "en"),
])
def test_denials_and_pointers_to_professionals_pass(text, language):
    assert not any(pattern.search(text) for _, pattern in _patterns(language))
