"""What a person can take away: everything kept as JSON, the diary as CSV, a plan's schedule as iCalendar.

The JSON is the document ``backcare import`` reads back, so a person can move between the command
line and the web app; the calendar puts day 1 of the plan on the day it was made, in the
person's time zone.
"""

from __future__ import annotations

import datetime as dt

from backcare.adapters.storage import Store
from backcare.services.assessments import Saved
from backcare.services.diary import list_entries


def export_json(store: Store, profile_id: str | None = None) -> str:
    """Everything kept about the profile, in the export format ``backcare import`` takes."""
    from backcare.adapters.storage.transfer import to_json

    with store.unit_of_work(write=False, profile_id=profile_id) as uow:
        return to_json(uow.diary.export())


def export_csv(store: Store, profile_id: str | None = None) -> str:
    """The profile's diary entries as CSV, one row a day."""
    from backcare.adapters.storage.transfer import to_csv

    return to_csv(list_entries(store, profile_id))


def plan_ics(saved: Saved, timezone: str | None = None, after: dt.datetime | None = None) -> bytes | None:
    """The saved plan's schedule as iCalendar (None when it has none), with reminders in ``timezone``.

    Zones are tried in turn: ``timezone`` (e.g. the one a browser reports), the zone the plan was
    made in, then floating local times; with ``after`` only the sessions from then on are kept.
    """
    from backcare.adapters.calendar import plan_to_ics

    plan = saved.assessment.plan
    if plan is None or not plan.schedule:
        return None
    given = timezone if timezone and len(timezone) <= 64 else None
    for zone in dict.fromkeys((given, saved.record.timezone, None)):
        try:
            return plan_to_ics(plan, start=saved.start, tz=zone, stamp=saved.record.created_at, after=after)
        except (ValueError, OSError):
            continue
    return None
