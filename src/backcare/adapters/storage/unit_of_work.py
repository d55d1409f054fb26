"""The unit of work and the store: one transaction over every repository, on one open database.

``Store.unit_of_work()`` opens one transaction: on SQLite it takes the write lock at BEGIN
(``BEGIN IMMEDIATE``), on PostgreSQL a transaction-scoped advisory lock, so concurrent writers
queue instead of losing entries. Leaving the ``with`` block without ``commit()`` rolls back.
Reads (``write=False``) begin DEFERRED on SQLite and take no lock.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from backcare.adapters.storage.account_repositories import AccountRepository, LoginSessionRepository, SecretRepository
from backcare.adapters.storage.attempt_limits import AttemptLimits
from backcare.adapters.storage.diary_repository import DiaryRepository
from backcare.adapters.storage.engine import (
    StorageError,
    describe,
    lock_writers,
    open_engine,
    purge_deleted,
    reader,
    sqlite_path,
)
from backcare.adapters.storage.feedback_repository import CdsFeedbackRepository
from backcare.adapters.storage.orm import Clock, utc_now


class UnitOfWork:
    """One transaction over every repository. ``with store.unit_of_work() as uow: ...; uow.commit()``."""

    def __init__(self, factory: sessionmaker[Session], write: bool, now: Clock, profile_id: str | None) -> None:
        self._factory = factory
        self._write = write
        self._now = now
        self._profile_id = profile_id
        self.committed = False

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        if self._write:
            lock_writers(self.session)
        self.diary = DiaryRepository(self.session, self._now, self._profile_id)
        self.accounts = AccountRepository(self.session, self._now)
        self.sessions = LoginSessionRepository(self.session)
        self.secrets = SecretRepository(self.session, self._now)
        self.limits = AttemptLimits(self.session)
        self.feedback = CdsFeedbackRepository(self.session, self._now)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self.committed:
            self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()
        self.committed = True

    def rollback(self) -> None:
        self.session.rollback()


class Store:
    """An open, migrated database."""

    def __init__(self, engine: Engine, now: Clock = utc_now) -> None:
        self.engine = engine
        self.now = now
        self._write = sessionmaker(bind=engine, expire_on_commit=False)
        self._read = sessionmaker(bind=reader(engine), expire_on_commit=False)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def location(self) -> str:
        return describe(self.engine.url)

    def unit_of_work(self, write: bool = True, profile_id: str | None = None) -> UnitOfWork:
        """A transaction on one person's data: ``profile_id``, else the local default profile."""
        return UnitOfWork(self._write if write else self._read, write, self.now, profile_id)

    def close(self) -> None:
        self.engine.dispose()

    def ping(self) -> None:
        """A round trip to the database (the health check)."""
        with reader(self.engine).connect() as conn:
            conn.execute(text("SELECT 1"))

    def purge_deleted(self) -> None:
        """After a deletion: no copy of the deleted rows left in the SQLite files (see ``engine.purge_deleted``)."""
        purge_deleted(self.engine)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def compact(self) -> None:
        """After ``forget``: make deleted rows unrecoverable from the SQLite file and its WAL."""
        if self.backend != "sqlite":
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def backup_sqlite(self, target: Path) -> None:
        """A consistent copy of the SQLite database through SQLite's online backup API."""
        source = sqlite_path(self.engine.url)
        if source is None:
            raise StorageError("only an SQLite database can be copied as a file")
        fd, tmp = tempfile.mkstemp(prefix=".backcare-backup-", dir=target.parent)
        os.close(fd)
        try:
            src = sqlite3.connect(source, timeout=60)
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                if dst.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                    raise StorageError("the backup copy failed its integrity check")
            finally:
                dst.close()
                src.close()
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def open_store(url: str | None = None, *, create: bool = True, now: Clock = utc_now) -> Store:
    """Open (and migrate) the database; with ``create=False`` raise NoDatabase if it does not exist."""
    return Store(open_engine(url, create=create), now=now)
