"""The few texts a messaging channel sends by itself, from data/channels/texts.yml.

They answer what never reaches the dialogue (a photo or voice note) or a failure inside the
bot, so they live beside the channels rather than in domain.yml. Translators edit the YAML.
"""

from functools import lru_cache
from typing import Dict

import yaml

from bot.language.codes import DEFAULT_LANGUAGE
from bot.paths import DATA_DIR

TEXTS_FILE = DATA_DIR / "channels" / "texts.yml"


@lru_cache(maxsize=1)
def _texts() -> Dict[str, Dict[str, str]]:
    return yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8")) or {}


def channel_text(key: str, language: str) -> str:
    """The text `key` in `language`, else in English (never empty for a known key)."""
    translations = _texts()[key]
    return translations.get(language) or translations[DEFAULT_LANGUAGE]
