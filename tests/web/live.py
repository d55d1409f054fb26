"""A real ``backcare serve`` (any options, SQLite or PostgreSQL) for tests that need real workers."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, proc: subprocess.Popen[bytes], log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"backcare serve exited: {log.read_text()[-3000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"backcare serve did not start within {seconds} s")
        time.sleep(0.2)


@contextlib.contextmanager
def live_server(tmp_path: Path, *options: str, database_url: str | None = None) -> Iterator[str]:
    """``backcare serve OPTIONS`` on a free loopback port; yields the base URL, stops it afterwards."""
    port = free_port()
    data = tmp_path / f"live-{port}"
    data.mkdir()
    env = {**os.environ, "BACKCARE_DATA_DIR": str(data), "BACKCARE_TZ": "Europe/London"}
    env.pop("BACKCARE_DATABASE_URL", None)
    if database_url:
        env["BACKCARE_DATABASE_URL"] = database_url
    log_path = tmp_path / f"server-{port}.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "backcare"), "serve", "--port", str(port), *options],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(port, proc, log_path)
            yield f"http://127.0.0.1:{port}"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
