"""Today's exercise session: which of the plan's exercises fall on today, and how a session joins the diary.

The plan counts days from 1 (the day it was made); the session page and its timers need the
exercises of today's plan day with this week's dosage. What a session records goes into the
day's diary entry, so a person who logs pain in the morning and exercises at noon keeps one
entry for the day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from backcare.core.diary import DiaryEntry, ExerciseDone
from backcare.core.models import ExerciseItem, Plan, Session


@dataclass(frozen=True)
class SessionExercise:
    """One exercise of today's session with the numbers its timers run on."""

    id: str
    name: str
    steps: list[str]
    cues: list[str]
    dosage: str
    sets: int
    reps: int
    hold_seconds: int
    per_side: bool
    rest_seconds: int
    stop_if: str
    sources: list[str]


def plan_day(start: dt.date, today: dt.date) -> int:
    """The plan's day number of ``today``: 1 on the day the plan was made."""
    return (today - start).days + 1


def todays_session(plan: Plan, start: dt.date, today: dt.date) -> list[SessionExercise]:
    """The plan's exercises scheduled today (in schedule order), with this week's dosage."""
    day = plan_day(start, today)
    sessions: dict[str, Session] = {}  # each activity's first session today
    for s in plan.schedule:
        if s.day == day:
            sessions.setdefault(s.activity, s)
    counted = dict.fromkeys(s.activity for s in plan.schedule if s.day == day and s.repetitions)
    by_id = {e.id: e for e in plan.exercises}
    return [_with_dosage(by_id[activity], sessions[activity]) for activity in counted if activity in by_id]


def _with_dosage(ex: ExerciseItem, session: Session) -> SessionExercise:
    return SessionExercise(
        id=ex.id,
        name=ex.name,
        steps=ex.steps,
        cues=ex.cues,
        dosage=session.details,
        sets=max(ex.sets, 1),
        reps=session.repetitions or ex.reps,
        hold_seconds=ex.hold_seconds,
        per_side=ex.per_side,
        rest_seconds=ex.rest_seconds,
        stop_if=ex.stop_if,
        sources=ex.sources,
    )


def session_entry(
    todays: DiaryEntry | None,
    done: Sequence[ExerciseDone],
    pain: int,
    note: str | None,
    *,
    day: dt.date,
    timezone: str,
    recorded_at: dt.datetime,
) -> DiaryEntry:
    """The day's entry with a session added: today's entry (same id) with the repetitions appended and
    the pain now, or a new entry when there is none. Raises pydantic's ``ValidationError`` past the limits.
    """
    if todays is None:
        return DiaryEntry(
            date=day, recorded_at=recorded_at, timezone=timezone, pain=pain, exercises=tuple(done), note=note or None
        )
    return DiaryEntry(
        id=todays.id,
        date=day,
        recorded_at=recorded_at,
        timezone=timezone,
        pain=pain,
        spasms=todays.spasms,
        peg=todays.peg,
        rmdq=todays.rmdq,
        exercises=(*todays.exercises, *done),
        cold_sessions=todays.cold_sessions,
        heat_sessions=todays.heat_sessions,
        note="\n".join(n for n in (todays.note, note) if n) or None,
        findings=dict(todays.findings),
    )
