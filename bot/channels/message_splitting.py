"""Cut a long bot message into parts each platform accepts, at natural boundaries.

A crisis answer with several helplines can be long; a platform that refuses an over-long
message would send nothing at all. Parts are cut at the last paragraph break, else line
break, else sentence end, else space before the limit; a word is cut only when it alone is
longer than the limit. Lengths are counted in Unicode code points.
"""

import re
from typing import List

PLATFORM_LIMITS = {"whatsapp": 4096, "telegram": 4096, "messenger": 2000, "sms": 1600}

# Boundaries from the most to the least natural. Each pattern matches the gap between two
# parts; the part before it keeps any sentence-ending punctuation.
_BOUNDARIES = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?…。؟۔।])\s+"),
    re.compile(r"\s+"),
)
# A natural boundary is only worth it if the part before it is not tiny.
_MIN_SHARE_OF_LIMIT = 0.5


def split_message(text: str, limit: int) -> List[str]:
    """`text` as parts of at most `limit` characters, in order, none of them empty."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    remaining = text.strip()
    parts = []
    while len(remaining) > limit:
        end, restart = _cut(remaining, limit)
        parts.append(remaining[:end].rstrip())
        remaining = remaining[restart:].lstrip()
    if remaining:
        parts.append(remaining)
    return parts


def _cut(text: str, limit: int):
    """Where the first part ends and where the rest starts."""
    window = text[: limit + 1]  # a boundary right after the limit still lets us cut there
    for position, boundary in enumerate(_BOUNDARIES):
        last = None
        for gap in boundary.finditer(window):
            if 0 < gap.start() <= limit and window[: gap.start()].strip():
                last = gap
        is_last_resort = position == len(_BOUNDARIES) - 1
        if last and (is_last_resort or last.start() >= limit * _MIN_SHARE_OF_LIMIT):
            return last.start(), last.end()
    return limit, limit  # one word longer than the limit
