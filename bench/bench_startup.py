"""Start-up cost of the command line against a bare interpreter, interleaved in one run.

Each round runs ``python -c pass`` and then every command once, so a busy moment hits both; each
figure is the median [min-max] wall time over the rounds and its ratio to the bare interpreter in
the same round. Target: ``backcare --help`` under 0.3 s in every round (5 by default).

Usage: python bench/bench_startup.py [--rounds 5] [--rows FILE]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from figures import compile_package, emit, ratios, row

BACKCARE = Path(sys.executable).with_name("backcare")
TARGET_HELP_S = 0.3
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "backcare --help": [str(BACKCARE), "--help"],
    "backcare --version": [str(BACKCARE), "--version"],
    "backcare assess --help": [str(BACKCARE), "assess", "--help"],
}


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rows", default=None, help="append the result rows to this file (JSON lines)")
    args = parser.parse_args()
    compile_package()
    for command in COMMANDS.values():
        seconds(command)  # warm the file cache: the first run of anything reads from disk
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(max(1, args.rounds)):
        for name, command in COMMANDS.items():
            times[name].append(seconds(command) * 1000)
    bare = times["python -c pass"]
    rows = [row("startup", "python -c pass", "ms", bare)]
    for name in list(COMMANDS)[1:]:
        extra = {}
        if name == "backcare --help":
            extra = {"target": "< 300 ms every round", "met": max(times[name]) < TARGET_HELP_S * 1000}
        ratio = statistics.median(ratios(times[name], bare))
        rows.append(row("startup", name, "ms", times[name], reference="python -c pass", ratio=ratio, **extra))
    emit(rows, args.rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
