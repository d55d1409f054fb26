"""The plan's schedule is built once per distinct input and shared; the cache is bounded."""

from __future__ import annotations

import datetime as dt

from backcare.bootstrap import assess
from backcare.core.plan_schedule import SCHEDULE_CACHE_SIZE, _schedule
from backcare.knowledge import load_knowledge

CLEAR = {fid: False for fid, f in load_knowledge().findings.items() if f.screening}

TODAY = dt.date(2026, 3, 2)


def _plan(days_since_onset: int, today: dt.date = TODAY, **extra: object):
    answers = {**CLEAR, "age": 40, "pain_score": 4, "days_since_onset": days_since_onset, **extra}
    result = assess(answers=answers, today=today)
    assert result.plan is not None and result.plan.schedule
    return result.plan


def test_the_same_schedule_inputs_share_sessions_and_others_do_not() -> None:
    first = _plan(2, age=41)
    again = _plan(2, age=63)  # another person, the same advice, exercises, day and start
    assert again.schedule == first.schedule
    assert all(a is b for a, b in zip(again.schedule, first.schedule, strict=True))
    later = _plan(2, today=TODAY + dt.timedelta(days=1))
    assert later.schedule[0].date == TODAY + dt.timedelta(days=1)
    assert _plan(9).schedule != first.schedule


def test_the_cache_is_bounded() -> None:
    assert _schedule.cache_info().maxsize == SCHEDULE_CACHE_SIZE
