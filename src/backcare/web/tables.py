"""The web layer's own tables: accounts, sessions, login failures and the shared signing secret.

They live beside the storage package's tables (same database) and are created by the web
layer's own Alembic migrations (``web/migrations``, version table ``backcare_web_version``), so
the storage schema and its migration chain stay untouched. Each account owns exactly one storage
``profile``; every stored record carries its ``profile_id``, which is what isolates accounts.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table

from backcare.storage.orm import UTCDateTime

metadata = MetaData()

secret = Table(
    "web_secret",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", String(128), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

account = Table(
    "web_account",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(256), nullable=False),
    Column("profile_id", String(36), ForeignKey("profile.id", ondelete="CASCADE"), nullable=False, unique=True),
    Column("created_at", UTCDateTime(), nullable=False),
)

session = Table(
    "web_session",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account_id", String(36), ForeignKey("web_account.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("last_seen_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Index("ix_web_session_account", "account_id"),
)

login_failure = Table(
    "web_login_failure",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(80), nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Index("ix_web_login_failure_key_at", "key", "at"),
)

VERSION_TABLE = "backcare_web_version"
