"""Adherence to the plan: which scheduled sessions the diary shows were done.

Kept apart from the pain judgements because it reads the plan's schedule, not the pain scores:
the trend reports it beside them, and the chart draws it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Literal

from backcare.core.diary import Adherence, DayAdherence, DiaryEntry, ScheduledSession
from backcare.core.models import Plan


def schedule_from_plan(plan: Plan, start: dt.date) -> list[ScheduledSession]:
    """Calendar sessions of a plan, classified as exercise, cold, heat or other (not tracked)."""
    exercise_ids = {e.id for e in plan.exercises}
    category = {i.id: i.category for i in plan.items}
    out: list[ScheduledSession] = []
    for s in plan.schedule:
        when = s.date or start + dt.timedelta(days=s.day - 1)
        kind: Literal["exercise", "cold", "heat", "other"]
        if s.activity in exercise_ids:
            kind = "exercise"
        elif category.get(s.activity) == "cold":
            kind = "cold"
        elif category.get(s.activity) == "heat":
            kind = "heat"
        else:
            kind = "other"
        out.append(ScheduledSession(date=when, activity=s.activity, kind=kind))
    return out


def _day_done(sessions: Sequence[ScheduledSession], logged: Sequence[DiaryEntry]) -> int:
    """Sessions of one day that the day's entries record as done."""
    wanted = Counter(s.activity for s in sessions if s.kind == "exercise")
    thermal_wanted = sum(1 for s in sessions if s.kind in ("cold", "heat"))
    done_ex = Counter(x.id for e in logged for x in e.exercises)
    thermal_done = sum(e.cold_sessions + e.heat_sessions for e in logged)
    return sum(min(n, done_ex[a]) for a, n in wanted.items()) + min(thermal_wanted, thermal_done)


def adherence(entries: Sequence[DiaryEntry], schedule: Sequence[ScheduledSession]) -> Adherence | None:
    """Share of scheduled sessions done, on the days the person kept the diary.

    An exercise session counts when the entry logs that exercise; cold and heat sessions are
    interchangeable (the plan allows heat earlier when it helps more). Days with no entry are
    unknown rather than missed, so they are reported apart and left out of the share.
    """
    tracked = [s for s in schedule if s.kind != "other"]
    if not schedule:
        return None
    logged: dict[dt.date, list[DiaryEntry]] = defaultdict(list)
    for e in entries:
        logged[e.date].append(e)
    by_date: dict[dt.date, list[ScheduledSession]] = defaultdict(list)
    for s in tracked:
        by_date[s.date].append(s)
    rows = [
        DayAdherence(date=day, scheduled=len(by_date[day]), done=_day_done(by_date[day], logged[day]))
        for day in sorted(by_date)
        if day in logged
    ]
    scheduled = sum(r.scheduled for r in rows)
    done = sum(r.done for r in rows)
    return Adherence(
        scheduled=scheduled,
        done=done,
        share=round(done / scheduled, 3) if scheduled else None,
        days_logged=len(rows),
        days_unlogged=sum(1 for day in by_date if day not in logged),
        untracked=len(schedule) - len(tracked),
        by_day=rows,
    )
