"""Every catalog is complete, keeps the placeholders, compiles, and matches domain.yml."""

import io
import re

import pytest
import yaml
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.i18n.__main__ import TEMPLATE, TRANSLATED_LANGUAGES
from bot.i18n.catalogs import catalog_path, translate_variations
from bot.i18n.extract import source_messages
from bot.paths import DATA_DIR, DOMAIN_FILE, PROJECT_ROOT

PLACEHOLDER = re.compile(r"\{[^{}\s]+\}")


def _catalog(language):
    with open(catalog_path(language, "po"), "rb") as handle:
        return read_po(handle, locale=language)


def _domain_messages():
    return {(context, text) for context, text, *_ in source_messages(PROJECT_ROOT)}


def test_the_template_is_up_to_date_with_domain_yml():
    with open(TEMPLATE, "rb") as handle:
        template = {(m.context, m.id) for m in read_po(handle) if m.id}
    assert template == _domain_messages(), "run `make i18n` after editing texts"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_response_is_translated_and_reviewed(language):
    catalog = _catalog(language)
    translated = {(m.context, m.id) for m in catalog if m.id and m.string and not m.fuzzy}
    missing = _domain_messages() - translated
    assert not missing, f"{language}: untranslated or fuzzy: {sorted(missing)}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_placeholders_are_identical_across_languages(language):
    for message in _catalog(language):
        if message.id and message.string:
            assert sorted(PLACEHOLDER.findall(message.id)) == sorted(
                PLACEHOLDER.findall(message.string)
            ), f"{language}: {message.context}: {message.id!r}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalog_compiles_without_errors(language):
    catalog = _catalog(language)
    assert list(catalog.check()) == []
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    assert buffer.getvalue()


def test_every_response_used_in_stories_rules_and_tests_exists_in_the_domain():
    domain = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
    responses = set(domain["responses"])
    used = set()
    for folder in (DATA_DIR / "stories", DATA_DIR / "rules", PROJECT_ROOT / "tests" / "conversations"):
        for file in folder.glob("*.yml"):
            used |= set(re.findall(r"action:\s*(utter_\w+)", file.read_text(encoding="utf-8")))
    assert used, "no responses found in stories or rules"
    assert used <= responses, f"unknown responses: {sorted(used - responses)}"


def test_a_missing_translation_falls_back_to_the_english_text():
    variations = [{"text": "A sentence no catalog has ever seen."}]
    assert translate_variations("es", "utter_greet", variations) == variations


def test_translation_keeps_payloads_and_translates_titles():
    domain = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
    [spanish] = translate_variations("es", "utter_greet", domain["responses"]["utter_greet"])
    assert spanish["text"] != domain["responses"]["utter_greet"][0]["text"]
    assert [b["payload"] for b in spanish["buttons"]] == ["/ask_capabilities", "/change_language"]
    assert spanish["buttons"][1]["title"] != "Change language"
