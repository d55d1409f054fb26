"""Web accounts, sessions, login failures and the shared signing secret.

Revision ID: w001
Revises:
Create Date: 2026-11-22

Spelled out in full (no import of ``web.tables``) so later changes there cannot change what this
revision creates.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "w001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_T = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "web_secret",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
        sa.Column("created_at", UTC_T, nullable=False),
    )
    op.create_table(
        "web_account",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(256), nullable=False),
        sa.Column(
            "profile_id",
            sa.String(36),
            sa.ForeignKey("profile.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("created_at", UTC_T, nullable=False),
    )
    op.create_table(
        "web_session",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("web_account.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", UTC_T, nullable=False),
        sa.Column("last_seen_at", UTC_T, nullable=False),
        sa.Column("expires_at", UTC_T, nullable=False),
    )
    op.create_index("ix_web_session_account", "web_session", ["account_id"])
    op.create_table(
        "web_login_failure",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("at", UTC_T, nullable=False),
    )
    op.create_index("ix_web_login_failure_key_at", "web_login_failure", ["key", "at"])


def downgrade() -> None:
    for table in ("web_login_failure", "web_session", "web_account", "web_secret"):
        op.drop_table(table)
