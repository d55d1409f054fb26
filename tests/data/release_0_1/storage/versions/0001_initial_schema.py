"""Initial schema: profile, episode, assessment snapshot, plan, diary entry, exercise done.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

The migration spells the schema out in full (it does not import the ORM models), so later changes
to ``storage/orm.py`` can never silently change what this revision creates.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_T = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
UTC_T = sa.DateTime(timezone=True)


def _id() -> sa.Column[str]:
    return sa.Column("id", sa.String(36), primary_key=True)


def _profile_fk() -> sa.Column[str]:
    return sa.Column("profile_id", sa.String(36), sa.ForeignKey("profile.id", ondelete="CASCADE"), nullable=False)


def _fk(name: str, table: str) -> sa.Column[str]:
    return sa.Column(name, sa.String(36), sa.ForeignKey(f"{table}.id", ondelete="SET NULL"), nullable=True)


def upgrade() -> None:
    op.create_table(
        "profile",
        _id(),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("created_at", UTC_T, nullable=False),
    )
    op.create_table(
        "episode",
        _id(),
        _profile_fk(),
        sa.Column("onset", sa.Date(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", UTC_T, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("closed_at", UTC_T, nullable=True),
        sa.CheckConstraint("status in ('active', 'resolved')", name="ck_episode_status"),
    )
    op.create_index("ix_episode_profile_id", "episode", ["profile_id"])
    op.create_index(
        "ux_episode_one_active",
        "episode",
        ["profile_id"],
        unique=True,
        sqlite_where=sa.text("status = 'active'"),
        postgresql_where=sa.text("status = 'active'"),
    )
    op.create_table(
        "assessment",
        _id(),
        _profile_fk(),
        _fk("episode_id", "episode"),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", UTC_T, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("knowledge_version", sa.String(64), nullable=False),
        sa.Column("disposition", sa.String(16), nullable=False),
        sa.Column("inputs", JSON_T, nullable=False),
        sa.Column("outputs", JSON_T, nullable=False),
        sa.CheckConstraint("kind in ('assessment', 'retriage')", name="ck_assessment_kind"),
    )
    op.create_index("ix_assessment_profile_id", "assessment", ["profile_id"])
    op.create_table(
        "plan",
        _id(),
        _profile_fk(),
        _fk("episode_id", "episode"),
        _fk("assessment_id", "assessment"),
        sa.Column("created_at", UTC_T, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("knowledge_version", sa.String(64), nullable=False),
        sa.Column("content", JSON_T, nullable=False),
    )
    op.create_index("ix_plan_profile_id", "plan", ["profile_id"])
    op.create_table(
        "diary_entry",
        _id(),
        _profile_fk(),
        _fk("episode_id", "episode"),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("recorded_at", UTC_T, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=False),
        sa.Column("spasms", sa.Integer(), nullable=True),
        sa.Column("peg_items", JSON_T, nullable=True),
        sa.Column("peg_score", sa.Float(), nullable=True),
        sa.Column("rmdq_ticked", JSON_T, nullable=True),
        sa.Column("rmdq_score", sa.Integer(), nullable=True),
        sa.Column("cold_sessions", sa.Integer(), nullable=False),
        sa.Column("heat_sessions", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("findings", JSON_T, nullable=False),
        _fk("assessment_id", "assessment"),
        sa.Column("retriage_disposition", sa.String(16), nullable=True),
        sa.Column("retriage_red_flags", JSON_T, nullable=True),
        sa.CheckConstraint("pain >= 0 and pain <= 10", name="ck_entry_pain"),
        sa.CheckConstraint("spasms is null or spasms >= 0", name="ck_entry_spasms"),
        sa.CheckConstraint("peg_score is null or (peg_score >= 0 and peg_score <= 10)", name="ck_entry_peg"),
        sa.CheckConstraint("rmdq_score is null or (rmdq_score >= 0 and rmdq_score <= 24)", name="ck_entry_rmdq"),
        sa.CheckConstraint("cold_sessions >= 0 and heat_sessions >= 0", name="ck_entry_thermal"),
    )
    op.create_index("ix_diary_entry_episode_id", "diary_entry", ["episode_id"])
    op.create_index("ix_entry_profile_date", "diary_entry", ["profile_id", "entry_date"])
    op.create_table(
        "exercise_done",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("entry_id", sa.String(36), sa.ForeignKey("diary_entry.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(64), nullable=False),
        sa.Column("repetitions", sa.Integer(), nullable=False),
        sa.CheckConstraint("repetitions > 0", name="ck_exercise_reps"),
    )
    op.create_index("ix_exercise_done_entry_id", "exercise_done", ["entry_id"])


def downgrade() -> None:
    for table in ("exercise_done", "diary_entry", "plan", "assessment", "episode", "profile"):
        op.drop_table(table)
