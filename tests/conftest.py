"""Shared pytest fixtures.

Storage fixtures: every test gets its own data directory (``BACKCARE_DATA_DIR``), so nothing ever
touches the real user data directory. ``db_url`` runs a test against SQLite and against PostgreSQL;
the PostgreSQL server comes from ``BACKCARE_TEST_POSTGRES_URL`` (``.ci/postgres.sh`` prints one).
In CI (``CI`` set) a missing or unreachable server fails the PostgreSQL tests; elsewhere they skip
with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# The readers' catch-alls keep a reading bug from stopping the triage in production; in tests a
# crash must fail the test instead (subprocesses the tests start inherit this too).
os.environ["BACKCARE_STRICT_READING"] = "1"

POSTGRES_ENV = "BACKCARE_TEST_POSTGRES_URL"
_pg_ran: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: runs against the PostgreSQL server in BACKCARE_TEST_POSTGRES_URL")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point backcare's storage at a fresh folder: tests never see the real user data directory."""
    folder = tmp_path_factory.mktemp("backcare-data")
    monkeypatch.setenv("BACKCARE_DATA_DIR", str(folder))
    monkeypatch.delenv("BACKCARE_DATABASE_URL", raising=False)
    monkeypatch.setenv("BACKCARE_TZ", "Europe/London")
    return folder


def _postgres_base_url() -> str:
    """The server URL, or fail (CI) / skip (elsewhere) with the reason."""
    in_ci = bool(os.environ.get("CI"))
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        reason = f"{POSTGRES_ENV} is not set (run `bash .ci/postgres.sh` and export the URL it prints)"
        if in_ci:
            pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
        pytest.skip(reason)
    try:
        import psycopg

        plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
        with psycopg.connect(plain, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:
        reason = f"PostgreSQL at {POSTGRES_ENV} is unreachable: {str(exc).strip().splitlines()[0]}"
        if in_ci:
            pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
        pytest.skip(reason)
    return url


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A URL whose search_path is a fresh schema, dropped afterwards: tests never share tables."""
    base = _postgres_base_url()
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    plain = base.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    _pg_ran.append(request.node.nodeid)
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'db' / 'backcare.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test against SQLite and against PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'backcare.db'}"
    return str(request.getfixturevalue("postgres_url"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say in the log how many tests ran against a real PostgreSQL server."""
    if _pg_ran:
        terminalreporter.write_line(f"PostgreSQL storage tests: {len(_pg_ran)} ran against a real PostgreSQL server")
