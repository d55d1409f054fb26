"""The diary repository: entries, assessments and plans of one profile, plus export, import and forget.

Import keeps a database consistent: identical records are skipped, a differing one is a conflict
(nothing is written), and ids that belong to another profile here are given fresh ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from backcare.adapters.storage.assessments_plans import AssessmentsAndPlans
from backcare.adapters.storage.diary_entries import DiaryEntries
from backcare.adapters.storage.engine import StorageError
from backcare.adapters.storage.orm import (
    LOCAL_PROFILE,
    AssessmentRow,
    EntryRow,
    EpisodeRow,
    ExerciseRow,
    PlanRow,
    ProfileRow,
    new_id,
)
from backcare.adapters.storage.row_conversion import (
    assessment_record,
    created,
    entry_from_row,
    episode_values,
    plan_record,
    relink,
    row_from_entry,
    without_link,
)
from backcare.adapters.storage.transfer import (
    AssessmentRecord,
    EpisodeRecord,
    ExportDocument,
    PlanRecord,
    ProfileRecord,
)
from backcare.core.diary import DiaryEntry


@dataclass
class ImportSummary:
    added: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, added: bool) -> None:
        target = self.added if added else self.unchanged
        target[kind] = target.get(kind, 0) + 1


class ImportConflict(StorageError):
    """The file holds a record whose id exists in the database with different content."""


class DiaryRepository(AssessmentsAndPlans, DiaryEntries):
    """Reads and writes one person's records inside the current unit of work (see ``ProfileScope``)."""

    def export(self) -> ExportDocument:
        profile = self.find_profile()
        pid = self._pid()
        return ExportDocument(
            exported_at=self.now(),
            profile=ProfileRecord(id=profile.id, timezone=profile.timezone, created_at=profile.created_at)
            if profile
            else None,
            episodes=self.episodes(),
            assessments=[
                assessment_record(r)
                for r in self.session.scalars(
                    select(AssessmentRow).where(AssessmentRow.profile_id == pid).order_by(AssessmentRow.created_at)
                )
            ],
            plans=[
                plan_record(r)
                for r in self.session.scalars(
                    select(PlanRow).where(PlanRow.profile_id == pid).order_by(PlanRow.created_at)
                )
            ],
            entries=self.entries(),
        )

    def import_document(self, doc: ExportDocument, replace: bool = False) -> ImportSummary:
        """Add the document's records; identical ones are skipped, a differing one is a conflict.

        Records whose ids belong to someone else's data here (the same file imported into two
        accounts) get fresh ids, with every reference to them rewritten.
        """
        if replace:
            self.forget(keep_profile=True)
        tz = doc.profile.timezone if doc.profile else (doc.entries[0].timezone if doc.entries else "UTC")
        profile = self.find_profile()
        if profile is None and self._profile_id is None:
            profile = ProfileRow(name=LOCAL_PROFILE, timezone=tz, created_at=self.now())
            if doc.profile and self.session.get(ProfileRow, doc.profile.id) is None:
                profile.id, profile.created_at = doc.profile.id, doc.profile.created_at
            self.session.add(profile)
            self.session.flush()
            self._profile_id = profile.id
        elif profile is None:
            profile = self.profile(tz)  # raises: the named profile does not exist
        doc = self._rekey(doc, profile.id)
        summary = ImportSummary()
        incoming_active = [e for e in doc.episodes if e.status == "active"]
        current_active = self.active_episode()
        if incoming_active and current_active and current_active.id != incoming_active[0].id:
            raise ImportConflict(
                "the file has an active episode and so does the database; import with --replace to use the "
                "file's, or end the current episode first"
            )
        for ep in doc.episodes:
            if self._same_or_conflict("episode", ep.id, self.episode(ep.id), ep, summary):
                continue
            self.session.add(EpisodeRow(profile_id=profile.id, **episode_values(ep)))
        self.session.flush()
        for a in doc.assessments:
            old_a = self._own(AssessmentRow, a.id)
            if self._same_or_conflict("assessment", a.id, assessment_record(old_a) if old_a else None, a, summary):
                continue
            self.session.add(AssessmentRow(profile_id=profile.id, **a.model_dump(mode="json") | created(a)))
        self.session.flush()
        for p in doc.plans:
            old_p = self._own(PlanRow, p.id)
            if self._same_or_conflict("plan", p.id, plan_record(old_p) if old_p else None, p, summary):
                continue
            data = p.model_dump(mode="json") | created(p)
            data["start_date"] = p.start_date
            self.session.add(PlanRow(profile_id=profile.id, **data))
        self.session.flush()
        self._import_entries(doc.entries, profile.id, summary, compare_episode=True)
        return summary

    def _foreign_ids(
        self, model: type[EpisodeRow | AssessmentRow | PlanRow | EntryRow], ids: set[str], pid: str
    ) -> set[str]:
        if not ids:
            return set()
        rows = self.session.execute(select(model.id, model.profile_id).where(model.id.in_(ids))).all()
        return {r[0] for r in rows if r[1] != pid}

    def _rekey(self, doc: ExportDocument, pid: str) -> ExportDocument:
        taken = (
            self._foreign_ids(EpisodeRow, {e.id for e in doc.episodes}, pid)
            | self._foreign_ids(AssessmentRow, {a.id for a in doc.assessments}, pid)
            | self._foreign_ids(PlanRow, {p.id for p in doc.plans}, pid)
            | self._foreign_ids(EntryRow, {e.id for e in doc.entries}, pid)
        )
        if not taken:
            return doc
        remap = {old: new_id() for old in taken}

        def m(value: str | None) -> str | None:
            return remap.get(value, value) if value is not None else None

        return doc.model_copy(
            update={
                "episodes": [e.model_copy(update={"id": m(e.id)}) for e in doc.episodes],
                "assessments": [
                    a.model_copy(update={"id": m(a.id), "episode_id": m(a.episode_id)}) for a in doc.assessments
                ],
                "plans": [
                    p.model_copy(
                        update={"id": m(p.id), "episode_id": m(p.episode_id), "assessment_id": m(p.assessment_id)}
                    )
                    for p in doc.plans
                ],
                "entries": [
                    e.model_copy(
                        update={
                            "id": m(e.id),
                            "episode_id": m(e.episode_id),
                            "retriage": e.retriage.model_copy(update={"assessment_id": m(e.retriage.assessment_id)})
                            if e.retriage
                            else None,
                        }
                    )
                    for e in doc.entries
                ],
            }
        )

    def import_entries(self, entries: Sequence[DiaryEntry], timezone: str) -> ImportSummary:
        """Add CSV entries: an entry whose episode is unknown here joins the active episode."""
        profile = self.profile(timezone)
        summary = ImportSummary()
        foreign = self._foreign_ids(EntryRow, {e.id for e in entries}, profile.id)
        entries = [e.model_copy(update={"id": new_id()}) if e.id in foreign else e for e in entries]
        orphans = [e for e in entries if e.episode_id is None or self.episode(e.episode_id) is None]
        fixed: dict[str, DiaryEntry] = {}
        if orphans:
            episode = self.ensure_episode(min(e.date for e in orphans), timezone)
            fixed = {
                e.id: e.model_copy(update={"episode_id": episode.id, "retriage": without_link(e.retriage)})
                for e in orphans
            }
        self._import_entries([fixed.get(e.id, e) for e in entries], profile.id, summary, compare_episode=False)
        return summary

    def _import_entries(
        self, entries: Sequence[DiaryEntry], profile_id: str, summary: ImportSummary, compare_episode: bool
    ) -> None:
        rows = []
        for e in entries:
            old = self._own(EntryRow, e.id)
            old_entry = entry_from_row(old) if old else None
            if old_entry is not None and not compare_episode:
                e = e.model_copy(update={"episode_id": old_entry.episode_id, "retriage": relink(e, old_entry)})
            if self._same_or_conflict("entry", e.id, old_entry, e, summary):
                continue
            rows.append(row_from_entry(e, profile_id))
        self.session.add_all(rows)
        self.session.flush()

    @staticmethod
    def _same_or_conflict(
        kind: str,
        key: str,
        old: EpisodeRecord | AssessmentRecord | PlanRecord | DiaryEntry | None,
        new: EpisodeRecord | AssessmentRecord | PlanRecord | DiaryEntry,
        summary: ImportSummary,
    ) -> bool:
        if old is None:
            summary.count(kind, added=True)
            return False
        if old.model_dump(mode="json") != new.model_dump(mode="json"):
            raise ImportConflict(
                f"{kind} {key} is already in the database with different content; nothing was imported "
                "(use --replace to overwrite everything with the file)"
            )
        summary.count(kind, added=False)
        return True

    def forget(self, keep_profile: bool = False) -> dict[str, int]:
        """Delete this profile's rows (entries, plans, assessments, episodes, the profile itself).

        Other profiles in the same database (web accounts) keep every row. Returns how many rows
        each table lost.
        """
        pid = self._pid()
        counts: dict[str, int] = {}
        if pid is None:
            return counts
        entry_ids = select(EntryRow.id).where(EntryRow.profile_id == pid).scalar_subquery()
        statements = [
            ("exercises", delete(ExerciseRow).where(ExerciseRow.entry_id.in_(entry_ids))),
            ("entries", delete(EntryRow).where(EntryRow.profile_id == pid)),
            ("plans", delete(PlanRow).where(PlanRow.profile_id == pid)),
            ("assessments", delete(AssessmentRow).where(AssessmentRow.profile_id == pid)),
            ("episodes", delete(EpisodeRow).where(EpisodeRow.profile_id == pid)),
        ]
        if not keep_profile:
            statements.append(("profiles", delete(ProfileRow).where(ProfileRow.id == pid)))
        for label, statement in statements:
            result = self.session.execute(statement)
            counts[label] = int(getattr(result, "rowcount", 0) or 0)
        self.session.flush()
        if not keep_profile and not self._explicit:
            self._profile_id = None  # the default profile is created again on the next write
        return counts
