"""The learned reader's speed and memory (not a test), beside the bare encoder in the same run.

Each text of the development vignettes is used once (distinct inputs, no cache: nothing in the text
path memoises results). Five rounds; each figure is the median with its range, and each rate is also
given as a ratio against the bare encoder forward pass over the same sentences, measured in the same
round. Then: a one-off `backcare assess --text` (a new process: load and read one text), median of 5
wall-clock runs, saying whether the vocabulary's patterns were compiled ahead (``make install``); and
the resident memory of `backcare serve` after 300 distinct text assessments.

Targets (issue): text to full assessment >= 30 texts/s after load on 2 cores; one-off under 3 s;
serve under 800 MB resident.

    python bench/bench_reader.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from figures import compile_package

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 22)
BIN = Path(sys.executable).parent


def texts() -> list[str]:
    pool: list[str] = []
    for path in [ROOT / "vignettes" / "dev.yaml", *sorted((ROOT / "vignettes" / "text").glob("*.yaml"))]:
        pool += [case["text"] for case in yaml.safe_load(path.read_text()) if case.get("text")]
    return list(dict.fromkeys(pool))


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):8.1f}  ({min(values):.1f}-{max(values):.1f})"


def in_process(corpus: list[str], rounds: int) -> None:
    from backcare.adapters.language import understand
    from backcare.adapters.learned.reading import packaged_model
    from backcare.adapters.learned.sentences import split
    from backcare.bootstrap import assess
    from backcare.knowledge import load_knowledge

    kb = load_knowledge()
    model = packaged_model()
    assess(text="warm up: my back hurts", today=TODAY, kb=kb)
    pairs = [
        (s.text, sentences[n - 1].text if n else "")
        for text in corpus
        for sentences in [split(text)]
        for n, s in enumerate(sentences)
    ]
    rows: dict[str, list[float]] = {"encoder": [], "rules": [], "assess": []}
    for _ in range(rounds):
        start = time.perf_counter()
        model.probabilities(pairs)
        rows["encoder"].append(len(corpus) / (time.perf_counter() - start))
        start = time.perf_counter()
        for text in corpus:
            understand(text, kb, TODAY)
        rows["rules"].append(len(corpus) / (time.perf_counter() - start))
        start = time.perf_counter()
        for text in corpus:
            assess(text=text, today=TODAY, kb=kb)
        rows["assess"].append(len(corpus) / (time.perf_counter() - start))
    print(f"{len(corpus)} distinct texts, {len(pairs)} sentences, {rounds} rounds (texts/s: median (range))")
    print(f"  bare encoder forward pass       {spread(rows['encoder'])}   ratio 1.00")
    for name, label in (("rules", "rule reader alone"), ("assess", "text to full assessment")):
        ratios = [a / e for a, e in zip(rows[name], rows["encoder"], strict=True)]
        print(f"  {label:31s} {spread(rows[name])}   ratio {statistics.median(ratios):.2f} of the encoder")
    print(
        f"  target: full assessment >= 30 texts/s -> {'met' if statistics.median(rows['assess']) >= 30 else 'NOT met'}"
    )


def one_off(runs: int = 5) -> None:
    from backcare.adapters.language import compiled

    compile_package()
    # the patterns are compiled ahead by ``make install``; without that file a run compiles them itself
    ahead = "compiled ahead" if compiled.load() else "compiled in each run (no current compiled_patterns.json)"
    times = []
    for n in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [str(BIN / "backcare"), "assess", "--text", f"my back locked up lifting box {n}, no numbness", "--no-save"],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - start
    print(f"one-off backcare assess --text: {spread(times)} s over {runs} runs (bare python {bare:.2f} s)")
    print(f"  patterns {ahead}")
    print(f"  target: under 3 s -> {'met' if statistics.median(times) < 3 else 'NOT met'}")


def serve_memory(corpus: list[str], requests: int = 300) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "BACKCARE_DATA_DIR": str(ROOT / "test-artifacts" / "bench-reader")}
    server = subprocess.Popen(
        [str(BIN / "backcare"), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        for n in range(requests):
            body = json.dumps({"text": f"{corpus[n % len(corpus)]} (note {n})", "today": TODAY.isoformat()}).encode()
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/v1/assess", body, {"content-type": "application/json"}
            )
            urllib.request.urlopen(request, timeout=30).read()
        rss = _rss_mb(server.pid)
        print(f"backcare serve after {requests} distinct text assessments: {rss:.0f} MB resident (process tree)")
        print(f"  target: under 800 MB -> {'met' if rss < 800 else 'NOT met'}")
    finally:
        server.terminate()
        server.wait(timeout=10)


def _rss_mb(pid: int) -> float:
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    corpus = texts()
    in_process(corpus, args.rounds)
    one_off()
    serve_memory(corpus)


if __name__ == "__main__":
    main()
