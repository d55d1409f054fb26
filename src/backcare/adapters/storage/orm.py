"""Table models of the one schema; Alembic migrations (``storage/migrations``) create them, never ``create_all``.

The diary's tables (profile, episode, assessment, plan, entry, exercise) sit beside the web app's
accounts, sessions, attempt counters and shared secret, and the CDS Hooks service's feedback: one
metadata, one migration chain, one unit of work.

Every timestamp is stored in UTC (``UTCDateTime``) next to the IANA zone the person was in, so a
diary read in another zone still shows the day it was written. Primary keys are UUID strings so
an export can be imported into another database without renumbering.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeEngine


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes on every backend (SQLite has no time zones: store naive UTC there)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must carry a time zone")
        value = value.astimezone(dt.UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class JSONDocument(TypeDecorator[Any]):
    """JSON on every backend, stored as JSONB on PostgreSQL.

    The PostgreSQL type is looked up only when a PostgreSQL database is used: importing it imports
    the whole PostgreSQL dialect and driver (about 25 ms), which a local SQLite command never needs.
    """

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


JSONType = JSONDocument()


#: The local person's profile (the command line's, and the web app's in local mode).
LOCAL_PROFILE = "default"

Clock = Callable[[], dt.datetime]


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> dt.datetime:
    """The default clock of every repository (tests hand in their own)."""
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    pass


class ProfileRow(Base):
    __tablename__ = "profile"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(64), unique=True, default=LOCAL_PROFILE)
    timezone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class EpisodeRow(Base):
    __tablename__ = "episode"
    __table_args__ = (
        CheckConstraint("status in ('active', 'resolved')", name="ck_episode_status"),
        # Partial on both backends (migration 0001 creates it). Only SQLite's "where" is named here:
        # naming PostgreSQL's imports its dialect and driver, which a local command never needs.
        Index("ux_episode_one_active", "profile_id", unique=True, sqlite_where=text("status = 'active'")),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    profile_id: Mapped[str] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"), index=True)
    onset: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="active")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    timezone: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class AssessmentRow(Base):
    """A snapshot of one assessment: what went in, what came out, and which knowledge base said so."""

    __tablename__ = "assessment"
    __table_args__ = (
        CheckConstraint("kind in ('assessment', 'retriage')", name="ck_assessment_kind"),
        # The latest snapshot of a kind, per profile or per episode, is one index step away.
        Index("ix_assessment_latest", "profile_id", "kind", "created_at"),
        Index("ix_assessment_episode_latest", "episode_id", "kind", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    profile_id: Mapped[str] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"), index=True)
    episode_id: Mapped[str | None] = mapped_column(ForeignKey("episode.id", ondelete="SET NULL"), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    timezone: Mapped[str] = mapped_column(String(64))
    knowledge_version: Mapped[str] = mapped_column(String(64))
    disposition: Mapped[str] = mapped_column(String(16))
    inputs: Mapped[dict[str, Any]] = mapped_column(JSONType)
    outputs: Mapped[dict[str, Any]] = mapped_column(JSONType)


class PlanRow(Base):
    __tablename__ = "plan"
    __table_args__ = (
        Index("ix_plan_latest", "profile_id", "created_at"),
        Index("ix_plan_episode_latest", "episode_id", "created_at"),
        Index("ix_plan_assessment", "assessment_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    profile_id: Mapped[str] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"), index=True)
    episode_id: Mapped[str | None] = mapped_column(ForeignKey("episode.id", ondelete="SET NULL"), nullable=True)
    assessment_id: Mapped[str | None] = mapped_column(ForeignKey("assessment.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    timezone: Mapped[str] = mapped_column(String(64))
    start_date: Mapped[dt.date] = mapped_column(Date)
    knowledge_version: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]] = mapped_column(JSONType)


class EntryRow(Base):
    __tablename__ = "diary_entry"
    __table_args__ = (
        CheckConstraint("pain >= 0 and pain <= 10", name="ck_entry_pain"),
        CheckConstraint("spasms is null or spasms >= 0", name="ck_entry_spasms"),
        CheckConstraint("peg_score is null or (peg_score >= 0 and peg_score <= 10)", name="ck_entry_peg"),
        CheckConstraint("rmdq_score is null or (rmdq_score >= 0 and rmdq_score <= 24)", name="ck_entry_rmdq"),
        CheckConstraint("cold_sessions >= 0 and heat_sessions >= 0", name="ck_entry_thermal"),
        Index("ix_entry_profile_date", "profile_id", "entry_date"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    profile_id: Mapped[str] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    episode_id: Mapped[str | None] = mapped_column(
        ForeignKey("episode.id", ondelete="SET NULL"), nullable=True, index=True
    )
    entry_date: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    timezone: Mapped[str] = mapped_column(String(64))
    pain: Mapped[int] = mapped_column(Integer)
    spasms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    peg_items: Mapped[list[int] | None] = mapped_column(JSONType, nullable=True)
    peg_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    rmdq_ticked: Mapped[list[int] | None] = mapped_column(JSONType, nullable=True)
    rmdq_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cold_sessions: Mapped[int] = mapped_column(Integer, default=0)
    heat_sessions: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    findings: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    assessment_id: Mapped[str | None] = mapped_column(ForeignKey("assessment.id", ondelete="SET NULL"), nullable=True)
    retriage_disposition: Mapped[str | None] = mapped_column(String(16), nullable=True)
    retriage_red_flags: Mapped[list[str] | None] = mapped_column(JSONType, nullable=True)

    exercises: Mapped[list[ExerciseRow]] = relationship(
        back_populates="entry",
        cascade="all, delete-orphan",
        order_by="ExerciseRow.position",
        lazy="selectin",
        passive_deletes=True,
    )


class ExerciseRow(Base):
    __tablename__ = "exercise_done"
    __table_args__ = (CheckConstraint("repetitions > 0", name="ck_exercise_reps"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("diary_entry.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    exercise_id: Mapped[str] = mapped_column(String(64))
    repetitions: Mapped[int] = mapped_column(Integer)

    entry: Mapped[EntryRow] = relationship(back_populates="exercises")


# --- Accounts, sessions, attempt counters and the shared secret (the web app) ---------------------------
# Each account owns exactly one profile; every stored record carries its ``profile_id``, which is
# what keeps accounts apart.


class SecretRow(Base):
    """A value every worker must share (the CSRF signing key), created once by whichever starts first."""

    __tablename__ = "web_secret"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class AccountRow(Base):
    """A multi-user account: its name, an argon2 hash of its password (never the password) and its profile."""

    __tablename__ = "web_account"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    profile_id: Mapped[str] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class LoginSessionRow(Base):
    """A logged-in browser, by the hash of its cookie (a database leak gives no usable cookie)."""

    __tablename__ = "web_session"
    __table_args__ = (Index("ix_web_session_account", "account_id"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("web_account.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class AttemptCounterRow(Base):
    """One attempt counter (logins, registrations, public assessments), changed by a single upsert.

    Times are Unix seconds, which keeps the delay arithmetic in SQL the same on SQLite and
    PostgreSQL. ``account_key`` (the hashed user name, when the counter concerns an account) lets
    account deletion remove its rows.
    """

    __tablename__ = "web_throttle"
    __table_args__ = (
        Index("ix_web_throttle_account", "account_key"),
        Index("ix_web_throttle_window", "window_start"),
    )

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    account_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    count: Mapped[int] = mapped_column(Integer)
    window_start: Mapped[float] = mapped_column(Float)
    next_at: Mapped[float] = mapped_column(Float)


# --- CDS Hooks feedback -------------------------------------------------------------------------------


class CdsFeedbackRow(Base):
    """Which card (by uuid) a clinician accepted or overrode, and why; nothing about the patient."""

    __tablename__ = "interop_cds_feedback"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    service_id: Mapped[str] = mapped_column(String(64))
    card: Mapped[str] = mapped_column(String(200), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    accepted_suggestions: Mapped[str] = mapped_column(Text)  # a JSON list of suggestion ids
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON, as received
    outcome_timestamp: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


#: The diary's tables, there since the first revision: what marks a database as backcare's.
TABLES = ("profile", "episode", "assessment", "plan", "diary_entry", "exercise_done")
#: The tables the later revisions added (a database only the command line used may predate them).
ACCOUNT_TABLES = ("web_secret", "web_account", "web_session", "web_throttle")
FEEDBACK_TABLES = ("interop_cds_feedback",)
