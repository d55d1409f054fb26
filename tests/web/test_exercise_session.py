"""The exercise session's rules: today's plan day, and how a session joins the day's diary entry."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess
from backcare.core.diary import DiaryEntry, ExerciseDone
from backcare.core.exercise_session import plan_day, session_entry, todays_session
from backcare.core.local_time import today_in

START = dt.date(2026, 11, 2)
NOON = dt.datetime(2026, 11, 2, 12, tzinfo=dt.UTC)


def test_today_is_the_persons_date_at_the_given_instant():
    late = dt.datetime(2026, 11, 2, 23, 30, tzinfo=dt.UTC)
    assert today_in("Pacific/Auckland", late) == dt.date(2026, 11, 3)
    assert today_in("America/New_York", late) == dt.date(2026, 11, 2)
    assert today_in("Not/AZone", late) == dt.date(2026, 11, 2)


def test_the_session_lists_the_exercises_of_todays_plan_day():
    plan = assess(answers={"trigger_lifting": True, "days_since_onset": 3}, today=START).plan
    assert plan is not None
    assert plan_day(START, START) == 1
    for offset in range(3):
        day = START + dt.timedelta(days=offset)
        expected = {s.activity for s in plan.schedule if s.day == offset + 1 and s.repetitions}
        session = todays_session(plan, START, day)
        assert {x.id for x in session} == expected & {e.id for e in plan.exercises}
        assert all(x.sets >= 1 and x.reps >= 1 for x in session)
    assert todays_session(plan, START, START - dt.timedelta(days=1)) == []


def test_a_session_is_added_to_the_days_entry_or_starts_one():
    done = (ExerciseDone(id="glute_bridge", repetitions=8),)
    fresh = session_entry(None, done, 3, "", day=START, timezone="UTC", recorded_at=NOON)
    assert fresh.exercises == done and fresh.note is None and fresh.pain == 3
    morning = DiaryEntry(
        date=START,
        recorded_at=NOON - dt.timedelta(hours=4),
        timezone="UTC",
        pain=5,
        spasms=2,
        exercises=(ExerciseDone(id="knee_hug", repetitions=5),),
        cold_sessions=1,
        note="stiff",
        findings={"fever": False},
    )
    merged = session_entry(morning, done, 3, "easier after", day=START, timezone="UTC", recorded_at=NOON)
    assert merged.id == morning.id and merged.pain == 3 and merged.spasms == 2 and merged.cold_sessions == 1
    assert merged.exercises == (*morning.exercises, *done)
    assert merged.note == "stiff\neasier after" and merged.findings == {"fever": False}
