"""Free-text throughput: understanding and assessing 1,000 texts, and the one-time load cost.

Measured in one run: the load (knowledge base + language pipeline) once; one pass over the corpus to
fill the per-word caches (so the first timed loop does not pay for them); then rounds in which
spaCy's bare tokenizer (the reference), ``understand`` and ``assess`` run over the same texts in
turn. Each figure is the median [min-max] over rounds, as a ratio to the reference in the same
round; ``backcare assess --jsonl`` (start-up included) is timed once. Target: ``assess`` at least
200 texts/s after load.

Usage: python bench/bench_text.py [--rounds 3] [--rows FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from figures import emit, ratios, row

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 22)
COUNT = 1000


def texts() -> list[str]:
    """1,000 texts cycled from the project's vignettes (varied styles and lengths)."""
    pool: list[str] = []
    for path in [ROOT / "vignettes" / "dev.yaml", *sorted((ROOT / "vignettes" / "text").glob("*.yaml"))]:
        pool += [case["text"] for case in yaml.safe_load(path.read_text()) if case.get("text")]
    return [pool[i % len(pool)] for i in range(COUNT)]


def rate(call: object, corpus: list[str]) -> float:
    """Texts per second of CPU time for ``call`` over ``corpus``."""
    began = time.thread_time()
    for text in corpus:
        call(text)  # type: ignore[operator]
    return len(corpus) / (time.thread_time() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", default=None, help="append the result rows to this file (JSON lines)")
    args = parser.parse_args()
    corpus = texts()
    start = time.perf_counter()
    import spacy

    from backcare.adapters.language import understand
    from backcare.bootstrap import assess
    from backcare.knowledge import load_knowledge

    kb = load_knowledge()
    understand("warm up", kb, TODAY)
    load = time.perf_counter() - start
    for text in corpus:  # fill the per-word caches before anything is timed
        understand(text, kb, TODAY)

    bare = spacy.blank("en")
    rates: dict[str, list[float]] = {"tokenizer": [], "understand": [], "assess": []}
    for _ in range(max(1, args.rounds)):
        rates["tokenizer"].append(rate(bare, corpus))
        rates["understand"].append(rate(lambda t: understand(t, kb, TODAY), corpus))
        rates["assess"].append(rate(lambda t: assess(text=t, today=TODAY, kb=kb), corpus))

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

    print(f"texts: {COUNT} (from the project's vignettes), {args.rounds} rounds after a warm-up pass; CPU time")
    median_assess = sorted(rates["assess"])[len(rates["assess"]) // 2]
    rows = [
        row("text", "one-time load (knowledge base + language pipeline)", "s", [load]),
        row("text", "spaCy blank tokenizer (reference)", "texts/s", rates["tokenizer"]),
        row("text", "understand", "texts/s", rates["understand"], reference="tokenizer",
            ratio=sorted(ratios(rates["understand"], rates["tokenizer"]))[args.rounds // 2]),
        row("text", "assess (text -> full plan)", "texts/s", rates["assess"], reference="understand",
            ratio=sorted(ratios(rates["assess"], rates["understand"]))[args.rounds // 2],
            target=">= 200 texts/s", met=median_assess >= 200),
        row("text", "backcare assess --jsonl (start-up included, wall)", "texts/s", [COUNT / cli_seconds]),
    ]  # fmt: skip
    emit(rows, args.rows)


if __name__ == "__main__":
    main()
