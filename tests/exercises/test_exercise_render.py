"""What a person sees in their language: catalog translations, placeholders, untranslated digits."""

import pytest

from bot.exercises import apply, render, start, RATING, NEXT
from bot.exercises import rendering as render_module


class FakeTranslations:
    """Translates a few (context, text) pairs, like a gettext catalog would."""

    def __init__(self, table):
        self.table = table

    def pgettext(self, context, text):
        return self.table.get((context, text), text)


@pytest.fixture
def spanish(monkeypatch, data):
    table = {
        ("exercise:_messages", data.messages["change_lower"]): "De {before} a {after}: es un cambio real.",
        ("exercise:_messages", data.buttons["skip"]): "Saltar",
        ("exercise:paced_breathing", data.exercises["paced_breathing"].intro): "Un ejercicio de respiración suave.",
        ("exercise:_messages", data.messages["change_same"]): "Igual que antes {antes}",  # damaged placeholder
    }
    monkeypatch.setattr(render_module, "translations_for", lambda language: FakeTranslations(table))


def finish(before, after):
    outcome = apply(start("paced_breathing").progress, RATING, before)
    while outcome.progress["phase"] == "steps":
        outcome = apply(outcome.progress, NEXT)
    return apply(outcome.progress, RATING, after)


def test_texts_and_button_titles_come_from_the_catalog_with_the_contract_s_contexts(spanish):
    shown = render(start("paced_breathing").messages, "es")
    assert shown[0]["text"] == "Un ejercicio de respiración suave."
    titles = [button["title"] for button in shown[-1]["buttons"]]
    assert titles == [str(n) for n in range(11)] + ["Saltar"]


def test_placeholders_are_filled_after_translation(spanish):
    assert render(finish("7", "4").messages, "es")[0]["text"] == "De 7 a 4: es un cambio real."


def test_a_translation_with_damaged_placeholders_falls_back_to_english(spanish):
    assert render(finish("5", "5").messages, "es")[0]["text"].startswith("It's the same as before")


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt", "ar", "hi", "sw", "xx"])
def test_every_language_renders_something_readable_even_before_translation(language):
    shown = render(finish("6", "2").messages, language)
    assert shown and all(item["text"] and "{" not in item["text"] for item in shown)
