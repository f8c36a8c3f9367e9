"""The helpline part of a crisis answer, in the person's language.

The words come from the gettext catalogs (context "helplines"); the names and numbers come
only from data/helplines. For imminent danger the emergency number comes first.
"""

from typing import Iterable, List, Optional

from babel import Locale

from bot.helplines.directory import INTERNATIONAL_DIRECTORY, Country, Line, country as load_country
from bot.helplines.formatting import display, is_open
from bot.i18n.catalogs import translations_for

TOPIC_FOR_CATEGORY = {
    "suicide": "suicide",
    "self_harm": "suicide",
    "concern_for_other": "suicide",
    "abuse_now": "domestic_violence",
    "child_abuse": "children",
}
MAX_LINES = 2


def crisis_resources(country_code: Optional[str], level: str, categories: Iterable[str], language: str) -> str:
    """The resources block: emergency number and the best local lines, or the honest fallback."""
    _ = _translator(language)
    country = load_country(country_code) if country_code else None
    if country is None:
        return "\n".join([
            _("In an emergency, call your local emergency number."),
            _("You can find a helpline in your country at {directory}.").format(directory=INTERNATIONAL_DIRECTORY),
            _("If you tell me which country you are in, I will look for a local line."),
        ])
    emergency = " / ".join(display(number, country.code) for number in country.emergency_numbers)
    if not emergency:  # sources conflict for a few countries: say so, never guess a number
        emergency_line = _("I don't have a verified emergency number for {country}; please use the number you know locally.").format(
            country=_country_name(country.code, language))
    elif level == "imminent":
        emergency_line = _("In immediate danger? Call {number} now.").format(number=emergency)
    else:
        emergency_line = _("If you are in danger right now, call {number}.").format(number=emergency)
    lines = _best_lines(country, categories)
    if not lines:
        body = [
            _("I don't have a verified helpline for {country} yet.").format(country=_country_name(country.code, language)),
            _("You can find one at {directory}.").format(directory=INTERNATIONAL_DIRECTORY),
        ]
    else:
        body = [_describe(line, country, _) for line in lines]
    return "\n".join([emergency_line] + body if level == "imminent" else body + [emergency_line])


def _best_lines(country: Country, categories: Iterable[str]) -> List[Line]:
    topics = [TOPIC_FOR_CATEGORY.get(category) for category in categories]
    for topic in filter(None, topics):
        lines = [line for line in country.lines if topic in line.topics and line.phone]
        if lines:
            return lines[:MAX_LINES]
    return [line for line in country.lines if line.phone][:MAX_LINES]


def _describe(line: Line, country: Country, _) -> str:
    parts = [f"{line.name}: {display(line.phone, country.code)}"]
    if line.extension_or_option:
        parts[0] += f" ({line.extension_or_option})"
    open_now = is_open(line.schedule, line.always_open, country.timezone)
    if line.always_open:
        parts.append(_("24 hours"))
    elif line.hours_text and line.hours_text != "unknown":
        parts.append(line.hours_text)
    if open_now is False:
        parts.append(_("closed right now"))
    elif open_now and not line.always_open:
        parts.append(_("open now"))
    if line.sms:
        parts.append(_("text: {sms}").format(sms=line.sms))
    if line.whatsapp:
        parts.append(_("WhatsApp: {number}").format(number=line.whatsapp))
    if line.chat_url:
        parts.append(_("chat: {url}").format(url=line.chat_url))
    text = " · ".join(parts)
    if line.is_low_confidence:
        text += " " + _("(not fully verified: please check)")
    return text


def _translator(language: str):
    translations = translations_for(language)
    return lambda message: translations.pgettext("helplines", message)


def _country_name(code: str, language: str) -> str:
    return Locale(language).territories.get(code, code)
