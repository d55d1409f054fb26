"""Diary entries of one profile: add, replace, delete, and read them fast even by the thousand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import case, func, insert, select

from backcare.adapters.storage.engine import StorageError
from backcare.adapters.storage.orm import EntryRow, ExerciseRow
from backcare.adapters.storage.profile_scope import ProfileScope
from backcare.adapters.storage.row_conversion import entry_from_mapping, entry_from_row, entry_values, row_from_entry
from backcare.core.diary import DiaryEntry, ExerciseDone


@dataclass(frozen=True)
class EntrySpan:
    """The first and last entry dates, and the first dates with a PEG and with an RMDQ score."""

    first: dt.date | None
    last: dt.date | None
    first_peg: dt.date | None
    first_rmdq: dt.date | None


class DiaryEntries(ProfileScope):
    """The entries part of the diary repository."""

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
        return [entry_from_mapping(r._mapping, done.get(r.id, [])) for r in rows]

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
