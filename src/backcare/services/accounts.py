"""Account use cases of the web app: register, log in, sessions, attempt limits, the shared secret.

Every step is one unit of work on the store (``uow.accounts``, ``uow.sessions``, ``uow.limits``,
``uow.secrets`` beside ``uow.diary``), so whichever worker answers a request sees the same state.
Passwords are checked outside any transaction: an argon2 check is slow and must hold no lock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets as pysecrets
import time
from dataclasses import dataclass
from typing import Protocol

from backcare.adapters.credentials import client_key, hash_password, password_problem, token_hash, verify_password
from backcare.adapters.storage import NameTaken, Refused, Rule, Slot, StorageError, Store, utc_now
from backcare.adapters.storage.orm import new_id

USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{2,63}$")
#: Sessions are extended at most this often, so most requests only read the session table.
TOUCH_EVERY = dt.timedelta(minutes=5)
CSRF_SECRET = "csrf"


@dataclass(frozen=True)
class Principal:
    """Who a request acts for: a storage profile, and in multi-user mode the account that owns it."""

    profile_id: str
    timezone: str
    account_id: str | None = None
    username: str | None = None


class AccountError(ValueError):
    """A registration that cannot be accepted; ``field`` names the form field."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


class RateLimited(Exception):
    """Too many attempts; try again after ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        wait = f"{retry_after} seconds" if retry_after < 120 else f"{retry_after // 60 + 1} minutes"
        super().__init__(f"too many attempts; try again in {wait}")


class LimitSettings(Protocol):
    """The attempt limits a deployment sets (the web app's settings have these fields)."""

    @property
    def login_max_failures(self) -> int: ...
    @property
    def login_max_failures_per_ip(self) -> int: ...
    @property
    def login_account_ceiling(self) -> int: ...
    @property
    def login_delay_seconds(self) -> int: ...
    @property
    def login_window_minutes(self) -> int: ...
    @property
    def register_max_per_ip(self) -> int: ...
    @property
    def assess_max_per_minute(self) -> int: ...


# --- The store as a whole ------------------------------------------------------------------------


def load_secret(store: Store, configured: str | None = None) -> str:
    """The CSRF signing secret: the configured one, else created once in the database and shared."""
    if configured:
        return configured
    with store.unit_of_work(write=False) as uow:
        found = uow.secrets.get(CSRF_SECRET)
    if found:
        return found
    with store.unit_of_work() as uow:  # writers queue, so only the first worker creates it
        if uow.secrets.get(CSRF_SECRET) is None:
            uow.secrets.add(CSRF_SECRET, pysecrets.token_hex(32))
            uow.commit()
    with store.unit_of_work(write=False) as uow:
        return uow.secrets.get(CSRF_SECRET) or ""


def local_principal(store: Store, timezone: str) -> Principal:
    """Local mode: the one person's profile, shared with the command line (created on first use)."""
    with store.unit_of_work(write=False) as uow:
        row = uow.diary.find_profile()
        if row is not None:
            return Principal(profile_id=row.id, timezone=row.timezone)
    with store.unit_of_work() as uow:
        row = uow.diary.profile(timezone)
        who = Principal(profile_id=row.id, timezone=row.timezone)
        uow.commit()
    return who


# --- Accounts ------------------------------------------------------------------------------------


def normalise_username(name: str) -> str:
    return name.strip().lower()


def account_key(name: str) -> str:
    """The hashed user name that marks every counter row about one account."""
    return hashlib.sha256(normalise_username(name).encode("utf-8", "replace")).hexdigest()


def create_account(store: Store, username: str, password: str, timezone: str) -> Principal:
    """A new account with its own storage profile; the password is stored as an argon2 hash only."""
    name = normalise_username(username)
    if not USERNAME_RE.match(name):
        raise AccountError("username", "use 3 to 64 letters, digits or . _ @ + - (starting with a letter or digit)")
    problem = password_problem(password, name)
    if problem:
        raise AccountError("password", problem)
    hashed = hash_password(password)
    try:
        with store.unit_of_work() as uow:  # the profile is rolled back with the account when the name is taken
            account_id = new_id()
            profile_id = uow.diary.create_profile(timezone, name=f"account:{account_id}")
            uow.accounts.add(name, hashed, profile_id, account_id)
            uow.commit()
    except NameTaken:
        raise AccountError("username", "that name is taken; choose another") from None
    return Principal(profile_id=profile_id, timezone=timezone, account_id=account_id, username=name)


def delete_account(store: Store, principal: Principal) -> None:
    """Delete the account and everything its profile owns, in one transaction.

    In local mode (no account) the profile itself stays, emptied, as ``backcare forget`` leaves it.
    The account's attempt counters go too, and on SQLite no copy of the deleted rows is left in
    the database file or its write-ahead log.
    """
    with store.unit_of_work(profile_id=principal.profile_id) as uow:
        if principal.account_id:
            uow.accounts.delete(principal.account_id)
            if principal.username:
                uow.limits.forget_account(account_key(principal.username))
        uow.diary.forget(keep_profile=principal.account_id is None)
        uow.commit()
    store.purge_deleted()


# --- Attempt limits ------------------------------------------------------------------------------


def login_slots(limits: LimitSettings, name: str, client: str) -> tuple[Slot, ...]:
    """The three counters a login attempt takes a slot from, always in this order.

    Per name *and* address a small limit (an attacker exhausts only their own pair, never the real
    user's); per address a larger one (one client spraying many names); per name a far higher
    ceiling where, after the first few, each attempt from anywhere waits longer than the last.
    """
    window = limits.login_window_minutes * 60.0
    owner = account_key(name)
    ceiling = Rule(limits.login_account_ceiling, window, limits.login_max_failures, limits.login_delay_seconds)
    return (
        Slot(client_key("pair", f"{name}\n{client}"), Rule(limits.login_max_failures, window), owner),
        Slot(client_key("ip", client), Rule(limits.login_max_failures_per_ip, window)),
        Slot(client_key("user", name), ceiling, owner),
    )


def take_slots(store: Store, slots: tuple[Slot, ...]) -> None:
    """Take one slot of each counter in one transaction; ``RateLimited`` (nothing counted) when refused."""
    try:
        with store.unit_of_work() as uow:
            uow.limits.take_all(slots, time.time())
            uow.commit()
    except Refused as exc:
        raise RateLimited(exc.retry_after) from None


def limit_registration(store: Store, limits: LimitSettings, client: str) -> None:
    """Registrations per address (each costs an argon2 hash and creates an account)."""
    rule = Rule(limits.register_max_per_ip, limits.login_window_minutes * 60.0)
    take_slots(store, (Slot(client_key("register", client), rule),))


def limit_assessment(store: Store, limits: LimitSettings, client: str) -> None:
    """Public assessments per address and minute (multi-user mode: the endpoint needs no login)."""
    rule = Rule(limits.assess_max_per_minute, 60.0)
    take_slots(store, (Slot(client_key("assess", client), rule),))


def check_login(store: Store, limits: LimitSettings, username: str, password: str, client: str) -> Principal | None:
    """The account for a correct name and password, or None; ``RateLimited`` before any check when refused.

    The slots are taken before the password is checked, so parallel guesses (on any worker) are
    counted as they arrive; a correct password gives its slots back.
    """
    name = normalise_username(username)
    pair, ip, user = login_slots(limits, name, client)
    take_slots(store, (pair, ip, user))
    with store.unit_of_work(write=False) as uow:
        found = uow.accounts.find(name)
    if found is not None and len(password) <= 4096 and verify_password(found.password_hash, password):
        with store.unit_of_work() as uow:
            uow.limits.clear([pair.key, user.key])
            uow.limits.release(ip.key)
            uow.commit()
        return Principal(profile_id=found.profile_id, timezone=found.timezone, account_id=found.id, username=name)
    if found is None:
        verify_password(None, password)  # as slow as a real check: the answer time reveals no names
    with store.unit_of_work() as uow:
        uow.limits.prune(time.time())
        uow.commit()
    return None


# --- Sessions ------------------------------------------------------------------------------------


def start_session(store: Store, principal: Principal, token: str, hours: int) -> None:
    if principal.account_id is None:
        raise StorageError("only an account can have a logged-in session")
    now = utc_now()
    with store.unit_of_work() as uow:
        uow.sessions.add(token_hash(token), principal.account_id, now, now + dt.timedelta(hours=hours))
        uow.commit()


def end_session(store: Store, token: str | None) -> None:
    if not token:
        return
    with store.unit_of_work() as uow:
        uow.sessions.delete(token_hash(token))
        uow.commit()


def session_principal(store: Store, token: str | None, hours: int, max_hours: int) -> Principal | None:
    """The account behind a session cookie, or None when unknown or expired.

    Expiry slides with use (``hours`` after the last request) but never past ``max_hours`` after
    login, so a stolen cookie that is kept busy still dies.
    """
    if not token:
        return None
    now = utc_now()
    key = token_hash(token)
    with store.unit_of_work(write=False) as uow:
        found = uow.sessions.find(key)
    if found is None:
        return None
    latest = found.created_at + dt.timedelta(hours=max_hours)
    if found.expires_at <= now or latest <= now:
        end_session(store, token)
        return None
    if now - found.last_seen_at > TOUCH_EVERY:
        with store.unit_of_work() as uow:
            uow.sessions.touch(key, now, min(now + dt.timedelta(hours=hours), latest))
            uow.commit()
    account = found.account
    return Principal(
        profile_id=account.profile_id, timezone=account.timezone, account_id=account.id, username=account.username
    )
