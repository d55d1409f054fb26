"""Attempt counters updated by one atomic upsert, replacing the per-failure rows.

Revision ID: w002
Revises: w001
Create Date: 2026-12-02

The old ``web_login_failure`` rows were counted before the password check and written after it,
so parallel requests could all pass the check; they are dropped (they only ever held the last
15 minutes of failures).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "w002"
down_revision: str | None = "w001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "web_throttle",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("account_key", sa.String(64), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.Float(), nullable=False),
        sa.Column("next_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_web_throttle_account", "web_throttle", ["account_key"])
    op.create_index("ix_web_throttle_window", "web_throttle", ["window_start"])
    op.drop_index("ix_web_login_failure_key_at", table_name="web_login_failure")
    op.drop_table("web_login_failure")


def downgrade() -> None:
    op.create_table(
        "web_login_failure",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_web_login_failure_key_at", "web_login_failure", ["key", "at"])
    op.drop_index("ix_web_throttle_window", table_name="web_throttle")
    op.drop_index("ix_web_throttle_account", table_name="web_throttle")
    op.drop_table("web_throttle")
