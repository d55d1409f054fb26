"""Recovery diary: the entry model with its limits, and the typed results the trend is reported in.

The limits of an entry (pain 0-10, spasms, cold and heat sessions, note length) are stated once,
here, as module constants: the entry model enforces them and the front ends quote them in their
own checks and messages. The clinical judgements live beside this module: ``backcare.core.recovery``
(minimal important change, expected course, baseline), ``backcare.core.adherence`` (plan sessions
done), ``backcare.core.trend`` (putting it together) and ``backcare.core.trend_messages`` (the rule
messages). Re-triage of an entry's findings is here because it needs nothing but the entry.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from backcare.core.models import Assessment, PegResult, RmdqResult
from backcare.knowledge.schema import Disposition

Measure = Literal["nrs", "peg", "rmdq"]
Verdict = Literal["improved", "no_important_change", "worse"]
Course = Literal["ahead", "expected", "slower"]
FindingValue = bool | int | str | list[str]

# --- Limits of an entry (the front ends quote these) ---------------------------------------------

PAIN_MIN = 0
PAIN_MAX = 10
SPASMS_MAX = 1000
SESSIONS_MAX = 48
"""Cold-pack or heat sessions in one day."""
NOTE_MAX = 10_000
"""Characters of the free-text note."""
REPETITIONS_MAX = 1000
EXERCISE_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
EXERCISE_ID_MAX = 64


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- Entries --------------------------------------------------------------------------------------


class ExerciseDone(_Model):
    """One exercise session logged in a diary entry."""

    id: str = Field(pattern=EXERCISE_ID_PATTERN, max_length=EXERCISE_ID_MAX)
    repetitions: int = Field(ge=1, le=REPETITIONS_MAX)


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
    pain: int = Field(ge=PAIN_MIN, le=PAIN_MAX)
    spasms: int | None = Field(None, ge=0, le=SPASMS_MAX)
    peg: PegResult | None = None
    rmdq: RmdqResult | None = None
    exercises: tuple[ExerciseDone, ...] = ()
    cold_sessions: int = Field(0, ge=0, le=SESSIONS_MAX)
    heat_sessions: int = Field(0, ge=0, le=SESSIONS_MAX)
    note: str | None = Field(None, max_length=NOTE_MAX)
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
    pain: int = Field(ge=PAIN_MIN, le=PAIN_MAX)
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
    """One measure's change from baseline, judged against its minimal important change."""

    measure: Measure
    baseline: float
    current: float
    change: float = Field(description="current minus baseline; negative is better")
    relative: float | None = Field(description="change as a share of baseline, when baseline > 0")
    mic: float
    verdict: Verdict
    sources: list[str]


class TrendRow(_Model):
    """One entry as the diary table and chart show it."""

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
    """The expected pain on one day, with a band of one minimal important change."""

    day: int
    date: dt.date
    expected: float
    low: float
    high: float


class DayAdherence(_Model):
    """One scheduled day that has a diary entry."""

    date: dt.date
    scheduled: int
    done: int


class Adherence(_Model):
    """Plan sessions done on the days the diary was kept."""

    scheduled: int
    done: int
    share: float | None
    days_logged: int
    days_unlogged: int = Field(description="scheduled days without any diary entry (not counted)")
    untracked: int = Field(description="scheduled sessions the diary does not record, e.g. walks")
    by_day: list[DayAdherence]


class TrendMessage(_Model):
    """A rule's message to the person, with the sources it rests on."""

    id: Literal["persistent", "reassess", "red_flag", "course_slower", "course_expected", "improved", "baseline"]
    level: Literal["info", "advice", "warning", "alert"]
    text: str
    disposition: Disposition | None = None
    red_flags: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class Trend(_Model):
    """Everything the diary view shows about an episode."""

    baseline: Baseline | None
    onset: dt.date | None
    latest: dt.date | None
    day: int | None = Field(description="day of the episode of the latest entry")
    nrs: MeasureChange | None
    peg: MeasureChange | None
    rmdq: MeasureChange | None
    course: Course | None
    expected_now: float | None
    adherence: Adherence | None
    rows: list[TrendRow]
    messages: list[TrendMessage]


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
