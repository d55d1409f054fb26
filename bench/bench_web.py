"""Web benchmark (not a test): ``POST /api/v1/assess`` against ``GET /healthz`` on the same server, same run.

What it measures, so that the figures are about assessment and not about the response cache:

- **distinct means distinct**: every request carries an answer set no other request in the run
  carries (each wrk thread has its own sequence), and the server's ``X-Backcare-Cache`` header is
  counted, so the cache hit rate is printed beside every figure;
- **a server with the response cache off** (``BACKCARE_RESPONSE_CACHE_BYTES=0``) for the distinct
  phases, and a second server with the cache on for the repeated-answer phase (what the cache buys);
- **a realistic mix**: all safety questions answered, ages, pain and days since onset varying, mostly
  self-care and soon, one request in 20 an emergency (as on the vignette sets); the medicine lists
  repeat (four of them), as people's do, so the worker's bounded memo of what a typed name names
  serves them as it would in use;
- **ratios against references in the same round**: ``GET /healthz`` (the framework's no-op) and the bare
  pipeline (the same answers through ``assessment_json`` in this process, no HTTP);
- **median and [min-max] over rounds**, the phases rotated from round to round.

Target (one worker, cache off): distinct ``POST /api/v1/assess`` (plan by reference) at least 0.5 of
``/healthz`` requests per second. Load generator: ``wrk`` (Debian package ``wrk``) in its own process;
without it, a bounded asyncio client (httpx), which is client-bound and said so. Loopback only.

Memory target: each worker under 250 MB resident after 10,000 assess requests (the default 10 s
phases, three rounds and two assess phases per server give more; the count is printed). The server
loads the free-text reader (spaCy, medspaCy, the ONNX sentence model: about 200 MB) on the first
text, not at start (``backcare serve --warm-up-text`` loads it at start); after the structured
phases one text is sent, and its latency and the memory after it are printed too.

Usage: python bench/bench_web.py [--seconds 10] [--rounds 3] [--connections 50] [--workers 1] [--rows FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from figures import Row, emit, ratios, row
from serving import free_port, rss_mb, start_server, stop

TODAY = "2026-11-22"
SCREENING = [
    "confusion_or_drowsiness", "difficulty_breathing", "chest_pain", "major_trauma", "urinary_retention",
    "urinary_incontinence", "bowel_incontinence", "saddle_numbness", "leg_numbness_both_sides",
    "leg_pain_both_sides", "leg_weakness", "leg_weakness_worsening", "fever", "unexplained_weight_loss",
    "history_of_cancer",
]  # fmt: skip
MEDICINES = ["[]", '["ibuprofen"]', '["paracetamol", "atorvastatin"]', '["co-codamol"]']
TARGET_RATIO = 0.5
MEMORY_AFTER = 10_000
"""Assess requests a server must have answered before its memory is held against the target."""

# The n-th distinct body; the Lua below builds the very same bytes (see ``distinct_body``).
TEMPLATE = (
    '{"answers": {'
    + ", ".join(f'"{f}": false' for f in SCREENING if f != "saddle_numbness")
    + ', "saddle_numbness": SADDLE, "age": AGE, "sex": "SEX", "pain_score": PAIN, "days_since_onset": ONSET, '
    '"trigger_lifting": LIFT, "medications": MEDS}, "today": "' + TODAY + '"}'
)


def distinct_body(i: int) -> str:
    """Body number ``i`` (0-based): unique for i below 73 x 8 x 120 x 4 = 280,320."""
    meds = MEDICINES[(i // 70080) % 4]
    values = {
        "SADDLE": "true" if i % 20 == 7 else "false",
        "AGE": str(18 + i % 73),
        "SEX": "female" if (i // 3) % 2 else "male",
        "PAIN": str((i // 73) % 8),
        "ONSET": str((i // 584 + 13 * (i % 584)) % 120),
        "LIFT": "true" if i % 3 else "false",
        "MEDS": meds,
    }
    return re.sub("SADDLE|AGE|SEX|PAIN|ONSET|LIFT|MEDS", lambda m: values[m.group(0)], TEMPLATE)


WRK_COMMON = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads = {}
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  n = 0
  hits = 0
  answered = 0
end
function response(status, headers, body)
  answered = answered + 1
  if headers["x-backcare-cache"] == "hit" or headers["X-Backcare-Cache"] == "hit" then hits = hits + 1 end
end
function done(summary, latency, requests)
  local h, a = 0, 0
  for _, t in ipairs(threads) do h = h + t:get("hits"); a = a + t:get("answered") end
  io.write(string.format("CACHE %%d %%d\\n", h, a))
end
"""
WRK_SAME = (
    WRK_COMMON
    + """
local body = [[%s]]
request = function()
  return wrk.format(nil, nil, nil, body)
end
"""
)
# Each thread its own sequence (thread t sends bodies t, t + T, t + 2T, ...), offset by the phase so
# that no body is sent twice in a run, by any thread, in any phase.
WRK_DISTINCT = (
    WRK_COMMON
    + """
local template = [[%s]]
local meds = {'[]', '["ibuprofen"]', '["paracetamol", "atorvastatin"]', '["co-codamol"]'}
local offset = %d
local nthreads = %d
request = function()
  local i = offset + n * nthreads + tid
  n = n + 1
  local v = {
    SADDLE = (i %% 20 == 7) and "true" or "false",
    AGE = tostring(18 + i %% 73),
    SEX = (math.floor(i / 3) %% 2 == 1) and "female" or "male",
    PAIN = tostring(math.floor(i / 73) %% 8),
    ONSET = tostring((math.floor(i / 584) + 13 * (i %% 584)) %% 120),
    LIFT = (i %% 3 ~= 0) and "true" or "false",
    MEDS = meds[math.floor(i / 70080) %% 4 + 1],
  }
  local body = template
  for _, key in ipairs({"SADDLE", "AGE", "SEX", "PAIN", "ONSET", "LIFT", "MEDS"}) do
    body = string.gsub(body, key, function() return v[key] end)
  end
  return wrk.format(nil, nil, nil, body)
end
"""
)
THREADS = 2
SPAN = 70_000  # bodies reserved per phase: more than any phase sends


