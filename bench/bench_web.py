"""Web benchmark (not a test): ``POST /api/v1/assess`` (structured answers) against ``GET /healthz``.

Starts ``backcare serve`` on a free loopback port with a fresh SQLite database, then drives both
endpoints with 50 concurrent connections from the same load generator, on the same server, in
the same run, and reports requests/s, p50 and p99 latency for each and the ratio assess/healthz.

Load generator: ``wrk`` (Debian package ``wrk``; ``apt-get install wrk``) in its own process, so the
client does not compete with the server for Python's interpreter. Without it, a bounded asyncio
client (httpx) is used instead and the report says so (its numbers are client-bound).

Targets on this 2-core machine: ratio >= 0.5 and assess p99 < 100 ms. Traffic only goes to
127.0.0.1; every phase is bounded in time.

Usage: python bench/bench_web.py [--seconds 10] [--connections 50] [--workers 1] [--distinct]
(--distinct sends a different answer set on every request, so no response can be reused.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ANSWERS: dict[str, Any] = {
    "age": 42,
    "sex": "female",
    "trigger_lifting": True,
    "days_since_onset": 2,
    "pain_score": 6,
    "medications": ["atorvastatin"],
    "fever": False,
    "major_trauma": False,
    "urinary_retention": False,
    "urinary_incontinence": False,
    "bowel_incontinence": False,
    "saddle_numbness": False,
    "leg_numbness_both_sides": False,
    "leg_pain_both_sides": False,
    "leg_weakness": False,
    "leg_weakness_worsening": False,
    "unexplained_weight_loss": False,
    "history_of_cancer": False,
    "chest_pain": False,
    "confusion_or_drowsiness": False,
    "difficulty_breathing": False,
}
TARGET_RATIO = 0.5
TARGET_P99_MS = 100.0

WRK_POST = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[%s]]
"""
# Every request a different, valid answer set (age x pain x onset: 9 999 combinations).
WRK_POST_DISTINCT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local base = [[%s]]
local n = 0
request = function()
  n = n + 1
  local body = string.gsub(base, '"age": 42', '"age": ' .. (18 + n %% 80))
  body = string.gsub(body, '"pain_score": 6', '"pain_score": ' .. (n %% 11))
  body = string.gsub(body, '"days_since_onset": 2', '"days_since_onset": ' .. (math.floor(n / 880) %% 12))
  return wrk.format(nil, nil, nil, body)
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int, data: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BACKCARE_DATA_DIR": str(data)}
    env.pop("BACKCARE_DATABASE_URL", None)
    exe = Path(sys.executable).parent / "backcare"
    cmd = [str(exe), "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    import httpx

    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("backcare serve exited early")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("backcare serve did not become ready in 90 s")


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
    out["non2xx"] = float(errors.group(1)) if errors else 0.0
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    out["socket_errors"] = float(sum(int(g) for g in sockets.groups())) if sockets else 0.0
    total = re.search(r"(\d+) requests in", text)
    out["requests"] = float(total.group(1)) if total else 0.0
    return out


def run_wrk(url: str, seconds: int, connections: int, script: str | None) -> dict[str, float]:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    with tempfile.TemporaryDirectory() as folder:
        if script is not None:
            path = Path(folder) / "post.lua"
            path.write_text(script)
            cmd += ["-s", str(path)]
        done = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=seconds + 60, check=True)
    return parse_wrk(done.stdout)


async def _python_load(url: str, seconds: int, connections: int, body: bytes | None) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    failures = 0
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=5) as client:

        async def worker() -> None:
            nonlocal failures
            while time.monotonic() < stop:
                start = time.perf_counter()
                if body is None:
                    r = await client.get(url)
                else:
                    r = await client.post(url, content=body, headers={"content-type": "application/json"})
                latencies.append((time.perf_counter() - start) * 1000)
                failures += r.status_code >= 300

        began = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.monotonic() - began
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": latencies[int(len(latencies) * 0.99) - 1],
        "non2xx": float(failures),
        "socket_errors": 0.0,
        "requests": float(len(latencies)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--distinct", action="store_true", help="a different answer set on every request")
    args = parser.parse_args()
    seconds = max(1, min(args.seconds, 120))

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    body = json.dumps({"answers": ANSWERS}, indent=None)
    with tempfile.TemporaryDirectory(prefix="backcare-bench-") as data:
        proc = start_server(port, args.workers, Path(data))
        try:
            import httpx

            check = httpx.post(f"{base}/api/v1/assess", content=body, headers={"content-type": "application/json"})
            assert check.status_code == 200 and check.json()["disposition"], check.text[:200]
            size = len(check.content)
            wrk = shutil.which("wrk")
            results: dict[str, dict[str, float]] = {}
            script = (WRK_POST_DISTINCT if args.distinct else WRK_POST) % body
            for label, url, lua in (
                ("warm-up", f"{base}/api/v1/assess", script),
                ("healthz", f"{base}/healthz", None),
                ("assess", f"{base}/api/v1/assess", script),
            ):
                span = 2 if label == "warm-up" else seconds
                time.sleep(1)  # let the server drain what the previous phase left queued
                if wrk:
                    results[label] = run_wrk(url, span, args.connections, lua)
                else:
                    payload = None if lua is None else body.encode()
                    results[label] = asyncio.run(_python_load(url, span, args.connections, payload))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()

    generator = "wrk (separate process)" if wrk else "python httpx asyncio (client-bound; install wrk)"
    print(f"backcare web bench: {args.connections} connections, {seconds} s per endpoint, {args.workers} worker(s), "
          f"{os.cpu_count()} CPUs, load generator {generator}")
    print(f"assess body: structured answers ({len(body)} bytes), "
          f"{'a different answer set per request' if args.distinct else 'the same answer set every request'}; "
          f"response {size} bytes")
    for label in ("healthz", "assess"):
        r = results[label]
        print(f"  {label:8s} {r['rps']:9.1f} req/s   p50 {r['p50']:7.2f} ms   p99 {r['p99']:7.2f} ms   "
              f"({int(r['requests'])} requests, {int(r['non2xx'])} non-2xx, {int(r['socket_errors'])} socket errors)")
    ratio = results["assess"]["rps"] / results["healthz"]["rps"] if results["healthz"]["rps"] else 0.0
    p99 = results["assess"]["p99"]
    ok = ratio >= TARGET_RATIO and p99 < TARGET_P99_MS
    print(f"  ratio assess/healthz {ratio:.2f} (target >= {TARGET_RATIO}); assess p99 {p99:.1f} ms "
          f"(target < {TARGET_P99_MS:.0f} ms): {'MET' if ok else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
