"""Diary benchmark (not a test): inserts, reads, the 90-day view and ``backcare diary show`` at 10,000 entries.

Every figure is the median [min-max] over rounds, each round on a fresh SQLite file, against a
reference measured in the same round:

- insert N entries through ``DiaryRepository.add_entries`` against plain ``sqlite3`` ``executemany``
  of the same rows into the same tables (WAL, ``synchronous=FULL``, one transaction per batch);
- read every entry (``entries``) against a plain ``SELECT`` of the same rows;
- the diary view of the last 90 days (what ``diary show`` reads) against the whole episode's view;
- ``backcare diary show`` (a new process, default: the last 90 days) against ``python -c pass``;
- ``GET /diary`` (in process, local mode) against ``GET /healthz``, and the page's size.

Targets with 10,000 entries: ``backcare diary show`` under 0.5 s; the diary page under 200 KB.

Usage: python bench/bench_diary.py [--entries 10000] [--rounds 3] [--rows FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from figures import compile_package, emit, ratios, row

TARGET_SHOW_S = 0.5
TARGET_PAGE_BYTES = 200_000
BATCH = 1000
PER_DAY = 1  # one entry a day, as people keep it: 10,000 entries are 27 years


def drafts(count: int, episode_id: str) -> list[Any]:
    from backcare.core.diary import DiaryEntry, ExerciseDone

    first = dt.date.today() - dt.timedelta(days=count // PER_DAY)
    now = dt.datetime.now(dt.UTC)
    exercises = (ExerciseDone(id="glute_bridge", repetitions=10), ExerciseDone(id="walking", repetitions=1))
    return [
        DiaryEntry(
            date=first + dt.timedelta(days=i // PER_DAY),
            recorded_at=now,
            timezone="UTC",
            pain=max(0, 8 - (i // PER_DAY) // 20) if i % 7 else 5,
            spasms=i % 5,
            exercises=exercises,
            cold_sessions=i % 2,
            note=f"bench entry {i}",
            episode_id=episode_id,
        )
        for i in range(count)
    ]


def backcare_inserts(store: Any, entries: list[Any]) -> float:
    began = time.perf_counter()
    for start in range(0, len(entries), BATCH):
        with store.unit_of_work() as uow:
            uow.diary.add_entries(entries[start : start + BATCH], "UTC")
            uow.commit()
    return time.perf_counter() - began


def plain_inserts(path: Path, entries: list[Any], profile_id: str) -> float:
    """The same rows with the standard library only, into a copy of the schema."""
    from backcare.adapters.storage.row_conversion import entry_values

    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    rows = []
    exercises: list[list[tuple[str, int, str, int]]] = []
    for e in entries:
        values = entry_values(e, profile_id)
        for key in ("peg_items", "rmdq_ticked", "findings", "retriage_red_flags"):
            values[key] = None if values[key] is None else json.dumps(values[key])
        values["entry_date"] = values["entry_date"].isoformat()
        values["recorded_at"] = values["recorded_at"].isoformat()
        rows.append(values)
        exercises.append([(e.id, i, x.id, x.repetitions) for i, x in enumerate(e.exercises)])
    columns = list(rows[0])
    insert = f"INSERT INTO diary_entry ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})"
    began = time.perf_counter()
    for start in range(0, len(rows), BATCH):
        with con:
            con.executemany(insert, rows[start : start + BATCH])
            con.executemany(
                "INSERT INTO exercise_done (entry_id, position, exercise_id, repetitions) VALUES (?, ?, ?, ?)",
                [x for done in exercises[start : start + BATCH] for x in done],
            )
    elapsed = time.perf_counter() - began
    con.close()
    return elapsed


def timed(call: Any) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def page(url: str, figures: dict[str, list[float]]) -> None:
    """``GET /diary`` in process (local mode): its time and size, against ``GET /healthz``."""
    from starlette.testclient import TestClient

    from backcare.entrypoints.web.app import create_app
    from backcare.entrypoints.web.settings import Settings

    app = create_app(Settings(database_url=url, warm_up=False))
    with TestClient(app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 50000)) as client:
        client.get("/diary")  # first request: templates compiled
        figures["page"].append(timed(lambda: figures["page bytes"].append(len(client.get("/diary").content))))
        figures["healthz"].append(timed(lambda: client.get("/healthz")))


def one_round(entries_count: int, figures: dict[str, list[float]]) -> None:
    from backcare.adapters.storage import open_store
    from backcare.services.diary import Window, diary_view

    with tempfile.TemporaryDirectory(prefix="backcare-bench-") as tmp:
        path = Path(tmp) / "backcare.db"
        store = open_store(f"sqlite:///{path}")
        with store.unit_of_work() as uow:
            episode = uow.diary.start_episode(dt.date.today() - dt.timedelta(days=entries_count // PER_DAY), "UTC")
            uow.commit()
            profile_id = uow.diary.profile("UTC").id
        entries = drafts(entries_count, episode.id)
        figures["insert"].append(backcare_inserts(store, entries))
        reference = Path(tmp) / "plain.db"
        with sqlite3.connect(path) as source, sqlite3.connect(reference) as copy:
            for (sql,) in source.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"):
                copy.execute(sql)
        figures["insert plain"].append(plain_inserts(reference, drafts(entries_count, episode.id), profile_id))

        with store.unit_of_work(write=False) as uow:
            figures["read"].append(timed(lambda: uow.diary.entries(episode_id=episode.id)))
        with sqlite3.connect(path) as con:
            figures["read plain"].append(
                timed(lambda: con.execute("SELECT * FROM diary_entry WHERE episode_id = ?", (episode.id,)).fetchall())
            )
        figures["view 90"].append(timed(lambda: diary_view(store, window=Window(90))))
        figures["view all"].append(timed(lambda: diary_view(store)))
        store.close()
        page(f"sqlite:///{path}", figures)

        env = {**os.environ, "BACKCARE_DATA_DIR": tmp}
        env.pop("BACKCARE_DATABASE_URL", None)
        exe = str(Path(sys.executable).with_name("backcare"))
        run = subprocess.run
        figures["show"].append(timed(lambda: run([exe, "diary", "show"], env=env, capture_output=True, check=True)))
        figures["python"].append(timed(lambda: run([sys.executable, "-c", "pass"], capture_output=True, check=True)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", default=None, help="append the result rows to this file (JSON lines)")
    args = parser.parse_args()
    names = ("insert", "insert plain", "read", "read plain", "view 90", "view all", "show", "python", "page",
             "page bytes", "healthz")  # fmt: skip
    figures: dict[str, list[float]] = {name: [] for name in names}
    compile_package()
    for _ in range(max(1, args.rounds)):
        one_round(max(100, args.entries), figures)
    n = max(100, args.entries)
    print(f"diary bench: {n} entries ({PER_DAY} a day), {args.rounds} rounds, fresh SQLite file each round")
    ms = {k: [v * 1000 for v in values] for k, values in figures.items()}
    show_s = sorted(figures["show"])[len(figures["show"]) // 2]
    rows = [
        row("diary", f"insert {n} entries (add_entries)", "ms", ms["insert"], reference="plain sqlite3",
            ratio=sorted(ratios(ms["insert"], ms["insert plain"]))[len(ms["insert"]) // 2]),
        row("diary", f"read {n} entries", "ms", ms["read"], reference="plain SELECT",
            ratio=sorted(ratios(ms["read"], ms["read plain"]))[len(ms["read"]) // 2]),
        row("diary", "view of the last 90 days", "ms", ms["view 90"], reference="whole episode's view",
            ratio=sorted(ratios(ms["view 90"], ms["view all"]))[len(ms["view 90"]) // 2]),
        row("diary", "backcare diary show (last 90 days)", "ms", ms["show"], reference="python -c pass",
            ratio=sorted(ratios(ms["show"], ms["python"]))[len(ms["show"]) // 2],
            target="< 500 ms", met=show_s < TARGET_SHOW_S),
        row("diary", "GET /diary (in process)", "ms", ms["page"], reference="GET /healthz",
            ratio=sorted(ratios(ms["page"], ms["healthz"]))[len(ms["page"]) // 2]),
        row("diary", "GET /diary size", "KB", [b / 1000 for b in figures["page bytes"]], target="< 200 KB",
            met=max(figures["page bytes"]) < TARGET_PAGE_BYTES),
    ]  # fmt: skip
    emit(rows, args.rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
