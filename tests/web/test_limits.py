"""Attempt limits under concurrency, backoff instead of lockout, password rules, session lifetime."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import select, update
from starlette.testclient import TestClient

from backcare.adapters.storage.orm import AttemptCounterRow, LoginSessionRow

from .conftest import CLEAR, register
from .live import live_server

PASSWORD = "correct horse battery"


def client_at(app, address: str) -> TestClient:
    return TestClient(app, base_url="https://backcare.test", client=(address, 40000))


def login(client, name: str, password: str) -> httpx.Response:
    return client.post("/api/v1/auth/login", json={"username": name, "password": password})


def test_parallel_login_burst_checks_at_most_five_passwords(tmp_path, db_url):
    """100 guesses at once (2 workers) against one account: at most 5 passwords are checked."""
    with live_server(tmp_path, "--multi-user", "--insecure-cookies", "--workers", "2", database_url=db_url) as base:
        with httpx.Client(base_url=base, timeout=120) as setup:
            r = setup.post("/api/v1/auth/register", json={"username": "victim", "password": PASSWORD})
            assert r.status_code == 201, r.text

        limits = httpx.Limits(max_connections=100, max_keepalive_connections=0)
        with httpx.Client(base_url=base, timeout=120, limits=limits) as attacker:

            def guess(i: int) -> int:
                return login(attacker, "victim", f"wrong guess number {i}").status_code

            with ThreadPoolExecutor(max_workers=100) as pool:
                statuses = Counter(pool.map(guess, range(100)))
        assert statuses[401] <= 5, statuses  # 401 = a password was checked (and was wrong)
        assert statuses[401] + statuses[429] == 100, statuses

        # The real user, from another address, is delayed at most a moment, never locked out.
        transport = httpx.HTTPTransport(local_address="127.0.0.2")
        with httpx.Client(base_url=base, timeout=60, transport=transport) as user:
            r = login(user, "victim", PASSWORD)
            if r.status_code == 429:
                wait = int(r.headers["retry-after"])
                assert wait <= 5, r.headers
                time.sleep(wait)
                r = login(user, "victim", PASSWORD)
            assert r.status_code == 200, r.text


def test_an_attacker_exhausts_only_their_own_address(multi_app):
    app = multi_app(login_delay_seconds=0)
    register(client_at(app, "198.51.100.1"), "ann")
    attacker = client_at(app, "203.0.113.66")
    statuses = [login(attacker, "ann", f"not it {i}").status_code for i in range(8)]
    assert statuses == [401] * 5 + [429] * 3
    refused = login(attacker, "ann", PASSWORD)  # even the right password, from the attacker's address
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert login(client_at(app, "198.51.100.1"), "ann", PASSWORD).status_code == 200


def test_guesses_from_many_addresses_wait_longer_and_longer(multi_app):
    app = multi_app(login_delay_seconds=30)
    register(client_at(app, "198.51.100.1"), "bea")
    statuses = [login(client_at(app, f"203.0.113.{i}"), "bea", "not the one").status_code for i in range(1, 8)]
    assert statuses == [401] * 5 + [429] * 2
    r = login(client_at(app, "198.51.100.1"), "bea", PASSWORD)
    assert r.status_code == 429 and 25 <= int(r.headers["retry-after"]) <= 30
    with app.state.ctx.store.engine.begin() as conn:  # the delay has passed
        conn.execute(update(AttemptCounterRow).values(next_at=0))
    assert login(client_at(app, "198.51.100.1"), "bea", PASSWORD).status_code == 200


def test_registration_is_limited_per_address(multi_app):
    app = multi_app(register_max_per_ip=3)
    client = client_at(app, "203.0.113.9")
    for name in ("reg1", "reg2", "reg3"):
        register(client, name)
    r = client.post("/api/v1/auth/register", json={"username": "reg4", "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    page = client.get("/register")
    from .conftest import csrf_of

    form = {"username": "reg5", "password": PASSWORD, "password2": PASSWORD, "csrf_token": csrf_of(page.text)}
    assert client.post("/register", data=form).status_code == 429
    register(client_at(app, "203.0.113.10"), "reg6")


def test_public_assessment_is_limited_per_address_in_multi_user_mode(multi_app, local_client):
    app = multi_app(assess_max_per_minute=3)
    client = client_at(app, "203.0.113.20")
    body = {"answers": {**CLEAR, "trigger_lifting": True}}
    assert [client.post("/api/v1/assess", json=body).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert client_at(app, "203.0.113.21").post("/api/v1/assess", json=body).status_code == 200
    assert {local_client.post("/api/v1/assess", json=body).status_code for _ in range(5)} == {200}


@pytest.mark.parametrize(
    "password",
    ["          ", "password12", "aaaaaaaaaa", "qwertyuiop", "1234567890", "daniel-2026-01", "long enough\x00pass"],
)
def test_weak_passwords_are_refused(multi_app, password):
    client = client_at(multi_app(), "203.0.113.30")
    r = client.post("/api/v1/auth/register", json={"username": "daniel", "password": password})
    assert r.status_code == 422 and r.json()["field"] == "password", r.text


def test_sessions_end_at_their_absolute_lifetime(multi_app):
    app = multi_app(session_max_hours=72)
    client = client_at(app, "203.0.113.40")
    register(client, "gil")
    assert client.get("/api/v1/diary/entries").status_code == 200
    now = dt.datetime.now(dt.UTC)
    with app.state.ctx.store.engine.begin() as conn:  # in use all along, but logged in 73 hours ago
        conn.execute(
            update(LoginSessionRow).values(
                created_at=now - dt.timedelta(hours=73), last_seen_at=now, expires_at=now + dt.timedelta(hours=12)
            )
        )
    assert client.get("/api/v1/diary/entries").status_code == 401


def test_account_deletion_removes_its_attempt_counters(multi_app):
    app = multi_app()
    client = client_at(app, "203.0.113.50")
    info = register(client, "hal")
    for _ in range(2):
        assert login(client_at(app, "203.0.113.51"), "hal", "not the password").status_code == 401
    engine = app.state.ctx.store.engine
    with engine.connect() as conn:
        assert conn.execute(
            select(AttemptCounterRow.account_key).where(AttemptCounterRow.account_key.is_not(None))
        ).all()
    assert client.delete("/api/v1/account", headers={"x-csrf-token": info["csrf_token"]}).status_code == 204
    with engine.connect() as conn:
        left = conn.execute(select(AttemptCounterRow.key).where(AttemptCounterRow.account_key.is_not(None))).all()
    assert left == []
