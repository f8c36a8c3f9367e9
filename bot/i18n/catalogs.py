"""Load compiled translations and translate response variations.

Compiled `.mo` files are preferred; when one is missing (a fresh checkout before
`make i18n`), the `.po` file is compiled in memory, so a translation is never silently
dropped. A message missing from a catalog falls back to the English source text.
"""

import copy
import io
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from bot.language.codes import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES
from bot.paths import LOCALES_DIR

logger = logging.getLogger(__name__)
DOMAIN = "messages"


def catalog_path(language: str, suffix: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}.{suffix}"


@lru_cache(maxsize=None)
def translations_for(language: str) -> NullTranslations:
    """The gettext translations of `language`; English and unknown languages get none."""
    if language == DEFAULT_LANGUAGE or language not in SUPPORTED_LANGUAGES:
        return NullTranslations()
    mo_file = catalog_path(language, "mo")
    if mo_file.exists():
        with open(mo_file, "rb") as handle:
            return Translations(handle, domain=DOMAIN)
    po_file = catalog_path(language, "po")
    if po_file.exists():
        logger.warning("No compiled catalog for %s; compiling %s in memory.", language, po_file)
        with open(po_file, "rb") as handle:
            catalog = read_po(handle, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return Translations(buffer, domain=DOMAIN)
    logger.warning("No catalog for %s; answering in English.", language)
    return NullTranslations()


def translate_variations(
    language: str, response_name: str, variations: List[Dict[str, Any]]
) -> List[Dict[str, Any]]:
    """Return copies of a response's variations with texts and button titles translated."""
    translations = translations_for(language)
    translated = copy.deepcopy(variations)
    for variation in translated:
        if variation.get("text"):
            variation["text"] = translations.pgettext(response_name, variation["text"])
        for list_key in ("buttons", "quick_replies"):
            for button in variation.get(list_key) or []:
                if button.get("title"):
                    button["title"] = translations.pgettext(response_name, button["title"])
    return translated
