"""An episode's trend: change from baseline, the expected course, adherence and the rule messages.

A pure function of diary entries, a baseline and the knowledge base (no database, no clock, no
printing): the front ends load entries through ``backcare.services.diary``, call
``compute_trend`` and render the typed ``Trend`` it returns, so the clinical rules are testable
on their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from backcare.core.adherence import adherence
from backcare.core.diary import (
    Adherence,
    Baseline,
    Course,
    DiaryEntry,
    MeasureChange,
    ScheduledSession,
    Trend,
    TrendRow,
)
from backcare.core.recovery import NRS_MIC_POINTS, baseline_from, expected_pain, nrs_change, peg_change, rmdq_change
from backcare.core.trend_messages import Standing, trend_messages
from backcare.knowledge import KnowledgeBase


def compute_trend(
    entries: Sequence[DiaryEntry],
    baseline: Baseline | None = None,
    onset: dt.date | None = None,
    schedule: Sequence[ScheduledSession] = (),
    reassessed_at: dt.datetime | None = None,
    *,
    kb: KnowledgeBase,
) -> Trend:
    """Change from baseline, comparison with the expected course, adherence and the rule messages.

    Rules (spec section 7): pain not improved by the minimal important change when the knowledge
    base's ``persistent`` red flag fires -> review advice; latest pain 2 or more above baseline ->
    re-assess; a red flag found in an entry since the last full assessment (``reassessed_at``) ->
    an alert with the re-triage disposition.
    """
    ordered = sorted(entries, key=lambda e: (e.date, e.recorded_at))
    baseline = baseline or baseline_from(ordered)
    if not ordered or baseline is None:
        return _empty(baseline, onset, adherence(ordered, schedule))
    onset = onset or min(baseline.date, ordered[0].date)
    base_day = max((baseline.date - onset).days, 0)
    latest = ordered[-1]
    day = (latest.date - onset).days
    nrs = nrs_change(baseline.pain, _current_level(ordered))
    expected_now = expected_pain(baseline.pain, base_day, day) if latest.date > baseline.date else None
    course = _course(nrs.current, expected_now)
    standing = Standing(ordered, baseline, nrs, day, course, expected_now)
    return Trend(
        baseline=baseline,
        onset=onset,
        latest=latest.date,
        day=day,
        nrs=nrs,
        peg=_peg(ordered, baseline),
        rmdq=_rmdq(ordered, baseline),
        course=course,
        expected_now=None if expected_now is None else round(expected_now, 2),
        adherence=adherence(ordered, schedule),
        rows=[_row(e, baseline, onset, base_day) for e in ordered],
        messages=trend_messages(standing, kb, reassessed_at),
    )


def _empty(baseline: Baseline | None, onset: dt.date | None, done: Adherence | None) -> Trend:
    """The trend of a diary with no entries (or no baseline): nothing to judge yet."""
    return Trend(
        baseline=baseline,
        onset=onset,
        latest=None,
        day=None,
        nrs=None,
        peg=None,
        rmdq=None,
        course=None,
        expected_now=None,
        adherence=done,
        rows=[],
        messages=[],
    )


def _current_level(ordered: Sequence[DiaryEntry]) -> float:
    """Mean pain over the 7 days ending on the latest entry: one good or bad day is not a trend."""
    last = ordered[-1].date
    window = [e.pain for e in ordered if (last - e.date).days < 7]
    return round(sum(window) / len(window), 2)


def _course(current: float, expected_now: float | None) -> Course | None:
    """Ahead of, on or behind the usual course, by more than one minimal important change."""
    if expected_now is None:
        return None
    if current > expected_now + NRS_MIC_POINTS:
        return "slower"
    if current < expected_now - NRS_MIC_POINTS:
        return "ahead"
    return "expected"


def _peg(ordered: Sequence[DiaryEntry], baseline: Baseline) -> MeasureChange | None:
    latest = next((e.peg for e in reversed(ordered) if e.peg is not None), None)
    if baseline.peg is None or latest is None:
        return None
    return peg_change(baseline.peg, latest.score)


def _rmdq(ordered: Sequence[DiaryEntry], baseline: Baseline) -> MeasureChange | None:
    latest = next((e.rmdq for e in reversed(ordered) if e.rmdq is not None), None)
    if baseline.rmdq is None or latest is None:
        return None
    return rmdq_change(baseline.rmdq, latest.score)


def _row(entry: DiaryEntry, baseline: Baseline, onset: dt.date, base_day: int) -> TrendRow:
    day = (entry.date - onset).days
    return TrendRow(
        date=entry.date,
        day=day,
        pain=entry.pain,
        spasms=entry.spasms,
        peg=entry.peg.score if entry.peg else None,
        rmdq=entry.rmdq.score if entry.rmdq else None,
        change=entry.pain - baseline.pain,
        verdict=nrs_change(baseline.pain, entry.pain).verdict,
        expected=round(expected_pain(baseline.pain, base_day, day), 2) if entry.date >= baseline.date else None,
        exercises=len(entry.exercises),
        thermal=entry.cold_sessions + entry.heat_sessions,
        red_flags=list(entry.retriage.red_flags) if entry.retriage else [],
    )
