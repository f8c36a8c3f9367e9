"""Format helpline numbers for their country and tell whether a line is open now."""

from datetime import datetime, time
from typing import Optional

import phonenumbers
from phonenumbers import shortnumberinfo

try:
    from zoneinfo import ZoneInfo
except ImportError:  # pragma: no cover - Python 3.10 has zoneinfo
    ZoneInfo = None

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse(number: str, region: str):
    """A phonenumbers object for `number` dialled in `region`, or None if it cannot be read."""
    try:
        return phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None


def validation(number: str, region: str) -> str:
    """How far phonenumbers vouches for `number` in `region`.

    "valid": a valid number or short code of the region. "possible_short_code": the right
    shape for a short code there, but not in phonenumbers' list of known ones (CVV 188 in
    Brazil, for one): shown, and listed by `python -m bot.helplines check` for review.
    "invalid": neither; such an entry must be fixed in the data.
    """
    parsed = parse(number.lstrip("*#"), region)
    if parsed is None:
        return "invalid"
    if phonenumbers.is_valid_number(parsed) or shortnumberinfo.is_valid_short_number_for_region(parsed, region):
        return "valid"
    if shortnumberinfo.is_possible_short_number_for_region(parsed, region):
        return "possible_short_code"
    if phonenumbers.is_possible_number(parsed):
        return "possible_number"
    return "invalid"


def display(number: str, region: str) -> str:
    """The number as people in `region` dial it; short codes and unreadable input stay as written."""
    parsed = parse(number, region)
    if parsed is not None and phonenumbers.is_valid_number(parsed):
        same_region = phonenumbers.region_code_for_number(parsed) == region
        style = phonenumbers.PhoneNumberFormat.NATIONAL if same_region else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        return phonenumbers.format_number(parsed, style)
    return number


def is_open(schedule, always_open: bool, timezone: Optional[str], now: Optional[datetime] = None) -> Optional[bool]:
    """True or False when the hours are known, None when they are not."""
    if always_open:
        return True
    if not schedule or not timezone or ZoneInfo is None:
        return None
    local = (now or datetime.now(tz=ZoneInfo("UTC"))).astimezone(ZoneInfo(timezone))
    day, clock = _DAYS[local.weekday()], local.time()
    for slot in schedule:
        slot = dict(slot)
        if day not in slot.get("days", ()):
            continue
        opens, closes = time.fromisoformat(slot["open"]), _closing(slot["close"])
        if opens <= clock < closes if closes > opens else (clock >= opens or clock < closes):
            return True
    return False


def _closing(value: str) -> time:
    return time(23, 59, 59) if value in ("24:00", "00:00") else time.fromisoformat(value)
