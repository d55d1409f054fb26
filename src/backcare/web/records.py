"""One profile's records: every query of the web layer filtered by the owner's ``profile_id``.

The storage package's ``DiaryRepository`` serves one person per database (its queries do not
filter by profile, and ``forget`` empties every table), which is right for the command line but
not for a server with accounts. This module adds the owner filter without changing that package:
it reuses its row <-> record conversions and tables, and every read, update and delete here names
the profile, so one account can never reach another's rows by id.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from backcare.diary import DiaryEntry
from backcare.knowledge.schema import Disposition
from backcare.models import Assessment
from backcare.storage import Store
from backcare.storage.orm import AssessmentRow, EntryRow, EpisodeRow, ExerciseRow, PlanRow, ProfileRow
from backcare.storage.repository import entry_from_row, row_from_entry
from backcare.storage.transfer import AssessmentRecord, EpisodeRecord, ExportDocument, PlanRecord, ProfileRecord


def _episode(r: EpisodeRow) -> EpisodeRecord:
    return EpisodeRecord(
        id=r.id,
        onset=r.onset,
        status="active" if r.status == "active" else "resolved",
        created_at=r.created_at,
        timezone=r.timezone,
        closed_at=r.closed_at,
    )


def _assessment(r: AssessmentRow) -> AssessmentRecord:
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


def _plan(r: PlanRow) -> PlanRecord:
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


class ProfileRepository:
    """Reads and writes the records of one profile inside an open ORM session (one transaction)."""

    def __init__(self, session: Session, profile_id: str) -> None:
        self.session = session
        self.profile_id = profile_id

    # Episodes

    def active_episode(self) -> EpisodeRecord | None:
        row = self.session.scalars(
            select(EpisodeRow).where(EpisodeRow.profile_id == self.profile_id, EpisodeRow.status == "active")
        ).first()
        return _episode(row) if row else None

    def episode(self, episode_id: str) -> EpisodeRecord | None:
        row = self.session.scalars(
            select(EpisodeRow).where(EpisodeRow.id == episode_id, EpisodeRow.profile_id == self.profile_id)
        ).first()
        return _episode(row) if row else None

    def ensure_episode(self, onset: dt.date, timezone: str, now: dt.datetime) -> EpisodeRecord:
        active = self.active_episode()
        if active is not None:
            return active
        row = EpisodeRow(
            id=str(uuid.uuid4()), profile_id=self.profile_id, onset=onset, status="active", created_at=now,
            timezone=timezone,
        )
        self.session.add(row)
        self.session.flush()
        return _episode(row)

    # Assessments and plans

    def add_assessment(self, record: AssessmentRecord) -> None:
        data = record.model_dump(mode="json")
        data["created_at"] = record.created_at
        self.session.add(AssessmentRow(profile_id=self.profile_id, **data))
        self.session.flush()

    def assessment(self, assessment_id: str) -> AssessmentRecord | None:
        row = self.session.scalars(
            select(AssessmentRow).where(AssessmentRow.id == assessment_id, AssessmentRow.profile_id == self.profile_id)
        ).first()
        return _assessment(row) if row else None

    def assessments(self, limit: int = 50) -> list[AssessmentRecord]:
        rows = self.session.scalars(
            select(AssessmentRow)
            .where(AssessmentRow.profile_id == self.profile_id, AssessmentRow.kind == "assessment")
            .order_by(AssessmentRow.created_at.desc())
            .limit(limit)
        )
        return [_assessment(r) for r in rows]

    def latest_assessment(self, episode_id: str | None = None) -> AssessmentRecord | None:
        q = select(AssessmentRow).where(AssessmentRow.profile_id == self.profile_id, AssessmentRow.kind == "assessment")
        if episode_id is not None:
            q = q.where(AssessmentRow.episode_id == episode_id)
        row = self.session.scalars(q.order_by(AssessmentRow.created_at.desc())).first()
        return _assessment(row) if row else None

    def delete_assessment(self, assessment_id: str) -> bool:
        if self.assessment(assessment_id) is None:
            return False
        self.session.execute(
            delete(PlanRow).where(PlanRow.assessment_id == assessment_id, PlanRow.profile_id == self.profile_id)
        )
        self.session.execute(
            delete(AssessmentRow).where(AssessmentRow.id == assessment_id, AssessmentRow.profile_id == self.profile_id)
        )
        return True

    def add_plan(self, record: PlanRecord) -> None:
        data = record.model_dump(mode="json")
        data["created_at"], data["start_date"] = record.created_at, record.start_date
        self.session.add(PlanRow(profile_id=self.profile_id, **data))
        self.session.flush()

    def plan_for(self, assessment_id: str) -> PlanRecord | None:
        row = self.session.scalars(
            select(PlanRow)
            .where(PlanRow.assessment_id == assessment_id, PlanRow.profile_id == self.profile_id)
            .order_by(PlanRow.created_at.desc())
        ).first()
        return _plan(row) if row else None

    def latest_plan(self, episode_id: str | None = None) -> PlanRecord | None:
        q = select(PlanRow).where(PlanRow.profile_id == self.profile_id)
        if episode_id is not None:
            q = q.where(PlanRow.episode_id == episode_id)
        row = self.session.scalars(q.order_by(PlanRow.created_at.desc())).first()
        return _plan(row) if row else None

    # Diary entries

    def entries(
        self, since: dt.date | None = None, until: dt.date | None = None, episode_id: str | None = None
    ) -> list[DiaryEntry]:
        q = select(EntryRow).where(EntryRow.profile_id == self.profile_id)
        if episode_id is not None:
            q = q.where(EntryRow.episode_id == episode_id)
        if since is not None:
            q = q.where(EntryRow.entry_date >= since)
        if until is not None:
            q = q.where(EntryRow.entry_date <= until)
        q = q.order_by(EntryRow.entry_date, EntryRow.recorded_at, EntryRow.id)
        return [entry_from_row(r) for r in self.session.scalars(q)]

    def _entry_row(self, entry_id: str) -> EntryRow | None:
        return self.session.scalars(
            select(EntryRow).where(EntryRow.id == entry_id, EntryRow.profile_id == self.profile_id)
        ).first()

    def entry(self, entry_id: str) -> DiaryEntry | None:
        row = self._entry_row(entry_id)
        return entry_from_row(row) if row else None

    def add_entry(self, entry: DiaryEntry) -> None:
        self.session.add(row_from_entry(entry, self.profile_id))
        self.session.flush()

    def replace_entry(self, entry: DiaryEntry) -> bool:
        """Overwrite an entry of this profile (same id); False when it is not this profile's."""
        row = self._entry_row(entry.id)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        self.add_entry(entry)
        return True

    def delete_entry(self, entry_id: str) -> bool:
        row = self._entry_row(entry_id)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True

    # Export

    def export(self, now: dt.datetime) -> ExportDocument:
        profile = self.session.get(ProfileRow, self.profile_id)
        mine = self.profile_id
        episodes = self.session.scalars(
            select(EpisodeRow).where(EpisodeRow.profile_id == mine).order_by(EpisodeRow.onset)
        )
        assessments = self.session.scalars(
            select(AssessmentRow).where(AssessmentRow.profile_id == mine).order_by(AssessmentRow.created_at)
        )
        plans = self.session.scalars(select(PlanRow).where(PlanRow.profile_id == mine).order_by(PlanRow.created_at))
        return ExportDocument(
            exported_at=now,
            profile=ProfileRecord(id=profile.id, timezone=profile.timezone, created_at=profile.created_at)
            if profile
            else None,
            episodes=[_episode(r) for r in episodes],
            assessments=[_assessment(r) for r in assessments],
            plans=[_plan(r) for r in plans],
            entries=self.entries(),
        )


