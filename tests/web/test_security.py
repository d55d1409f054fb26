"""Security: headers, CSRF, session fixation, login rate limiting, host/origin checks, account isolation."""

from __future__ import annotations

import re

import pytest

from backcare.entrypoints.web.app import create_app

from .conftest import CLEAR, csrf_of, https_client, register

PASSWORD = "correct horse battery"


def test_security_headers_on_pages_api_and_static(local_client):
    for path in ("/", "/api/v1/openapi.json", "/static/app.css", "/nope"):
        r = local_client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
    assert local_client.get("/diary").headers["cache-control"] == "no-store"


def test_pages_have_no_inline_script_or_style(local_client):
    for path in ("/", "/assess", "/diary", "/session", "/account"):
        html = local_client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert "<style" not in html and " style=" not in html and " on" + "click=" not in html, path


def test_vendored_htmx_is_served_locally_with_its_licence(local_client):
    r = local_client.get("/static/htmx.min.js")
    assert r.status_code == 200 and r.text.startswith("/*! htmx 2.")
    assert "0BSD" in r.text[:300]
    html = local_client.get("/").text
    assert re.findall(r'<script src="([^"]+)"', html) == ["/static/htmx.min.js", "/static/app.js"]


def test_csrf_token_required_on_every_form(local_client):
    local_client.get("/")
    for path, data in (
        ("/assess", {"step": "describe", "text": "sore back"}),
        ("/diary", {"pain": "3"}),
        ("/session", {"pain": "3", "ex.glute_bridge": "5"}),
        ("/account/delete", {"confirm": "delete"}),
    ):
        assert local_client.post(path, data=data).status_code == 403, path
        assert local_client.post(path, data={**data, "csrf_token": "forged"}).status_code == 403, path
    token = csrf_of(local_client.get("/diary").text)
    assert local_client.post("/diary", data={"pain": "3", "csrf_token": token}).status_code == 200


def test_csrf_token_is_bound_to_the_session_cookie(local_client, make_settings):
    token = csrf_of(local_client.get("/diary").text)
    local_client.cookies.clear()
    assert local_client.post("/diary", data={"pain": "3", "csrf_token": token}).status_code == 403