def parse_wrk(text: str) -> dict[str, float]:
    def ms(value: str, unit: str) -> float:
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    out: dict[str, float] = {}
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    out["rps"] = float(rps.group(1)) if rps else 0.0
    for pct in ("50", "99"):
        found = re.search(rf"^\s+{pct}(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        out[f"p{pct}"] = ms(*found.groups()) if found else float("nan")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    out["errors"] = (float(errors.group(1)) if errors else 0.0) + (
        float(sum(int(g) for g in sockets.groups())) if sockets else 0.0
    )
    total = re.search(r"(\d+) requests in", text)
    out["requests"] = float(total.group(1)) if total else 0.0
    cache = re.search(r"^CACHE (\d+) (\d+)$", text, re.M)
    out["hit_rate"] = int(cache.group(1)) / max(1, int(cache.group(2))) if cache else float("nan")
    return out


def run_wrk(url: str, seconds: int, connections: int, script: str | None) -> dict[str, float]:
    cmd = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    with tempfile.TemporaryDirectory() as folder:
        if script is not None:
            path = Path(folder) / "post.lua"
            path.write_text(script)
            cmd += ["-s", str(path)]
        done = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=seconds + 60, check=True)
    return parse_wrk(done.stdout)


async def _python_load(url: str, seconds: int, connections: int, bodies: list[str] | None) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    failures = hits = sent = 0
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=5) as client:

        async def worker() -> None:
            nonlocal failures, hits, sent
            while time.monotonic() < stop_at:
                start = time.perf_counter()
                if bodies is None:
                    r = await client.get(url)
                else:
                    body = bodies[sent % len(bodies)]
                    sent += 1
                    r = await client.post(url, content=body, headers={"content-type": "application/json"})
                    hits += r.headers.get("x-backcare-cache") == "hit"
                latencies.append((time.perf_counter() - start) * 1000)
                failures += r.status_code >= 300

        began = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.monotonic() - began
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": latencies[max(0, int(len(latencies) * 0.99) - 1)],
        "errors": float(failures),
        "requests": float(len(latencies)),
        "hit_rate": hits / max(1, sent) if bodies is not None else float("nan"),
    }


class Phases:
    """Runs one phase against a server; distinct phases never reuse a body within the run."""

    def __init__(self, seconds: int, connections: int) -> None:
        self.seconds, self.connections = seconds, connections
        self.wrk = shutil.which("wrk") is not None
        self.offset = 0

    def run(self, url: str, kind: str) -> dict[str, float]:
        """``kind``: "get" (healthz), "same" (one body) or "distinct"."""
        time.sleep(1)  # let the server drain what the previous phase left queued
        offset, self.offset = self.offset, self.offset + SPAN
        if self.wrk:
            script = None
            if kind == "same":
                script = WRK_SAME % distinct_body(1)
            elif kind == "distinct":
                script = WRK_DISTINCT % (TEMPLATE, offset, THREADS)
            return run_wrk(url, self.seconds, self.connections, script)
        bodies = None if kind == "get" else [distinct_body(1)] if kind == "same" else None
        if kind == "distinct":
            bodies = [distinct_body(offset + i) for i in range(SPAN)]
        return asyncio.run(_python_load(url, self.seconds, self.connections, bodies))


