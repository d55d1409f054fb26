"""Recovery diary: the entry model and pure trend functions (clinical spec section 7).

Everything here is a pure function of diary entries and a baseline: no database, no clock, no
printing. The command line loads entries from ``backcare.adapters.storage``, calls ``compute_trend`` and
renders the typed ``Trend`` it gets back, so the clinical rules (minimal important change, the
expected course, when to advise a review or a re-assessment) are testable on their own.

Thresholds and their sources:

- NRS pain 0-10: an important change is 2 points or 30 % of baseline (Ostelo 2008, ``ostelo_2008``).
- PEG 0-10: about 1 point (Krebs 2009, ``peg_krebs``).
- RMDQ 0-24: about 5 points (Ostelo 2008; Roland & Morris 1983, ``rmdq_roland``).
- Expected course of acute low back pain: mean pain 52/100 at baseline, 23 at 6 weeks, 12 at 26
  weeks and 6 at 52 weeks in acute cohorts (Costa 2012, ``costa_2012``); median return to usual
  work about 14 days (Henschke 2008, ``henschke_2008``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from backcare.core.models import Assessment, PegResult, Plan, RmdqResult
from backcare.knowledge.schema import URGENCY, Disposition

Measure = Literal["nrs", "peg", "rmdq"]
Verdict = Literal["improved", "no_important_change", "worse"]
FindingValue = bool | int | str | list[str]

# --- Thresholds (data, with their sources) -------------------------------------------------------

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
#: Week 4: from here a diary that has not improved by the minimal important change gets the
#: ``persistent`` review advice (spec section 7: "not improved by week 4-6").
REVIEW_FROM_DAY = 28
PERSISTENT_SOURCES = ["nice_ng59", "costa_2012", "henschke_2008"]
RISE_POINTS = 2
#: Red-flag alerts from diary entries stay on screen this long unless a full assessment follows.
ALERT_DAYS = 14


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- Entries --------------------------------------------------------------------------------------


class ExerciseDone(_Model):
    """One exercise session logged in a diary entry."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)
    repetitions: int = Field(ge=1, le=1000)


class Retriage(_Model):
    """What re-running triage on a diary entry found; kept with the entry so alerts persist."""

    disposition: Disposition
    red_flags: list[str]
    assessment_id: str | None = None


