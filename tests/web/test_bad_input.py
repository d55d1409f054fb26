"""Bad input is a 4xx: four inputs that once gave a 500, and property-based tests over forms and headers."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from backcare.entrypoints.web.app import create_app
from backcare.entrypoints.web.settings import Settings

from .conftest import csrf_of, register

PASSWORD = "correct horse battery"
TZ_DIRECTORIES = ["America", "Europe", "Etc", "Asia", "Pacific", "America/Argentina"]


@pytest.fixture(scope="module")
def apps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("bad-input")
    base = {"warm_up": False, "register_max_per_ip": 1000, "assess_max_per_minute": 10_000}
    local = create_app(Settings(database_url=f"sqlite:///{folder / 'local.db'}", **base))
    multi = create_app(
        Settings(database_url=f"sqlite:///{folder / 'multi.db'}", multi_user=True, **base)
    )
    lc = TestClient(local, base_url="http://127.0.0.1:8000", client=("127.0.0.1", 50000))
    mc = TestClient(multi, base_url="https://backcare.test", client=("203.0.113.7", 40000))
    info = register(mc, "fuzzer")
    return {"local": lc, "local_token": csrf_of(lc.get("/diary").text), "multi": mc, "multi_token": info["csrf_token"]}


# --- Four inputs that once gave a 500 ------------------------------------------------------------


@pytest.mark.parametrize("zone", TZ_DIRECTORIES)
def test_a_time_zone_directory_is_an_unknown_time_zone(apps, zone):
    client = TestClient(apps["multi"].app, base_url="https://backcare.test", client=("198.51.100.3", 1))
    r = client.post("/api/v1/auth/register", json={"username": "tzuser", "password": PASSWORD, "timezone": zone})
    assert r.status_code == 422 and r.json()["field"] == "timezone"
    form = {"username": "tzuser", "password": PASSWORD, "password2": PASSWORD, "timezone": zone}
    r = client.post("/register", data={**form, "csrf_token": csrf_of(client.get("/register").text)})
    assert r.status_code == 400 and "Unknown time zone" in r.text


def test_a_non_ascii_csrf_token_is_refused(apps):
    multi, local = apps["multi"], apps["local"]
    r = multi.post("/api/v1/diary/entries", json={"pain": 3}, headers={"x-csrf-token": "é".encode()})
    assert r.status_code == 403
    anonymous = TestClient(multi.app, base_url="https://backcare.test", client=("198.51.100.4", 1))
    for path in ("/login", "/register"):
        assert anonymous.post(path, data={"csrf_token": "é", "username": "x", "password": "y"}).status_code == 403
    for path, data in (("/diary", {"pain": "3"}), ("/account/delete", {"confirm": "delete"})):
        assert local.post(path, data={**data, "csrf_token": "é"}).status_code == 403


def test_a_deeply_nested_hidden_field_is_a_4xx(apps):
    deep = "[" * 5_000 + "]" * 5_000
    for client, token in ((apps["local"], apps["local_token"]), (apps["multi"], apps["multi_token"])):
        r = client.post("/assess", data={"csrf_token": token, "step": "questions", "answers": deep})
        assert 400 <= r.status_code < 500, r.text[:200]


@pytest.mark.parametrize("next_url", ["/\n/evil", "/\r/evil", "/\x0b/evil", "/。/evil", "/\t/evil.example", "//evil"])
def test_an_odd_next_after_an_htmx_login_goes_home(apps, next_url):
    client = TestClient(apps["multi"].app, base_url="https://backcare.test", client=("198.51.100.5", 1))
    token = csrf_of(client.get("/login").text)
    form = {"username": "fuzzer", "password": PASSWORD, "next": next_url, "csrf_token": token}
    r = client.post("/login", data=form, headers={"hx-request": "true"})
    assert r.status_code == 200 and r.headers["hx-redirect"] == "/"


def test_a_plain_next_is_kept(apps):
    client = TestClient(apps["multi"].app, base_url="https://backcare.test", client=("198.51.100.6", 1))
    token = csrf_of(client.get("/login").text)
    form = {"username": "fuzzer", "password": PASSWORD, "next": "/diary?x=1", "csrf_token": token}
    r = client.post("/login", data=form, headers={"hx-request": "true"})
    assert r.headers["hx-redirect"] == "/diary?x=1"


# --- Property-based: any form field, any header value ----------------------------------------------

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=80)
HEADER = st.binary(max_size=80).filter(lambda b: not set(b) & {0, 10, 13})
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def nested_json() -> st.SearchStrategy[str]:
    leaf = st.one_of(st.none(), st.booleans(), st.integers(), TEXT)
    tree = st.recursive(leaf, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(TEXT, kids, max_size=3))
    return st.one_of(TEXT, tree.map(json.dumps), st.integers(0, 20_000).map(lambda n: "[" * n + "]" * n))


@FUZZ
@given(
    token_ok=st.booleans(),
    token=TEXT,
    fields=st.dictionaries(
        st.sampled_from(["pain", "spasms", "note", "cold", "heat", "date", "ex.glute_bridge", "f.fever", "confirm"]),
        TEXT,
    ),
    path=st.sampled_from(["/diary", "/session", "/account/delete"]),
)
def test_local_forms_never_fail(apps, token_ok, token, fields, path):
    data = {**fields, "csrf_token": apps["local_token"] if token_ok else token}
    if path == "/account/delete":
        data["confirm"] = "keep"  # never actually delete the shared fixture's data
    assert apps["local"].post(path, data=data).status_code < 500


@FUZZ
@given(
    step=st.sampled_from(["describe", "questions", "confirm", ""]),
    text=TEXT,
    answers=nested_json(),
    asked=TEXT,
    understood=TEXT,
    action=st.sampled_from(["result", "next", ""]),
)
def test_the_assessment_wizard_never_fails(apps, step, text, answers, asked, understood, action):
    form = {"csrf_token": apps["local_token"], "step": step, "text": text, "answers": answers}
    form |= {"asked": asked, "understood": understood, "action": action}
    assert apps["local"].post("/assess", data=form).status_code < 500


@FUZZ
@given(
    username=TEXT,
    password=TEXT,
    password2=TEXT,
    timezone=TEXT,
    next_url=TEXT,
    htmx=st.booleans(),
    path=st.sampled_from(["/login", "/register"]),
)
def test_login_and_registration_forms_never_fail(apps, username, password, password2, timezone, next_url, htmx, path):
    client = TestClient(apps["multi"].app, base_url="https://backcare.test", client=("198.51.100.9", 1))
    token = csrf_of(client.get(path).text)
    form = {"csrf_token": token, "username": username, "password": password, "password2": password2}
    form |= {"timezone": timezone, "next": next_url}
    r = client.post(path, data=form, headers={"hx-request": "true"} if htmx else {})
    assert r.status_code < 500
    redirect = r.headers.get("hx-redirect")
    assert redirect is None or (redirect.startswith("/") and not redirect.startswith("//"))


@FUZZ
@given(
    csrf=HEADER,
    cookie=HEADER,
    origin=HEADER,
    fetch_site=HEADER,
    hx=HEADER,
    method=st.sampled_from(["GET", "POST", "DELETE"]),
)
def test_odd_header_values_never_fail(apps, csrf, cookie, origin, fetch_site, hx, method):
    headers = {"x-csrf-token": csrf, "cookie": cookie, "origin": origin, "sec-fetch-site": fetch_site, "hx-request": hx}
    client = TestClient(apps["multi"].app, base_url="https://backcare.test", client=("198.51.100.10", 1))
    r = client.request(method, "/api/v1/diary/entries", json={"pain": 2}, headers=headers)
    assert r.status_code < 500
    r = client.request("POST" if method != "GET" else "GET", "/diary", data={"pain": "2"}, headers=headers)
    assert r.status_code < 500
