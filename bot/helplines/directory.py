"""Read the verified helpline files, data/helplines/<ISO>.yml, one per country.

Every number the bot shows comes from these files, which carry each entry's source,
confidence and last-verified date. Nothing here composes or guesses a number.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Dict, List, Optional

import yaml

from bot.paths import DATA_DIR

HELPLINES_DIR = DATA_DIR / "helplines"
INTERNATIONAL_DIRECTORY = "https://findahelpline.com"


@dataclass(frozen=True)
class Line:
    name: str
    phone: Optional[str]
    confidence: str
    source: str
    last_verified: date
    topics: tuple = ()
    languages: tuple = ()
    hours_text: str = "unknown"
    always_open: bool = False
    schedule: tuple = ()
    region: Optional[str] = None
    extension_or_option: Optional[str] = None
    sms: Optional[str] = None
    whatsapp: Optional[str] = None
    chat_url: Optional[str] = None
    web: Optional[str] = None
    free: Optional[bool] = None
    caveat: Optional[str] = None
    source_url: Optional[str] = None
    other_numbers: tuple = ()

    @property
    def is_low_confidence(self) -> bool:
        return self.confidence.startswith("low")


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    timezone: Optional[str]
    emergency: Dict[str, str] = field(default_factory=dict)
    lines: tuple = ()

    @property
    def emergency_numbers(self) -> List[str]:
        """The general number, else police and ambulance (distinct, in that order)."""
        if self.emergency.get("general"):
            return [self.emergency["general"]]
        numbers = []
        for service in ("police", "ambulance"):
            number = self.emergency.get(service)
            if number and number not in numbers:
                numbers.append(number)
        return numbers

    def lines_for(self, topic: Optional[str] = None) -> List[Line]:
        if not topic:
            return list(self.lines)
        return [line for line in self.lines if topic in line.topics] or list(self.lines)


def _line(entry: dict) -> Line:
    hours = entry.get("hours") or {}
    return Line(
        name=str(entry["name"]),
        phone=str(entry["phone"]) if entry.get("phone") else None,
        confidence=str(entry.get("confidence", "unknown")),
        source=str(entry.get("source", "")),
        last_verified=_as_date(entry.get("last_verified")),
        topics=tuple(entry.get("topics") or ()),
        languages=tuple(entry.get("languages") or ()),
        hours_text=str(hours.get("text", "unknown")),
        always_open=bool(hours.get("always_open", False)),
        schedule=tuple(tuple(sorted(slot.items())) for slot in hours.get("schedule") or ()),
        region=entry.get("region"),
        extension_or_option=entry.get("extension_or_option"),
        sms=entry.get("sms"),
        whatsapp=entry.get("whatsapp"),
        chat_url=entry.get("chat_url"),
        web=entry.get("web"),
        free=entry.get("free"),
        caveat=entry.get("caveat"),
        source_url=entry.get("source_url"),
        other_numbers=tuple(
            (str(other.get("label", "")), str(other.get("phone", ""))) for other in entry.get("other_numbers") or ()
        ),
    )


def _as_date(value) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else date.min


@lru_cache(maxsize=None)
def country(code: str) -> Optional[Country]:
    """The helplines of a country (ISO 3166-1 alpha-2), or None when there is no file for it."""
    if not code or len(code) != 2 or not code.isalpha():
        return None
    path = HELPLINES_DIR / f"{code.upper()}.yml"
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    emergency = {k: str(v) for k, v in (data.get("emergency") or {}).items() if k in ("general", "police", "ambulance", "fire") and v}
    return Country(
        code=data["country"],
        name=data.get("name", data["country"]),
        timezone=data.get("timezone"),
        emergency=emergency,
        lines=tuple(_line(entry) for entry in data.get("lines") or ()),
    )


def all_countries() -> List[Country]:
    return [country(path.stem) for path in sorted(HELPLINES_DIR.glob("[A-Z][A-Z].yml"))]
