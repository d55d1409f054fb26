"""The fast path for ``POST /api/v1/assess`` answers exactly as FastAPI's documented route would."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from backcare.entrypoints.web.app import create_app
from backcare.entrypoints.web.fast_path import AssessFastPath

from .conftest import CLEAR

# "+json" is JSON to FastAPI but not taken by the fast path: the same request, through FastAPI's route.
DOCUMENTED = {"content-type": "application/vnd.backcare+json"}
BODIES: list[dict[str, Any]] = [
    {"answers": {**CLEAR, "age": 44, "pain_score": 6, "medications": ["ibuprofen"]}, "today": "2026-11-22"},
    {"answers": {**CLEAR, "saddle_numbness": True}, "today": "2026-11-22"},
    {"answers": {"fever": True}},  # no date: today in the person's zone, as the route works it out
    {"text": "my back locked up lifting a box, no numbness, peeing fine", "today": "2026-11-22"},
]


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("query", ["", "?include=plan"])
def test_the_fast_path_answers_as_the_documented_route(local_client, body, query):
    fast = local_client.post(f"/api/v1/assess{query}", json=body)
    documented = local_client.post(f"/api/v1/assess{query}", json=body, headers=DOCUMENTED)
    assert fast.status_code == documented.status_code == 200
    assert fast.content == documented.content
    for header in ("content-type", "content-security-policy", "x-content-type-options"):
        assert fast.headers.get(header) == documented.headers.get(header), header
    assert fast.headers["x-backcare-cache"] == "miss" and documented.headers["x-backcare-cache"] == "hit"


@pytest.mark.parametrize(
    "body",
    [
        {"answers": {"pain_score": 42}},  # valid JSON types, out of range: the core's error
        {"answers": {"fevr": True}},  # an unknown id
        {"answers": {"fever": "sometimes"}},
        {"surprise": 1},  # not the model: FastAPI's own validation
    ],
)
def test_errors_are_the_documented_routes_errors(local_client, body):
    fast = local_client.post("/api/v1/assess", json=body)
    documented = local_client.post("/api/v1/assess", json=body, headers=DOCUMENTED)
    assert fast.status_code == documented.status_code == 422
    assert fast.json() == documented.json()


def _through_fast_path_only(make_settings, calls: list[str]) -> Any:
    """The fast path in front of an app that records whatever reaches it (FastAPI's routing)."""
    app = create_app(make_settings())  # the store opens here: no lifespan needed

    async def inner(scope, receive, send):
        calls.append(scope["path"])
        await app(scope, receive, send)

    fast = AssessFastPath(inner)

    async def outer(scope, receive, send):
        scope["app"] = app  # what Starlette sets for the middleware it runs
        await fast(scope, receive, send)

    return outer


def test_a_valid_request_never_reaches_fastapis_routing(make_settings):
    calls: list[str] = []
    client = TestClient(
        _through_fast_path_only(make_settings, calls), base_url="http://127.0.0.1", client=("127.0.0.1", 50000)
    )
    answered = client.post("/api/v1/assess", json=BODIES[0])
    assert answered.status_code == 200 and answered.json()["disposition"]
    assert calls == []
    passed_on = client.post("/api/v1/assess?include=plans", json=BODIES[0])
    assert calls == ["/api/v1/assess"]  # another query: FastAPI's route judges it
    assert passed_on.status_code == 422 and passed_on.json()["field"] == "include"
