"""Turn the guide's English messages into what a person sees, in their language.

Texts are looked up in the gettext catalogs with the context fixed by the content contract
(`exercise:<id>`, or `exercise:_messages` for the shared words), then placeholders are
filled. A missing translation shows the English text; a translation whose placeholders were
damaged also falls back to English, so a person never sees "{before}" or an error.
"""

import logging
from typing import Any, Dict, Iterable, List

from bot.exercises.model import Button, Message
from bot.i18n.catalogs import translations_for

logger = logging.getLogger(__name__)


def render(messages: Iterable[Message], language: str) -> List[Dict[str, Any]]:
    """Each message as `{"text": ..., "buttons": [{"title", "payload"}, ...]}`, ready to send."""
    translations = translations_for(language)
    rendered = []
    for message in messages:
        item: Dict[str, Any] = {"text": _fill(translations, message, language)}
        if message.buttons:
            item["buttons"] = [_button(translations, button) for button in message.buttons]
        rendered.append(item)
    return rendered


def _fill(translations, message: Message, language: str) -> str:
    translated = translations.pgettext(message.context, message.text)
    try:
        return translated.format(**message.params) if message.params else translated
    except (KeyError, IndexError, ValueError):
        logger.warning("Damaged placeholders in the %s translation (context %s); showing English.",
                       language, message.context)
        return message.text.format(**message.params)


def _button(translations, button: Button) -> Dict[str, str]:
    title = translations.pgettext(button.context, button.title) if button.context else button.title
    return {"title": title, "payload": button.payload}
