"""The web layer's own tables: accounts, sessions, attempt counters and the shared signing secret.

They live beside the storage package's tables (same database) and are created by the web
layer's own Alembic migrations (``web/migrations``, version table ``backcare_web_version``), so
the storage schema and its migration chain stay untouched. Each account owns exactly one storage
``profile``; every stored record carries its ``profile_id``, which is what isolates accounts.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, MetaData, String, Table

from backcare.adapters.storage.orm import UTCDateTime

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

#: Attempt counters (logins, registrations, public assessments), one row per key, changed by a single
#: upsert each, so parallel requests on any worker never read a stale count. Times are Unix seconds,
#: which keeps the delay arithmetic in SQL the same on SQLite and PostgreSQL. ``account_key`` (the
#: hashed user name, when the key concerns an account) lets account deletion remove its rows.
throttle = Table(
    "web_throttle",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("account_key", String(64), nullable=True),
    Column("count", Integer, nullable=False),
    Column("window_start", Float, nullable=False),
    Column("next_at", Float, nullable=False),
    Index("ix_web_throttle_account", "account_key"),
    Index("ix_web_throttle_window", "window_start"),
)

VERSION_TABLE = "backcare_web_version"
