"""The in-process NLG renders each response in the conversation's language."""

import asyncio

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.i18n.catalogs import translations_for
from bot.nlg import CatalogNLG
from bot.paths import DOMAIN_FILE

DOMAIN = Domain.load(str(DOMAIN_FILE))


def _render(response, **slots):
    tracker = DialogueStateTracker.from_events("nlg-test", [SlotSet(k, v) for k, v in slots.items()], DOMAIN.slots)
    # An empty domain at construction, as Rasa does: responses come with each call.
    nlg = CatalogNLG(endpoint_config=None, domain=Domain.empty())
    return asyncio.run(nlg.generate(response, tracker, "rest", domain_responses=DOMAIN.responses))


@pytest.mark.parametrize("language", ["es", "fr", "pt", "ar", "hi", "sw"])
def test_the_greeting_is_rendered_from_the_language_catalog(language):
    english = DOMAIN.responses["utter_greet"][0]["text"]
    rendered = _render("utter_greet", language=language)
    assert rendered["text"] == translations_for(language).pgettext("utter_greet", english)
    assert rendered["text"] != english


def test_english_and_unknown_languages_get_the_english_source_text():
    english = DOMAIN.responses["utter_greet"][0]["text"]
    assert _render("utter_greet", language="en")["text"] == english
    assert _render("utter_greet", language="zz")["text"] == english
    assert _render("utter_greet")["text"] == english


def test_asking_to_change_language_without_naming_one_shows_all_languages():
    rendered = _render("utter_change_language", language="es")
    assert len(rendered["buttons"]) == 7
    assert "Kiswahili" in [b["title"] for b in rendered["buttons"]]


def test_a_named_language_is_confirmed_in_that_language():
    rendered = _render("utter_change_language", language="fr", language_requested="fr")
    assert "buttons" not in rendered or not rendered["buttons"]
    assert "français" in rendered["text"].lower()


def test_the_switch_offer_is_written_in_the_offered_language_with_working_payloads():
    rendered = _render("utter_offer_language_switch", language="en", language_offer="es")
    assert "español" in rendered["text"].lower()
    assert [b["payload"] for b in rendered["buttons"]] == [
        '/change_language{"language":"es"}',
        '/change_language{"language":"en"}',
    ]


def test_every_response_renders_in_every_language():
    for language in ["en", "es", "fr", "pt", "ar", "hi", "sw"]:
        for response in DOMAIN.responses:
            rendered = _render(response, language=language, language_offer="es")
            assert rendered and rendered.get("text"), (language, response)


def test_crisis_resources_are_rendered_in_process_from_the_helpline_files():
    rendered = _render("utter_crisis_resources", language="pt", country="BR", crisis_level="ideation")
    assert "188" in rendered["text"] and "CVV" in rendered["text"]


def test_crisis_resources_without_a_country_give_the_directory():
    rendered = _render("utter_crisis_resources", language="es", crisis_level="imminent")
    assert "findahelpline.com" in rendered["text"]


def test_worry_for_someone_else_gets_advice_on_helping_them():
    rendered = _render("utter_crisis", language="en", crisis_category="concern_for_other")
    assert "ask them directly" in rendered["text"]


def test_a_response_named_by_a_custom_action_renders_even_when_rasa_passes_no_responses():
    """The action server asks for responses by name; Rasa may not pass the domain's responses."""
    tracker = DialogueStateTracker.from_events("nlg-test", [SlotSet("language", "es")], DOMAIN.slots)
    nlg = CatalogNLG(endpoint_config=None, domain=Domain.empty())
    rendered = asyncio.run(nlg.generate("utter_progress_nothing_kept", tracker, "rest"))
    english = DOMAIN.responses["utter_progress_nothing_kept"][0]["text"]
    assert rendered["text"] == translations_for("es").pgettext("utter_progress_nothing_kept", english)
