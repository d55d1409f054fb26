"""Free-text throughput: `backcare assess --jsonl` over 1,000 texts, and the one-time load cost.

Measured in one run on this machine: the load (knowledge base + language pipeline) once, then
texts per second for understanding alone and for the whole assessment, in-process and through the
command line. Target: at least 200 texts/s after load.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 22)
COUNT = 1000


def texts() -> list[str]:
    """1,000 texts cycled from the project's vignettes (varied styles and lengths)."""
    pool: list[str] = []
    for path in [ROOT / "vignettes" / "dev.yaml", *sorted((ROOT / "vignettes" / "text").glob("*.yaml"))]:
        pool += [case["text"] for case in yaml.safe_load(path.read_text()) if case.get("text")]
    return [pool[i % len(pool)] for i in range(COUNT)]


def main() -> None:
    corpus = texts()
    start = time.perf_counter()
    from backcare.assessment import assess
    from backcare.knowledge import load_knowledge
    from backcare.language import understand

    kb = load_knowledge()
    understand("warm up", kb, TODAY)
    load = time.perf_counter() - start

    start = time.perf_counter()
    for text in corpus:
        understand(text, kb, TODAY)
    understand_rate = COUNT / (time.perf_counter() - start)

    start = time.perf_counter()
    for text in corpus:
        assess(text=text, today=TODAY, kb=kb)
    assess_rate = COUNT / (time.perf_counter() - start)

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text("".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(corpus)))
        backcare = Path(sys.executable).with_name("backcare")
        start = time.perf_counter()
        subprocess.run(
            [str(backcare), "assess", "--jsonl", str(source), "--format", "json", "--today", TODAY.isoformat()],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        cli_seconds = time.perf_counter() - start

    print(f"texts: {COUNT} (from the project's vignettes)")
    print(f"one-time load (knowledge base + language pipeline): {load:.2f} s")
    print(f"understand only:            {understand_rate:8.0f} texts/s")
    print(f"assess (text -> full plan): {assess_rate:8.0f} texts/s")
    print(f"backcare assess --jsonl:    {COUNT / cli_seconds:8.0f} texts/s including start-up and load")
    print(f"target >= 200 texts/s after load: {'OK' if assess_rate >= 200 else 'BELOW TARGET'}")


if __name__ == "__main__":
    main()