def answer_sizes(port: int) -> dict[str, float]:
    """Bytes of one answer: plan by reference (the default) and with ``?include=plan``."""
    import httpx

    body, headers = distinct_body(3), {"content-type": "application/json"}
    out = {}
    for label, path in (("plan by reference", "/api/v1/assess"), ("with the plan", "/api/v1/assess?include=plan")):
        answer = httpx.post(f"http://127.0.0.1:{port}{path}", content=body, headers=headers, timeout=30)
        answer.raise_for_status()
        out[label] = float(len(answer.content))
    return out


def first_text_answer(port: int, pid: int) -> dict[str, float]:
    """After the structured phases: the first free text's latency (``backcare serve`` loads the text
    reader on first use unless ``--warm-up-text``) and the resident memory once it is loaded."""
    import httpx

    body = {"text": "my back locked up lifting a box, no numbness", "today": TODAY}
    began = time.perf_counter()
    httpx.post(f"http://127.0.0.1:{port}/api/v1/assess", json=body, timeout=120).raise_for_status()
    return {"ms": (time.perf_counter() - began) * 1000, "rss": rss_mb(pid)}


def bare_pipeline(offset: int, count: int, include_plan: bool) -> float:
    """Assessments per second in this process (CPU time): body parsing, ``assessment_json``, no HTTP."""
    from backcare.bootstrap import knowledge
    from backcare.entrypoints.web import assessing
    from backcare.entrypoints.web.requests import AssessRequest, check_types
    from backcare.entrypoints.web.response_cache import RESPONSES

    RESPONSES.limit = 0  # the reference never hits a cache either
    today = dt.date.fromisoformat(TODAY)
    bodies = [distinct_body(offset + i) for i in range(count)]
    began = time.thread_time()
    for body in bodies:
        request = AssessRequest.model_validate_json(body)
        check_types(request.answers or {}, knowledge())
        assessing.assessment_json(None, dict(request.answers or {}), today, include_plan)
    return count / (time.thread_time() - began)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="per phase")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--rows", default=None, help="append the result rows to this file (JSON lines)")
    args = parser.parse_args()
    seconds, rounds = max(1, min(args.seconds, 120)), max(1, min(args.rounds, 10))
    phases = Phases(seconds, args.connections)
    results: dict[str, list[dict[str, float]]] = {}
    reference: dict[str, list[float]] = {"summary": [], "plan": []}
    memory: dict[str, float] = {}
    sizes: dict[str, float] = {}
    first_text: dict[str, float] = {}

    plan_url = "/api/v1/assess?include=plan"
    cold = [("healthz", "/healthz", "get"), ("distinct", "/api/v1/assess", "distinct"),
            ("distinct+plan", plan_url, "distinct")]  # fmt: skip
    warm = [("healthz (cache on)", "/healthz", "get"), ("same answers (cache on)", "/api/v1/assess", "same"),
            ("distinct (cache on)", "/api/v1/assess", "distinct")]  # fmt: skip
    for cache_bytes, plan in ((0, cold), (None, warm)):
        port = free_port()
        with tempfile.TemporaryDirectory(prefix="backcare-bench-") as data:
            proc = start_server(port, args.workers, Path(data), cache_bytes)
            try:
                if cache_bytes == 0:
                    sizes.update(answer_sizes(port))
                phases.run(f"http://127.0.0.1:{port}/api/v1/assess", "distinct")  # warm-up, not counted
                for n in range(rounds):
                    order = plan[n % len(plan) :] + plan[: n % len(plan)]  # rotate: no phase always first
                    for label, path, kind in order:
                        results.setdefault(label, []).append(phases.run(f"http://127.0.0.1:{port}{path}", kind))
                    if cache_bytes == 0:
                        reference["summary"].append(bare_pipeline(10**6 + n * 2000, 600, include_plan=False))
                        reference["plan"].append(bare_pipeline(2 * 10**6 + n * 2000, 600, include_plan=True))
                memory["cache off" if cache_bytes == 0 else "cache on"] = rss_mb(proc.pid)
                if cache_bytes == 0:
                    first_text.update(first_text_answer(port, proc.pid))
            finally:
                stop(proc)
    rows = report(results, reference, memory, phases, args, seconds, rounds)
    for label, size in sizes.items():
        rows.append(row("web", f"answer size, {label}", "KB", [size / 1000]))
    if first_text:
        rows.append(row("web", "first free-text answer (reader loads then)", "ms", [first_text["ms"]]))
        rows.append(row("web", "  server RSS after it (cache off)", "MB", [first_text["rss"]]))
    emit(rows, args.rows)
    return 0


