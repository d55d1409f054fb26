"""The person's calendar date: "today" is their day, not the server's.

The clock is passed in (``Store.now()`` or ``datetime.now(UTC)``), so tests and the front ends
agree on the same instant; an unknown or unreadable zone falls back to UTC rather than failing.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def today_in(timezone: str, now: dt.datetime) -> dt.date:
    """The date in ``timezone`` at the instant ``now`` (an aware datetime); UTC's for an unknown zone."""
    try:
        return now.astimezone(ZoneInfo(timezone)).date()
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return now.astimezone(dt.UTC).date()
