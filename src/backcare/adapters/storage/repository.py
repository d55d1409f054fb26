"""Repository and unit of work: the only code that turns typed diary records into rows and back.

``Store.unit_of_work()`` opens one transaction: on SQLite it takes the write lock at BEGIN
(``BEGIN IMMEDIATE``), on PostgreSQL a transaction-scoped advisory lock, so concurrent writers
queue instead of losing entries. Leaving the ``with`` block without ``commit()`` rolls back.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, TypeVar

from sqlalchemy import Engine, case, delete, func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from backcare.adapters.storage.engine import PG_LOCK_KEY, StorageError, describe, sqlite_path
from backcare.adapters.storage.orm import (
    AssessmentRow,
    EntryRow,
    EpisodeRow,
    ExerciseRow,
    PlanRow,
    ProfileRow,
    new_id,
)
from backcare.adapters.storage.transfer import (
    AssessmentRecord,
    EpisodeRecord,
    ExportDocument,
    PlanRecord,
    ProfileRecord,
)
from backcare.core.diary import DiaryEntry, ExerciseDone, Retriage
from backcare.core.models import PegResult, RmdqResult
from backcare.knowledge.schema import Disposition

Clock = Callable[[], dt.datetime]
_Owned = TypeVar("_Owned", EpisodeRow, AssessmentRow, PlanRow, EntryRow)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- Row <-> record ------------------------------------------------------------------------------


def entry_from_row(r: EntryRow) -> DiaryEntry:
    exercises = [ExerciseDone(id=x.exercise_id, repetitions=x.repetitions) for x in r.exercises]
    return _entry_from_mapping({c.key: getattr(r, c.key) for c in EntryRow.__table__.columns}, exercises)


def _entry_from_mapping(r: Mapping[Any, Any], exercises: Sequence[ExerciseDone]) -> DiaryEntry:
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


@dataclass(frozen=True)
class EntrySpan:
    """The first and last entry dates, and the first dates with a PEG and with an RMDQ score."""

    first: dt.date | None
    last: dt.date | None
    first_peg: dt.date | None
    first_rmdq: dt.date | None


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


@dataclass
class ImportSummary:
    added: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, added: bool) -> None:
        target = self.added if added else self.unchanged
        target[kind] = target.get(kind, 0) + 1


class ImportConflict(StorageError):
    """The file holds a record whose id exists in the database with different content."""


# --- Repository ----------------------------------------------------------------------------------

DEFAULT_PROFILE = "default"


class DiaryRepository:
    """Reads and writes one person's records inside the current unit of work.

    Every query is scoped to one profile: ``profile_id`` when given (a web account's profile),
    else the local person's profile named ``default``, created on first write. A record of
    another profile is never returned, changed or deleted, even when asked for by its id, and a
    new record cannot point at another profile's episode or assessment.
    """

    def __init__(self, session: Session, now: Clock = utc_now, profile_id: str | None = None) -> None:
        self.session = session
        self.now = now
        self._profile_id = profile_id
        self._explicit = profile_id is not None

    # Profile and episodes

    def find_profile(self) -> ProfileRow | None:
        if self._profile_id is not None:
            return self.session.get(ProfileRow, self._profile_id)
        return self.session.scalars(select(ProfileRow).where(ProfileRow.name == DEFAULT_PROFILE)).first()

    def profile(self, timezone: str) -> ProfileRow:
        """The person's profile; the local default profile is created on first use."""
        found = self.find_profile()
        if found is not None:
            return found
        if self._profile_id is not None:
            raise StorageError(f"profile {self._profile_id} does not exist")
        row = ProfileRow(name=DEFAULT_PROFILE, timezone=timezone, created_at=self.now())
        self.session.add(row)
        self.session.flush()
        self._profile_id = row.id
        return row

    def create_profile(self, timezone: str, name: str | None = None) -> str:
        """A new profile (e.g. for a web account); returns its id. Names are unique."""
        row = ProfileRow(name=name or new_id(), timezone=timezone, created_at=self.now())
        self.session.add(row)
        self.session.flush()
        return row.id

    def _pid(self) -> str | None:
        """The profile id for queries; None when the person has no profile yet (so no data)."""
        if self._profile_id is None:
            found = self.find_profile()
            self._profile_id = found.id if found else None
        return self._profile_id

    def active_episode(self) -> EpisodeRecord | None:
        row = self.session.scalars(
            select(EpisodeRow).where(EpisodeRow.profile_id == self._pid(), EpisodeRow.status == "active").limit(1)
        ).first()
        return _episode(row) if row else None

    def latest_episode(self) -> EpisodeRecord | None:
        """The active episode, else the most recent one."""
        row = self.session.scalars(
            select(EpisodeRow)
            .where(EpisodeRow.profile_id == self._pid())
            .order_by((EpisodeRow.status == "active").desc(), EpisodeRow.onset.desc(), EpisodeRow.created_at.desc())
            .limit(1)
        ).first()
        return _episode(row) if row else None

    def episodes(self) -> list[EpisodeRecord]:
        q = select(EpisodeRow).where(EpisodeRow.profile_id == self._pid()).order_by(EpisodeRow.onset)
        return [_episode(r) for r in self.session.scalars(q)]

    def episode(self, episode_id: str) -> EpisodeRecord | None:
        row = self._own(EpisodeRow, episode_id)
        return _episode(row) if row else None

    def _own(self, model: type[_Owned], record_id: str) -> _Owned | None:
        """The row of that id when it is this profile's (another profile's row is not found)."""
        return self.session.scalars(select(model).where(model.id == record_id, model.profile_id == self._pid())).first()

    def _check_links(self, episode_id: str | None = None, assessment_id: str | None = None) -> None:
        """Refuse a new record that refers to another profile's episode or assessment."""
        if episode_id is not None and self._own(EpisodeRow, episode_id) is None:
            raise StorageError(f"episode {episode_id} is not one of this profile's")
        if assessment_id is not None and self._own(AssessmentRow, assessment_id) is None:
            raise StorageError(f"assessment {assessment_id} is not one of this profile's")

    def ensure_episode(self, onset: dt.date, timezone: str) -> EpisodeRecord:
        """The active episode, or a new one starting on ``onset``."""
        active = self.active_episode()
        return active if active is not None else self.start_episode(onset, timezone)

    def start_episode(self, onset: dt.date, timezone: str) -> EpisodeRecord:
        """Close the active episode (if any) and start a new one."""
        profile = self.profile(timezone)
        now = self.now()
        for row in self.session.scalars(
            select(EpisodeRow).where(EpisodeRow.profile_id == profile.id, EpisodeRow.status == "active")
        ):
            row.status = "resolved"
            row.closed_at = now
        self.session.flush()
        new = EpisodeRow(profile_id=profile.id, onset=onset, status="active", created_at=now, timezone=timezone)
        self.session.add(new)
        self.session.flush()
        return _episode(new)

    # Diary entries

    def add_entry(self, entry: DiaryEntry) -> None:
        profile = self.profile(entry.timezone)
        self._check_links(entry.episode_id, entry.retriage.assessment_id if entry.retriage else None)
        self.session.add(row_from_entry(entry, profile.id))
        self.session.flush()

    def entry(self, entry_id: str) -> DiaryEntry | None:
        row = self._own(EntryRow, entry_id)
        return entry_from_row(row) if row else None

    def replace_entry(self, entry: DiaryEntry) -> bool:
        """Overwrite the entry of the same id; False (nothing written) when it is not this profile's."""
        row = self._own(EntryRow, entry.id)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        self.add_entry(entry)
        return True

    def delete_entry(self, entry_id: str) -> bool:
        row = self._own(EntryRow, entry_id)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True

    def add_entries(self, entries: Iterable[DiaryEntry], timezone: str) -> int:
        """Insert many entries in this transaction with two bulk statements (imports, benchmarks)."""
        profile = self.profile(timezone)
        entries = list(entries)
        episodes = {e.episode_id for e in entries if e.episode_id is not None}
        if episodes - {e.id for e in self.episodes()}:
            raise StorageError("some entries refer to an episode that is not this profile's")
        rows: list[dict[str, object]] = []
        exercises: list[dict[str, object]] = []
        for e in entries:  # plain values: no ORM objects made only to read their columns back
            rows.append(entry_values(e, profile.id))
            exercises += [
                {"entry_id": e.id, "position": i, "exercise_id": x.id, "repetitions": x.repetitions}
                for i, x in enumerate(e.exercises)
            ]
        if rows:
            self.session.execute(insert(EntryRow), rows)
        if exercises:
            self.session.execute(insert(ExerciseRow), exercises)
        return len(rows)

    def entries(
        self,
        episode_id: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[DiaryEntry]:
        """Entries oldest first; restricted to an episode and a date range when given.

        Two plain queries (entries, then their exercises) rather than ORM objects: a diary of
        thousands of entries loads in a fraction of a second.
        """
        table = EntryRow.__table__
        q = select(table).where(table.c.profile_id == self._pid())
        if episode_id is not None:
            q = q.where(table.c.episode_id == episode_id)
        if since is not None:
            q = q.where(table.c.entry_date >= since)
        if until is not None:
            q = q.where(table.c.entry_date <= until)
        rows = self.session.execute(q.order_by(table.c.entry_date, table.c.recorded_at, table.c.id)).all()
        if not rows:
            return []
        done: dict[str, list[ExerciseDone]] = {}
        ex = ExerciseRow.__table__
        ids = q.with_only_columns(table.c.id).order_by(None).scalar_subquery()
        for entry_id, exercise_id, reps in self.session.execute(
            select(ex.c.entry_id, ex.c.exercise_id, ex.c.repetitions)
            .where(ex.c.entry_id.in_(ids))
            .order_by(ex.c.entry_id, ex.c.position)
        ):
            done.setdefault(entry_id, []).append(ExerciseDone(id=exercise_id, repetitions=reps))
        return [_entry_from_mapping(r._mapping, done.get(r.id, [])) for r in rows]

    def entry_span(self, episode_id: str | None = None) -> EntrySpan:
        """Dates that bound an episode's entries, in one query: what a window of the diary needs."""
        t = EntryRow.__table__
        q = select(
            func.min(t.c.entry_date),
            func.max(t.c.entry_date),
            func.min(case((t.c.peg_score.is_not(None), t.c.entry_date))),
            func.min(case((t.c.rmdq_score.is_not(None), t.c.entry_date))),
        ).where(t.c.profile_id == self._pid())
        if episode_id is not None:
            q = q.where(t.c.episode_id == episode_id)
        first, last, peg, rmdq = self.session.execute(q).one()
        return EntrySpan(first=first, last=last, first_peg=peg, first_rmdq=rmdq)

    def count_entries(self) -> int:
        q = select(func.count()).select_from(EntryRow).where(EntryRow.profile_id == self._pid())
        return int(self.session.scalar(q) or 0)

    # Assessments and plans

    def add_assessment(self, record: AssessmentRecord) -> None:
        profile = self.profile(record.timezone)
        self._check_links(record.episode_id)
        self.session.add(AssessmentRow(profile_id=profile.id, **record.model_dump(mode="json") | _times(record)))
        self.session.flush()

    def latest_assessment(
        self, kind: Literal["assessment", "retriage"] = "assessment", episode_id: str | None = None
    ) -> AssessmentRecord | None:
        q = select(AssessmentRow).where(AssessmentRow.profile_id == self._pid(), AssessmentRow.kind == kind)
        if episode_id is not None:
            q = q.where(AssessmentRow.episode_id == episode_id)
        # LIMIT 1: an ORM result is buffered whole, so without it every snapshot would be loaded and decoded.
        row = self.session.scalars(q.order_by(AssessmentRow.created_at.desc()).limit(1)).first()
        return _assessment(row) if row else None

    def assessment(self, assessment_id: str) -> AssessmentRecord | None:
        row = self._own(AssessmentRow, assessment_id)
        return _assessment(row) if row else None

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
        return [_assessment(r) for r in self.session.scalars(q)]

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
        data = record.model_dump(mode="json") | _times(record)
        data["start_date"] = record.start_date
        self.session.add(PlanRow(profile_id=profile.id, **data))
        self.session.flush()

    def latest_plan(self, episode_id: str | None = None) -> PlanRecord | None:
        q = select(PlanRow).where(PlanRow.profile_id == self._pid())
        if episode_id is not None:
            q = q.where(PlanRow.episode_id == episode_id)
        row = self.session.scalars(q.order_by(PlanRow.created_at.desc()).limit(1)).first()
        return _plan(row) if row else None

    def plan_for(self, assessment_id: str) -> PlanRecord | None:
        """The plan made from that assessment (None when it is not this profile's)."""
        q = select(PlanRow).where(PlanRow.profile_id == self._pid(), PlanRow.assessment_id == assessment_id)
        row = self.session.scalars(q.order_by(PlanRow.created_at.desc()).limit(1)).first()
        return _plan(row) if row else None

    # Export, import, forget

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
                _assessment(r)
                for r in self.session.scalars(
                    select(AssessmentRow).where(AssessmentRow.profile_id == pid).order_by(AssessmentRow.created_at)
                )
            ],
            plans=[
                _plan(r)
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
            profile = ProfileRow(name=DEFAULT_PROFILE, timezone=tz, created_at=self.now())
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
            self.session.add(EpisodeRow(profile_id=profile.id, **_plain(ep)))
        self.session.flush()
        for a in doc.assessments:
            old_a = self._own(AssessmentRow, a.id)
            if self._same_or_conflict("assessment", a.id, _assessment(old_a) if old_a else None, a, summary):
                continue
            self.session.add(AssessmentRow(profile_id=profile.id, **a.model_dump(mode="json") | _times(a)))
        self.session.flush()
        for p in doc.plans:
            old_p = self._own(PlanRow, p.id)
            if self._same_or_conflict("plan", p.id, _plan(old_p) if old_p else None, p, summary):
                continue
            data = p.model_dump(mode="json") | _times(p)
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
                e.id: e.model_copy(update={"episode_id": episode.id, "retriage": _without_link(e.retriage)})
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
                e = e.model_copy(update={"episode_id": old_entry.episode_id, "retriage": _relink(e, old_entry)})
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


def _times(record: AssessmentRecord | PlanRecord) -> dict[str, dt.datetime]:
    return {"created_at": record.created_at}


def _plain(ep: EpisodeRecord) -> dict[str, object]:
    return {
        "id": ep.id,
        "onset": ep.onset,
        "status": ep.status,
        "created_at": ep.created_at,
        "timezone": ep.timezone,
        "closed_at": ep.closed_at,
    }


def _without_link(r: Retriage | None) -> Retriage | None:
    return r.model_copy(update={"assessment_id": None}) if r else None


def _relink(new: DiaryEntry, old: DiaryEntry) -> Retriage | None:
    if new.retriage is None or old.retriage is None:
        return new.retriage
    return new.retriage.model_copy(update={"assessment_id": old.retriage.assessment_id})


# --- Unit of work and store ----------------------------------------------------------------------


class UnitOfWork:
    """One transaction. ``with store.unit_of_work() as uow: ...; uow.commit()``."""

    def __init__(self, factory: sessionmaker[Session], write: bool, now: Clock, profile_id: str | None) -> None:
        self._factory = factory
        self._write = write
        self._now = now
        self._profile_id = profile_id
        self.committed = False

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        bind = self.session.get_bind()
        if self._write and bind.dialect.name == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
        self.diary = DiaryRepository(self.session, self._now, self._profile_id)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self.committed:
            self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()
        self.committed = True

    def rollback(self) -> None:
        self.session.rollback()


class Store:
    """An open, migrated database."""

    def __init__(self, engine: Engine, now: Clock = utc_now) -> None:
        self.engine = engine
        self.now = now
        self._write = sessionmaker(bind=engine, expire_on_commit=False)
        reader = engine.execution_options(backcare_begin="DEFERRED") if engine.dialect.name == "sqlite" else engine
        self._read = sessionmaker(bind=reader, expire_on_commit=False)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def location(self) -> str:
        return describe(self.engine.url)

    def unit_of_work(self, write: bool = True, profile_id: str | None = None) -> UnitOfWork:
        """A transaction on one person's data: ``profile_id``, else the local default profile."""
        return UnitOfWork(self._write if write else self._read, write, self.now, profile_id)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def compact(self) -> None:
        """After ``forget``: make deleted rows unrecoverable from the SQLite file and its WAL."""
        if self.backend != "sqlite":
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def backup_sqlite(self, target: Path) -> None:
        """A consistent copy of the SQLite database through SQLite's online backup API."""
        source = sqlite_path(self.engine.url)
        if source is None:
            raise StorageError("only an SQLite database can be copied as a file")
        fd, tmp = tempfile.mkstemp(prefix=".backcare-backup-", dir=target.parent)
        os.close(fd)
        try:
            src = sqlite3.connect(source, timeout=60)
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                if dst.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                    raise StorageError("the backup copy failed its integrity check")
            finally:
                dst.close()
                src.close()
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def open_store(url: str | None = None, *, create: bool = True, now: Clock = utc_now) -> Store:
    """Open (and migrate) the database; with ``create=False`` raise NoDatabase if it does not exist."""
    from backcare.adapters.storage.engine import open_engine

    return Store(open_engine(url, create=create), now=now)