def test_cross_site_requests_are_refused(local_client):
    token = csrf_of(local_client.get("/diary").text)
    r = local_client.post("/diary", data={"pain": "3", "csrf_token": token}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    r = local_client.post("/api/v1/diary/entries", json={"pain": 3}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403 and r.json()["field"] == "origin"
    r = local_client.post("/api/v1/diary/entries", json={"pain": 3}, headers={"origin": "http://127.0.0.1:8000"})
    assert r.status_code == 201


def test_local_mode_answers_loopback_clients_and_names_only(make_settings):
    from starlette.testclient import TestClient

    app = create_app(make_settings())
    remote = TestClient(app, base_url="http://127.0.0.1:8000", client=("192.0.2.10", 1234))
    assert remote.get("/healthz").status_code == 403
    rebinding = TestClient(app, base_url="http://attacker.example:8000", client=("127.0.0.1", 1234))
    refused = rebinding.get("/api/v1/export")
    assert refused.status_code == 400 and refused.headers["x-frame-options"] == "DENY"
    ipv6 = TestClient(app, base_url="http://[::1]:8000", client=("::1", 1234))
    assert ipv6.get("/healthz").status_code == 200


def test_serve_refuses_a_public_address_in_local_mode():
    from typer.testing import CliRunner

    from backcare.entrypoints.cli import app as cli_app

    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "127.0.0.1" in result.output


# --- Multi-user mode -----------------------------------------------------------------------------


def test_session_cookie_is_secure_httponly_samesite(multi_app):
    client = https_client(multi_app())
    client.get("/login")
    r = client.post(
        "/api/v1/auth/register", json={"username": "ann", "password": PASSWORD, "timezone": "Europe/London"}
    )
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("__Host-backcare=")
    for flag in ("HttpOnly", "Secure", "SameSite=Lax", "Path=/"):
        assert flag in cookie
    assert "strict-transport-security" in r.headers


def test_login_rotates_the_session_cookie_against_fixation(multi_app):
    app = multi_app()
    setup = https_client(app)
    register(setup, "ann")
    victim = https_client(app)
    page = victim.get("/login")
    planted = victim.cookies.get("__Host-backcare")
    assert planted
    r = victim.post(
        "/login",
        data={"username": "ann", "password": PASSWORD, "csrf_token": csrf_of(page.text), "next": "/diary"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/diary"
    fresh = victim.cookies.get("__Host-backcare")
    assert fresh and fresh != planted
    assert victim.get("/diary", follow_redirects=False).status_code == 200
    attacker = https_client(app)
    attacker.cookies.set("__Host-backcare", planted, domain="backcare.test")
    r = attacker.get("/diary", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_logout_ends_the_session_everywhere(multi_app):
    app = multi_app()
    client = https_client(app)
    info = register(client, "ann")
    token = client.cookies.get("__Host-backcare")
    assert client.post("/api/v1/auth/logout", headers={"x-csrf-token": info["csrf_token"]}).status_code == 204
    other = https_client(app)
    other.cookies.set("__Host-backcare", token, domain="backcare.test")
    assert other.get("/api/v1/diary/entries").status_code == 401


def test_login_form_requires_csrf(multi_app):
    client = https_client(multi_app())
    register(https_client(client.app), "ann")
    client.get("/login")
    r = client.post("/login", data={"username": "ann", "password": PASSWORD})
    assert r.status_code == 403


def test_api_changes_need_the_csrf_header_in_multi_user_mode(multi_app):
    client = https_client(multi_app())
    info = register(client, "ann")
    assert client.post("/api/v1/diary/entries", json={"pain": 4}).status_code == 403
    r = client.post("/api/v1/diary/entries", json={"pain": 4}, headers={"x-csrf-token": "nope"})
    assert r.status_code == 403 and r.json()["field"] == "X-CSRF-Token"
    r = client.post("/api/v1/diary/entries", json={"pain": 4}, headers={"x-csrf-token": info["csrf_token"]})
    assert r.status_code == 201
    assert client.get("/api/v1/diary/entries").status_code == 200  # reads need no token


def test_login_rate_limit_is_shared_by_workers(multi_app):
    first = multi_app(login_max_failures=3)
    register(https_client(first), "ann")
    second = multi_app(login_max_failures=3)  # another worker on the same database
    for app in (first, second, first):
        r = https_client(app).post("/api/v1/auth/login", json={"username": "ann", "password": "wrong password!"})
        assert r.status_code == 401
    r = https_client(second).post("/api/v1/auth/login", json={"username": "ann", "password": PASSWORD})
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) > 0
    assert r.json()["field"] == "username"
    client = https_client(first)
    page = client.get("/login")
    r = client.post("/login", data={"username": "ANN", "password": PASSWORD, "csrf_token": csrf_of(page.text)})
    assert r.status_code == 429 and "try again" in r.text


def test_successful_login_clears_failures(multi_app):
    app = multi_app(login_max_failures=3)
    register(https_client(app), "bob")
    for _ in range(2):
        https_client(app).post("/api/v1/auth/login", json={"username": "bob", "password": "wrong password!"})
    assert (
        https_client(app).post("/api/v1/auth/login", json={"username": "bob", "password": PASSWORD}).status_code == 200
    )
    for _ in range(2):
        https_client(app).post("/api/v1/auth/login", json={"username": "bob", "password": "wrong password!"})
    assert (
        https_client(app).post("/api/v1/auth/login", json={"username": "bob", "password": PASSWORD}).status_code == 200
    )


def test_passwords_are_stored_as_argon2_hashes(multi_app):
    from sqlalchemy import select

    from backcare.adapters.storage.orm import AccountRow

    app = multi_app()
    register(https_client(app), "carol")
    with app.state.ctx.store.engine.connect() as conn:
        stored = conn.scalar(select(AccountRow.password_hash))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_registration_rejects_weak_or_duplicate(multi_app):
    client = https_client(multi_app())
    r = client.post("/api/v1/auth/register", json={"username": "dan", "password": "short"})
    assert r.status_code == 422 and r.json()["field"] == "password"
    register(client, "dan")
    r = https_client(client.app).post("/api/v1/auth/register", json={"username": "DAN", "password": PASSWORD})
    assert r.status_code == 422 and r.json()["field"] == "username"


def test_everything_needs_login_in_multi_user_mode(multi_app):
    client = https_client(multi_app())
    for path in ("/api/v1/diary/entries", "/api/v1/export", "/api/v1/assessments", "/api/v1/diary/trend"):
        assert client.get(path).status_code == 401, path
    for path in ("/diary", "/assess", "/session", "/account", "/assessments"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login"), path
    assert client.get("/").status_code == 200
    assert client.get("/healthz").status_code == 200


@pytest.fixture
def two_accounts(multi_app, db_url):
    """Two logged-in accounts on one database (SQLite, and PostgreSQL when available)."""
    app = multi_app(database_url=db_url)
    alice, bob = https_client(app), https_client(app)
    a_info, b_info = register(alice, "alice"), register(bob, "bob")
    return app, (alice, a_info["csrf_token"]), (bob, b_info["csrf_token"])


def test_one_account_cannot_see_or_change_anothers_data(two_accounts):
    _, (alice, a_tok), (bob, b_tok) = two_accounts
    a_head = {"x-csrf-token": a_tok}
    entry = alice.post("/api/v1/diary/entries", json={"pain": 6, "note": "alice private"}, headers=a_head).json()[
        "entry"
    ]
    saved = alice.post(
        "/api/v1/assessments", json={"answers": {**CLEAR, "trigger_lifting": True}}, headers=a_head
    ).json()
    b_head = {"x-csrf-token": b_tok}
    # Bob sees none of it ...
    assert bob.get("/api/v1/diary/entries").json() == []
    assert bob.get("/api/v1/assessments").json() == []
    doc = bob.get("/api/v1/export").json()
    assert doc["entries"] == [] and doc["assessments"] == [] and doc["plans"] == []
    assert "alice private" not in bob.get("/api/v1/export.csv").text
    for url in (
        f"/api/v1/diary/entries/{entry['id']}",
        f"/api/v1/assessments/{saved['id']}",
        f"/api/v1/assessments/{saved['id']}/plan",
        f"/api/v1/assessments/{saved['id']}/plan.ics",
    ):
        assert bob.get(url).status_code == 404, url
    for url in (f"/assessments/{saved['id']}", f"/assessments/{saved['id']}/plan.ics"):
        r = bob.get(url)
        assert r.status_code == 404 and "alice" not in r.text, url
    assert "alice private" not in bob.get("/diary").text
    # ... and can change none of it, by API or by form.
    assert bob.put(f"/api/v1/diary/entries/{entry['id']}", json={"pain": 0}, headers=b_head).status_code == 404
    assert bob.delete(f"/api/v1/diary/entries/{entry['id']}", headers=b_head).status_code == 404
    assert bob.delete(f"/api/v1/assessments/{saved['id']}", headers=b_head).status_code == 404
    token = csrf_of(bob.get("/diary").text)
    assert bob.post(f"/diary/{entry['id']}/delete", data={"csrf_token": token}).status_code == 404
    assert bob.post(f"/assessments/{saved['id']}/delete", data={"csrf_token": token}).status_code == 404
    # Bob deleting his own account leaves Alice's data alone.
    assert bob.delete("/api/v1/account", headers=b_head).status_code == 204
    assert alice.get(f"/api/v1/diary/entries/{entry['id']}").json()["pain"] == 6
    assert alice.get(f"/api/v1/assessments/{saved['id']}").status_code == 200
    assert bob.get("/api/v1/diary/entries").status_code == 401


def test_account_export_and_deletion(two_accounts):
    app, (alice, a_tok), (bob, b_tok) = two_accounts
    alice.post("/api/v1/diary/entries", json={"pain": 2}, headers={"x-csrf-token": a_tok})
    bob.post("/api/v1/diary/entries", json={"pain": 9}, headers={"x-csrf-token": b_tok})
    doc = alice.get("/account/export.json").json()
    assert [e["pain"] for e in doc["entries"]] == [2]
    page = alice.get("/account")
    r = alice.post("/account/delete", data={"confirm": "delete", "csrf_token": csrf_of(page.text)})
    assert r.status_code == 200 and "deleted" in r.text
    assert (
        https_client(app).post("/api/v1/auth/login", json={"username": "alice", "password": PASSWORD}).status_code
        == 401
    )
    assert [e["pain"] for e in bob.get("/api/v1/diary/entries").json()] == [9]


def test_a_session_started_on_one_worker_is_valid_on_another(multi_app):
    first, second = multi_app(), multi_app()  # two processes' apps on one database
    client = https_client(first)
    info = register(client, "erin")
    other = https_client(second)
    other.cookies.set("__Host-backcare", client.cookies.get("__Host-backcare"), domain="backcare.test")
    r = other.post("/api/v1/diary/entries", json={"pain": 5}, headers={"x-csrf-token": info["csrf_token"]})
    assert r.status_code == 201  # same session and the same CSRF secret, from the shared database
    assert [e["pain"] for e in client.get("/api/v1/diary/entries").json()] == [5]


def test_browser_tests_fail_in_ci_and_skip_elsewhere_without_chromium(monkeypatch):
    from _pytest.outcomes import Failed, Skipped

    from .conftest import chromium_path

    monkeypatch.delenv("BACKCARE_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(Failed, match="must run in CI"):
        chromium_path()
    monkeypatch.delenv("CI")
    with pytest.raises(Skipped, match="chromium is not installed"):
        chromium_path()


def test_origin_null_and_a_downgraded_scheme_are_cross_site(multi_app):
    client = https_client(multi_app())
    info = register(client, "olga")
    head = {"x-csrf-token": info["csrf_token"]}
    for origin in ("null", "http://backcare.test", "https://evil.example"):
        r = client.post("/api/v1/diary/entries", json={"pain": 3}, headers={**head, "origin": origin})
        assert r.status_code == 403 and r.json()["field"] == "origin", origin
    r = client.post("/api/v1/diary/entries", json={"pain": 3}, headers={**head, "origin": "https://backcare.test"})
    assert r.status_code == 201


def test_an_oversized_chunked_body_is_a_413(local_client):
    token = csrf_of(local_client.get("/diary").text)

    def chunks():
        yield f"csrf_token={token}&note=".encode()
        for _ in range(40):
            yield b"x" * 10_000

    form = {"content-type": "application/x-www-form-urlencoded"}
    assert local_client.post("/diary", content=chunks(), headers=form).status_code == 413
    api = {"content-type": "application/json"}
    r = local_client.post("/api/v1/diary/entries", content=(b"[" + b" " * 10_000 for _ in range(40)), headers=api)
    assert r.status_code == 413 and r.json()["field"] == "body"


def test_a_wildcard_host_in_local_mode_is_warned_about(make_settings, caplog):
    from starlette.testclient import TestClient

    with caplog.at_level("WARNING", logger="backcare.entrypoints.web"):
        app = create_app(make_settings(allowed_hosts=("*",)))
        TestClient(app, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 1)).get("/healthz")
    assert any("DNS-rebinding" in r.message for r in caplog.records)
