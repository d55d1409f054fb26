"""The web layer's database work: opening the shared store, accounts, sessions, login limits, the secret.

Everything a request needs to know about who is asking lives in these tables, so workers and
machines are interchangeable behind a load balancer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets as pysecrets
import time
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from backcare.adapters.storage import Store, open_store
from backcare.adapters.storage.engine import PG_LOCK_KEY, StorageError, purge_deleted
from backcare.adapters.storage.orm import ProfileRow
from backcare.entrypoints.web import tables, throttle
from backcare.entrypoints.web.security import (
    client_key,
    hash_password,
    password_problem,
    token_hash,
    utcnow,
    verify_password,
)
from backcare.entrypoints.web.settings import Settings

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
    cfg.set_main_option("script_location", "backcare.entrypoints.web:migrations")
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
    name = normalise_username(username)
    if not USERNAME_RE.match(name):
        raise AccountError("username", "use 3 to 64 letters, digits or . _ @ + - (starting with a letter or digit)")
    problem = password_problem(password, name)
    if problem:
        raise AccountError("password", problem)
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
    """Too many attempts; try again after ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        wait = f"{retry_after} seconds" if retry_after < 120 else f"{retry_after // 60 + 1} minutes"
        super().__init__(f"too many attempts; try again in {wait}")


def account_key(name: str) -> str:
    """The hashed user name that marks every counter row about one account."""
    return hashlib.sha256(normalise_username(name).encode("utf-8", "replace")).hexdigest()


def login_slots(settings: Settings, name: str, client: str) -> tuple[throttle.Slot, ...]:
    """The three counters a login attempt takes a slot from, always in this order.

    Per name *and* address a small limit (an attacker exhausts only their own pair, never the real
    user's); per address a larger one (one client spraying many names); per name a far higher
    ceiling where, after the first few, each attempt from anywhere waits longer than the last.
    """
    window = settings.login_window_minutes * 60.0
    owner = account_key(name)
    return (
        throttle.Slot(
            client_key("pair", f"{name}\n{client}"), throttle.Rule(settings.login_max_failures, window), owner
        ),
        throttle.Slot(client_key("ip", client), throttle.Rule(settings.login_max_failures_per_ip, window)),
        throttle.Slot(
            client_key("user", name),
            throttle.Rule(
                settings.login_account_ceiling, window, settings.login_max_failures, settings.login_delay_seconds
            ),
            owner,
        ),
    )


def take_slots(engine: Engine, slots: tuple[throttle.Slot, ...]) -> None:
    """Take one slot of each counter in one transaction; ``RateLimited`` (nothing counted) when refused."""
    try:
        with engine.begin() as conn:
            throttle.take_all(conn, slots, time.time())
    except throttle.Refused as exc:
        raise RateLimited(exc.retry_after) from None


def limit_registration(engine: Engine, settings: Settings, client: str) -> None:
    """Registrations per address (each costs an argon2 hash and creates an account)."""
    rule = throttle.Rule(settings.register_max_per_ip, settings.login_window_minutes * 60.0)
    take_slots(engine, (throttle.Slot(client_key("register", client), rule),))


def limit_assessment(engine: Engine, settings: Settings, client: str) -> None:
    """Public assessments per address and minute (multi-user mode: the endpoint needs no login)."""
    rule = throttle.Rule(settings.assess_max_per_minute, 60.0)
    take_slots(engine, (throttle.Slot(client_key("assess", client), rule),))


def check_login(engine: Engine, settings: Settings, username: str, password: str, client: str) -> Principal | None:
    """The account for a correct name and password, or None; ``RateLimited`` before any check when refused.

    The slots are taken before the password is checked, so parallel guesses (on any worker) are
    counted as they arrive; a correct password gives its slots back.
    """
    name = normalise_username(username)
    pair, ip, user = login_slots(settings, name, client)
    take_slots(engine, (pair, ip, user))
    with _reader(engine).connect() as conn:
        row = conn.execute(
            select(
                tables.account.c.id, tables.account.c.password_hash, tables.account.c.profile_id, ProfileRow.timezone
            )
            .join(ProfileRow, ProfileRow.id == tables.account.c.profile_id)
            .where(tables.account.c.username == name)
        ).first()
    if row is not None and len(password) <= 4096 and verify_password(row.password_hash, password):
        with engine.begin() as conn:
            throttle.clear(conn, [pair.key, user.key])
            throttle.release(conn, ip.key)
        return Principal(profile_id=row.profile_id, timezone=row.timezone, account_id=row.id, username=name)
    if row is None:
        verify_password(None, password)
    with engine.begin() as conn:
        throttle.prune(conn, time.time())
    return None


def delete_account(engine: Engine, principal: Principal) -> None:
    """Delete the account and everything its profile owns, in one transaction.

    In local mode (no account) the profile itself stays, emptied, as ``backcare forget`` leaves it.
    The account's attempt counters go too, and on SQLite no copy of the deleted rows is left in
    the database file or its write-ahead log.
    """
    from sqlalchemy.orm import Session

    from backcare.adapters.storage import DiaryRepository

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
        if principal.account_id:
            conn.execute(delete(tables.session).where(tables.session.c.account_id == principal.account_id))
            conn.execute(delete(tables.account).where(tables.account.c.id == principal.account_id))
            if principal.username:
                throttle.forget_account(conn, account_key(principal.username))
        with Session(bind=conn) as session:
            DiaryRepository(session, profile_id=principal.profile_id).forget(keep_profile=principal.account_id is None)
    purge_deleted(engine)


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


def session_principal(engine: Engine, token: str | None, hours: int, max_hours: int) -> Principal | None:
    """The account behind a session cookie, or None when unknown or expired.

    Expiry slides with use (``hours`` after the last request) but never past ``max_hours`` after
    login, so a stolen cookie that is kept busy still dies.
    """
    if not token:
        return None
    now = utcnow()
    key = token_hash(token)
    with _reader(engine).connect() as conn:
        row = conn.execute(
            select(
                tables.session.c.created_at,
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
    expires, seen, created = (_aware(v) for v in (row.expires_at, row.last_seen_at, row.created_at))
    latest = created + dt.timedelta(hours=max_hours)
    if expires <= now or latest <= now:
        end_session(engine, token)
        return None
    if now - seen > TOUCH_EVERY:
        with engine.begin() as conn:
            conn.execute(
                update(tables.session)
                .where(tables.session.c.token_hash == key)
                .values(last_seen_at=now, expires_at=min(now + dt.timedelta(hours=hours), latest))
            )
    return Principal(profile_id=row.profile_id, timezone=row.timezone, account_id=row.id, username=row.username)


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def set_timezone(conn: Connection, profile_id: str, timezone: str) -> None:
    conn.execute(update(ProfileRow).where(ProfileRow.id == profile_id).values(timezone=timezone))
