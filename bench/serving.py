"""Starting and watching ``backcare serve`` for the web benchmarks: a free port, readiness, memory."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int, data: Path, cache_bytes: int | None) -> subprocess.Popen[bytes]:
    env = {"BACKCARE_RESPONSE_CACHE_BYTES": str(cache_bytes)} if cache_bytes is not None else {}
    exe = Path(sys.executable).parent / "backcare"
    return launch([str(exe), "serve", "--port", str(port), "--workers", str(workers)], port, data, env)


def launch(cmd: list[str], port: int, data: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start a server command on a fresh local data folder and wait until ``/healthz`` answers."""
    import httpx

    full = {**os.environ, "BACKCARE_DATA_DIR": str(data), **env}
    full.pop("BACKCARE_DATABASE_URL", None)
    proc = subprocess.Popen(cmd, env=full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
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


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def rss_mb(pid: int) -> float:
    """Resident memory of the server's process tree (the workers are its children)."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, AttributeError):
            continue
        todo += [int(c) for c in children]
    return total
