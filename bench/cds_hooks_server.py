"""``backcare serve --multi-user`` for ``bench_cds_hooks.py``, each serving process telling its memo on SIGUSR1.

Usage (the bench starts it): python bench/cds_hooks_server.py PORT WORKERS, with ``BACKCARE_BENCH_MEMO_STATS``
naming a folder. On SIGUSR1 a serving process (this one with one worker, else each worker uvicorn
spawns: multiprocessing imports this script in each of them) writes its CDS memo's counts to
``<folder>/<pid>.json``; the bench signals the workers and sums the files.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

MEMO_STATS = "BACKCARE_BENCH_MEMO_STATS"


def answer_sigusr1(folder: Path) -> None:
    """On SIGUSR1, write this process's CDS memo counts to ``folder/<pid>.json``, whole, at once."""
    from backcare.adapters.interop.cds_evaluation import memo_stats

    def report(_signum: int, _frame: Any) -> None:
        now, out = memo_stats(), folder / f"{os.getpid()}.json"
        out.with_suffix(".tmp").write_text(json.dumps({"hits": now.hits, "misses": now.misses}))
        out.with_suffix(".tmp").replace(out)

    signal.signal(signal.SIGUSR1, report)


def serve(port: int, workers: int) -> None:
    """``backcare serve`` in this process (which serves alone with one worker, else supervises them)."""
    from backcare.entrypoints.cli import main as backcare

    answer_sigusr1(Path(os.environ[MEMO_STATS]))
    options = ["--multi-user", "--insecure-cookies", "--port", str(port), "--workers", str(workers)]
    sys.argv = ["backcare", "serve", *options]
    backcare()


if __name__ == "__mp_main__" and MEMO_STATS in os.environ:  # a worker the server spawned
    answer_sigusr1(Path(os.environ[MEMO_STATS]))
if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
