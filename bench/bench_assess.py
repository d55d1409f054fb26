"""Structured-assessment speed (not a test): ``assess(answers=...)`` in one process, every input new.

Two input sets, both generated from a fixed seed so that no answer set repeats:

- **web-like**: what the web form sends. Every safety question answered (a red flag now and then),
  age, sex, days since onset, pain, a trigger, medicines, sometimes the STarT Back items. Nearly all
  land on self-care or soon, which build the full 14-day plan: the costly, common case.
- **mixed**: the older set, a third emergencies (cheap: no full plan), kept for comparison.

Every figure is the median over rounds (with its range) of per-call CPU time (steadier than wall
time on a shared machine), against a reference measured in the same round: ``assess`` without the
plan (``with_plan=False``), the bare triage pipeline. ``build_plan``'s share and ``to_json`` (compact,
as the API sends it) are reported too, and the schedule cache's counters.

Target on this 2-core machine: ``assess`` plus plan for web-like self-care and soon answers, median
under 1 ms.

Usage: python bench/bench_assess.py [--count 2000] [--rounds 5] [--seed 7] [--profile] [--rows FILE]
(--profile prints the 25 most expensive functions by cumulative time from cProfile.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from figures import emit, ratios, row

TODAY = dt.date(2026, 11, 22)
TARGET_MEDIAN_MS = 1.0
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


def web_like(count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` distinct answer sets as the web form sends them: every safety question answered."""
    from backcare.knowledge import load_knowledge

    kb = load_knowledge()
    rng = random.Random(seed)
    screening = [fid for fid, f in kb.findings.items() if f.screening]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    while len(out) < count:
        answers: dict[str, Any] = {fid: rng.random() < 0.004 for fid in screening}
        answers.update(
            age=rng.randint(18, 85),
            sex=rng.choice(["female", "male"]),
            days_since_onset=rng.choice([rng.randint(0, 14), rng.randint(0, 120)]),
            pain_score=rng.randint(1, 8),
            trigger_lifting=rng.random() < 0.5,
            medications=rng.sample(MEDICINES[:6], rng.randint(0, 2)),
        )
        _maybe_startback(answers, rng)
        key = repr(sorted(answers.items()))
        if key not in seen:
            seen.add(key)
            out.append(answers)
    return out


def _maybe_startback(answers: dict[str, Any], rng: random.Random) -> None:
    """About one answer set in three carries a filled-in STarT Back questionnaire."""
    if rng.random() < 0.3:
        for n in range(1, 9):
            answers[f"startback_{n}"] = rng.random() < 0.4
        answers["startback_9"] = rng.choice(["not_at_all", "slightly", "moderately", "very_much", "extremely"])


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
        _maybe_startback(answers, rng)
        key = repr(sorted(answers.items()))
        if key not in seen:
            seen.add(key)
            out.append({k: v for k, v in answers.items() if v is not None})
    return out


def timed(inputs: list[dict[str, Any]], kb: Any, with_plan: bool) -> tuple[list[float], list[Any]]:
    """Per-call CPU milliseconds of ``assess`` over ``inputs``, and the results.

    (A version of ``assess`` without ``with_plan`` gets its plan step stubbed out for the reference,
    so the same script measures earlier versions too.)
    """
    import inspect

    import backcare.core.plan
    from backcare.bootstrap import assess

    options = {"with_plan": with_plan} if "with_plan" in inspect.signature(assess).parameters else {}
    original = backcare.core.plan.build_plan
    if not with_plan and not options:
        backcare.core.plan.build_plan = lambda *a, **k: None  # type: ignore[assignment]
    times: list[float] = []
    results: list[Any] = []
    try:
        for answers in inputs:
            began = time.thread_time()
            results.append(assess(answers=answers, today=TODAY, kb=kb, **options))
            times.append((time.thread_time() - began) * 1000)
    finally:
        backcare.core.plan.build_plan = original
    return times, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000, help="answer sets per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary as well")
    parser.add_argument("--rows", default=None, help="append the result rows to this file (JSON lines)")
    args = parser.parse_args()

    import backcare.core.plan
    from backcare.bootstrap import assess
    from backcare.knowledge import load_knowledge

    try:
        from backcare.core.plan_schedule import schedule_cache_info
    except ImportError:  # an earlier version, measured for comparison

        def schedule_cache_info() -> str:
            return "none"

    kb = load_knowledge()
    count, rounds = max(10, args.count), max(1, args.rounds)
    web = web_like(count * (rounds + 1), args.seed)  # no answer set is seen twice, warm-up included
    mixed = answer_sets(count * rounds, args.seed + 1)
    for answers in web[:count]:
        assess(answers=answers, today=TODAY, kb=kb)  # warm-up: lazy imports, the knowledge base, caches

    plan_seconds = 0.0
    original: Callable[..., Any] = backcare.core.plan.build_plan

    def timed_build_plan(*a: Any, **k: Any) -> Any:
        nonlocal plan_seconds
        began = time.thread_time()
        try:
            return original(*a, **k)
        finally:
            plan_seconds += time.thread_time() - began

    full, bare, mixed_ms, json_ms, shares = [], [], [], [], []
    by_disposition: dict[str, list[float]] = {}
    for n in range(rounds):
        batch = web[count * (n + 1) : count * (n + 2)]
        reference, _ = timed(batch[::-1], kb, with_plan=False)  # other order: no help from warm caches
        plan_seconds = 0.0
        backcare.core.plan.build_plan = timed_build_plan
        try:
            times, results = timed(batch, kb, with_plan=True)
        finally:
            backcare.core.plan.build_plan = original
        planned = [t for t, r in zip(times, results, strict=True) if r.disposition.value in ("self_care", "soon")]
        for t, r in zip(times, results, strict=True):
            by_disposition.setdefault(r.disposition.value, []).append(t)
        full.append(statistics.median(planned))
        bare.append(statistics.median(reference))
        shares.append(plan_seconds * 1000 / sum(times))
        mixed_ms.append(statistics.fmean(timed(mixed[count * n : count * (n + 1)], kb, with_plan=True)[0]))
        began = time.thread_time()
        for result in results:
            result.to_json(indent=None)
        json_ms.append((time.thread_time() - began) * 1000 / len(results))

    print(f"assess(answers=...): {count} new answer sets per round, {rounds} rounds, one process, kb {kb.version}")
    for disposition, times in sorted(by_disposition.items(), key=lambda kv: -len(kv[1])):
        times.sort()
        print(
            f"  web-like {disposition:9s} {len(times):6d} calls: median {statistics.median(times):.3f} ms CPU   "
            f"p99 {times[max(0, round(len(times) * 0.99) - 1)]:.3f} ms"
        )
    print(f"  schedule cache: {schedule_cache_info()}")
    median_full = statistics.median(full)
    rows = [
        row("assess", "assess + plan, web-like self-care/soon (median)", "ms CPU", full,
            reference="assess without plan", ratio=statistics.median(ratios(full, bare)),
            target="< 1 ms", met=median_full < TARGET_MEDIAN_MS),
        row("assess", "assess without plan, same answers (median)", "ms CPU", bare),
        row("assess", "build_plan share of assess (web-like)", "%", [100 * s for s in shares]),
        row("assess", "to_json compact, per result", "ms CPU", json_ms, reference="assess + plan",
            ratio=statistics.median(ratios(json_ms, full))),
        row("assess", "assess, mixed set (a third emergencies), mean", "ms CPU", mixed_ms),
    ]  # fmt: skip
    emit(rows, args.rows)

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for answers in web[count:]:
            assess(answers=answers, today=TODAY, kb=kb)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
