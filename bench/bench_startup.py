"""Start-up cost of the command line: `backcare --help` against a bare interpreter, in one run.

Reports the median wall time of each over repeated runs and their ratio; the target is that
`backcare --help` stays under 0.3 s on the project's reference machine (2 cores).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 15
BACKCARE = Path(sys.executable).with_name("backcare")


def median_seconds(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    bare = median_seconds([sys.executable, "-c", "pass"])
    rows = {
        "python -c pass": bare,
        "backcare --help": median_seconds([str(BACKCARE), "--help"]),
        "backcare --version": median_seconds([str(BACKCARE), "--version"]),
        "backcare assess --help": median_seconds([str(BACKCARE), "assess", "--help"]),
    }
    for name, seconds in rows.items():
        print(f"{name:28s} {seconds * 1000:7.1f} ms   x{seconds / bare:5.1f} of bare python")
    verdict = "OK" if rows["backcare --help"] < 0.3 else "OVER TARGET"
    print(f"backcare --help target < 300 ms: {verdict}")


if __name__ == "__main__":
    main()
