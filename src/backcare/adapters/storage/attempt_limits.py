"""Attempt limits that hold under concurrency: each attempt takes a slot with one atomic upsert.

A slot is taken *before* the guarded work (a password check, a registration, an assessment), in
one ``INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING`` statement: the database row lock
orders parallel requests from every worker, so a burst of 100 requests gets exactly ``limit``
slots. A refused attempt changes nothing. Times are Unix seconds (``now`` comes from the caller).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from sqlalchemy import ColumnElement, Table, and_, case, delete, literal, or_, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from backcare.adapters.storage.orm import AttemptCounterRow

if TYPE_CHECKING:
    from sqlalchemy.dialects.postgresql import Insert as PostgresInsert

T = cast(Table, AttemptCounterRow.__table__)  # declared as a FromClause; a mapped class has a Table
#: Rows untouched this long are removed (longer than any window).
KEEP_SECONDS = 86_400.0


@dataclass(frozen=True)
class Rule:
    """At most ``limit`` attempts per ``window`` seconds; after ``free`` of them each further
    attempt waits ``step`` seconds longer than the one before (0: no delays)."""

    limit: int
    window: float
    free: int = 0
    step: float = 0.0


@dataclass(frozen=True)
class Slot:
    """One counter to take a slot from: its key, the rule, and the account it concerns (if any)."""

    key: str
    rule: Rule
    account_key: str | None = None


class Refused(Exception):
    """No slot: try again after ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"too many attempts; try again in {retry_after} seconds")


def _next_at(count: ColumnElement[int], rule: Rule, now: float) -> ColumnElement[float]:
    """When the attempt after this one may start: at once until ``free`` are used, then later and later."""
    if rule.step <= 0:
        return literal(now)
    return case((count >= rule.free, now + (count - rule.free + 1) * rule.step), else_=now)


class AttemptLimits:
    """The attempt counters, inside the current unit of work."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _insert(self) -> type[sqlite.Insert] | type[PostgresInsert]:
        """The backend's INSERT ... ON CONFLICT; PostgreSQL's is imported only when it is the backend."""
        if self.session.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import Insert

            return Insert
        return sqlite.Insert

    def take(self, slot: Slot, now: float) -> None:
        """Take one slot, atomically; ``Refused`` (nothing changed) when the counter is full or waiting."""
        rule = slot.rule
        expired = T.c.window_start <= now - rule.window
        count = case((expired, 1), else_=T.c.count + 1)
        stmt = (
            self._insert()(T)
            .values(key=slot.key, account_key=slot.account_key, count=1, window_start=now, next_at=now)
            .on_conflict_do_update(
                index_elements=[T.c.key],
                set_={
                    "count": count,
                    "window_start": case((expired, now), else_=T.c.window_start),
                    "next_at": _next_at(count, rule, now),
                },
                where=or_(expired, and_(T.c.count < rule.limit, T.c.next_at <= now)),
            )
            .returning(T.c.count)
        )
        if self.session.execute(stmt).first() is None:
            raise Refused(self._retry_after(slot, now))

    def _retry_after(self, slot: Slot, now: float) -> int:
        row = self.session.execute(select(T.c.count, T.c.window_start, T.c.next_at).where(T.c.key == slot.key)).first()
        if row is None:
            return 1
        count, window_start, next_at = int(row[0]), float(row[1]), float(row[2])
        wait = window_start + slot.rule.window - now if count >= slot.rule.limit else next_at - now
        return max(1, math.ceil(wait))

    def take_all(self, slots: Sequence[Slot], now: float) -> None:
        """Take a slot from each counter, always in the caller's order (so row locks cannot deadlock).

        When one counter refuses, leave the unit of work uncommitted: the others roll back.
        """
        for slot in slots:
            self.take(slot, now)

    def release(self, key: str) -> None:
        """Give a slot back (an attempt that turned out legitimate, e.g. a correct password)."""
        self.session.execute(update(T).where(T.c.key == key, T.c.count > 0).values(count=T.c.count - 1))

    def clear(self, keys: Sequence[str]) -> None:
        self.session.execute(delete(T).where(T.c.key.in_(list(keys))))

    def forget_account(self, account_key: str) -> None:
        """Every counter about one account (its name, and its name with each address)."""
        self.session.execute(delete(T).where(T.c.account_key == account_key))

    def prune(self, now: float) -> None:
        self.session.execute(delete(T).where(T.c.window_start < now - KEEP_SECONDS, T.c.next_at < now))
