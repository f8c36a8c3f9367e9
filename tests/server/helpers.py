import uuid

from babel.messages.pofile import read_po

from bot.i18n.catalogs import catalog_path
from bot.paths import DOMAIN_FILE
import yaml


def new_sender() -> str:
    return uuid.uuid4().hex


def texts_in(language: str) -> set:
    """Every response text the bot can send in `language`."""
    if language == "en":
        domain = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
        return {v["text"] for variations in domain["responses"].values() for v in variations}
    with open(catalog_path(language, "po"), "rb") as handle:
        return {m.string for m in read_po(handle) if m.id and m.string}


def greeting_in(language: str) -> str:
    from bot.i18n.catalogs import translations_for

    domain = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))
    english = domain["responses"]["utter_greet"][0]["text"]
    return translations_for(language).pgettext("utter_greet", english)
