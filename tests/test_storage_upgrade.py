"""Upgrading a database created by release 0.1 keeps every row, on SQLite and PostgreSQL.

Release 0.1 kept three migration chains (storage, the web app's tables, the CDS Hooks feedback).
``tests/data/release_0_1`` holds them as released; the test builds a database with them, fills
every table, then opens it with the current code and finds every row, one chain at its head and
the old chains' version tables gone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, MetaData, create_engine, insert, inspect, select, text

from backcare.adapters.credentials import hash_password, token_hash
from backcare.adapters.storage import open_store
from backcare.adapters.storage.engine import shipped_head
from backcare.adapters.storage.orm import ACCOUNT_TABLES, FEEDBACK_TABLES, TABLES
from backcare.entrypoints.web.settings import Settings
from backcare.services import accounts

RELEASE = Path(__file__).parent / "data" / "release_0_1"
OLD_VERSION_TABLES = ("backcare_web_version", "backcare_interop_version")
PASSWORD = "correct horse battery"
TOKEN = "a-session-cookie-value"
NOW = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
P_LOCAL = "00000000-0000-4000-8000-000000000001"
P_ANN = "00000000-0000-4000-8000-000000000002"
E1 = "00000000-0000-4000-8000-000000000003"
AS1 = "00000000-0000-4000-8000-000000000004"
PL1 = "00000000-0000-4000-8000-000000000005"
D1 = "00000000-0000-4000-8000-000000000006"
A_ANN = "00000000-0000-4000-8000-000000000007"
F1 = "00000000-0000-4000-8000-000000000008"


def release_database(url: str, chains: tuple[str, ...] = ("storage", "web", "interop")) -> Engine:
    """A database migrated exactly as release 0.1 did: storage first, then the web and interop chains."""
    engine = create_engine(url)
    for chain in chains:
        cfg = Config()
        cfg.set_main_option("script_location", str(RELEASE / chain))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return engine


def _at(engine: Engine, hours: int = 0) -> dt.datetime:
    """A timestamp as release 0.1 stored it: naive UTC on SQLite, aware on PostgreSQL."""
    value = NOW + dt.timedelta(hours=hours)
    return value.replace(tzinfo=None) if engine.dialect.name == "sqlite" else value


Row = tuple[str, dict[str, Any]]
At = Callable[[int], dt.datetime]


def _diary_rows(at: At) -> list[Row]:
    day = NOW.date()
    return [
        ("profile", {"id": P_LOCAL, "name": "default", "timezone": "Europe/London", "created_at": at()}),
        ("profile", {"id": P_ANN, "name": f"account:{A_ANN}", "timezone": "UTC", "created_at": at()}),
        (
            "episode",
            {
                "id": E1,
                "profile_id": P_LOCAL,
                "onset": day,
                "status": "active",
                "created_at": at(),
                "timezone": "Europe/London",
                "closed_at": None,
            },
        ),
        (
            "assessment",
            {
                "id": AS1,
                "profile_id": P_LOCAL,
                "episode_id": E1,
                "kind": "assessment",
                "created_at": at(1),
                "timezone": "Europe/London",
                "knowledge_version": "kb-1",
                "disposition": "self_care",
                "inputs": {"answers": {"fever": False}},
                "outputs": {"disposition": "self_care"},
            },
        ),
        (
            "plan",
            {
                "id": PL1,
                "profile_id": P_LOCAL,
                "episode_id": E1,
                "assessment_id": AS1,
                "created_at": at(1),
                "timezone": "Europe/London",
                "start_date": day,
                "knowledge_version": "kb-1",
                "content": {"days": []},
            },
        ),
    ]


def _entry_rows(at: At) -> list[Row]:
    return [
        (
            "diary_entry",
            {
                "id": D1,
                "profile_id": P_LOCAL,
                "episode_id": E1,
                "entry_date": NOW.date(),
                "recorded_at": at(2),
                "timezone": "Europe/London",
                "pain": 6,
                "spasms": 2,
                "peg_items": [6, 5, 4],
                "peg_score": 5.0,
                "rmdq_ticked": [1, 3],
                "rmdq_score": 2,
                "cold_sessions": 1,
                "heat_sessions": 0,
                "note": "stiff in the morning",
                "findings": {},
                "assessment_id": None,
                "retriage_disposition": None,
                "retriage_red_flags": None,
            },
        ),
        ("exercise_done", {"entry_id": D1, "position": 0, "exercise_id": "knee_to_chest", "repetitions": 10}),
    ]


def _web_rows(at: At) -> list[Row]:
    return [
        ("web_secret", {"name": "csrf", "value": "ab" * 32, "created_at": at()}),
        (
            "web_account",
            {
                "id": A_ANN,
                "username": "ann",
                "password_hash": hash_password(PASSWORD),
                "profile_id": P_ANN,
                "created_at": at(),
            },
        ),
        (
            "web_session",
            {
                "token_hash": token_hash(TOKEN),
                "account_id": A_ANN,
                "created_at": at(),
                "last_seen_at": at(),
                "expires_at": at(24 * 365 * 10),
            },
        ),
        (
            "web_throttle",
            {"key": "ip:203.0.113.7", "account_key": None, "count": 2, "window_start": 1.0e9, "next_at": 1.0e9},
        ),
        (
            "interop_cds_feedback",
            {
                "id": F1,
                "service_id": "backcare-triage",
                "card": "card-uuid",
                "outcome": "accepted",
                "accepted_suggestions": "[]",
                "override_reason": None,
                "outcome_timestamp": at(),
                "received_at": at(),
            },
        ),
    ]


def fill(engine: Engine) -> None:
    """One row in every table of release 0.1, linked as the release would have linked them."""
    meta = MetaData()
    meta.reflect(engine)

    def at(hours: int = 0) -> dt.datetime:
        return _at(engine, hours)

    with engine.begin() as conn:
        for table, values in [*_diary_rows(at), *_entry_rows(at), *_web_rows(at)]:
            conn.execute(insert(meta.tables[table]).values(**values))


def every_row(engine: Engine, tables: tuple[str, ...]) -> dict[str, list[tuple[Any, ...]]]:
    meta = MetaData()
    meta.reflect(engine, only=list(tables))
    with engine.connect() as conn:
        return {name: sorted(tuple(r) for r in conn.execute(select(meta.tables[name]))) for name in tables}


ALL = (*TABLES, *ACCOUNT_TABLES, *FEEDBACK_TABLES)


def test_a_release_database_upgrades_keeping_every_row(db_url: str) -> None:
    if db_url.startswith("sqlite"):
        Path(db_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    old = release_database(db_url)
    fill(old)
    before = every_row(old, ALL)
    assert all(before.values()), before
    old.dispose()

    with open_store(db_url) as store:
        after = every_row(store.engine, ALL)
        names = set(inspect(store.engine).get_table_names())
        with store.engine.connect() as conn:
            head = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        assert after == before
        assert head == [shipped_head()] and not names & set(OLD_VERSION_TABLES)

        # The rows are usable through the new repositories, not merely present.
        settings = Settings(database_url=db_url, multi_user=True, warm_up=False, login_delay_seconds=0)
        who = accounts.check_login(store, settings, "ann", PASSWORD, "198.51.100.1")
        assert who is not None and (who.account_id, who.profile_id) == (A_ANN, P_ANN)
        assert accounts.session_principal(store, TOKEN, 12, 24 * 365 * 20) == who
        assert accounts.load_secret(store) == "ab" * 32
        with store.unit_of_work(write=False) as uow:
            entries = uow.diary.entries()
            assert [(e.id, e.pain, [x.id for x in e.exercises]) for e in entries] == [(D1, 6, ["knee_to_chest"])]
            assert uow.diary.latest_plan() is not None and uow.diary.latest_assessment() is not None
            assert uow.feedback.count() == 1


def test_a_release_database_only_the_command_line_used_gains_the_new_tables(db_url: str) -> None:
    if db_url.startswith("sqlite"):
        Path(db_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    release_database(db_url, chains=("storage",)).dispose()
    with open_store(db_url) as store:
        names = set(inspect(store.engine).get_table_names())
        assert set(ALL) <= names and not names & set(OLD_VERSION_TABLES)
        who = accounts.create_account(store, "bea", PASSWORD, "UTC")
        assert accounts.check_login(store, Settings(database_url=db_url), "bea", PASSWORD, "198.51.100.2") == who


def test_a_release_database_without_the_feedback_table_gets_it(db_url: str) -> None:
    """Release 0.1 created the feedback table only when the app first ran in multi-user mode."""
    if db_url.startswith("sqlite"):
        Path(db_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    release_database(db_url, chains=("storage", "web")).dispose()
    with open_store(db_url) as store:
        names = set(inspect(store.engine).get_table_names())
        assert "interop_cds_feedback" in names and not names & set(OLD_VERSION_TABLES)
