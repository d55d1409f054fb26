"""What the routes call: the assessment, the diary and the exercise session, over the pure core and storage.

No clinical decision is made here: ``assess`` triages and plans, ``backcare.core.diary`` computes trends
and re-triage alerts. Saving an assessment, adding an entry and an episode's trend are the
``backcare.services.diary`` steps the command line takes too; this module checks the request
models, and reads and writes through ``DiaryRepository`` scoped to the principal's profile.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from annotated_types import Ge, Le
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StringConstraints,
    WithJsonSchema,
)

from backcare.adapters.storage import AssessmentRecord, PlanRecord, Store
from backcare.core.diary import DiaryEntry, ExerciseDone
from backcare.core.models import Assessment, Plan
from backcare.entrypoints.web.db import Principal
from backcare.services.diary import DiaryView, EntryAdded, Window

MAX_TEXT = 20_000
MIN_DAY = dt.date(2000, 1, 1)
MAX_DAY = dt.date(2199, 12, 31)
#: Plain text: no control characters other than tab and line breaks.
PLAIN_TEXT = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F]*$"
#: Dates the schedule can be built for (years 2000 to 2199), also stated in the OpenAPI document.
DAY_SCHEMA = {"type": "string", "format": "date", "pattern": "^2[01][0-9]{2}-[0-9]{2}-[0-9]{2}$"}

FindingId = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Name = Annotated[str, StringConstraints(max_length=200)]
AnswerValue = bool | int | float | Annotated[str, StringConstraints(max_length=200)] | list[Name] | None


def _day_in_range(value: dt.date | None) -> dt.date | None:
    if value is not None and not MIN_DAY <= value <= MAX_DAY:
        raise ValueError(f"must be between {MIN_DAY.isoformat()} and {MAX_DAY.isoformat()}")
    return value


def _whole(value: Any) -> Any:
    """JSON Schema's integer: whole numbers, also written 4.0; never strings or booleans."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


#: An integer exactly as the OpenAPI document states it (no "4" strings, no true/false). The bounds
#: come before the validator so the document shows them as minimum and maximum.
WholeNumber = Annotated[int, Strict(), BeforeValidator(_whole)]
Pain = Annotated[int, Strict(), Ge(0), Le(10), BeforeValidator(_whole)]
Count = Annotated[int, Strict(), Ge(0), Le(1000), BeforeValidator(_whole)]
Sessions = Annotated[int, Strict(), Ge(0), Le(48), BeforeValidator(_whole)]
Repetitions = Annotated[int, Strict(), Ge(1), Le(1000), BeforeValidator(_whole)]

Day = Annotated[dt.date, AfterValidator(_day_in_range), WithJsonSchema(DAY_SCHEMA)]


