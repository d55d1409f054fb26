"""Structured-assessment speed (not a test): ``assess(answers=...)`` in one process, every input new.

Times ``assess`` on 2,000 distinct answer sets generated from a fixed seed (screening answers,
ages, sex, pregnancy, days since onset, pain, medicines and other findings all vary, so triage
lands on every disposition), after one warm-up call that loads the knowledge base. Reports the
per-call mean, p50 and p99 in milliseconds (wall clock), calls per second, the mean CPU time
per call (steadier when other work shares the machine), the mean and p99 for each disposition
(self-care and soon build the full 14-day plan, the costliest case), and the share of the time spent in
``backcare.plan.build_plan`` versus the rest of ``assess``; ``to_json`` is timed apart for
reference, since the web API serialises every result.

Targets on this 2-core machine: mean < 3 ms and p99 < 10 ms per assessment.

Usage: python bench/bench_assess.py [--count 2000] [--seed 7] [--profile]
(--profile prints the 25 most expensive functions by cumulative time from cProfile.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

TODAY = dt.date(2026, 11, 22)
TARGET_MEAN_MS = 3.0
TARGET_P99_MS = 10.0
MEDICINES = [
    "atorvastatin",
    "furosemide",
    "ibuprofen",
    "naproxen",
    "paracetamol",
    "co-codamol",
    "warfarin",
    "apixaban",
    "prednisolone",
    "salbutamol",
    "pregabalin",
    "diazepam",
    "Lipitor",
    "aspirin",
]


def answer_sets(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` distinct, valid answer sets; mostly reassuring, with red flags now and then."""
    from backcare.knowledge import load_knowledge

    kb = load_knowledge()
    rng = random.Random(seed)
    screening = [fid for fid, f in kb.findings.items() if f.screening]
    other_bools = [fid for fid, f in kb.findings.items() if f.type == "bool" and not f.screening and not f.computed]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    while len(out) < count:
        answers: dict[str, Any] = {}
        for fid in screening:
            answers[fid] = rng.choices([False, True, "possible", None], weights=[96, 1, 1, 2])[0]
        for fid in rng.sample(other_bools, rng.randint(0, 8)):
            answers[fid] = rng.choices([True, False, "possible"], weights=[25, 70, 5])[0]
        answers["age"] = rng.randint(16, 95)
        answers["sex"] = rng.choice(["female", "male", "other"])
        if answers["sex"] != "male" and answers["age"] <= 50 and rng.random() < 0.15:
            answers["pregnant"] = True
            answers["pregnancy_weeks"] = rng.randint(4, 40)
        if rng.random() < 0.9:
            answers["days_since_onset"] = rng.choice([rng.randint(0, 14), rng.randint(0, 200)])
        if rng.random() < 0.9:
            answers["pain_score"] = rng.randint(0, 10)
        if rng.random() < 0.7:
            answers["medications"] = rng.sample(MEDICINES, rng.randint(0, 3))
        if rng.random() < 0.3:
            for n in range(1, 9):
                answers[f"startback_{n}"] = rng.random() < 0.4
            answers["startback_9"] = rng.choice(["not_at_all", "slightly", "moderately", "very_much", "extremely"])
        key = repr(sorted(answers.items()))
        if key not in seen:
            seen.add(key)
            out.append({k: v for k, v in answers.items() if v is not None})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary as well")
    args = parser.parse_args()

    import backcare.plan
    from backcare.assessment import assess
    from backcare.knowledge import load_knowledge

    kb = load_knowledge()
    inputs = answer_sets(max(1, args.count), args.seed)
    assess(answers=inputs[0], today=TODAY, kb=kb)  # warm-up: lazy imports and the knowledge base

    # ``assess`` imports ``build_plan`` from ``backcare.plan`` when it needs it, so wrapping the
    # module attribute times every plan without touching the code under test.
    plan_seconds = 0.0
    original: Callable[..., Any] = backcare.plan.build_plan

    def timed_build_plan(*a: Any, **k: Any) -> Any:
        nonlocal plan_seconds
        began = time.perf_counter()
        try:
            return original(*a, **k)
        finally:
            plan_seconds += time.perf_counter() - began

    backcare.plan.build_plan = timed_build_plan
    latencies: list[float] = []
    cpu_seconds = 0.0  # this thread's CPU time: steadier than wall time when others share the machine
    by_disposition: dict[str, list[float]] = {}
    json_seconds = 0.0
    try:
        for answers in inputs:
            began, began_cpu = time.perf_counter(), time.thread_time()
            result = assess(answers=answers, today=TODAY, kb=kb)
            latencies.append((time.perf_counter() - began) * 1000)
            cpu_seconds += time.thread_time() - began_cpu
            by_disposition.setdefault(result.disposition.value, []).append(latencies[-1])
            began = time.perf_counter()
            result.to_json()
            json_seconds += time.perf_counter() - began
    finally:
        backcare.plan.build_plan = original

    total = sum(latencies) / 1000
    ordered = sorted(latencies)
    mean = statistics.fmean(latencies)
    p99 = ordered[max(0, round(len(ordered) * 0.99) - 1)]
    print(f"assess(answers=...): {len(inputs)} distinct answer sets (seed {args.seed}), one process, kb {kb.version}")
    print(
        f"  per call: mean {mean:.2f} ms   p50 {statistics.median(latencies):.2f} ms   p99 {p99:.2f} ms   "
        f"max {ordered[-1]:.2f} ms   ({len(inputs) / total:.0f} calls/s)"
    )
    print(f"  CPU time per call: mean {cpu_seconds / len(inputs) * 1000:.2f} ms")
    for disposition, times in sorted(by_disposition.items(), key=lambda kv: -len(kv[1])):
        times.sort()
        print(
            f"    {disposition:9s} {len(times):5d} calls: mean {statistics.fmean(times):.2f} ms   "
            f"p99 {times[max(0, round(len(times) * 0.99) - 1)]:.2f} ms"
        )
    print(f"  share of assess time: build_plan {plan_seconds / total:.0%}, the rest {1 - plan_seconds / total:.0%}")
    print(f"  for reference, to_json: mean {json_seconds / len(inputs) * 1000:.2f} ms per result")
    ok = mean < TARGET_MEAN_MS and p99 < TARGET_P99_MS
    print(f"  target mean < {TARGET_MEAN_MS:.0f} ms and p99 < {TARGET_P99_MS:.0f} ms: {'MET' if ok else 'NOT MET'}")

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for answers in inputs:
            assess(answers=answers, today=TODAY, kb=kb)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
