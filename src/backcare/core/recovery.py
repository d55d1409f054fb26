"""How much recovery counts: minimal important change, the expected course and the baseline.

Pure functions of numbers and diary entries (clinical spec section 7), so each clinical
threshold is testable on its own. Thresholds and their sources:

- NRS pain 0-10: an important change is 2 points or 30 % of baseline (Ostelo 2008, ``ostelo_2008``).
- PEG 0-10: about 1 point (Krebs 2009, ``peg_krebs``).
- RMDQ 0-24: about 5 points (Ostelo 2008; Roland & Morris 1983, ``rmdq_roland``).
- Expected course of acute low back pain: mean pain 52/100 at baseline, 23 at 6 weeks, 12 at 26
  weeks and 6 at 52 weeks in acute cohorts (Costa 2012, ``costa_2012``); median return to usual
  work about 14 days (Henschke 2008, ``henschke_2008``).

The source ids are checked against the knowledge base's sources by the tests.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Sequence

from backcare.core.diary import PAIN_MAX, Baseline, CoursePoint, DiaryEntry, Measure, MeasureChange, Verdict

NRS_MIC_POINTS = 2.0
NRS_MIC_RELATIVE = 0.30
PEG_MIC_POINTS = 1.0
RMDQ_MIC_POINTS = 5.0
MIC_SOURCES: dict[Measure, list[str]] = {
    "nrs": ["ostelo_2008"],
    "peg": ["peg_krebs"],
    "rmdq": ["ostelo_2008", "rmdq_roland"],
}

#: Mean pain (out of 100) in acute cohorts by day since onset (Costa et al., CMAJ 2012).
EXPECTED_COURSE: tuple[tuple[int, float], ...] = ((0, 52.0), (42, 23.0), (182, 12.0), (364, 6.0))
COURSE_SOURCES = ["costa_2012", "henschke_2008"]


# --- Minimal important change ---------------------------------------------------------------------


def _verdict(change: float, mic: float, relative: float | None, relative_mic: float | None) -> Verdict:
    eps = 1e-9
    better = -change >= mic - eps or (
        relative is not None and relative_mic is not None and -relative >= relative_mic - eps
    )
    worse = change >= mic - eps or (
        relative is not None and relative_mic is not None and change > 0 and relative >= relative_mic - eps
    )
    if better and change < 0:
        return "improved"
    if worse and change > 0:
        return "worse"
    return "no_important_change"


def nrs_change(baseline: float, current: float) -> MeasureChange:
    """Judge an NRS change: important when 2 points or 30 % of baseline, either way."""
    change = current - baseline
    relative = change / baseline if baseline > 0 else None
    return MeasureChange(
        measure="nrs",
        baseline=baseline,
        current=current,
        change=round(change, 2),
        relative=None if relative is None else round(relative, 3),
        mic=NRS_MIC_POINTS,
        verdict=_verdict(change, NRS_MIC_POINTS, relative, NRS_MIC_RELATIVE),
        sources=MIC_SOURCES["nrs"],
    )


def peg_change(baseline: float, current: float) -> MeasureChange:
    """Judge a PEG change: about 1 point matters."""
    return _absolute_change("peg", baseline, current, PEG_MIC_POINTS)


def rmdq_change(baseline: float, current: float) -> MeasureChange:
    """Judge an RMDQ change: about 5 points matter."""
    return _absolute_change("rmdq", baseline, current, RMDQ_MIC_POINTS)


def _absolute_change(measure: Measure, baseline: float, current: float, mic: float) -> MeasureChange:
    change = current - baseline
    return MeasureChange(
        measure=measure,
        baseline=baseline,
        current=current,
        change=round(change, 2),
        relative=round(change / baseline, 3) if baseline > 0 else None,
        mic=mic,
        verdict=_verdict(change, mic, None, None),
        sources=MIC_SOURCES[measure],
    )


def improvement_threshold(baseline: float) -> float:
    """The pain level at or below which the change from ``baseline`` counts as important.

    Either criterion is enough (2 points or 30 %), so the threshold is the higher of the two levels.
    """
    return max(0.0, max(baseline - NRS_MIC_POINTS, baseline * (1 - NRS_MIC_RELATIVE)))


# --- Expected course ------------------------------------------------------------------------------


def expected_fraction(day: float) -> float:
    """Share of the onset pain expected to remain on ``day`` (log-linear between Costa's points)."""
    if day <= 0:
        return 1.0
    points = EXPECTED_COURSE
    base = points[0][1]
    for (d0, v0), (d1, v1) in itertools.pairwise(points):
        if day <= d1:
            t = (day - d0) / (d1 - d0)
            return math.exp(math.log(v0) + t * (math.log(v1) - math.log(v0))) / base
    return points[-1][1] / base


def expected_pain(baseline_pain: float, baseline_day: int, day: int) -> float:
    """Typical pain on ``day`` for someone with ``baseline_pain`` on ``baseline_day`` of the episode."""
    return baseline_pain * expected_fraction(day) / expected_fraction(baseline_day)


def expected_course(baseline: Baseline, onset: dt.date, until: dt.date) -> list[CoursePoint]:
    """The typical course, scaled to the person's baseline, with a band of one minimal change."""
    start = max((baseline.date - onset).days, 0)
    points: list[CoursePoint] = []
    for day in range(start, max((until - onset).days, start) + 1):
        value = expected_pain(baseline.pain, start, day)
        points.append(
            CoursePoint(
                day=day,
                date=onset + dt.timedelta(days=day),
                expected=round(value, 3),
                low=round(max(0.0, value - NRS_MIC_POINTS), 3),
                high=round(min(float(PAIN_MAX), value + NRS_MIC_POINTS), 3),
            )
        )
    return points


# --- Baseline -------------------------------------------------------------------------------------


def baseline_from(
    entries: Sequence[DiaryEntry],
    assessment_pain: int | None = None,
    assessment_date: dt.date | None = None,
    assessment_peg: float | None = None,
) -> Baseline | None:
    """The episode's starting point: the assessment's pain if it came first, else the first entry."""
    ordered = sorted(entries, key=lambda e: (e.date, e.recorded_at))
    first_peg = next((e.peg.score for e in ordered if e.peg is not None), None)
    first_rmdq = next((e.rmdq.score for e in ordered if e.rmdq is not None), None)
    if (
        assessment_pain is not None
        and assessment_date is not None
        and (not ordered or assessment_date <= ordered[0].date)
    ):
        peg = assessment_peg if assessment_peg is not None else first_peg
        return Baseline(date=assessment_date, pain=assessment_pain, peg=peg, rmdq=first_rmdq, source="assessment")
    if not ordered:
        return None
    return Baseline(date=ordered[0].date, pain=ordered[0].pain, peg=first_peg, rmdq=first_rmdq, source="diary")