class AssessRequest(BaseModel):
    """The input of ``POST /api/v1/assess``: free text, structured answers, or both (answers win)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        None, max_length=MAX_TEXT, pattern=PLAIN_TEXT, description="what is happening, in the person's own words"
    )
    answers: dict[FindingId, AnswerValue | list[Name]] | None = Field(
        None, max_length=300, description="finding id -> value (see the README's structured answers)"
    )
    today: Day | None = Field(
        None, description="the date to assess as (anchors relative dates and the schedule); default today"
    )


def check_types(answers: Mapping[str, Any], allow_list: bool = True) -> None:
    """The API's stricter contract: each answer has the JSON type its finding has in the OpenAPI document.

    (The command line also accepts e.g. "7" for a number; the API documents and enforces one form.)
    Unknown ids and out-of-range values are left to the core, which names them the same way.
    """
    from backcare.core.answers import AnswerError
    from backcare.entrypoints.web.openapi import conforms, expected
    from backcare.knowledge import load_knowledge

    kb = load_knowledge()
    for key, value in answers.items():
        definition = kb.findings.get(key)
        if definition is not None and not definition.computed and not conforms(value, definition, allow_list):
            raise AnswerError(key, f"{expected(definition, allow_list)}, got {value!r}")


def today_in(timezone: str) -> dt.date:
    """The person's calendar date (their zone, not the server's)."""
    try:
        return dt.datetime.now(ZoneInfo(timezone)).date()
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return dt.datetime.now(dt.UTC).date()


def valid_timezone(name: str) -> bool:
    """The check ``backcare import`` applies too: a tz-database directory such as ``America`` is no zone."""
    from backcare.adapters.storage.safety import valid_timezone as valid

    return valid(name)


# --- Assessment ----------------------------------------------------------------------------------


def run_assessment(text: str | None, answers: Mapping[str, Any] | None, today: dt.date) -> Assessment:
    """``assess`` with the packaged knowledge base; raises ``AnswerError`` for an unusable answer."""
    from backcare.core.assessment import assess

    return assess(answers=dict(answers or {}), text=text, today=today)


def save_assessment(
    store: Store, who: Principal, result: Assessment, text: str | None, answers: Mapping[str, Any], today: dt.date
) -> str:
    from backcare.services.diary import record_assessment

    inputs: dict[str, Any] = {"answers": dict(answers), "today": today.isoformat()}
    if text:
        inputs["text"] = text
    return record_assessment(store, result, inputs, who.timezone, today, profile_id=who.profile_id)


@dataclass(frozen=True)
class Saved:
    """A stored assessment with its plan, as the result page and the API show it."""

    record: AssessmentRecord
    assessment: Assessment
    plan: PlanRecord | None


def load_assessment(store: Store, who: Principal, assessment_id: str) -> Saved | None:
    with store.unit_of_work(write=False, profile_id=who.profile_id) as uow:
        record = uow.diary.assessment(assessment_id)
        if record is None or record.kind != "assessment":
            return None
        plan = uow.diary.plan_for(assessment_id)
    return Saved(record=record, assessment=Assessment.model_validate(record.outputs), plan=plan)


def list_assessments(store: Store, who: Principal, limit: int = 50) -> list[AssessmentRecord]:
    with store.unit_of_work(write=False, profile_id=who.profile_id) as uow:
        return uow.diary.assessments("assessment", limit)


def delete_assessment(store: Store, who: Principal, assessment_id: str) -> bool:
    with store.unit_of_work(profile_id=who.profile_id) as uow:
        found = uow.diary.delete_assessment(assessment_id)
        uow.commit()
    return found


def plan_ics(saved: Saved) -> bytes | None:
    """The plan's schedule as iCalendar, day 1 on the day the plan was made, in the person's zone."""
    from backcare.adapters.calendar import plan_to_ics

    plan = saved.assessment.plan
    if plan is None or not plan.schedule:
        return None
    start = saved.plan.start_date if saved.plan else saved.record.created_at.date()
    try:
        return plan_to_ics(plan, start=start, tz=saved.record.timezone, stamp=saved.record.created_at)
    except (ValueError, OSError):
        return plan_to_ics(plan, start=start, stamp=saved.record.created_at)


# --- Diary ---------------------------------------------------------------------------------------


class ExerciseInput(BaseModel):
    """One exercise done, as the API takes it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64, description="exercise id from the plan")
    repetitions: Repetitions


class EntryInput(BaseModel):
    """A diary entry as a person gives it; scores and re-triage are worked out from it."""

    model_config = ConfigDict(extra="forbid")

    date: Day | None = Field(None, description="day of the entry (default: today in the person's zone)")
    pain: Pain = Field(description="pain now, 0 (none) to 10 (worst imaginable)")
    spasms: Count | None = Field(None, description="number of spasms today")
    exercises: list[ExerciseInput] = Field(default_factory=list, max_length=50)
    cold_sessions: Sessions = 0
    heat_sessions: Sessions = 0
    note: str | None = Field(None, max_length=10_000, pattern=PLAIN_TEXT)
    findings: dict[FindingId, StrictBool | WholeNumber | Annotated[str, StringConstraints(max_length=200)]] = Field(
        default_factory=dict, max_length=100, description="new findings today, finding id -> value"
    )


def check_findings(findings: Mapping[str, Any]) -> None:
    """Entry findings must be catalogue ids with valid values (raises ``AnswerError``)."""
    from backcare.core.answers import parse_answers
    from backcare.knowledge import load_knowledge

    parse_answers(dict(findings), load_knowledge())


