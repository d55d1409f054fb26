"""The public data shapes: what goes into ``assess`` and what comes out (clinical spec section 8).

These models are the JSON contract shared by the command line, the API and integrators, so
field names here are stable. They hold data only; the logic lives in ``triage``, ``causes``,
``plan`` and ``assessment``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache, cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from backcare.knowledge.schema import Disposition

Status = Literal["present", "absent", "possible"]
FindingSource = Literal["answers", "text", "derived", "default"]
Value = bool | int | str | list[str]

DISCLAIMER = (
    "backcare gives information and triage advice, not a diagnosis or a prescription; "
    "if you are worried, contact a clinician."
)


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Finding(_Out):
    """One thing known about the person, from structured answers, free text or derivation."""

    id: str
    status: Status
    value: Value | None = None
    evidence: str | None = Field(None, description="the words it was read from, for free text")
    source: FindingSource = "answers"

    @cached_property
    def json_bytes(self) -> bytes:
        """This finding as compact JSON, made once: most findings are shared (``yes_no_finding``), so
        an answer listing thirty of them joins thirty ready pieces instead of serialising each again."""
        return self.__pydantic_serializer__.to_json(self)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Finding:
        """A copy that makes its own JSON: the one kept by ``json_bytes`` is this finding's."""
        copied = super().model_copy(update=update, deep=deep)
        copied.__dict__.pop("json_bytes", None)
        return copied


@cache
def yes_no_finding(fid: str, status: Status, source: FindingSource = "answers") -> Finding:
    """A yes/no finding with the value its status gives, made once and shared.

    Findings are immutable and a catalogue has few yes/no ones, while every assessment makes
    dozens: sharing them saves validating the same few objects again. ``fid`` must be a catalogue
    id (never free input), which keeps this bounded by the catalogue.
    """
    return Finding(id=fid, status=status, value=status != "absent", source=source)


class RedFlagHit(_Out):
    id: str
    name: str
    disposition: Disposition
    because: list[str]
    advice: str
    explanation: str
    sources: list[str]


class ToConfirm(_Out):
    """A reading the two text readers are unsure of: asked back in the person's own words."""

    id: str
    evidence: str = Field(description="the sentence it was read from")
    reader_score: float = Field(ge=0, le=1, description="the sentence model's confidence in its reading")


class ContributorHit(_Out):
    id: str
    name: str
    score: float = Field(ge=0, le=1)
    because: list[str] = Field(min_length=1)
    explanation: str
    sources: list[str] = Field(min_length=1)


class StartBackResult(_Out):
    total: int = Field(ge=0, le=9)
    psychosocial: int = Field(ge=0, le=5)
    risk: Literal["low", "medium", "high"]


class PegResult(_Out):
    score: float = Field(ge=0, le=10)
    items: tuple[int, int, int]


class RmdqResult(_Out):
    score: int = Field(ge=0, le=24)
    ticked: list[int]


class Scores(_Out):
    nrs: int | None = None
    startback: StartBackResult | None = None
    peg: PegResult | None = None


class PlanItem(_Out):
    id: str
    category: str
    title: str
    text: str
    caution: str | None = None
    sources: list[str] = Field(min_length=1)


class ExerciseItem(_Out):
    id: str
    name: str
    position: str
    purpose: str
    steps: list[str]
    cues: list[str]
    start_day: int
    dosage: str = Field(description="this week's dosage in words")
    sets: int
    reps: int
    hold_seconds: int
    per_side: bool
    rest_seconds: int
    progression: list[str] = Field(description="week by week, while pain stays at or below its starting level")
    stop_if: str
    replaces: str | None = Field(None, description="the exercise this one stands in for, e.g. in pregnancy")
    sources: list[str] = Field(min_length=1)


class Session(_Out):
    """One scheduled activity of the day-by-day plan."""

    day: int = Field(ge=1, description="day of the plan, 1 = the day of the assessment")
    date: dt.date | None = None
    time: dt.time
    activity: str = Field(description="advice or exercise id")
    title: str
    duration_minutes: int = Field(ge=1)
    repetitions: int | None = None
    details: str


class SafetyNetItem(_Out):
    red_flag: str
    watch_for: str
    action: str
    disposition: Disposition
    sources: list[str] = Field(default_factory=list, description="the red flag's sources")


class Plan(_Out):
    phase: Literal["acute", "subacute", "persistent", "unknown"]
    day_of_episode: int | None
    headline: str
    items: list[PlanItem]
    exercises: list[ExerciseItem]
    safety_net: list[SafetyNetItem]
    schedule: list[Session]
    sources: list[str] = Field(description="every source cited anywhere in the plan")


class Assessment(_Out):
    """The result of ``backcare.assess``: pure data, identical across the CLI, API and web."""

    disposition: Disposition
    disposition_text: str
    headline: str = Field(description="the deciding red flag's own action in plain words; the first thing to do")
    complete: bool
    in_scope: bool
    unanswered_screening: list[str]
    red_flags: list[RedFlagHit]
    contributors: list[ContributorHit]
    findings: list[Finding]
    scores: Scores
    plan: Plan | None
    to_confirm: list[ToConfirm] = Field(
        default_factory=list, description="readings of the text to ask back before relying on them"
    )
    next_questions: list[str] = Field(description="finding ids worth asking next, most important first")
    messages: list[str] = Field(default_factory=list)
    knowledge_version: str
    disclaimer: str = DISCLAIMER

    @model_validator(mode="before")
    @classmethod
    def _saved_before_headlines(cls, data: Any) -> Any:
        """Assessments saved before the headline existed read back with their disposition's words."""
        if isinstance(data, dict) and "headline" not in data and "disposition_text" in data:
            return {**data, "headline": data["disposition_text"]}
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent, exclude_none=False)
