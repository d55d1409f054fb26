"""iCalendar export: parse the bytes back with icalendar and check the events, fields and alarms."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar, Component

from backcare.adapters.calendar import plan_to_ics
from backcare.core.models import DISCLAIMER, Plan
from backcare.core.plan import build_plan
from backcare.core.rules import Value
from backcare.knowledge import KnowledgeBase, load_knowledge
from backcare.knowledge.schema import Disposition

START = dt.date(2025, 3, 24)  # the UK clocks change on 30 March 2025, inside the 14 days
STAMP = dt.datetime(2025, 3, 24, 7, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="module")
def plan(kb: KnowledgeBase) -> Plan:
    facts: dict[str, Value] = {"back_pain": True, "days_since_onset": 0, "pain_score": 5, "sex": "male", "age": 40}
    return build_plan(facts, Disposition.self_care, [], kb, start=START)


def events(data: bytes) -> list[Component]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_round_trip_one_event_per_session_with_an_alarm_per_block(plan: Plan) -> None:
    data = plan_to_ics(plan, START, stamp=STAMP)
    cal = Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and "backcare" in str(cal["PRODID"])
    found = events(data)
    assert len(found) == len(plan.schedule) > 14
    assert len({str(e["UID"]) for e in found}) == len(found)
    previous_end = None
    for event, session in zip(found, plan.schedule, strict=True):
        begin = event.decoded("DTSTART")
        assert begin == dt.datetime.combine(START + dt.timedelta(days=session.day - 1), session.time)
        assert begin.tzinfo is None  # floating local time without a zone
        assert event.decoded("DTEND") - begin == dt.timedelta(minutes=session.duration_minutes)
        assert event.decoded("DTSTAMP") == STAMP
        assert session.title in str(event["SUMMARY"])
        alarms = list(event.walk("VALARM"))
        follows_on = previous_end is not None and begin <= previous_end
        previous_end = event.decoded("DTEND")
        if follows_on:  # part of a routine: the block's first session carries the reminder
            assert alarms == []
            continue
        assert len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == dt.timedelta(minutes=-10) and str(alarms[0]["DESCRIPTION"])
    assert sum(bool(list(e.walk("VALARM"))) for e in found) < len(found)


def test_descriptions_carry_details_and_sources(plan: Plan) -> None:
    cited = {i.id: i.sources for i in plan.items} | {e.id: e.sources for e in plan.exercises}
    for event, session in zip(events(plan_to_ics(plan, START, stamp=STAMP)), plan.schedule, strict=True):
        text = str(event["DESCRIPTION"])
        assert session.details in text and DISCLAIMER in text
        assert "Sources: " + "; ".join(cited[session.activity]) in text


def test_repetitions_appear_in_the_summary(plan: Plan) -> None:
    with_reps = [
        (e, s)
        for e, s in zip(events(plan_to_ics(plan, START, stamp=STAMP)), plan.schedule, strict=True)
        if s.repetitions
    ]
    assert with_reps
    assert all(f"{s.repetitions} reps" in str(e["SUMMARY"]) for e, s in with_reps)


def test_time_zone_is_declared_and_follows_daylight_saving(plan: Plan) -> None:
    data = plan_to_ics(plan, START, tz="Europe/London", stamp=STAMP)
    cal = Calendar.from_ical(data)
    assert [str(t["TZID"]) for t in cal.walk("VTIMEZONE")] == ["Europe/London"]
    offsets = set()
    for event in cal.walk("VEVENT"):
        begin = event.decoded("DTSTART")
        assert str(begin.tzinfo) == "Europe/London"
        offsets.add(begin.utcoffset())
    assert offsets == {dt.timedelta(0), dt.timedelta(hours=1)}  # GMT, then BST from 30 March


def test_output_is_reproducible_and_rfc_shaped(plan: Plan) -> None:
    first = plan_to_ics(plan, START, stamp=STAMP)
    assert first == plan_to_ics(plan, START, stamp=STAMP)
    assert first.endswith(b"\r\n") and b"\n" not in first.replace(b"\r\n", b"")
    assert max(len(line) for line in first.split(b"\r\n")) <= 75  # folded content lines
    later = plan_to_ics(plan, START + dt.timedelta(days=7), stamp=STAMP)
    assert {str(e["UID"]) for e in events(first)}.isdisjoint(str(e["UID"]) for e in events(later))


def test_emergency_plan_exports_an_empty_but_valid_calendar(kb: KnowledgeBase) -> None:
    plan = build_plan({"back_pain": True, "saddle_numbness": True}, Disposition.emergency, [], kb)
    data = plan_to_ics(plan, START, stamp=STAMP)
    assert events(data) == [] and str(Calendar.from_ical(data)["VERSION"]) == "2.0"


def test_unknown_time_zone_is_a_clear_error(plan: Plan) -> None:
    with pytest.raises(ValueError, match="time zone"):
        plan_to_ics(plan, START, tz="Mars/Olympus_Mons")


def test_sessions_before_now_are_left_out(plan: Plan) -> None:
    zone = "Europe/London"
    now = dt.datetime(2025, 3, 24, 15, 1, tzinfo=dt.UTC)  # the plan's first afternoon
    found = events(plan_to_ics(plan, START, tz=zone, stamp=STAMP, after=now))
    assert found and all(e.decoded("DTSTART") >= now for e in found)
    everything = events(plan_to_ics(plan, START, tz=zone, stamp=STAMP))
    assert len(found) < len(everything)
    assert {str(e["UID"]) for e in found} <= {str(e["UID"]) for e in everything}  # the same events, fewer


def test_at_most_four_reminders_a_day(plan: Plan) -> None:
    per_day: dict[dt.date, int] = {}
    for event in events(plan_to_ics(plan, START, stamp=STAMP)):
        alarms = [c for c in event.subcomponents if c.name == "VALARM"]
        day = event.decoded("DTSTART").date()
        per_day[day] = per_day.get(day, 0) + len(alarms)
    assert per_day and max(per_day.values()) <= 4