def add_entry(store: Store, who: Principal, data: EntryInput, entry_id: str | None = None) -> EntryAdded:
    """Save an entry, re-running triage on what it reports (the steps of ``backcare diary add``).

    With ``entry_id`` the entry of that id (which must be this profile's) is replaced.
    """
    from backcare.services.diary import add_entry as add

    check_types(data.findings, allow_list=False)
    check_findings(data.findings)
    if entry_id is not None and get_entry(store, who, entry_id) is None:
        raise LookupError(entry_id)  # also for ids no entry can have
    entry = DiaryEntry(
        id=entry_id or str(uuid.uuid4()),
        date=data.date or today_in(who.timezone),
        recorded_at=store.now(),
        timezone=who.timezone,
        pain=data.pain,
        spasms=data.spasms,
        exercises=tuple(ExerciseDone(id=x.id, repetitions=x.repetitions) for x in data.exercises),
        cold_sessions=data.cold_sessions,
        heat_sessions=data.heat_sessions,
        note=data.note or None,
        findings=dict(data.findings),
    )
    return add(store, entry, profile_id=who.profile_id, replace=entry_id is not None)


def record_exercises(
    store: Store, who: Principal, done: Sequence[ExerciseInput], pain: int, note: str | None
) -> EntryAdded:
    """An exercise session's repetitions go into today's diary entry (added to it if there is one)."""
    today = today_in(who.timezone)
    with store.unit_of_work(write=False, profile_id=who.profile_id) as uow:
        todays = uow.diary.entries(since=today, until=today)
    if todays:
        last = todays[-1]
        merged = EntryInput(
            date=today,
            pain=pain,
            spasms=last.spasms,
            exercises=[
                *(ExerciseInput(id=x.id, repetitions=x.repetitions) for x in last.exercises),
                *done,
            ],
            cold_sessions=last.cold_sessions,
            heat_sessions=last.heat_sessions,
            note="\n".join(n for n in (last.note, note) if n) or None,
            findings=dict(last.findings),
        )
        return add_entry(store, who, merged, entry_id=last.id)
    exercises = [ExerciseInput(id=x.id, repetitions=x.repetitions) for x in done]
    return add_entry(store, who, EntryInput(date=today, pain=pain, exercises=exercises, note=note))


def list_entries(store: Store, who: Principal) -> list[DiaryEntry]:
    with store.unit_of_work(write=False, profile_id=who.profile_id) as uow:
        return uow.diary.entries()


def get_entry(store: Store, who: Principal, entry_id: str) -> DiaryEntry | None:
    with store.unit_of_work(write=False, profile_id=who.profile_id) as uow:
        return uow.diary.entry(entry_id)


def delete_entry(store: Store, who: Principal, entry_id: str) -> bool:
    with store.unit_of_work(profile_id=who.profile_id) as uow:
        found = uow.diary.delete_entry(entry_id)
        uow.commit()
    return found


DIARY_WINDOW = Window(90)
"""What the diary page and the trend read by default: the last 90 days up to the latest entry."""


def diary_view(store: Store, who: Principal, window: Window | None = DIARY_WINDOW) -> DiaryView:
    """The current episode's entries, trend and plan (the view ``backcare diary show`` prints).

    Only the ``window``'s days are read (the baseline is still the episode's start), so a page
    costs the same however long the diary grows; ``None`` reads the whole episode.
    """
    from backcare.services.diary import diary_view as view

    return view(store, who.profile_id, window=window)


def export_json(store: Store, who: Principal) -> str:
    from backcare.adapters.storage.transfer import to_json

    with store.unit_of_work(write=False, profile_id=who.profile_id) as uow:
        return to_json(uow.diary.export())


def export_csv(store: Store, who: Principal) -> str:
    from backcare.adapters.storage.transfer import to_csv

    return to_csv(list_entries(store, who))


# --- Exercise session ----------------------------------------------------------------------------


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


def todays_session(plan: Plan, start: dt.date, today: dt.date) -> list[SessionExercise]:
    """The plan's exercises scheduled today (in schedule order), with this week's dosage."""
    day = (today - start).days + 1
    scheduled = [s.activity for s in plan.schedule if s.day == day and s.repetitions]
    by_id = {e.id: e for e in plan.exercises}
    out: list[SessionExercise] = []
    for activity in dict.fromkeys(scheduled):
        ex = by_id.get(activity)
        if ex is None:
            continue
        session = next(s for s in plan.schedule if s.day == day and s.activity == activity)
        out.append(
            SessionExercise(
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
        )
    return out
