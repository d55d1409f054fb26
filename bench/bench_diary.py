"""Benchmark (not a test): insert 10,000 diary entries, read them back, compute the trend, draw a 90-day chart.

Usage: ``python bench/bench_diary.py [--entries N] [--url DATABASE_URL]``. Without ``--url`` it uses a
fresh SQLite file in a temporary folder (never the user's data). Reports wall time per stage and the
peak memory: Python allocations (tracemalloc) and the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=1_000, help="entries per transaction")
    parser.add_argument("--url", default=None, help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--trace-memory", action="store_true", help="also trace Python allocations (slower)")
    args = parser.parse_args()

    from backcare.chart import write_chart
    from backcare.diary import DiaryEntry, ExerciseDone, compute_trend, expected_course
    from backcare.storage import open_store

    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        if args.trace_memory:
            tracemalloc.start()
        timings: dict[str, float] = {}

        t = time.perf_counter()
        store = open_store(url)
        timings["open + migrate"] = time.perf_counter() - t

        per_day = 4
        exercises = (ExerciseDone(id="glute_bridge", repetitions=10), ExerciseDone(id="walking", repetitions=1))
        first = dt.date.today() - dt.timedelta(days=args.entries // per_day)
        now = dt.datetime.now(dt.UTC)
        t = time.perf_counter()
        with store.unit_of_work() as uow:
            episode = uow.diary.start_episode(first, "UTC")
            uow.commit()
        for start in range(0, args.entries, args.batch):
            batch = [
                DiaryEntry(
                    date=first + dt.timedelta(days=i // per_day),
                    recorded_at=now,
                    timezone="UTC",
                    pain=max(0, 8 - (i // per_day) // 20) if i % 7 else 5,
                    spasms=i % 5,
                    exercises=exercises,
                    cold_sessions=i % 2,
                    note=f"bench entry {i}",
                    episode_id=episode.id,
                )
                for i in range(start, min(start + args.batch, args.entries))
            ]
            with store.unit_of_work() as uow:
                uow.diary.add_entries(batch, "UTC")
                uow.commit()
        timings[f"insert {args.entries} entries ({args.batch}/transaction)"] = time.perf_counter() - t

        t = time.perf_counter()
        with store.unit_of_work(write=False) as uow:
            entries = uow.diary.entries(episode_id=episode.id)
        timings["read all entries"] = time.perf_counter() - t
        assert len(entries) == args.entries, len(entries)

        t = time.perf_counter()
        trend = compute_trend(entries, onset=first)
        timings["compute trend"] = time.perf_counter() - t

        t = time.perf_counter()
        until = entries[-1].date
        since = until - dt.timedelta(days=89)
        assert trend.baseline is not None
        course = expected_course(trend.baseline, first, until)
        out = Path(tmp) / "chart.png"
        summary = write_chart(out, entries, trend, course, since, until)
        timings["draw 90-day chart (PNG)"] = time.perf_counter() - t

        peak = tracemalloc.get_traced_memory()[1] if args.trace_memory else None
        tracemalloc.stop()
        store.close()
        rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    backend = url.split(":", 1)[0]
    print(f"backend: {backend}; chart: {summary.entries} entries, {out.suffix} {summary.format}")
    for name, seconds in timings.items():
        print(f"{name:<45} {seconds:8.3f} s")
    print(f"{'total':<45} {sum(timings.values()):8.3f} s")
    if peak is not None:
        print(f"peak Python allocations (tracemalloc)         {peak / 1e6:8.1f} MB")
    print(f"peak resident set size (ru_maxrss)            {rss_kb / 1024:8.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