class DiaryEntry(_Model):
    """One day's record. Scores are instrument results computed from raw answers, never totals."""

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), pattern=r"^[0-9a-f-]{36}$")
    date: dt.date
    recorded_at: dt.datetime
    timezone: str = Field(min_length=1, max_length=64)
    pain: int = Field(ge=0, le=10)
    spasms: int | None = Field(None, ge=0, le=1000)
    peg: PegResult | None = None
    rmdq: RmdqResult | None = None
    exercises: tuple[ExerciseDone, ...] = ()
    cold_sessions: int = Field(0, ge=0, le=48)
    heat_sessions: int = Field(0, ge=0, le=48)
    note: str | None = Field(None, max_length=10_000)
    findings: dict[str, FindingValue] = Field(default_factory=dict)
    episode_id: str | None = None
    retriage: Retriage | None = None

    @field_validator("recorded_at")
    @classmethod
    def _aware_utc(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("recorded_at needs a time zone (UTC)")
        return value.astimezone(dt.UTC)


class Baseline(_Model):
    """Where the episode started, for change-from-baseline judgements."""

    date: dt.date
    pain: int = Field(ge=0, le=10)
    peg: float | None = None
    rmdq: int | None = None
    source: Literal["assessment", "diary"] = "diary"


class ScheduledSession(_Model):
    """One trackable session of the plan schedule on a calendar date."""

    date: dt.date
    activity: str
    kind: Literal["exercise", "cold", "heat", "other"]


# --- Results --------------------------------------------------------------------------------------


class MeasureChange(_Model):
    measure: Measure
    baseline: float
    current: float
    change: float = Field(description="current minus baseline; negative is better")
    relative: float | None = Field(description="change as a share of baseline, when baseline > 0")
    mic: float
    verdict: Verdict
    sources: list[str]


class TrendRow(_Model):
    date: dt.date
    day: int | None = Field(description="day of the episode, onset = day 0")
    pain: int
    spasms: int | None
    peg: float | None
    rmdq: int | None
    change: float = Field(description="pain minus baseline pain")
    verdict: Verdict
    expected: float | None
    exercises: int
    thermal: int
    red_flags: list[str]


class CoursePoint(_Model):
    day: int
    date: dt.date
    expected: float
    low: float
    high: float


class DayAdherence(_Model):
    date: dt.date
    scheduled: int
    done: int


class Adherence(_Model):
    scheduled: int
    done: int
    share: float | None
    days_logged: int
    days_unlogged: int = Field(description="scheduled days without any diary entry (not counted)")
    untracked: int = Field(description="scheduled sessions the diary does not record, e.g. walks")
    by_day: list[DayAdherence]


class TrendMessage(_Model):
    id: Literal["persistent", "reassess", "red_flag", "course_slower", "course_expected", "improved", "baseline"]
    level: Literal["info", "advice", "warning", "alert"]
    text: str
    disposition: Disposition | None = None
    red_flags: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class Trend(_Model):
    baseline: Baseline | None
    onset: dt.date | None
    latest: dt.date | None
    day: int | None = Field(description="day of the episode of the latest entry")
    nrs: MeasureChange | None
    peg: MeasureChange | None
    rmdq: MeasureChange | None
    course: Literal["ahead", "expected", "slower"] | None
    expected_now: float | None
    adherence: Adherence | None
    rows: list[TrendRow]
    messages: list[TrendMessage]


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
                high=round(min(10.0, value + NRS_MIC_POINTS), 3),
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


# --- Adherence ------------------------------------------------------------------------------------


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
    rows: list[DayAdherence] = []
    unlogged = 0
    for day in sorted(by_date):
        if day not in logged:
            unlogged += 1
            continue
        sessions = by_date[day]
        wanted = Counter(s.activity for s in sessions if s.kind == "exercise")
        thermal_wanted = sum(1 for s in sessions if s.kind in ("cold", "heat"))
        done_ex = Counter(x.id for e in logged[day] for x in e.exercises)
        thermal_done = sum(e.cold_sessions + e.heat_sessions for e in logged[day])
        done = sum(min(n, done_ex[a]) for a, n in wanted.items()) + min(thermal_wanted, thermal_done)
        rows.append(DayAdherence(date=day, scheduled=len(sessions), done=done))
    scheduled = sum(r.scheduled for r in rows)
    done = sum(r.done for r in rows)
    return Adherence(
        scheduled=scheduled,
        done=done,
        share=round(done / scheduled, 3) if scheduled else None,
        days_logged=len(rows),
        days_unlogged=unlogged,
        untracked=len(schedule) - len(tracked),
        by_day=rows,
    )


# --- Re-triage ------------------------------------------------------------------------------------


def retriage_answers(
    entry_findings: Mapping[str, FindingValue],
    pain: int,
    days_since_onset: int | None = None,
    previous: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """Answers for re-running triage on a diary entry: earlier answers updated with today's."""
    answers: dict[str, object] = dict(previous or {})
    answers["pain_score"] = pain
    if days_since_onset is not None:
        answers["days_since_onset"] = days_since_onset
    answers.update(entry_findings)
    return answers


def new_findings(entry_findings: Mapping[str, FindingValue], assessment: Assessment) -> set[str]:
    """Findings the entry itself brings: its answers that are present, and what its note said."""
    given = {k for k, v in entry_findings.items() if v is True or (not isinstance(v, bool) and v)}
    from_text = {f.id for f in assessment.findings if f.source == "text" and f.status != "absent"}
    return given | from_text


def retriage_alert(entry_findings: Mapping[str, FindingValue], assessment: Assessment) -> Retriage | None:
    """A red flag that today's entry triggers (not one carried over from earlier answers)."""
    fresh = new_findings(entry_findings, assessment)
    flags = [h.id for h in assessment.red_flags if set(h.because) & fresh]
    if not flags:
        return None
    return Retriage(disposition=assessment.disposition, red_flags=flags)


# --- Trend ----------------------------------------------------------------------------------------


def _current_level(ordered: Sequence[DiaryEntry]) -> float:
    """Mean pain over the 7 days ending on the latest entry: one good or bad day is not a trend."""
    last = ordered[-1].date
    window = [e.pain for e in ordered if (last - e.date).days < 7]
    return round(sum(window) / len(window), 2)


def compute_trend(
    entries: Sequence[DiaryEntry],
    baseline: Baseline | None = None,
    onset: dt.date | None = None,
    schedule: Sequence[ScheduledSession] = (),
    reassessed_at: dt.datetime | None = None,
) -> Trend:
    """Change from baseline, comparison with the expected course, adherence and the rule messages.

    Rules (spec section 7): pain not improved by the minimal important change from week 4 on ->
    ``persistent`` review advice; latest pain 2 or more above baseline -> re-assess; a red flag
    found in an entry since the last full assessment (``reassessed_at``) -> an alert with the
    re-triage disposition.
    """
    ordered = sorted(entries, key=lambda e: (e.date, e.recorded_at))
    baseline = baseline or baseline_from(ordered)
    if not ordered or baseline is None:
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
            adherence=adherence(ordered, schedule),
            rows=[],
            messages=[],
        )
    onset = onset or min(baseline.date, ordered[0].date)
    base_day = max((baseline.date - onset).days, 0)
    latest = ordered[-1]
    day = (latest.date - onset).days

    rows = [
        TrendRow(
            date=e.date,
            day=(e.date - onset).days,
            pain=e.pain,
            spasms=e.spasms,
            peg=e.peg.score if e.peg else None,
            rmdq=e.rmdq.score if e.rmdq else None,
            change=e.pain - baseline.pain,
            verdict=nrs_change(baseline.pain, e.pain).verdict,
            expected=round(expected_pain(baseline.pain, base_day, (e.date - onset).days), 2)
            if e.date >= baseline.date
            else None,
            exercises=len(e.exercises),
            thermal=e.cold_sessions + e.heat_sessions,
            red_flags=list(e.retriage.red_flags) if e.retriage else [],
        )
        for e in ordered
    ]

    current = _current_level(ordered)
    nrs = nrs_change(baseline.pain, current)
    pegs = [e for e in ordered if e.peg is not None]
    peg = peg_change(baseline.peg, pegs[-1].peg.score) if baseline.peg is not None and pegs and pegs[-1].peg else None
    rmdqs = [e for e in ordered if e.rmdq is not None]
    rmdq = (
        rmdq_change(baseline.rmdq, rmdqs[-1].rmdq.score)
        if baseline.rmdq is not None and rmdqs and rmdqs[-1].rmdq
        else None
    )

    expected_now = expected_pain(baseline.pain, base_day, day) if latest.date > baseline.date else None
    course: Literal["ahead", "expected", "slower"] | None = None
    if expected_now is not None:
        if current > expected_now + NRS_MIC_POINTS:
            course = "slower"
        elif current < expected_now - NRS_MIC_POINTS:
            course = "ahead"
        else:
            course = "expected"

    messages = _messages(ordered, baseline, nrs, day, course, expected_now, reassessed_at)
    return Trend(
        baseline=baseline,
        onset=onset,
        latest=latest.date,
        day=day,
        nrs=nrs,
        peg=peg,
        rmdq=rmdq,
        course=course,
        expected_now=None if expected_now is None else round(expected_now, 2),
        adherence=adherence(ordered, schedule),
        rows=rows,
        messages=messages,
    )


def _messages(
    ordered: Sequence[DiaryEntry],
    baseline: Baseline,
    nrs: MeasureChange,
    day: int,
    course: Literal["ahead", "expected", "slower"] | None,
    expected_now: float | None,
    reassessed_at: dt.datetime | None,
) -> list[TrendMessage]:
    out: list[TrendMessage] = []
    latest = ordered[-1]

    alerts = [
        e
        for e in ordered
        if e.retriage
        and e.retriage.red_flags
        and (latest.date - e.date).days <= ALERT_DAYS
        and (reassessed_at is None or e.recorded_at > reassessed_at)
    ]
    if alerts:
        worst = max(alerts, key=lambda e: (URGENCY[e.retriage.disposition] if e.retriage else 0, e.date))
        assert worst.retriage is not None
        flags = list(dict.fromkeys(f for e in alerts if e.retriage for f in e.retriage.red_flags))
        out.append(
            TrendMessage(
                id="red_flag",
                level="alert",
                text=(
                    f"Your diary entry of {worst.date.isoformat()} reported a warning sign "
                    f"({', '.join(flags)}). Re-triage: {worst.retriage.disposition.value}. "
                    "Act on it now, then take a new assessment to update your plan."
                ),
                disposition=worst.retriage.disposition,
                red_flags=flags,
                sources=["nice_ng59"],
            )
        )

    if latest.pain - baseline.pain >= RISE_POINTS:
        out.append(
            TrendMessage(
                id="reassess",
                level="warning",
                text=(
                    f"Your pain today ({latest.pain}/10) is {latest.pain - baseline.pain} points above where it "
                    f"started ({baseline.pain}/10). Please re-assess: take a new assessment so your plan fits "
                    "how you are now."
                ),
                sources=MIC_SOURCES["nrs"],
            )
        )

    if day >= REVIEW_FROM_DAY and latest.date > baseline.date and nrs.verdict != "improved" and nrs.current > 0:
        out.append(
            TrendMessage(
                id="persistent",
                level="advice",
                text=(
                    f"It is week {day // 7 + 1} and your pain ({nrs.current:g}/10 over the last week) has not "
                    f"improved by 2 points or 30% from {baseline.pain}/10. Most episodes improve a lot within "
                    "six weeks: book a GP or physiotherapist review within one to two weeks, and keep "
                    "following the plan meanwhile."
                ),
                disposition=Disposition.soon,
                red_flags=["persistent"],
                sources=PERSISTENT_SOURCES,
            )
        )
    elif nrs.verdict == "improved":
        out.append(
            TrendMessage(
                id="improved",
                level="info",
                text=(
                    f"Your pain has improved by an important amount: {baseline.pain}/10 at the start, "
                    f"{nrs.current:g}/10 over the last week."
                ),
                sources=MIC_SOURCES["nrs"],
            )
        )

    if course == "slower" and expected_now is not None:
        out.append(
            TrendMessage(
                id="course_slower",
                level="info",
                text=(
                    f"Your pain is above the usual course for a new episode (about {expected_now:.1f}/10 by "
                    f"day {day} for someone who started at {baseline.pain}/10); pain typically more than halves "
                    "by six weeks."
                ),
                sources=COURSE_SOURCES,
            )
        )
    elif course is not None:
        out.append(
            TrendMessage(
                id="course_expected",
                level="info",
                text="Your pain is following or beating the usual course of a new episode of back pain.",
                sources=COURSE_SOURCES,
            )
        )
    if len(ordered) == 1 or latest.date == baseline.date:
        out.append(
            TrendMessage(
                id="baseline",
                level="info",
                text=f"Baseline recorded: pain {baseline.pain}/10 on {baseline.date.isoformat()}.",
            )
        )
    return out


def entries_in_window(entries: Iterable[DiaryEntry], since: dt.date | None, until: dt.date | None) -> list[DiaryEntry]:
    """Entries dated within [since, until], oldest first."""
    return sorted(
        (e for e in entries if (since is None or e.date >= since) and (until is None or e.date <= until)),
        key=lambda e: (e.date, e.recorded_at),
    )
