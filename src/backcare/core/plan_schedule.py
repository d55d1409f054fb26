"""The plan's day-by-day schedule: sessions with a time of day, duration and repetitions.

At most ``MAX_SESSIONS_PER_DAY`` sessions a day (spec section 6, 2026-12: at most four reminders a
day): one cold or heat session in the morning (the advice's own ``schedule`` in ``advice.yaml``),
then the exercise routine, one session per exercise back to back, with the walk straight after it.
A routine shares one calendar reminder. From the second week of an exercise the schedule shows the
next week's amount only as a step to take while pain allows, with last week's amount to fall back
to: progression is never automatic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache, lru_cache
from operator import itemgetter
from typing import TypedDict

from pydantic import TypeAdapter

from backcare.core.models import PlanItem, Session
from backcare.core.plan_common import in_window
from backcare.core.plan_exercises import Chosen, dosage_for_week, dosage_text
from backcare.knowledge import KnowledgeBase

MAX_SESSIONS_PER_DAY = 4
EXERCISE_BLOCK_START = dt.time(10, 30)


SCHEDULE_CACHE_SIZE = 512
"""Distinct schedules kept per process (each about 200 small, shared, immutable sessions)."""


class _SessionRow(TypedDict):
    """A ``Session`` as plain data, made into models for the whole schedule in one call.

    Measured with pydantic 2.14 for a 197-session schedule: one ``TypeAdapter`` call 0.13 ms, one
    constructor call per session 0.23 ms, ``model_construct`` per session 0.55 ms (it runs in Python).
    """

    day: int
    date: dt.date | None
    time: dt.time
    activity: str
    title: str
    duration_minutes: int
    repetitions: int | None
    details: str


class _Inputs:
    """What a schedule depends on, hashable: the knowledge base counts by its version only."""

    __slots__ = ("advice_ids", "chosen", "days", "first_day", "kb", "key", "start")

    def __init__(
        self,
        kb: KnowledgeBase,
        advice_ids: tuple[str, ...],
        chosen: tuple[Chosen, ...],
        first_day: int,
        days: int,
        start: dt.date | None,
    ) -> None:
        self.kb, self.advice_ids, self.chosen = kb, advice_ids, chosen
        self.first_day, self.days, self.start = first_day, days, start
        picks = tuple(c.exercise.id for c in chosen)
        self.key = (kb.version, advice_ids, picks, first_day, days, start)

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Inputs) and self.key == other.key


def build_schedule(
    items: Sequence[PlanItem],
    chosen: Sequence[Chosen],
    kb: KnowledgeBase,
    first_day: int,
    days: int,
    start: dt.date | None,
) -> list[Session]:
    """Sessions for ``days`` plan days; ``first_day`` is the episode day (0-based) of plan day 1.

    Many people share a schedule (same advice, exercises, start and day of the episode), so
    schedules are built once and kept in a bounded cache; the sessions are immutable and shared.
    """
    advice_ids = tuple(i.id for i in items if i.id in kb.advice and kb.advice[i.id].schedule)
    return list(_schedule(_Inputs(kb, advice_ids, tuple(chosen), first_day, days, start)))


def schedule_cache_info() -> str:
    """The schedule cache's hits, misses and size, for benchmarks and diagnostics."""
    return str(_schedule.cache_info())


@lru_cache(maxsize=SCHEDULE_CACHE_SIZE)
def _schedule(inputs: _Inputs) -> tuple[Session, ...]:
    kb, chosen, first_day, days, start = inputs.kb, inputs.chosen, inputs.first_day, inputs.days, inputs.start
    rows: list[_SessionRow] = []
    scheduled = [kb.advice[i] for i in inputs.advice_ids]
    slots: dict[tuple[str, int], tuple[int, int | None, str]] = {}
    for day in range(1, days + 1):
        episode_day = first_day + day - 1
        date = start + dt.timedelta(days=day - 1) if start else None
        for advice in scheduled:
            spec = advice.schedule
            assert spec is not None
            if in_window(spec.from_day, spec.until_day, episode_day, episode_day):
                rows += [
                    _SessionRow(
                        day=day,
                        date=date,
                        time=at,
                        activity=advice.id,
                        title=advice.title,
                        duration_minutes=spec.minutes,
                        repetitions=None,
                        details=spec.details,
                    )
                    for at in spec.times
                ]
        rows += _routine(chosen, day, episode_day, first_day, date, slots)
    rows.sort(key=itemgetter("day", "time", "activity"))
    return tuple(_sessions_adapter().validate_python(rows))


@cache
def _sessions_adapter() -> TypeAdapter[list[Session]]:
    return TypeAdapter(list[Session])


def _routine(
    chosen: Sequence[Chosen],
    day: int,
    episode_day: int,
    first_day: int,
    date: dt.date | None,
    slots: dict[tuple[str, int], tuple[int, int | None, str]],
) -> list[_SessionRow]:
    """The day's exercise routine: each exercise once, back to back, then the timed ones (a walk)."""
    today = [c.exercise for c in chosen if episode_day >= c.exercise.start_day]
    ordered = [e for e in today if not e.dosage[0].minutes] + [e for e in today if e.dosage[0].minutes]
    at = dt.datetime.combine(dt.date.min, EXERCISE_BLOCK_START)
    rows: list[_SessionRow] = []
    for ex in ordered:
        week = (day - max(1, ex.start_day - first_day + 1)) // 7 + 1
        if (ex.id, week) not in slots:  # the wording is the same on every day of a week: write it once
            slots[ex.id, week] = _slot(ex.id, week, chosen)
        minutes, reps, details = slots[ex.id, week]
        rows.append(
            _SessionRow(
                day=day,
                date=date,
                time=at.time(),
                activity=ex.id,
                title=ex.name,
                duration_minutes=minutes,
                repetitions=reps,
                details=details,
            )
        )
        at += dt.timedelta(minutes=minutes)
    return rows


def _slot(exercise_id: str, week: int, chosen: Sequence[Chosen]) -> tuple[int, int | None, str]:
    """Minutes, repetitions and wording of one exercise's session in programme week ``week``."""
    ex = next(c.exercise for c in chosen if c.exercise.id == exercise_id)
    dosage = dosage_for_week(ex, week)
    if dosage.minutes:
        minutes, reps = dosage.minutes, None
        more = dosage.reps - 1
        later = f", and {more} more time{'s' if more > 1 else ''} later today" if more else ""
        text = f"Walk at an easy pace for about {dosage.minutes} minutes now{later}"
    else:
        seconds = dosage.sets * dosage.reps * (dosage.hold_seconds + 4) * (2 if dosage.per_side else 1)
        seconds += (dosage.sets - 1) * dosage.rest_seconds + 60
        minutes, reps = max(2, -(-seconds // 60)), dosage.reps
        text = dosage_text(dosage)[: -len(", once a day")]
    text += f" (week {week} of your programme)."
    previous = dosage_for_week(ex, week - 1)
    if week > 1 and previous != dosage:
        text += (
            " Only if your pain has stayed at or below its starting level; if not, keep to the"
            f" previous week's amount ({dosage_text(previous)})."
        )
    return minutes, reps, f"{text} Stop if {ex.stop_if}."
