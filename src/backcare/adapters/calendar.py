"""iCalendar (RFC 5545) export of a plan's day-by-day schedule, built with the ``icalendar`` library.

One VEVENT per session with the sources of the advice it carries. A reminder (VALARM, DISPLAY,
10 minutes before) goes on the first session of each block: sessions that follow straight on from
the previous one (an exercise routine) share its reminder, so a day does not ring a dozen times.
UIDs are derived from the start date and the session's slot, so exporting
the same plan again updates the events in a calendar instead of duplicating them. Without a time
zone the times are "floating" (local wherever the calendar is); with one, a VTIMEZONE is included.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from backcare.core.models import DISCLAIMER, Plan, Session

PRODID = "-//backcare//care plan//EN"
REMINDER = dt.timedelta(minutes=-10)


def plan_to_ics(
    plan: Plan,
    start: dt.date,
    tz: str | None = None,
    stamp: dt.datetime | None = None,
    after: dt.datetime | None = None,
) -> bytes:
    """The plan's schedule as an .ics file; day 1 of the plan falls on ``start``.

    ``tz`` is an IANA zone name ("Europe/London"); ``stamp`` (DTSTAMP, the moment the file is made)
    defaults to now and can be fixed for reproducible output. Sessions that begin before ``after``
    (usually now) are left out: a calendar should not fill with reminders for hours already gone.
    Raises ValueError for an unknown zone.
    """
    from icalendar import Calendar, Event

    zone = _zone(tz)
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    sources = _sources_by_activity(plan)
    why = {i.id: i.title for i in plan.items} | {e.id: e.purpose for e in plan.exercises}

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "backcare care plan")
    seen: Counter[str] = Counter()
    previous_end: dt.datetime | None = None
    for session in plan.schedule:
        begin = dt.datetime.combine(start + dt.timedelta(days=session.day - 1), session.time, tzinfo=zone)
        if after is not None and _before(begin, after):
            continue
        starts_block = previous_end is None or begin > previous_end
        previous_end = begin + dt.timedelta(minutes=session.duration_minutes)
        uid = _uid(start, session)
        seen[uid] += 1
        if seen[uid] > 1:
            uid = uid.replace("@", f"-{seen[uid]}@", 1)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", begin)
        event.add("dtend", begin + dt.timedelta(minutes=session.duration_minutes))
        event.add("summary", _summary(session))
        event.add("description", _description(session, why.get(session.activity), sources.get(session.activity)))
        event.add("categories", ["backcare"])
        event.add("transp", "TRANSPARENT")
        if starts_block:
            event.add_component(_reminder(session))
        cal.add_component(event)
    if zone is not None:
        last = max((s.day for s in plan.schedule), default=1)
        cal.add_missing_timezones(  # covering the plan's weeks keeps the file small
            first_date=start - dt.timedelta(days=7), last_date=start + dt.timedelta(days=last + 366)
        )
    return bytes(cal.to_ical())


def _reminder(session: Session) -> Any:
    """One pop-up reminder, 10 minutes before a block of sessions."""
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", REMINDER)
    alarm.add("description", f"Reminder: {_summary(session)}")
    return alarm


def _before(begin: dt.datetime, after: dt.datetime) -> bool:
    """Compare a (possibly floating) session start with ``after``, read in the same local time."""
    if begin.tzinfo is None:
        local = after.replace(tzinfo=None) if after.tzinfo is None else after.astimezone().replace(tzinfo=None)
        return begin < local
    return begin < (after if after.tzinfo is not None else after.replace(tzinfo=begin.tzinfo))


def _zone(tz: str | None) -> dt.tzinfo | None:
    if tz is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {tz!r}") from None


def _uid(start: dt.date, session: Session) -> str:
    return f"backcare-{start:%Y%m%d}-d{session.day:02d}-{session.time:%H%M}-{session.activity}@backcare"


def _summary(session: Session) -> str:
    if session.repetitions:
        return f"{session.title} ({session.repetitions} reps)"
    return f"{session.title} ({session.duration_minutes} min)"


def _description(session: Session, why: str | None, sources: list[str] | None) -> str:
    lines = [session.details]
    if why and why != session.title:
        lines.append(f"Why: {why}")
    if sources:
        lines.append("Sources: " + "; ".join(sources))
    lines.append(DISCLAIMER)
    return "\n\n".join(lines)


def _sources_by_activity(plan: Plan) -> dict[str, list[str]]:
    out = {i.id: list(i.sources) for i in plan.items}
    out.update({e.id: list(e.sources) for e in plan.exercises})
    return out
