"""Indexes for the latest assessment and plan, so reading them costs the same at 2,000 snapshots as at 1.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_assessment_latest", "assessment", ["profile_id", "kind", "created_at"]),
    ("ix_assessment_episode_latest", "assessment", ["episode_id", "kind", "created_at"]),
    ("ix_plan_latest", "plan", ["profile_id", "created_at"]),
    ("ix_plan_episode_latest", "plan", ["episode_id", "created_at"]),
    ("ix_plan_assessment", "plan", ["assessment_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
