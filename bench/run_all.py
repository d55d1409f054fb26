"""``make bench``: runs the benchmarks and prints their figures as one table.

Each benchmark appends its rows (median [min-max] over rounds, the reference measured in the same
run and the ratio to it) to a file; the full output of each is kept beside it for reading. The
other ``bench/bench_*.py`` scripts (the reader, CDS Hooks, the conversation, the diary at scale)
run too, after the table's, and their outputs are kept the same way.

Usage: python bench/run_all.py [--quick] [--only web,assess,...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from figures import load, table

HERE = Path(__file__).parent
BENCHES = {  # the ones that report rows for the table
    "startup": ["bench_startup.py"],
    "assess": ["bench_assess.py"],
    "diary": ["bench_diary.py"],
    "text": ["bench_text.py"],
    "web": ["bench_web.py"],
}
QUICK = {
    "startup": ["--rounds", "3"],
    "assess": ["--count", "500", "--rounds", "3"],
    "diary": ["--rounds", "1"],
    "text": ["--rounds", "1"],
    "web": ["--seconds", "3", "--rounds", "1"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a rough look, not a measurement")
    others = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py") if p.stem[6:] not in BENCHES)
    parser.add_argument(
        "--only", default=",".join([*BENCHES, *others]), help="comma-separated: " + ", ".join([*BENCHES, *others])
    )
    args = parser.parse_args()
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(chosen) - set(BENCHES) - set(others)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    out = Path(tempfile.mkdtemp(prefix="backcare-bench-"))
    rows_file = out / "rows.jsonl"
    failed = []
    for name in chosen:
        began = time.monotonic()
        if name in BENCHES:
            command = [sys.executable, str(HERE / BENCHES[name][0]), "--rows", str(rows_file)]
            command += QUICK[name] if args.quick else []
        else:
            command = [sys.executable, str(HERE / f"bench_{name}.py")]
        with (out / f"{name}.txt").open("w") as log:
            done = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, check=False)
        status = "ok" if done.returncode == 0 else f"FAILED ({done.returncode})"
        print(f"{name}: {status} in {time.monotonic() - began:.0f} s", file=sys.stderr)
        if done.returncode:
            failed.append(name)
    print(table(load(rows_file)) if rows_file.exists() else "no figures")
    print(f"\nfull outputs: {out}/NAME.txt" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
