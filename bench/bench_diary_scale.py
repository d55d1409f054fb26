"""Benchmark (not a test): does a diary write or the diary page get slower as an account keeps more?

Usage: ``python bench/bench_diary_scale.py [--assessments 2000] [--entries 3000] [--repeat 15] [--url URL]``.

One run, one local-mode web app (in process, a fresh SQLite file unless ``--url``): the latency of
``POST /api/v1/diary/entries`` and ``GET /diary`` is measured with no saved assessment (the
reference), again after ``--assessments`` saved assessments (each with its plan, the size of a real
one), and again after ``--entries`` diary entries in the open episode. Each figure is the median of
``--repeat`` requests with its spread (10th-90th percentile) and its ratio to the reference median.
Target: at most 2x at 2,000 saved assessments. (The diary page shows every entry of the episode, so
it is expected to grow with entries; a write should not.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

TARGET = 2.0


def timed(call: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        call()
        out.append((time.perf_counter() - t) * 1000)
    return out


def summary(ms: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(ms, n=10)
    return statistics.median(ms), q[0], q[-1]


def add_assessments(app: Any, n: int) -> None:
    """``n`` saved assessments with plans, copies of a real one, inserted in bulk."""
    from sqlalchemy import insert, select

    from backcare.adapters.storage.orm import AssessmentRow, PlanRow
    from backcare.bootstrap import assess
    from backcare.services.accounts import local_principal
    from backcare.services.assessments import record_assessment

    store = app.state.ctx.store
    profile = local_principal(store, "UTC").profile_id
    answers = {"trigger_lifting": True, "fever": False, "pain_score": 6, "age": 40}
    today = dt.date.today()
    result = assess(answers=answers, today=today)
    first = record_assessment(store, result, {"answers": answers}, "UTC", today, profile_id=profile)
    with store.engine.begin() as conn:
        a = conn.execute(select(AssessmentRow.__table__).where(AssessmentRow.id == first)).mappings().one()
        p = conn.execute(select(PlanRow.__table__).where(PlanRow.assessment_id == first)).mappings().one()
        start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
        for chunk in range(0, n - 1, 250):
            rows, plans = [], []
            for i in range(chunk, min(chunk + 250, n - 1)):
                aid, at = str(uuid.uuid4()), start + dt.timedelta(seconds=i)
                rows.append({**a, "id": aid, "created_at": at})
                plans.append({**p, "id": str(uuid.uuid4()), "assessment_id": aid, "created_at": at})
            conn.execute(insert(AssessmentRow), rows)
            conn.execute(insert(PlanRow), plans)


def add_entries(app: Any, n: int) -> None:
    from backcare.core.diary import DiaryEntry
    from backcare.services.accounts import local_principal

    store = app.state.ctx.store
    profile = local_principal(store, "UTC").profile_id
    now = dt.datetime.now(dt.UTC)
    with store.unit_of_work(profile_id=profile) as uow:
        episode = uow.diary.active_episode()
        assert episode is not None
        first = dt.date.today() - dt.timedelta(days=n // 4)
        entries = [
            DiaryEntry(
                date=first + dt.timedelta(days=i // 4),
                recorded_at=now,
                timezone="UTC",
                pain=5,
                episode_id=episode.id,
                note=f"entry {i}",
            )
            for i in range(n)
        ]
        uow.diary.add_entries(entries, "UTC")
        uow.commit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--assessments", type=int, default=2_000)
    parser.add_argument("--entries", type=int, default=3_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--url", default=None, help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()

    from starlette.testclient import TestClient

    from backcare.entrypoints.web.app import create_app
    from backcare.entrypoints.web.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        app = create_app(Settings(database_url=url, warm_up=False))
        client = TestClient(app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 50000))
        pain = iter(range(10**9))

        def write() -> None:
            r = client.post("/api/v1/diary/entries", json={"pain": next(pain) % 11})
            assert r.status_code == 201, r.text

        def page() -> None:
            assert client.get("/diary").status_code == 200

        write(), page()  # warm up (templates, knowledge base) before anything is timed
        rows: list[tuple[str, str, list[float]]] = []
        for stage, grow in (
            ("0 saved assessments", None),
            (f"{args.assessments:,} saved assessments", lambda: add_assessments(app, args.assessments)),
            (f"+ {args.entries:,} diary entries", lambda: add_entries(app, args.entries)),
        ):
            if grow is not None:
                t = time.perf_counter()
                grow()
                print(f"   (added in {time.perf_counter() - t:.1f} s)", file=sys.stderr)
            rows.append((stage, "POST /api/v1/diary/entries", timed(write, args.repeat)))
            rows.append((stage, "GET /diary", timed(page, args.repeat)))
        app.state.ctx.store.close()

    reference = {what: statistics.median(ms) for stage, what, ms in rows[:2]}
    print(f"{'stage':<28} {'request':<28} {'median ms':>9} {'p10-p90 ms':>15} {'ratio':>6}")
    worst = 0.0
    for stage, what, ms in rows:
        med, lo, hi = summary(ms)
        ratio = med / reference[what]
        if "assessments" in stage and stage != rows[0][0]:
            worst = max(worst, ratio)
        print(f"{stage:<28} {what:<28} {med:>9.1f} {f'{lo:.1f}-{hi:.1f}':>15} {ratio:>5.2f}x")
    verdict = "ok" if worst <= TARGET else "OVER TARGET"
    print(json.dumps({"worst_ratio_at_saved_assessments": round(worst, 2), "target": TARGET, "verdict": verdict}))
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
