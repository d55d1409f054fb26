"""The request models of the JSON API and the forms, and the stricter type check the API documents.

The bounds of a diary entry are the entry model's (``backcare.core.diary``), quoted here so the
OpenAPI document states them; the API's answers must have exactly the JSON type the document
gives each finding, where the command line also takes e.g. "7" for a number.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping
from typing import Annotated, Any

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

from backcare.core.answers import AnswerError
from backcare.core.diary import (
    EXERCISE_ID_MAX,
    EXERCISE_ID_PATTERN,
    NOTE_MAX,
    PAIN_MAX,
    PAIN_MIN,
    REPETITIONS_MAX,
    SESSIONS_MAX,
    SPASMS_MAX,
    DiaryEntry,
    ExerciseDone,
)
from backcare.entrypoints.web.openapi import conforms, expected
from backcare.knowledge import KnowledgeBase

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


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _written_as_a_day(value: Any) -> Any:
    """A day as the OpenAPI document states it, YYYY-MM-DD: not a number of seconds ("0" is 1970
    to pydantic), not a date and time."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DAY.fullmatch(value)):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


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
Pain = Annotated[int, Strict(), Ge(PAIN_MIN), Le(PAIN_MAX), BeforeValidator(_whole)]
Count = Annotated[int, Strict(), Ge(0), Le(SPASMS_MAX), BeforeValidator(_whole)]
Sessions = Annotated[int, Strict(), Ge(0), Le(SESSIONS_MAX), BeforeValidator(_whole)]
Repetitions = Annotated[int, Strict(), Ge(1), Le(REPETITIONS_MAX), BeforeValidator(_whole)]

Day = Annotated[dt.date, BeforeValidator(_written_as_a_day), AfterValidator(_day_in_range), WithJsonSchema(DAY_SCHEMA)]


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


class ExerciseInput(BaseModel):
    """One exercise done, as the API takes it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=EXERCISE_ID_PATTERN, max_length=EXERCISE_ID_MAX, description="exercise id from the plan")
    repetitions: Repetitions


class EntryInput(BaseModel):
    """A diary entry as a person gives it; scores and re-triage are worked out from it."""

    model_config = ConfigDict(extra="forbid")

    date: Day | None = Field(None, description="day of the entry (default: today in the person's zone)")
    pain: Pain = Field(description=f"pain now, {PAIN_MIN} (none) to {PAIN_MAX} (worst imaginable)")
    spasms: Count | None = Field(None, description="number of spasms today")
    exercises: list[ExerciseInput] = Field(default_factory=list, max_length=50)
    cold_sessions: Sessions = 0
    heat_sessions: Sessions = 0
    note: str | None = Field(None, max_length=NOTE_MAX, pattern=PLAIN_TEXT)
    findings: dict[FindingId, StrictBool | WholeNumber | Annotated[str, StringConstraints(max_length=200)]] = Field(
        default_factory=dict, max_length=100, description="new findings today, finding id -> value"
    )

    def done(self) -> tuple[ExerciseDone, ...]:
        """The exercises as the entry model records them."""
        return tuple(ExerciseDone(id=x.id, repetitions=x.repetitions) for x in self.exercises)

    def to_entry(self, *, timezone: str, today: dt.date, now: dt.datetime, entry_id: str | None = None) -> DiaryEntry:
        """The entry to save: dated ``today`` unless the person gave a date; ``entry_id`` to replace one."""
        return DiaryEntry(
            id=entry_id or str(uuid.uuid4()),
            date=self.date or today,
            recorded_at=now,
            timezone=timezone,
            pain=self.pain,
            spasms=self.spasms,
            exercises=self.done(),
            cold_sessions=self.cold_sessions,
            heat_sessions=self.heat_sessions,
            note=self.note or None,
            findings=dict(self.findings),
        )


def check_types(answers: Mapping[str, Any], kb: KnowledgeBase, allow_list: bool = True) -> None:
    """The API's stricter contract: each answer has the JSON type its finding has in the OpenAPI document.

    (The command line also accepts e.g. "7" for a number; the API documents and enforces one form.)
    Unknown ids and out-of-range values are left to the core, which names them the same way.
    """
    yes_no = kb.yes_no
    for key, value in answers.items():
        if (value is True or value is False) and key in yes_no:
            continue  # the most common answer, true or false to a yes/no finding, needs no more
        definition = kb.findings.get(key)
        if definition is None or definition.computed:
            continue
        if not conforms(value, definition, allow_list):
            raise AnswerError(key, f"{expected(definition, allow_list)}, got {value!r}")


def check_entry_findings(findings: Mapping[str, Any], kb: KnowledgeBase) -> None:
    """An entry's findings: the API's JSON types, then catalogue ids with valid values (``AnswerError``)."""
    from backcare.core.answers import parse_answers

    check_types(findings, kb, allow_list=False)
    parse_answers(dict(findings), kb)
