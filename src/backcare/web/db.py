"""The web layer's database work: opening the shared store, accounts, sessions, login limits, the secret.

Everything a request needs to know about who is asking lives in these tables, so workers and
machines are interchangeable behind a load balancer.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets as pysecrets
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from backcare.storage import Store, open_store
from backcare.storage.engine import PG_LOCK_KEY, StorageError
from backcare.storage.orm import ProfileRow
from backcare.web import tables
from backcare.web.security import client_key, hash_password, token_hash, utcnow, verify_password
from backcare.web.settings import Settings

LOCAL_PROFILE = "default"
USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{2,63}$")
#: Sessions are extended at most this often, so most requests only read the session table.
TOUCH_EVERY = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class Principal:
    """Who a request acts for: a storage profile, and in multi-user mode the account that owns it."""

    profile_id: str
    timezone: str
    account_id: str | None = None
    username: str | None = None


def open_web_store(settings: Settings) -> Store:
    """The storage package's store (its migrations run) plus the web tables' own migrations."""
    store = open_store(settings.database_url)
    try:
        migrate_web(store.engine)
    except BaseException:
        store.close()
        raise
    return store


def migrate_web(engine: Engine) -> None:
    """Bring the web tables to the newest revision (a chain separate from the storage schema)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "backcare.web:migrations")
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _reader(engine: Engine) -> Engine:
    """Reads on SQLite begin DEFERRED (the storage engine begins IMMEDIATE by default)."""
    return engine.execution_options(backcare_begin="DEFERRED") if engine.dialect.name == "sqlite" else engine


def load_secret(engine: Engine, settings: Settings) -> str:
    """The CSRF signing secret: from the settings, else created once in the database and shared."""
    if settings.secret_key:
        return settings.secret_key
    with _reader(engine).connect() as conn:
        found = conn.scalar(select(tables.secret.c.value).where(tables.secret.c.name == "csrf"))
    if found:
        return str(found)
    try:
        with engine.begin() as conn:
            conn.execute(insert(tables.secret).values(name="csrf", value=pysecrets.token_hex(32), created_at=utcnow()))
    except IntegrityError:
        pass  # another worker created it first
    with _reader(engine).connect() as conn:
        return str(conn.scalar(select(tables.secret.c.value).where(tables.secret.c.name == "csrf")))


def ping(engine: Engine) -> None:
    with _reader(engine).connect() as conn:
        conn.execute(text("SELECT 1"))


# --- Profiles ------------------------------------------------------------------------------------


def local_principal(engine: Engine, timezone: str) -> Principal:
    """Local mode: the one person's profile, shared with the command line (created on first use)."""
    with _reader(engine).connect() as conn:
        row = conn.execute(select(ProfileRow.id, ProfileRow.timezone).where(ProfileRow.name == LOCAL_PROFILE)).first()
    if row is None:
        try:
            with engine.begin() as conn:
                conn.execute(
                    insert(ProfileRow).values(
                        id=str(uuid.uuid4()), name=LOCAL_PROFILE, timezone=timezone, created_at=utcnow()
                    )
                )
        except IntegrityError:
            pass
        with _reader(engine).connect() as conn:
            row = conn.execute(
                select(ProfileRow.id, ProfileRow.timezone).where(ProfileRow.name == LOCAL_PROFILE)
            ).first()
    if row is None:  # pragma: no cover - the insert above guarantees a row
        raise StorageError("could not create the local profile")
    return Principal(profile_id=row.id, timezone=row.timezone)


# --- Accounts ------------------------------------------------------------------------------------


class AccountError(ValueError):
    """A registration that cannot be accepted; ``field`` names the form field."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def normalise_username(name: str) -> str:
    return name.strip().lower()


def create_account(engine: Engine, username: str, password: str, timezone: str) -> Principal:
    """A new account with its own storage profile; the password is stored as an argon2 hash only."""
    from backcare.web.security import MAX_PASSWORD, MIN_PASSWORD

    name = normalise_username(username)
    if not USERNAME_RE.match(name):
        raise AccountError("username", "use 3 to 64 letters, digits or . _ @ + - (starting with a letter or digit)")
    if len(password) < MIN_PASSWORD:
        raise AccountError("password", f"use at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError("password", f"use at most {MAX_PASSWORD} characters")
    hashed = hash_password(password)
    account_id, profile_id, now = str(uuid.uuid4()), str(uuid.uuid4()), utcnow()
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(ProfileRow).values(
                    id=profile_id, name=f"account:{account_id}", timezone=timezone, created_at=now
                )
            )
            conn.execute(
                insert(tables.account).values(
                    id=account_id, username=name, password_hash=hashed, profile_id=profile_id, created_at=now
                )
            )
    except IntegrityError:
        raise AccountError("username", "that name is taken; choose another") from None
    return Principal(profile_id=profile_id, timezone=timezone, account_id=account_id, username=name)


class RateLimited(Exception):
    """Too many failed logins; try again after ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"too many failed attempts; try again in {retry_after // 60 + 1} minutes")


