"""Assessment snapshots and plans of one profile: the latest one is an index step away."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import delete, select

from backcare.adapters.storage.orm import AssessmentRow, PlanRow
from backcare.adapters.storage.profile_scope import ProfileScope
from backcare.adapters.storage.row_conversion import assessment_record, created, plan_record
from backcare.adapters.storage.transfer import AssessmentRecord, PlanRecord


class AssessmentsAndPlans(ProfileScope):
    """The assessments-and-plans part of the diary repository."""

    # Assessments and plans

    def add_assessment(self, record: AssessmentRecord) -> None:
        profile = self.profile(record.timezone)
        self._check_links(record.episode_id)
        self.session.add(AssessmentRow(profile_id=profile.id, **record.model_dump(mode="json") | created(record)))
        self.session.flush()

    def latest_assessment(
        self, kind: Literal["assessment", "retriage"] = "assessment", episode_id: str | None = None
    ) -> AssessmentRecord | None:
        q = select(AssessmentRow).where(AssessmentRow.profile_id == self._pid(), AssessmentRow.kind == kind)
        if episode_id is not None:
            q = q.where(AssessmentRow.episode_id == episode_id)
        # LIMIT 1: an ORM result is buffered whole, so without it every snapshot would be loaded and decoded.
        row = self.session.scalars(q.order_by(AssessmentRow.created_at.desc()).limit(1)).first()
        return assessment_record(row) if row else None

    def assessment(self, assessment_id: str) -> AssessmentRecord | None:
        row = self._own(AssessmentRow, assessment_id)
        return assessment_record(row) if row else None

    def assessments(
        self, kind: Literal["assessment", "retriage"] = "assessment", limit: int = 50
    ) -> list[AssessmentRecord]:
        """The most recent snapshots of one kind, newest first."""
        q = (
            select(AssessmentRow)
            .where(AssessmentRow.profile_id == self._pid(), AssessmentRow.kind == kind)
            .order_by(AssessmentRow.created_at.desc())
            .limit(limit)
        )
        return [assessment_record(r) for r in self.session.scalars(q)]

    def delete_assessment(self, assessment_id: str) -> bool:
        """Delete a snapshot and the plans made from it; False when it is not this profile's."""
        pid = self._pid()
        if self._own(AssessmentRow, assessment_id) is None:
            return False
        self.session.execute(delete(PlanRow).where(PlanRow.assessment_id == assessment_id, PlanRow.profile_id == pid))
        self.session.execute(
            delete(AssessmentRow).where(AssessmentRow.id == assessment_id, AssessmentRow.profile_id == pid)
        )
        self.session.flush()
        return True

    def add_plan(self, record: PlanRecord) -> None:
        profile = self.profile(record.timezone)
        self._check_links(record.episode_id, record.assessment_id)
        data = record.model_dump(mode="json") | created(record)
        data["start_date"] = record.start_date
        self.session.add(PlanRow(profile_id=profile.id, **data))
        self.session.flush()

    def latest_plan(self, episode_id: str | None = None) -> PlanRecord | None:
        q = select(PlanRow).where(PlanRow.profile_id == self._pid())
        if episode_id is not None:
            q = q.where(PlanRow.episode_id == episode_id)
        row = self.session.scalars(q.order_by(PlanRow.created_at.desc()).limit(1)).first()
        return plan_record(row) if row else None

    def plan_for(self, assessment_id: str) -> PlanRecord | None:
        """The plan made from that assessment (None when it is not this profile's)."""
        q = select(PlanRow).where(PlanRow.profile_id == self._pid(), PlanRow.assessment_id == assessment_id)
        row = self.session.scalars(q.order_by(PlanRow.created_at.desc()).limit(1)).first()
        return plan_record(row) if row else None
