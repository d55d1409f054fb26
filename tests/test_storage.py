"""Storage: migrations, round trips, isolation, import/export and forgetting, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from backcare.adapters.storage import (
    AssessmentRecord,
    ImportConflict,
    NoDatabase,
    StorageError,
    open_store,
)
from backcare.adapters.storage.orm import ACCOUNT_TABLES, FEEDBACK_TABLES, TABLES
from backcare.adapters.storage.transfer import Checks, parse_json, to_json
from backcare.core.diary import DiaryEntry, ExerciseDone, Retriage
from backcare.core.instruments import score_peg, score_rmdq
from backcare.knowledge import load_knowledge
from backcare.knowledge.schema import Disposition
from backcare.services.assessments import record_assessment

TZ = "Europe/London"
T0 = dt.datetime(2026, 11, 1, 8, 30, tzinfo=dt.UTC)


def make_entry(day: int, pain: int, episode_id: str | None = None, **kw: object) -> DiaryEntry:
    return DiaryEntry(
        date=dt.date(2026, 11, 1) + dt.timedelta(days=day),
        recorded_at=T0 + dt.timedelta(days=day, minutes=pain),
        timezone=TZ,
        pain=pain,
        episode_id=episode_id,
        **kw,
    )


def full_entry(episode_id: str) -> DiaryEntry:
    return make_entry(
        2,
        6,
        episode_id,
        spasms=3,
        peg=score_peg([6, 5, 7]),
        rmdq=score_rmdq([2, 5, 9, 14]),
        exercises=(ExerciseDone(id="glute_bridge", repetitions=10), ExerciseDone(id="walking", repetitions=1)),
        cold_sessions=2,
        heat_sessions=1,
        note="Stiff in the morning, easier after a walk. Ünïcödé ✓",
        findings={"fever": False, "improving": True},
    )


def checks() -> Checks:
    kb = load_knowledge()
    return Checks([k for k, f in kb.findings.items() if not f.computed], score_peg, score_rmdq)


def table_counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in TABLES}
    finally:
        engine.dispose()


def test_migrations_create_the_schema_once(db_url: str) -> None:
    store = open_store(db_url)
    store.close()
    engine = create_engine(db_url)
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    engine.dispose()
    assert {*TABLES, *ACCOUNT_TABLES, *FEEDBACK_TABLES, "alembic_version"} == tables - {"sqlite_sequence"}
    assert version == ["0004"]  # one chain for every table: no other version table
    # Opening again is a no-op migration, not an error.
    open_store(db_url).close()
    assert table_counts(db_url)["diary_entry"] == 0


def test_entry_round_trip_keeps_every_field(db_url: str) -> None:
    with open_store(db_url) as store:
        with store.unit_of_work() as uow:
            episode = uow.diary.ensure_episode(dt.date(2026, 10, 30), TZ)
            original = full_entry(episode.id)
            uow.diary.add_entry(original)
            uow.commit()
        with store.unit_of_work(write=False) as uow:
            (back,) = uow.diary.entries()
    assert back == original
    assert back.recorded_at.tzinfo == dt.UTC
    assert back.recorded_at == original.recorded_at
    assert [x.id for x in back.exercises] == ["glute_bridge", "walking"]


def test_leaving_without_commit_rolls_back(db_url: str) -> None:
    with open_store(db_url) as store:
        with store.unit_of_work() as uow:
            uow.diary.add_entry(make_entry(0, 5))
        with store.unit_of_work(write=False) as uow:
            assert uow.diary.entries() == []


def test_database_constraints_hold_even_past_the_model(db_url: str) -> None:
    with open_store(db_url) as store:
        with store.unit_of_work() as uow:
            uow.diary.add_entry(make_entry(0, 5))
            uow.commit()
        with store.unit_of_work() as uow, pytest.raises(IntegrityError):
            uow.session.execute(text("UPDATE diary_entry SET pain = 11"))
        with store.unit_of_work() as uow:
            profile = uow.diary.find_profile()
            assert profile is not None
            uow.diary.ensure_episode(dt.date(2026, 11, 1), TZ)
            uow.commit()
        # At most one active episode per person.
        with store.unit_of_work() as uow, pytest.raises(IntegrityError):
            uow.session.execute(
                text(
                    "INSERT INTO episode (id, profile_id, onset, status, created_at, timezone) "
                    "VALUES (:id, :p, :onset, 'active', :now, 'UTC')"
                ),
                {"id": str(uuid.uuid4()), "p": profile.id, "onset": dt.date(2026, 11, 2), "now": T0},
            )


def test_episodes_start_and_close(db_url: str) -> None:
    with open_store(db_url) as store, store.unit_of_work() as uow:
        first = uow.diary.ensure_episode(dt.date(2026, 10, 1), TZ)
        assert uow.diary.ensure_episode(dt.date(2026, 11, 1), TZ) == first
        second = uow.diary.start_episode(dt.date(2026, 11, 5), TZ)
        assert second.id != first.id
        statuses = {e.id: e.status for e in uow.diary.episodes()}
        assert statuses == {first.id: "resolved", second.id: "active"}
        assert uow.diary.latest_episode() == second


def test_profiles_are_isolated(db_url: str) -> None:
    with open_store(db_url) as store:
        with store.unit_of_work() as uow:
            other = uow.diary.create_profile("UTC", name="account-2")
            uow.diary.add_entry(make_entry(0, 4))
            uow.commit()
        with store.unit_of_work(profile_id=other) as uow:
            assert uow.diary.entries() == []
            uow.diary.add_entry(make_entry(1, 8))
            uow.diary.ensure_episode(dt.date(2026, 11, 1), "UTC")
            uow.commit()
        with store.unit_of_work(write=False) as uow:
            assert [e.pain for e in uow.diary.entries()] == [4]
        with store.unit_of_work() as uow:
            uow.diary.forget()
            uow.commit()
        with store.unit_of_work(write=False, profile_id=other) as uow:
            assert [e.pain for e in uow.diary.entries()] == [8]
            assert uow.diary.active_episode() is not None


def _populate(url: str) -> None:
    from backcare.bootstrap import assess

    with open_store(url) as store:
        assessment = assess(answers={"age": 40, "pain_score": 7, "days_since_onset": 2}, today=dt.date(2026, 11, 1))
        record_assessment(store, assessment, {"answers": {"age": 40, "pain_score": 7}}, TZ, dt.date(2026, 11, 1))
        with store.unit_of_work() as uow:
            episode = uow.diary.active_episode()
            assert episode is not None
            uow.diary.add_entry(full_entry(episode.id))
            uow.diary.add_entry(
                make_entry(
                    3,
                    8,
                    episode.id,
                    note="numb between my legs",
                    retriage=Retriage(disposition=Disposition.emergency, red_flags=["cauda_equina"]),
                )
            )
            uow.commit()


def test_record_assessment_keeps_a_snapshot_and_its_plan(db_url: str) -> None:
    _populate(db_url)
    with open_store(db_url) as store, store.unit_of_work(write=False) as uow:
        episode = uow.diary.active_episode()
        assert episode is not None and episode.onset == dt.date(2026, 10, 30)
        snapshot = uow.diary.latest_assessment()
        assert snapshot is not None
        assert snapshot.knowledge_version == load_knowledge().version
        assert snapshot.outputs["scores"]["nrs"] == 7
        assert snapshot.inputs["answers"]["age"] == 40
        plan = uow.diary.latest_plan(episode.id)
        assert plan is not None and plan.assessment_id == snapshot.id and plan.content["schedule"]


def test_export_import_round_trip_reproduces_the_data(db_url: str, tmp_path: object) -> None:
    _populate(db_url)
    with open_store(db_url) as store, store.unit_of_work(write=False) as uow:
        exported = uow.diary.export()
    text_out = to_json(exported)
    doc = parse_json(text_out, checks())
    target = f"sqlite:///{tmp_path}/copy/backcare.db"
    with open_store(target) as store:
        with store.unit_of_work() as uow:
            summary = uow.diary.import_document(doc)
            uow.commit()
        assert summary.added == {"episode": 1, "assessment": 1, "plan": 1, "entry": 2}
        with store.unit_of_work(write=False) as uow:
            again = uow.diary.export()
    assert again.model_dump(exclude={"exported_at"}) == exported.model_dump(exclude={"exported_at"})

    # Importing the same file again changes nothing.
    with open_store(target) as store:
        with store.unit_of_work() as uow:
            summary = uow.diary.import_document(doc)
            uow.commit()
        assert summary.added == {} and sum(summary.unchanged.values()) == 5


def test_conflicting_import_changes_nothing(db_url: str) -> None:
    _populate(db_url)
    with open_store(db_url) as store, store.unit_of_work(write=False) as uow:
        exported = uow.diary.export()
    changed = exported.model_copy(
        update={"entries": [exported.entries[0].model_copy(update={"pain": 2}), make_entry(9, 1)]}
    )
    before = table_counts(db_url)
    with open_store(db_url) as store, pytest.raises(ImportConflict), store.unit_of_work() as uow:
        uow.diary.import_document(changed)
        uow.commit()
    assert table_counts(db_url) == before


def test_importing_into_another_profile_gets_fresh_ids(db_url: str) -> None:
    _populate(db_url)
    with open_store(db_url) as store:
        with store.unit_of_work(write=False) as uow:
            exported = uow.diary.export()
        with store.unit_of_work() as uow:
            other = uow.diary.create_profile(TZ)
            uow.commit()
        with store.unit_of_work(profile_id=other) as uow:
            uow.diary.import_document(exported)
            uow.commit()
        with store.unit_of_work(write=False, profile_id=other) as uow:
            copy = uow.diary.export()
    assert len(copy.entries) == 2 and len(copy.episodes) == 1
    assert {e.id for e in copy.entries}.isdisjoint({e.id for e in exported.entries})
    assert all(e.episode_id == copy.episodes[0].id for e in copy.entries)
    assert [e.note for e in copy.entries] == [e.note for e in exported.entries]


def test_forget_deletes_every_row(db_url: str) -> None:
    _populate(db_url)
    assert table_counts(db_url)["diary_entry"] == 2
    with open_store(db_url) as store:
        with store.unit_of_work() as uow:
            counts = uow.diary.forget()
            uow.commit()
        store.compact()
    assert counts["entries"] == 2 and counts["profiles"] == 1
    assert table_counts(db_url) == dict.fromkeys(TABLES, 0)


def test_assessment_records_need_aware_times() -> None:
    with pytest.raises(ValueError):
        AssessmentRecord(
            id="x",
            kind="assessment",
            created_at=dt.datetime(2026, 1, 1),
            timezone="UTC",
            knowledge_version="1",
            disposition=Disposition.soon,
            inputs={},
            outputs={},
        )


# --- SQLite specifics --------------------------------------------------------------------------------


def test_sqlite_file_is_wal_private_and_created_on_first_write(sqlite_url: str) -> None:
    from backcare.adapters.storage import sqlite_path

    path = sqlite_path(sqlite_url)
    assert path is not None
    with pytest.raises(NoDatabase):
        open_store(sqlite_url, create=False)
    assert not path.exists()
    with open_store(sqlite_url) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "content",
    [
        b"name,pain\nme,3\n" * 50,
        b"SQLite format 3\x00" + b"\x00" * 10,  # truncated header
        bytes(range(256)) * 40,
    ],
    ids=["csv", "truncated-sqlite", "binary"],
)
def test_a_foreign_file_is_refused_and_left_untouched(sqlite_url: str, content: bytes) -> None:
    from backcare.adapters.storage import sqlite_path

    path = sqlite_path(sqlite_url)
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(StorageError, match="not a backcare database|damaged"):
        open_store(sqlite_url)
    assert path.read_bytes() == content
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_another_programs_sqlite_database_is_refused_and_left_untouched(sqlite_url: str) -> None:
    import sqlite3

    from backcare.adapters.storage import sqlite_path

    path = sqlite_path(sqlite_url)
    assert path is not None
    path.parent.mkdir(parents=True)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('mine')")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="another program"):
        open_store(sqlite_url)
    assert path.read_bytes() == before


def test_a_damaged_backcare_database_is_refused_and_left_untouched(sqlite_url: str) -> None:
    from backcare.adapters.storage import sqlite_path

    _populate(sqlite_url)
    path = sqlite_path(sqlite_url)
    assert path is not None
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    for i in range(page + 100, len(data) - 100, 97):  # scribble over every page after the first
        data[i] = 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(StorageError, match="damaged|not a database"):
        open_store(sqlite_url)
    assert path.read_bytes() == bytes(data)


def test_an_empty_file_becomes_a_new_database(sqlite_url: str) -> None:
    from backcare.adapters.storage import sqlite_path

    path = sqlite_path(sqlite_url)
    assert path is not None
    path.parent.mkdir(parents=True)
    path.touch()
    with open_store(sqlite_url) as store, store.unit_of_work() as uow:
        uow.diary.add_entry(make_entry(0, 3))
        uow.commit()
    assert table_counts(sqlite_url)["diary_entry"] == 1


def test_sqlite_backup_is_a_consistent_copy(sqlite_url: str, tmp_path: object) -> None:
    from pathlib import Path

    _populate(sqlite_url)
    target = Path(str(tmp_path)) / "backup.db"
    with open_store(sqlite_url) as store:
        store.backup_sqlite(target)
    with open_store(f"sqlite:///{target}") as copy, copy.unit_of_work(write=False) as uow:
        assert [e.pain for e in uow.diary.entries()] == [6, 8]


def test_newer_schema_is_refused(sqlite_url: str) -> None:
    open_store(sqlite_url).close()
    engine = create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StorageError, match="newer backcare"):
        open_store(sqlite_url)


# --- PostgreSQL specifics ----------------------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_schema_with_foreign_tables_is_refused(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE diary_entry (id integer primary key, other text)"))
    engine.dispose()
    with pytest.raises(StorageError, match="not a backcare schema"):
        open_store(postgres_url)
    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) == {"diary_entry"}
    engine.dispose()


@pytest.mark.postgres
def test_postgres_timestamps_are_stored_in_utc(postgres_url: str) -> None:
    with open_store(postgres_url) as store, store.unit_of_work() as uow:
        uow.diary.add_entry(make_entry(0, 5))
        uow.commit()
    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        conn.execute(text("SET TIME ZONE 'Asia/Tokyo'"))
        stored = conn.execute(text("SELECT recorded_at AT TIME ZONE 'UTC' FROM diary_entry")).scalar_one()
    engine.dispose()
    assert stored == (T0 + dt.timedelta(minutes=5)).replace(tzinfo=None)


def test_json_document_shape_is_stable(sqlite_url: str) -> None:
    _populate(sqlite_url)
    with open_store(sqlite_url) as store, store.unit_of_work(write=False) as uow:
        data = json.loads(to_json(uow.diary.export()))
    assert data["format"] == "backcare-export" and data["version"] == 1
    assert next(iter(data)) == "entries"
    first = data["entries"][0]
    assert first["recorded_at"].endswith("Z")
    assert first["peg"] == {"score": 6.0, "items": [6, 5, 7]}
    assert first["rmdq"] == {"score": 4, "ticked": [2, 5, 9, 14]}
    assert first["exercises"][0] == {"id": "glute_bridge", "repetitions": 10}
