"""CDS Hooks benchmark (not a test): ``POST /cds-services/{id}`` against ``GET /healthz`` in the same run.

Starts ``backcare serve --multi-user --workers N`` (``--workers``, default 2: one per core of the machine
the target was set on; one server, fresh SQLite database) on a free loopback port and
drives ``/healthz`` and the ``patient-view`` service (patient, back-pain Condition, pain Observation and
note prefetched) in rounds, with ``wrk`` and the same connections. By default every request carries a
different, realistic clinician's note (of every 20: 9 self-care, 6 GP or physiotherapy review, 3
urgent, 2 emergency; a sample's cards are counted first, to show the mix the service saw): each note is
read and assessed afresh. ``--repeat`` sends one note every time: it measures the memo of ``assess``,
not assess, and every line says so. Figures are ratios against ``/healthz`` in the same round (p50,
p99, requests/s), per round and as median and spread over rounds; absolute figures are context only.
The memo hit rate is the server's, summed over its workers (``cds_hooks_server.py`` runs the server:
on SIGUSR1 each serving process writes its ``memo_stats()`` to a file). After a hook phase the bench
waits until the server has answered what wrk left queued, so the next phase starts on an idle server.
Target: median hook p99 under 500 ms. Only 127.0.0.1; every phase is bounded in time.

Usage: python bench/bench_cds_hooks.py [--seconds 8] [--rounds 3] [--connections 50] [--workers 2] [--repeat]
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from cds_hooks_server import MEMO_STATS
from serving import free_port, launch

TOKEN = "bench-cds-token-0123456789abcdef"
SERVICE = "backcare-back-pain"
TARGET_P99_MS = 500.0
WRK_THREADS = 2
#: Notes sent before the rounds to show the mix the service sees (numbered apart from the measured ones).
SAMPLE_FIRST, SAMPLE_SIZE = 50_000_000, 40
REPEATED = SAMPLE_FIRST - 2  #: --repeat sends this note (an emergency one) on every request

# --- Clinicians' notes ----------------------------------------------------------------------------

SEX = (("man", "he", "his"), ("woman", "she", "her"))
WHEN = (*(f"for {n} days" for n in range(2, 12)), *(f"since {d}" for d in ("Monday", "Friday", "the weekend")))
#: A review is due when it has not settled: notes of that kind tell of weeks or months.
WHEN_LONGER = (*(f"for {n} weeks" for n in range(6, 13)), *(f"for {n} months" for n in range(3, 7)))
TRIGGER = (
    "after lifting boxes at work", "after a day of gardening", "after moving house", "after a long drive",
    "after a gym session", "after decorating the bedroom", "after carrying the shopping", "with no clear trigger",
    "after sleeping on a friend's sofa", "after picking up a toddler", "after shovelling snow", "after some DIY",
)  # fmt: skip
JOB = (
    "a nurse", "a delivery driver", "an accountant", "a teacher", "a builder", "a chef", "a cleaner", "a farmer",
    "a software developer", "a warehouse operative", "a hairdresser", "a care worker", "a plumber", "a student",
)  # fmt: skip
TREATMENT = (
    "Taking ibuprofen with some relief.", "Paracetamol is not helping much.", "Using a hot water bottle at night.",
    "Has tried naproxen from the pharmacy.", "Has been resting in bed most of the time.",
    "Keeping active as much as possible.", "Physio exercises from a previous episode help a bit.",
)  # fmt: skip
CORE = {
    "self-care": (
        "Ache across the lower back, worse bending forward, eases when walking about.",
        "Stiff lower back in the mornings that loosens up after a warm shower.",
        "Muscle spasm on the right side of the lower back, no pain in the legs.",
        "Dull central low back pain, sleeping fine, no leg symptoms.",
    ),
    "soon": (
        "Pain shooting down the right leg below the knee with pins and needles in the foot, no better this month.",
        "Pain down the back of the left leg to the calf, worse on coughing and sneezing.",
        "Not improving despite the exercises and regular painkillers.",
        "Wakes at night with the pain, which eases once {he} is up and moving.",
    ),
    "urgent": (
        "Temperature 38.6 with shivers, and the back pain is constant and worse at night.",
        "Known breast cancer; new constant upper back pain that wakes {him} at night.",
        "Minor fall at home yesterday; takes long-term prednisolone for asthma, sharp pain over the spine.",
        "The left foot has become weak since yesterday and {he} is catching {his} toes when walking.",
    ),
    "emergency": (
        "Since last night {he} cannot feel the toilet paper when wiping and has not passed urine today.",
        "New numbness around the back passage and difficulty starting to pass urine since this morning.",
        "Sudden severe tearing pain through to the back, pale and sweaty, feels faint.",
        "Both legs have become weak over the last day and {he} is stumbling.",
    ),
}
#: Of every 20 notes: 9 self-care, 6 soon, 3 urgent, 2 emergency (by what the note describes).
MIX = ("self-care",) * 9 + ("soon",) * 6 + ("urgent",) * 3 + ("emergency",) * 2


def clinical_note(i: int) -> tuple[str, str]:
    """Note number ``i``: what it describes (its kind) and its words; no two numbers give the same words."""
    slot = i % len(MIX)
    kind = MIX[slot]
    n = (i // len(MIX)) * MIX.count(kind) + MIX[:slot].count(kind)  # the n-th note of its kind
    parts: Any = (CORE[kind], TREATMENT, JOB, TRIGGER, WHEN_LONGER if kind == "soon" else WHEN, SEX)
    combos = math.prod(len(p) for p in parts)
    j = (n % combos) * 7919 % combos  # 7919 is prime to every count: each n below combos picks other parts
    picks = []
    for options in parts:
        picks.append(options[j % len(options)])
        j //= len(options)
    core, treatment, job, trigger, when, (sex, he, his) = picks
    core = core.format(he=he, him="him" if he == "he" else "her", his=his)
    again = f" Review number {n // combos + 1}." if n >= combos else ""
    return kind, f"A {sex} with low back pain {when} {trigger}. Works as {job}. {core} {treatment}{again}"


def encoded(note: str) -> str:
    return base64.b64encode(note.encode()).decode()


def hook_request(note_data: str) -> dict[str, Any]:
    """A patient-view call with everything prefetched; ``note_data`` is the note's base64 text."""
    patient, subject = "1288992", {"reference": "Patient/1288992"}
    clinical = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]}
    condition = {"resourceType": "Condition", "id": "lbp", "clinicalStatus": clinical, "subject": subject,
                 "code": {"coding": [{"system": "http://snomed.info/sct", "code": "279039007"}]}}  # fmt: skip
    pain = {"resourceType": "Observation", "id": "nrs", "status": "final", "subject": subject,
            "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
            "effectiveDateTime": "2026-12-01", "valueInteger": 7}  # fmt: skip
    document = {"resourceType": "DocumentReference", "id": "note-1", "status": "current", "subject": subject,
                "date": "2026-12-01T09:15:00Z",
                "content": [{"attachment": {"contentType": "text/plain", "data": note_data}}]}  # fmt: skip

    def search(resource: dict[str, Any]) -> dict[str, Any]:
        return {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": resource}]}

    prefetch = {"patient": {"resourceType": "Patient", "id": patient, "gender": "male", "birthDate": "1974-12-25"},
                "conditions": search(condition), "observations": search(pain), "note": search(document)}  # fmt: skip
    context = {"userId": "Practitioner/example", "patientId": patient, "encounterId": "89284"}
    return {"hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "hook": "patient-view", "context": context,
            "prefetch": prefetch}  # fmt: skip


def distinct_notes(first: int, count: int) -> list[str]:
    """Notes ``first`` ... as base64, in the order a phase sends them."""
    return [encoded(clinical_note(i)[1]) for i in range(first, first + count)]


# --- The server, asked for its memo -------------------------------------------------------------


def serving_pids(pid: int) -> list[int]:
    """The processes that answer requests: uvicorn's workers (spawned by multiprocessing), else the server."""
    children = [int(c) for f in Path(f"/proc/{pid}/task").glob("*/children") for c in f.read_text().split()]
    spawned = [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
    return spawned or [pid]


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    base: str
    stats: Path
    workers: int

    def memo(self) -> tuple[int, int]:
        """The memo's (hits, misses) since the server started, asked of each worker, summed."""
        pids = serving_pids(self.proc.pid)
        if len(pids) != self.workers:
            raise SystemExit(f"the server runs {len(pids)} workers, not {self.workers}")
        files = [self.stats / f"{pid}.json" for pid in pids]
        for pid, file in zip(pids, files, strict=True):
            file.unlink(missing_ok=True)
            os.kill(pid, signal.SIGUSR1)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if all(f.exists() for f in files):
                counts = [json.loads(f.read_text()) for f in files]
                return sum(int(c["hits"]) for c in counts), sum(int(c["misses"]) for c in counts)
            time.sleep(0.05)
        raise SystemExit("the server's workers did not report their memo in 10 s")

    def settle(self) -> tuple[int, int]:
        """The memo's counts once the server is idle: wrk stops with requests still queued, which the
        server answers anyway; measuring the next phase over them would count their time twice."""
        deadline, last = time.monotonic() + 30, self.memo()
        while time.monotonic() < deadline:
            time.sleep(0.3)  # about 20 readings' time: no new lookup in it means nothing is queued
            now = self.memo()
            if now == last:
                return now
            last = now
        raise SystemExit("the server was still busy 30 s after the load stopped")


def start_server(data: Path, workers: int) -> Server:
    port, stats = free_port(), data / "memo"
    stats.mkdir()
    cmd = [sys.executable, str(Path(__file__).with_name("cds_hooks_server.py").resolve()), str(port), str(workers)]
    proc = launch(cmd, port, data, {"BACKCARE_WEB_CDS_TOKEN": TOKEN, MEMO_STATS: str(stats)})
    return Server(proc, f"http://127.0.0.1:{port}", stats, workers)


# --- Load generation (wrk) ------------------------------------------------------------------------

WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %(token)s"
local before, after, notes, next_first = [==[%(before)s]==], [==[%(after)s]==], {%(notes)s}, 0
function setup(thread) thread:set("position", next_first); next_first = next_first + 1 end
function request()
  local note = notes[(position %% #notes) + 1]
  position = position + %(threads)d
  return wrk.format(nil, nil, nil, before .. note .. after)
end
"""


def parse_wrk(text: str) -> dict[str, float]:
    def ms(value: str, unit: str) -> float:
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    rps, non2xx = re.search(r"Requests/sec:\s+([\d.]+)", text), re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out = {"rps": float(rps.group(1)) if rps else 0.0, "non2xx": float(non2xx.group(1)) if non2xx else 0.0}
    for pct in ("50", "99"):
        found = re.search(rf"^\s+{pct}(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        out[f"p{pct}"] = ms(*found.groups()) if found else float("nan")
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    out["socket_errors"] = float(sum(int(g) for g in sockets.groups())) if sockets else 0.0
    return out


def measure(url: str, seconds: int, connections: int, notes: list[str] | None) -> dict[str, float]:
    """One phase with ``wrk``: ``GET`` (no notes) or ``POST`` of the notes in order; latencies in ms."""
    cmd = ["wrk", f"-t{WRK_THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    with tempfile.TemporaryDirectory() as folder:
        if notes is not None:
            before, after = json.dumps(hook_request("@@NOTE@@")).split("@@NOTE@@")  # wrk splices each note in
            listed = ",".join(f'"{n}"' for n in notes)
            fill = {"token": TOKEN, "before": before, "after": after, "notes": listed, "threads": WRK_THREADS}
            path = Path(folder) / "post.lua"
            path.write_text(WRK_SCRIPT % fill)
            cmd += ["-s", str(path)]
        done = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=seconds + 60, check=True)
    return parse_wrk(done.stdout)


# --- The report -----------------------------------------------------------------------------------


def card_kind(base: str, note_data: str) -> str:
    """What the service's first card for one note says, in the notes' terms (or "no card")."""
    import httpx

    headers = {"Authorization": f"Bearer {TOKEN}"}
    r = httpx.post(f"{base}/cds-services/{SERVICE}", json=hook_request(note_data), headers=headers, timeout=60)
    if r.status_code != 200:
        raise SystemExit(f"the service answered {r.status_code}: {r.text[:300]}")
    card = (r.json()["cards"] or [None])[0]
    if card is None:
        return "no card"
    if card["indicator"] != "info":
        return "emergency" if card["indicator"] == "critical" else "urgent"
    return "soon" if card["summary"].startswith("Back pain: GP or physiotherapy") else "self-care"


def sample_mix(base: str) -> str:
    """Send a sample of the notes one by one: what they describe against the cards they get."""
    notes = [clinical_note(i) for i in range(SAMPLE_FIRST, SAMPLE_FIRST + SAMPLE_SIZE)]
    described, got = Counter(k for k, _ in notes), Counter(card_kind(base, encoded(n)) for _, n in notes)
    order = ("self-care", "soon", "urgent", "emergency", "no card")

    def show(counts: Counter[str]) -> str:
        return ", ".join(f"{k} {counts[k]}" for k in order if counts[k])

    return f"{SAMPLE_SIZE} sample notes describe: {show(described)}; their cards say: {show(got)}"


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def spread(values: list[float], fmt: str) -> str:
    return f"median {statistics.median(values):{fmt}} (spread {min(values):{fmt}}-{max(values):{fmt}})"


@dataclass(frozen=True)
class Round:
    healthz: dict[str, float]
    hook: dict[str, float]
    hits: int
    misses: int
    pool: int

    def ratio(self, key: str) -> float:
        return ratio(self.hook[key], self.healthz[key])

    def line(self, n: int, label: str) -> str:
        h, k, lookups = self.healthz, self.hook, self.hits + self.misses
        return (
            f"round {n} [{label}]: healthz {h['rps']:.0f} req/s p50 {h['p50']:.1f} ms p99 {h['p99']:.1f} ms | "
            f"hook {k['rps']:.1f} req/s p50 {k['p50']:.1f} ms p99 {k['p99']:.1f} ms | hook/healthz p50 "
            f"x{self.ratio('p50'):.1f} p99 x{self.ratio('p99'):.1f} req/s x{self.ratio('rps'):.3f} | memo hits "
            f"{self.hits} of {lookups} ({ratio(self.hits, lookups):.1%}), {self.pool} distinct notes in the phase | "
            f"errors {int(k['non2xx'] + k['socket_errors'])}"
        )


def run_round(server: Server, n: int, seconds: int, connections: int, notes: list[str]) -> Round:
    """healthz and the hook, alternating which goes first; the memo's counts around the hook phase."""
    got: dict[str, dict[str, float]] = {}
    hits = misses = 0
    for which in ["healthz", "hook"] if n % 2 == 0 else ["hook", "healthz"]:
        if which == "healthz":
            got[which] = measure(f"{server.base}/healthz", seconds, connections, None)
            continue
        hits0, misses0 = server.memo()
        got[which] = measure(f"{server.base}/cds-services/{SERVICE}", seconds, connections, notes)
        hits1, misses1 = server.settle()
        hits, misses = hits1 - hits0, misses1 - misses0
    return Round(got["healthz"], got["hook"], hits, misses, len(notes))


def summary(rows: list[Round], label: str) -> list[str]:
    """Median and spread over the rounds: the ratios first, absolute figures for context."""
    hits, misses = sum(r.hits for r in rows), sum(r.misses for r in rows)
    p99 = [r.hook["p99"] for r in rows]
    verdict = "met" if statistics.median(p99) < TARGET_P99_MS else "NOT met"
    return [
        f"summary over {len(rows)} rounds [{label}]:",
        f"  hook/healthz p99 ratio: {spread([r.ratio('p99') for r in rows], '.1f')}",
        f"  hook/healthz p50 ratio: {spread([r.ratio('p50') for r in rows], '.1f')}",
        f"  hook/healthz req/s ratio: {spread([r.ratio('rps') for r in rows], '.4f')}",
        f"  memo hit rate: {ratio(hits, hits + misses):.1%} ({hits} hits, {misses} notes assessed)",
        f"  for context, absolute on this shared machine: hook p99 {spread(p99, '.0f')} ms, "
        f"healthz p99 {spread([r.healthz['p99'] for r in rows], '.1f')} ms",
        f"  target hook p99 < {TARGET_P99_MS:.0f} ms (CDS Hooks: 'on the order of 500 ms'): {verdict}",
    ]


def bench(server: Server, args: argparse.Namespace, label: str) -> list[Round]:
    """Sample (or check) the answers, warm up, then the rounds; each round's notes never sent before."""
    seconds, rounds = args.seconds, args.rounds
    if args.repeat:
        notes = [encoded(clinical_note(REPEATED)[1])]
        print(f"the repeated note gets: {card_kind(server.base, notes[0])}")
    else:
        print(sample_mix(server.base))
        notes = distinct_notes(0, 1000)
    measure(f"{server.base}/healthz", 2, args.connections, None)  # warm-up
    warm = measure(f"{server.base}/cds-services/{SERVICE}", 2, args.connections, notes)
    server.settle()
    first, pool = len(notes), min(20_000, max(300, int(warm["rps"] * seconds * 3)))
    rows = []
    for n in range(rounds):
        if not args.repeat:
            notes, first = distinct_notes(first, pool), first + pool
        rows.append(run_round(server, n, seconds, args.connections, notes))
        print(rows[-1].line(n + 1, label))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--seconds", type=int, default=8, help="length of each measurement (max 60)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of healthz + hook (max 10)")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="the server's worker processes (1-8)")
    parser.add_argument("--repeat", action="store_true", help="the same note every time: measures the memo")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("this benchmark needs wrk (Debian package wrk) as its load generator")
    args.seconds, args.rounds = max(1, min(args.seconds, 60)), max(1, min(args.rounds, 10))
    args.workers = max(1, min(args.workers, 8))
    workers = f"{args.workers} worker{'s' if args.workers > 1 else ''}"
    label = f"{'MEMOISED: same note' if args.repeat else 'distinct notes'}, {workers}"
    what = "the memo (one note, repeated)" if args.repeat else "reading and assessing a different note each time"
    print(
        f"backcare CDS Hooks bench: 1 server ({workers}), {args.connections} connections, {args.rounds} rounds "
        f"of {args.seconds} s per endpoint, load generator: wrk\nmode: {label}: measures {what}"
    )
    with tempfile.TemporaryDirectory(prefix="backcare-bench-cds-") as folder:
        server = start_server(Path(folder), args.workers)
        try:
            rows = bench(server, args, label)
        finally:
            server.proc.terminate()
            try:
                server.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.proc.kill()
    print("\n".join(summary(rows, label)))


if __name__ == "__main__":
    main()
