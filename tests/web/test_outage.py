"""An unavailable database: every page and API route answers 503 with Retry-After, never 500,
and the next request after recovery succeeds without a restart."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from fastapi.routing import APIRoute
from starlette.testclient import TestClient

from backcare.entrypoints.web.app import create_app
from backcare.entrypoints.web.settings import Settings

from .conftest import CLEAR, csrf_of, register
from .live import live_server
from .tcp_proxy import Proxy

PASSWORD = "correct horse battery"
SOME_ID = "00000000-0000-4000-8000-000000000000"
#: Interoperability services answer in their own formats (and 503 when not configured); here they
#: must only never answer 500.
OTHER_SERVICES = ("/cds-services", "/fhir")
#: Routes that cannot answer without the database.
NEEDS_DATABASE = {
    ("GET", "/diary"),
    ("GET", "/assessments"),
    ("GET", "/account/export.json"),
    ("POST", "/diary"),
    ("GET", "/api/v1/diary/entries"),
    ("POST", "/api/v1/diary/entries"),
    ("GET", "/api/v1/assessments"),
    ("POST", "/api/v1/assessments"),
    ("GET", "/api/v1/export"),
    ("GET", "/api/v1/diary/trend"),
    ("DELETE", "/api/v1/account"),
}


def routes(app: Any) -> Iterator[tuple[str, str]]:
    """(method, path) of every route, through included routers."""

    def walk(items: Any, prefix: str) -> Iterator[tuple[str, str]]:
        for r in items:
            if isinstance(r, APIRoute):
                for method in sorted(r.methods):
                    yield method, prefix + r.path
            elif hasattr(r, "original_router"):
                yield from walk(r.original_router.routes, prefix + getattr(r.include_context, "prefix", ""))
            elif hasattr(r, "routes") and not getattr(r, "path", "").startswith("/static"):
                yield from walk(r.routes, prefix + getattr(r, "path", ""))

    yield from walk(app.routes, "")


def request(client: TestClient, method: str, path: str, token: str) -> Any:
    url = path.replace("{assessment_id}", SOME_ID).replace("{entry_id}", SOME_ID)
    headers = {"x-csrf-token": token}
    if method in ("GET", "DELETE"):
        return client.request(method, url, headers=headers)
    if url.startswith("/api/"):
        body: dict[str, Any] = {"pain": 3}
        if "assess" in url:
            body = {"answers": {**CLEAR, "trigger_lifting": True}}
        elif "/auth/" in url:
            body = {"username": "ann", "password": PASSWORD}
        return client.request(method, url, json=body, headers=headers)
    form = {
        "csrf_token": token,
        "pain": "3",
        "step": "describe",
        "text": "sore back after lifting",
        "confirm": "delete",
        "username": "ann",
        "password": PASSWORD,
        "password2": PASSWORD,
    }
    return client.request(method, url, data=form)


def break_and_check(app: Any, client: TestClient, token: str, folder: Path) -> Counter[int]:
    away = folder.with_name(folder.name + "-away")
    folder.rename(away)  # the database file is gone: no connection can open it
    app.state.ctx.store.engine.dispose()
    seen: Counter[int] = Counter()
    try:
        found = list(routes(app))
        assert len(found) >= 40, found
        for method, path in found:
            r = request(client, method, path, token)
            seen[r.status_code] += 1
            assert r.status_code != 500 and r.status_code < 600, (method, path, r.status_code, r.text[:200])
            if r.status_code == 503 and not path.startswith(OTHER_SERVICES):
                assert int(r.headers.get("retry-after", 0)) > 0, (method, path, r.text[:300])
                if path == "/healthz":
                    assert r.json()["database"] == "unavailable"
                elif path.startswith("/api/"):
                    assert r.json()["message"] == "the database is not available"
                else:
                    assert r.headers["content-type"].startswith("text/html") and "Try again" in r.text
            elif (method, path) in NEEDS_DATABASE:
                pytest.fail(f"{method} {path} answered {r.status_code} without a database")
    finally:
        away.rename(folder)
    return seen


@pytest.mark.parametrize("multi_user", [False, True])
def test_every_route_answers_503_when_sqlite_is_unavailable(tmp_path, multi_user):
    folder = tmp_path / "db"
    folder.mkdir()
    app = create_app(Settings(database_url=f"sqlite:///{folder / 'web.db'}", warm_up=False, multi_user=multi_user))
    base = "https://backcare.test" if multi_user else "http://127.0.0.1:8000"
    client = TestClient(app, base_url=base, client=("127.0.0.1", 50000))
    token = register(client, "ann")["csrf_token"] if multi_user else csrf_of(client.get("/diary").text)
    seen = break_and_check(app, client, token, folder)
    assert seen[503] >= len(NEEDS_DATABASE)
    # Recovery needs no restart.
    r = client.post("/api/v1/diary/entries", json={"pain": 4}, headers={"x-csrf-token": token})
    assert r.status_code == 201, r.text
    assert client.get("/diary").status_code == 200


def _through(url: str, port: int) -> str:
    parts = urlsplit(url)
    host = f"{parts.username}:{parts.password}@127.0.0.1:{port}" if parts.username else f"127.0.0.1:{port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _load(base: str, token: str, cookies: httpx.Cookies, stop: threading.Event, log: list[tuple[Any, ...]]) -> None:
    """Writes and reads until stopped, logging (started, ended, status, Retry-After) of each request."""
    with httpx.Client(base_url=base, timeout=30, cookies=cookies) as client:
        i = 0
        while not stop.is_set():
            i += 1
            started = time.monotonic()
            try:
                if i % 3 == 0:
                    r = client.post("/api/v1/diary/entries", json={"pain": i % 11}, headers={"x-csrf-token": token})
                elif i % 3 == 1:
                    r = client.get("/api/v1/diary/entries")
                else:
                    r = client.get("/diary")
                log.append((started, time.monotonic(), r.status_code, r.headers.get("retry-after")))
            except httpx.HTTPError as exc:
                log.append((started, time.monotonic(), type(exc).__name__, None))


@pytest.mark.postgres
def test_postgres_going_away_under_load_gives_only_503(tmp_path, postgres_url):
    """The database connection is cut (and new ones refused) for 5 s while 4 clients keep writing and reading."""
    parts = urlsplit(postgres_url)
    proxy = Proxy((parts.hostname or "127.0.0.1", parts.port or 5432))
    try:
        url = _through(postgres_url, proxy.port)
        with live_server(tmp_path, "--multi-user", "--insecure-cookies", "--workers", "2", database_url=url) as base:
            clients = []
            for n in range(4):
                c = httpx.Client(base_url=base, timeout=30)
                r = c.post("/api/v1/auth/register", json={"username": f"load{n}", "password": PASSWORD})
                assert r.status_code == 201, r.text
                clients.append((r.json()["csrf_token"], c.cookies))
            stop, log = threading.Event(), []
            threads = [threading.Thread(target=_load, args=(base, t, k, stop, log)) for t, k in clients]
            for t in threads:
                t.start()
            time.sleep(2)
            cut_at = time.monotonic()
            proxy.cut()
            time.sleep(5)
            back_at = time.monotonic()
            proxy.restore()
            time.sleep(4)
            stop.set()
            for t in threads:
                t.join(60)
    finally:
        proxy.close()
    # A request that read the database just before the cut may still finish rendering after it, so
    # "during" counts requests that started once the cut was in place.
    during = Counter(status for started, ended, status, _ in log if cut_at + 0.5 < started and ended < back_at)
    everything = Counter(status for _, _, status, _ in log)
    assert 500 not in everything, everything
    assert during and set(during) == {503}, during
    assert all(retry for _, _, status, retry in log if status == 503)
    after = [status for started, _, status, _ in log if started > back_at + 2]
    assert after and set(after) <= {200, 201}, Counter(after)
