"""Fixtures of the web tests: in-process clients (httpx through Starlette's TestClient), a real
uvicorn server on a free loopback port, and Debian's Chromium driven by Playwright.

Browser tests never download a browser: Playwright launches the binary of Debian's ``chromium``
package (``.ci/browser.sh`` installs it). In CI (``CI`` set) a missing Chromium fails the browser
tests; elsewhere they skip with the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")

from starlette.testclient import TestClient  # noqa: E402

from backcare.bootstrap import knowledge  # noqa: E402
from backcare.entrypoints.web.app import create_app  # noqa: E402
from backcare.entrypoints.web.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("BACKCARE_TEST_ARTIFACTS", ROOT / "test-artifacts" / "web"))
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
#: Every screening question answered "no": a structured case with nothing alarming.
CLEAR: dict[str, Any] = {fid: False for fid, f in knowledge().findings.items() if f.screening}
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def csrf_of(html: str) -> str:
    found = CSRF_RE.search(html)
    assert found, "page has no CSRF token"
    return found.group(1)


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {"database_url": f"sqlite:///{tmp_path / 'web.db'}", "warm_up": False}
        values.update(overrides)
        return Settings(**values)

    return make


@pytest.fixture
def local_client(make_settings: Callable[..., Settings]) -> Iterator[TestClient]:
    """Local mode, as a browser on this computer sees it."""
    app = create_app(make_settings())
    with TestClient(app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 50000)) as client:
        yield client


@pytest.fixture
def multi_app(make_settings: Callable[..., Settings]) -> Callable[..., Any]:
    """Multi-user apps (HTTPS-style secure cookies) on one shared database; call with overrides."""

    def make(**overrides: Any) -> Any:
        return create_app(make_settings(multi_user=True, **overrides))

    return make


def https_client(app: Any) -> TestClient:
    return TestClient(app, base_url="https://backcare.test", client=("203.0.113.7", 40000))


def register(client: TestClient, name: str, password: str = "correct horse battery") -> dict[str, Any]:
    """A new account through the API; returns the session info (with the CSRF token)."""
    r = client.post("/api/v1/auth/register", json={"username": name, "password": password, "timezone": "Europe/London"})
    assert r.status_code == 201, r.text
    info: dict[str, Any] = r.json()
    return info


# --- A real server and a real browser -------------------------------------------------------------


def chromium_path() -> str:
    """Debian's Chromium, or fail in CI / skip elsewhere with the reason."""
    path = os.environ.get("BACKCARE_CHROMIUM") or shutil.which("chromium")
    if not path:
        reason = "Debian's chromium is not installed (run `bash .ci/browser.sh`)"
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    path = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=path, args=LAUNCH_ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    context.set_default_timeout(20_000)
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


def screenshot(pg: Any, name: str) -> Path:
    """Save a full-page screenshot as a test artifact."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    return path
