"""Accounts, sessions, attempt counters and the shared secret join the one schema and its one chain.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-09

Until this revision the web app created these tables with a migration chain of its own (version
table ``backcare_web_version``). A database that has them keeps them and every row; one that lacks
them (only the command line ever used it) gets them. The old chain's version table is dropped, and
so are the per-failure rows of its first revision, should a database still have them (they only
ever held the last minutes of failed logins). Spelled out in full, like every revision.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_T = sa.DateTime(timezone=True)
OLD_VERSION_TABLE = "backcare_web_version"
OLD_FAILURES_TABLE = "web_login_failure"


def _secret() -> list[sa.Column[Any]]:
    return [
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
        sa.Column("created_at", UTC_T, nullable=False),
    ]


def _account() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(256), nullable=False),
        sa.Column(
            "profile_id", sa.String(36), sa.ForeignKey("profile.id", ondelete="CASCADE"), nullable=False, unique=True
        ),
        sa.Column("created_at", UTC_T, nullable=False),
    ]


def _session() -> list[sa.Column[Any]]:
    return [
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.String(36), sa.ForeignKey("web_account.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", UTC_T, nullable=False),
        sa.Column("last_seen_at", UTC_T, nullable=False),
        sa.Column("expires_at", UTC_T, nullable=False),
    ]


def _throttle() -> list[sa.Column[Any]]:
    return [
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("account_key", sa.String(64), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.Float(), nullable=False),
        sa.Column("next_at", sa.Float(), nullable=False),
    ]


#: Each table in creation order (an account before its sessions), with its columns and indexes.
TABLES: tuple[tuple[str, Callable[[], list[sa.Column[Any]]], tuple[tuple[str, list[str]], ...]], ...] = (
    ("web_secret", _secret, ()),
    ("web_account", _account, ()),
    ("web_session", _session, (("ix_web_session_account", ["account_id"]),)),
    (
        "web_throttle",
        _throttle,
        (("ix_web_throttle_account", ["account_key"]), ("ix_web_throttle_window", ["window_start"])),
    ),
)


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    present = set(inspector.get_table_names())
    for name, columns, indexes in TABLES:
        if name not in present:
            op.create_table(name, *columns())
        indexed = {ix["name"] for ix in inspector.get_indexes(name)} if name in present else set()
        for index, on in indexes:
            if index not in indexed:
                op.create_index(index, name, on)
    for old in (OLD_FAILURES_TABLE, OLD_VERSION_TABLE):
        if old in present:
            op.drop_table(old)


def downgrade() -> None:
    for name, _, _ in reversed(TABLES):
        op.drop_table(name)
