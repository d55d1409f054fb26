"""Accounts, their logged-in sessions and the shared secret, inside the current unit of work.

Everything a request needs to know about who is asking lives in these tables, so workers and
machines are interchangeable behind a load balancer. The use cases that combine them (register,
log in, delete an account) are in ``backcare.services.accounts``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backcare.adapters.storage.engine import StorageError
from backcare.adapters.storage.orm import (
    AccountRow,
    Clock,
    LoginSessionRow,
    ProfileRow,
    SecretRow,
    new_id,
    utc_now,
)


class NameTaken(StorageError):
    """Another account already has that user name."""


@dataclass(frozen=True)
class AccountRecord:
    """An account as a login needs it: the stored password hash and its profile's time zone."""

    id: str
    username: str
    password_hash: str
    profile_id: str
    timezone: str


@dataclass(frozen=True)
class SessionRecord:
    """A logged-in session with the account behind it."""

    created_at: dt.datetime
    last_seen_at: dt.datetime
    expires_at: dt.datetime
    account: AccountRecord


def _account_query() -> Select[str, str, str, str, str]:
    return select(
        AccountRow.id, AccountRow.username, AccountRow.password_hash, AccountRow.profile_id, ProfileRow.timezone
    ).join(ProfileRow, ProfileRow.id == AccountRow.profile_id)


class AccountRepository:
    """Accounts; each owns one profile, created through the diary repository first."""

    def __init__(self, session: Session, now: Clock = utc_now) -> None:
        self.session = session
        self.now = now

    def add(self, username: str, password_hash: str, profile_id: str, account_id: str | None = None) -> str:
        """A new account's id; ``NameTaken`` when the name is someone else's."""
        if self.find(username) is not None:
            raise NameTaken(f"the user name {username!r} is taken")
        row = AccountRow(
            id=account_id or new_id(),
            username=username,
            password_hash=password_hash,
            profile_id=profile_id,
            created_at=self.now(),
        )
        self.session.add(row)
        try:
            self.session.flush()
        except IntegrityError:
            raise NameTaken(f"the user name {username!r} is taken") from None
        return row.id

    def find(self, username: str) -> AccountRecord | None:
        row = self.session.execute(_account_query().where(AccountRow.username == username)).first()
        return AccountRecord(*row) if row is not None else None

    def delete(self, account_id: str) -> None:
        """The account and its sessions (its profile's records go through the diary repository)."""
        self.session.execute(delete(LoginSessionRow).where(LoginSessionRow.account_id == account_id))
        self.session.execute(delete(AccountRow).where(AccountRow.id == account_id))
        self.session.flush()


class LoginSessionRepository:
    """Logged-in sessions, found by the hash of the cookie (the cookie itself is never stored)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, token_hash: str, account_id: str, now: dt.datetime, expires_at: dt.datetime) -> None:
        """A new session; expired ones of every account are removed on the way."""
        self.session.execute(delete(LoginSessionRow).where(LoginSessionRow.expires_at <= now))
        self.session.add(
            LoginSessionRow(
                token_hash=token_hash, account_id=account_id, created_at=now, last_seen_at=now, expires_at=expires_at
            )
        )
        self.session.flush()

    def find(self, token_hash: str) -> SessionRecord | None:
        q = _account_query().add_columns(
            LoginSessionRow.created_at, LoginSessionRow.last_seen_at, LoginSessionRow.expires_at
        )
        row = self.session.execute(
            q.join(LoginSessionRow, LoginSessionRow.account_id == AccountRow.id).where(
                LoginSessionRow.token_hash == token_hash
            )
        ).first()
        if row is None:
            return None
        account = AccountRecord(row.id, row.username, row.password_hash, row.profile_id, row.timezone)
        return SessionRecord(row.created_at, row.last_seen_at, row.expires_at, account)

    def touch(self, token_hash: str, seen: dt.datetime, expires_at: dt.datetime) -> None:
        self.session.execute(
            update(LoginSessionRow)
            .where(LoginSessionRow.token_hash == token_hash)
            .values(last_seen_at=seen, expires_at=expires_at)
        )

    def delete(self, token_hash: str) -> None:
        self.session.execute(delete(LoginSessionRow).where(LoginSessionRow.token_hash == token_hash))


class SecretRepository:
    """Named values every worker must share (the CSRF signing key); never changed once stored."""

    def __init__(self, session: Session, now: Clock = utc_now) -> None:
        self.session = session
        self.now = now

    def get(self, name: str) -> str | None:
        value = self.session.scalar(select(SecretRow.value).where(SecretRow.name == name))
        return str(value) if value is not None else None

    def add(self, name: str, value: str) -> None:
        self.session.add(SecretRow(name=name, value=value, created_at=self.now()))
        self.session.flush()