def report(
    results: dict[str, list[dict[str, float]]],
    reference: dict[str, list[float]],
    memory: dict[str, float],
    phases: Phases,
    args: argparse.Namespace,
    seconds: int,
    rounds: int,
) -> list[Row]:
    generator = "wrk (separate process)" if phases.wrk else "python httpx asyncio (client-bound; install wrk)"
    print(
        f"backcare web bench: {args.connections} connections, {seconds} s per phase, {rounds} rounds, "
        f"{args.workers} worker(s), {os.cpu_count()} CPUs, load generator {generator}"
    )
    print(
        f"distinct bodies: every request a new answer set (mostly self-care and soon, 1 in 20 an emergency), "
        f"e.g. {len(distinct_body(0))} bytes"
    )
    for label, runs in results.items():
        hit = [r["hit_rate"] for r in runs if r["hit_rate"] == r["hit_rate"]]
        print(
            f"  {label:26s} {statistics.median(r['rps'] for r in runs):8.1f} req/s   "
            f"p50 {statistics.median(r['p50'] for r in runs):7.1f} ms   "
            f"p99 {statistics.median(r['p99'] for r in runs):7.1f} ms   "
            f"errors {int(sum(r['errors'] for r in runs))}   "
            f"cache hits {'-' if not hit else f'{statistics.median(hit):.1%}'}"
        )
    served = {
        "cache off": sum(r["requests"] for label in ("distinct", "distinct+plan") for r in results[label]),
        "cache on": sum(r["requests"] for label in ("same answers (cache on)", "distinct (cache on)")
                        for r in results[label]),
    }  # fmt: skip
    for label, mb in memory.items():
        print(f"  server resident memory after its phases ({label}, {served[label]:,.0f} assess requests): {mb:.0f} MB")
    rps = {label: [r["rps"] for r in runs] for label, runs in results.items()}
    p99 = {label: [r["p99"] for r in runs] for label, runs in results.items()}
    rows = [
        row("web", "healthz (cache off server)", "req/s", rps["healthz"]),
        row("web", "assess distinct, plan by reference, cache off", "req/s", rps["distinct"],
            reference="healthz", ratio=statistics.median(ratios(rps["distinct"], rps["healthz"])),
            target=">= 0.5 of healthz",
            met=statistics.median(ratios(rps["distinct"], rps["healthz"])) >= TARGET_RATIO),
        row("web", "  same, p99", "ms", p99["distinct"]),
        row("web", "  same, against the bare pipeline", "req/s", rps["distinct"], reference="in-process assess",
            ratio=statistics.median(ratios(rps["distinct"], reference["summary"]))),
        row("web", "bare pipeline, plan by reference (in-process)", "assess/s", reference["summary"]),
        row("web", "assess distinct ?include=plan, cache off", "req/s", rps["distinct+plan"],
            reference="healthz", ratio=statistics.median(ratios(rps["distinct+plan"], rps["healthz"]))),
        row("web", "bare pipeline with plan (in-process)", "assess/s", reference["plan"]),
        row("web", "assess same answers, cache on", "req/s", rps["same answers (cache on)"],
            reference="healthz", ratio=statistics.median(ratios(rps["same answers (cache on)"],
                                                                rps["healthz (cache on)"]))),
        row("web", "assess distinct, cache on", "req/s", rps["distinct (cache on)"], reference="healthz",
            ratio=statistics.median(ratios(rps["distinct (cache on)"], rps["healthz (cache on)"]))),
    ]  # fmt: skip
    for label, mb in memory.items():
        enough = served[label] >= MEMORY_AFTER
        rows.append(row("web", f"server RSS after {served[label]:,.0f} assess requests ({label})", "MB", [mb],
                        target=f"< 250 after {MEMORY_AFTER:,}", met=mb < 250 and enough))
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