def check_login(engine: Engine, settings: Settings, username: str, password: str, client: str) -> Principal | None:
    """The account for a correct name and password; failures are counted per name and per address.

    Raises ``RateLimited`` before checking the password once either count is over its limit, so
    guessing is slowed down for every worker at once.
    """
    name = normalise_username(username)
    keys = {
        client_key("user", name): settings.login_max_failures,
        client_key("ip", client): settings.login_max_failures_per_ip,
    }
    now = utcnow()
    since = now - dt.timedelta(minutes=settings.login_window_minutes)
    with _reader(engine).connect() as conn:
        for key, limit in keys.items():
            rows = conn.execute(
                select(func.count(), func.min(tables.login_failure.c.at)).where(
                    tables.login_failure.c.key == key, tables.login_failure.c.at > since
                )
            ).first()
            count, oldest = (rows[0], rows[1]) if rows else (0, None)
            if count >= limit and oldest is not None:
                oldest_utc = oldest if oldest.tzinfo else oldest.replace(tzinfo=dt.UTC)
                wait = (oldest_utc + dt.timedelta(minutes=settings.login_window_minutes) - now).total_seconds()
                raise RateLimited(max(1, int(wait) + 1))
        row = conn.execute(
            select(
                tables.account.c.id, tables.account.c.password_hash, tables.account.c.profile_id, ProfileRow.timezone
            )
            .join(ProfileRow, ProfileRow.id == tables.account.c.profile_id)
            .where(tables.account.c.username == name)
        ).first()
    if row is not None and len(password) <= 4096 and verify_password(row.password_hash, password):
        with engine.begin() as conn:
            conn.execute(delete(tables.login_failure).where(tables.login_failure.c.key == client_key("user", name)))
        return Principal(profile_id=row.profile_id, timezone=row.timezone, account_id=row.id, username=name)
    if row is None:
        verify_password(None, password)
    with engine.begin() as conn:
        conn.execute(delete(tables.login_failure).where(tables.login_failure.c.at <= since))
        conn.execute(insert(tables.login_failure), [{"key": key, "at": now} for key in keys])
    return None


def delete_account(engine: Engine, principal: Principal) -> None:
    """Delete the account and everything its profile owns, in one transaction.

    In local mode (no account) the profile itself stays, emptied, as ``backcare forget`` leaves it.
    """
    from sqlalchemy.orm import Session

    from backcare.storage import DiaryRepository

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
        if principal.account_id:
            conn.execute(delete(tables.session).where(tables.session.c.account_id == principal.account_id))
            conn.execute(delete(tables.account).where(tables.account.c.id == principal.account_id))
        with Session(bind=conn) as session:
            DiaryRepository(session, profile_id=principal.profile_id).forget(keep_profile=principal.account_id is None)


# --- Sessions ------------------------------------------------------------------------------------


def start_session(engine: Engine, principal: Principal, token: str, hours: int) -> None:
    now = utcnow()
    assert principal.account_id is not None
    with engine.begin() as conn:
        conn.execute(delete(tables.session).where(tables.session.c.expires_at <= now))
        conn.execute(
            insert(tables.session).values(
                token_hash=token_hash(token),
                account_id=principal.account_id,
                created_at=now,
                last_seen_at=now,
                expires_at=now + dt.timedelta(hours=hours),
            )
        )


def end_session(engine: Engine, token: str | None) -> None:
    if not token:
        return
    with engine.begin() as conn:
        conn.execute(delete(tables.session).where(tables.session.c.token_hash == token_hash(token)))


def session_principal(engine: Engine, token: str | None, hours: int) -> Principal | None:
    """The account behind a session cookie, or None when unknown or expired (sliding expiry)."""
    if not token:
        return None
    now = utcnow()
    key = token_hash(token)
    with _reader(engine).connect() as conn:
        row = conn.execute(
            select(
                tables.session.c.last_seen_at,
                tables.session.c.expires_at,
                tables.account.c.id,
                tables.account.c.username,
                tables.account.c.profile_id,
                ProfileRow.timezone,
            )
            .join(tables.account, tables.account.c.id == tables.session.c.account_id)
            .join(ProfileRow, ProfileRow.id == tables.account.c.profile_id)
            .where(tables.session.c.token_hash == key)
        ).first()
    if row is None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=dt.UTC)
    seen = row.last_seen_at if row.last_seen_at.tzinfo else row.last_seen_at.replace(tzinfo=dt.UTC)
    if expires <= now:
        end_session(engine, token)
        return None
    if now - seen > TOUCH_EVERY:
        with engine.begin() as conn:
            conn.execute(
                update(tables.session)
                .where(tables.session.c.token_hash == key)
                .values(last_seen_at=now, expires_at=now + dt.timedelta(hours=hours))
            )
    return Principal(profile_id=row.profile_id, timezone=row.timezone, account_id=row.id, username=row.username)


def set_timezone(conn: Connection, profile_id: str, timezone: str) -> None:
    conn.execute(update(ProfileRow).where(ProfileRow.id == profile_id).values(timezone=timezone))
