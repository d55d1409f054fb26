"""One person's profile and episodes: the scope every diary query runs in.

Every query is scoped to one profile: ``profile_id`` when given (a web account's profile), else
the local person's profile (``LOCAL_PROFILE``), created on first write. A record of another
profile is never returned, changed or deleted, even when asked for by its id, and a new record
cannot point at another profile's episode or assessment.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from backcare.adapters.storage.engine import StorageError
from backcare.adapters.storage.orm import (
    LOCAL_PROFILE,
    AssessmentRow,
    Clock,
    EntryRow,
    EpisodeRow,
    PlanRow,
    ProfileRow,
    new_id,
    utc_now,
)
from backcare.adapters.storage.row_conversion import episode_record
from backcare.adapters.storage.transfer import EpisodeRecord

_Owned = TypeVar("_Owned", EpisodeRow, AssessmentRow, PlanRow, EntryRow)


class ProfileScope:
    """The profile a repository works for, its episodes, and the ownership checks on every id."""

    def __init__(self, session: Session, now: Clock = utc_now, profile_id: str | None = None) -> None:
        self.session = session
        self.now = now
        self._profile_id = profile_id
        self._explicit = profile_id is not None

    # Profile and episodes

    def find_profile(self) -> ProfileRow | None:
        if self._profile_id is not None:
            return self.session.get(ProfileRow, self._profile_id)
        return self.session.scalars(select(ProfileRow).where(ProfileRow.name == LOCAL_PROFILE)).first()

    def profile(self, timezone: str) -> ProfileRow:
        """The person's profile; the local default profile is created on first use."""
        found = self.find_profile()
        if found is not None:
            return found
        if self._profile_id is not None:
            raise StorageError(f"profile {self._profile_id} does not exist")
        row = ProfileRow(name=LOCAL_PROFILE, timezone=timezone, created_at=self.now())
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
        return episode_record(row) if row else None

    def latest_episode(self) -> EpisodeRecord | None:
        """The active episode, else the most recent one."""
        row = self.session.scalars(
            select(EpisodeRow)
            .where(EpisodeRow.profile_id == self._pid())
            .order_by((EpisodeRow.status == "active").desc(), EpisodeRow.onset.desc(), EpisodeRow.created_at.desc())
            .limit(1)
        ).first()
        return episode_record(row) if row else None

    def episodes(self) -> list[EpisodeRecord]:
        q = select(EpisodeRow).where(EpisodeRow.profile_id == self._pid()).order_by(EpisodeRow.onset)
        return [episode_record(r) for r in self.session.scalars(q)]

    def episode(self, episode_id: str) -> EpisodeRecord | None:
        row = self._own(EpisodeRow, episode_id)
        return episode_record(row) if row else None

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
        return episode_record(new)
