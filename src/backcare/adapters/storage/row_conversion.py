"""Rows into typed records and back: the one place that knows how a record is laid out in its table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from backcare.adapters.storage.orm import AssessmentRow, EntryRow, EpisodeRow, ExerciseRow, PlanRow
from backcare.adapters.storage.transfer import AssessmentRecord, EpisodeRecord, PlanRecord
from backcare.core.diary import DiaryEntry, ExerciseDone, Retriage
from backcare.core.models import PegResult, RmdqResult
from backcare.knowledge.schema import Disposition


def entry_from_row(r: EntryRow) -> DiaryEntry:
    exercises = [ExerciseDone(id=x.exercise_id, repetitions=x.repetitions) for x in r.exercises]
    return entry_from_mapping({c.key: getattr(r, c.key) for c in EntryRow.__table__.columns}, exercises)


def entry_from_mapping(r: Mapping[Any, Any], exercises: Sequence[ExerciseDone]) -> DiaryEntry:
    peg = None
    if r["peg_items"] is not None and r["peg_score"] is not None:
        a, b, c = r["peg_items"]
        peg = PegResult(score=r["peg_score"], items=(a, b, c))
    rmdq = (
        RmdqResult(score=r["rmdq_score"], ticked=list(r["rmdq_ticked"] or [])) if r["rmdq_score"] is not None else None
    )
    retriage = (
        Retriage(
            disposition=Disposition(r["retriage_disposition"]),
            red_flags=list(r["retriage_red_flags"] or []),
            assessment_id=r["assessment_id"],
        )
        if r["retriage_disposition"]
        else None
    )
    return DiaryEntry(
        id=r["id"],
        date=r["entry_date"],
        recorded_at=r["recorded_at"],
        timezone=r["timezone"],
        pain=r["pain"],
        spasms=r["spasms"],
        peg=peg,
        rmdq=rmdq,
        exercises=tuple(exercises),
        cold_sessions=r["cold_sessions"],
        heat_sessions=r["heat_sessions"],
        note=r["note"],
        findings=dict(r["findings"] or {}),
        episode_id=r["episode_id"],
        retriage=retriage,
    )


def entry_values(e: DiaryEntry, profile_id: str) -> dict[str, Any]:
    """An entry's ``diary_entry`` columns as plain values (its exercises go to their own table)."""
    return {
        "id": e.id,
        "profile_id": profile_id,
        "episode_id": e.episode_id,
        "entry_date": e.date,
        "recorded_at": e.recorded_at,
        "timezone": e.timezone,
        "pain": e.pain,
        "spasms": e.spasms,
        "peg_items": list(e.peg.items) if e.peg else None,
        "peg_score": e.peg.score if e.peg else None,
        "rmdq_ticked": list(e.rmdq.ticked) if e.rmdq else None,
        "rmdq_score": e.rmdq.score if e.rmdq else None,
        "cold_sessions": e.cold_sessions,
        "heat_sessions": e.heat_sessions,
        "note": e.note,
        "findings": dict(e.findings),
        "assessment_id": e.retriage.assessment_id if e.retriage else None,
        "retriage_disposition": e.retriage.disposition.value if e.retriage else None,
        "retriage_red_flags": list(e.retriage.red_flags) if e.retriage else None,
    }


def row_from_entry(e: DiaryEntry, profile_id: str) -> EntryRow:
    return EntryRow(
        **entry_values(e, profile_id),
        exercises=[
            ExerciseRow(position=i, exercise_id=x.id, repetitions=x.repetitions) for i, x in enumerate(e.exercises)
        ],
    )


def episode_record(r: EpisodeRow) -> EpisodeRecord:
    return EpisodeRecord(
        id=r.id,
        onset=r.onset,
        status="active" if r.status == "active" else "resolved",
        created_at=r.created_at,
        timezone=r.timezone,
        closed_at=r.closed_at,
    )


def assessment_record(r: AssessmentRow) -> AssessmentRecord:
    return AssessmentRecord(
        id=r.id,
        episode_id=r.episode_id,
        kind="retriage" if r.kind == "retriage" else "assessment",
        created_at=r.created_at,
        timezone=r.timezone,
        knowledge_version=r.knowledge_version,
        disposition=Disposition(r.disposition),
        inputs=dict(r.inputs),
        outputs=dict(r.outputs),
    )


def plan_record(r: PlanRow) -> PlanRecord:
    return PlanRecord(
        id=r.id,
        episode_id=r.episode_id,
        assessment_id=r.assessment_id,
        created_at=r.created_at,
        timezone=r.timezone,
        start_date=r.start_date,
        knowledge_version=r.knowledge_version,
        content=dict(r.content),
    )


def created(record: AssessmentRecord | PlanRecord) -> dict[str, dt.datetime]:
    return {"created_at": record.created_at}


def episode_values(ep: EpisodeRecord) -> dict[str, object]:
    return {
        "id": ep.id,
        "onset": ep.onset,
        "status": ep.status,
        "created_at": ep.created_at,
        "timezone": ep.timezone,
        "closed_at": ep.closed_at,
    }


def without_link(r: Retriage | None) -> Retriage | None:
    return r.model_copy(update={"assessment_id": None}) if r else None


def relink(new: DiaryEntry, old: DiaryEntry) -> Retriage | None:
    if new.retriage is None or old.retriage is None:
        return new.retriage
    return new.retriage.model_copy(update={"assessment_id": old.retriage.assessment_id})