def forget_profile(conn: Connection, profile_id: str, keep_profile: bool) -> None:
    """Delete every record of one profile (and the profile itself unless ``keep_profile``)."""
    entry_ids = select(EntryRow.id).where(EntryRow.profile_id == profile_id)
    conn.execute(delete(ExerciseRow).where(ExerciseRow.entry_id.in_(entry_ids)))
    for model in (EntryRow, PlanRow, AssessmentRow, EpisodeRow):
        conn.execute(delete(model).where(model.profile_id == profile_id))
    if not keep_profile:
        conn.execute(delete(ProfileRow).where(ProfileRow.id == profile_id))


def save_assessment(
    store: Store,
    profile_id: str,
    assessment: Assessment,
    inputs: Mapping[str, Any],
    timezone: str,
    today: dt.date,
) -> str:
    """Keep an assessment snapshot and its plan in the profile's current episode; returns its id.

    The same steps as ``backcare.storage.record_assessment``, restricted to one profile.
    """
    answers = inputs.get("answers") or {}
    onset = today
    days = answers.get("days_since_onset") if isinstance(answers, Mapping) else None
    if isinstance(days, int) and not isinstance(days, bool) and 0 <= days <= 3650:
        onset = today - dt.timedelta(days=days)
    with store.unit_of_work() as uow:
        repo = ProfileRepository(uow.session, profile_id)
        now = store.now()
        episode = repo.ensure_episode(onset, timezone, now)
        record = AssessmentRecord(
            id=str(uuid.uuid4()),
            episode_id=episode.id,
            kind="assessment",
            created_at=now,
            timezone=timezone,
            knowledge_version=assessment.knowledge_version[:64],
            disposition=assessment.disposition,
            inputs=json.loads(json.dumps(dict(inputs), default=str)),
            outputs=json.loads(assessment.to_json(indent=None)),
        )
        repo.add_assessment(record)
        if assessment.plan is not None:
            repo.add_plan(
                PlanRecord(
                    id=str(uuid.uuid4()),
                    episode_id=episode.id,
                    assessment_id=record.id,
                    created_at=now,
                    timezone=timezone,
                    start_date=today,
                    knowledge_version=assessment.knowledge_version[:64],
                    content=json.loads(assessment.plan.model_dump_json()),
                )
            )
        uow.commit()
    return record.id
