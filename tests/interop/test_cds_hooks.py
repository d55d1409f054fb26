"""The CDS Hooks 2.0 service: discovery, each card kind from recorded requests shaped as the
specification's examples, 412 when required prefetch is missing, bad requests refused with an
OperationOutcome, feedback stored, the bearer token, and no access to anyone's records."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from sqlalchemy import func, select, text
from starlette.testclient import TestClient

from backcare.adapters.interop.cds_evaluation import evaluate
from backcare.adapters.interop.cds_prefetch import read_prefetch
from backcare.adapters.interop.cds_request import parse_request
from backcare.adapters.storage.orm import CdsFeedbackRow

if TYPE_CHECKING:
    from httpx2 import Response as Reply  # what starlette's TestClient answers with

from .conftest import AUTH, SERVICE, TOKEN, cds_today, note_bundle, recorded, recorded_note, today


def call(client: TestClient, body: Any, **headers: str) -> Reply:
    return client.post(SERVICE, json=body, headers={**AUTH, **headers})


def outcome(r: Reply, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()
    assert body["resourceType"] == "OperationOutcome"
    assert body["issue"][0]["severity"] == "error" and body["issue"][0]["diagnostics"]
    return body


def no_nulls(node: Any) -> None:
    """CDS Hooks: JSON elements are never null or empty (except an empty cards array)."""
    if isinstance(node, dict):
        for key, value in node.items():
            assert value is not None and value != "" and value != {} and (value != [] or key == "cards"), key
            no_nulls(value)
    elif isinstance(node, list):
        for value in node:
            no_nulls(value)


# --- Discovery -------------------------------------------------------------------------------------


def test_discovery_lists_the_patient_view_service(cds_client: TestClient) -> None:
    r = cds_client.get("/cds-services", headers=AUTH)
    assert r.status_code == 200
    services = r.json()["services"]
    assert len(services) == 1
    service = services[0]
    assert service["hook"] == "patient-view" and service["id"] == "backcare-back-pain"
    assert service["description"] and service["title"]
    prefetch = service["prefetch"]
    assert prefetch["patient"] == "Patient/{{context.patientId}}"
    assert prefetch["conditions"].startswith("Condition?patient={{context.patientId}}&code=")
    assert "http://snomed.info/sct|279039007" in prefetch["conditions"]
    assert "http://loinc.org|72514-3" in prefetch["observations"]
    assert prefetch["note"].startswith("DocumentReference?patient={{context.patientId}}")
    assert prefetch["encounter"] == "Encounter/{{context.encounterId}}"
    no_nulls(r.json())


def test_every_call_needs_the_bearer_token(cds_client: TestClient) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
    ):
        r = cds_client.get("/cds-services", headers=headers)
        outcome(r, 401)
        assert r.headers["www-authenticate"].startswith("Bearer")
        outcome(cds_client.post(SERVICE, json=recorded("critical-cauda-equina"), headers=headers), 401)
        outcome(cds_client.post(f"{SERVICE}/feedback", json={"feedback": []}, headers=headers), 401)


def test_without_a_configured_token_the_service_is_off(cds_app: Callable[..., Any]) -> None:
    with TestClient(cds_app(cds_token=None), base_url="https://backcare.test") as client:
        outcome(client.get("/cds-services", headers=AUTH), 503)
        outcome(client.post(SERVICE, json=recorded("critical-cauda-equina"), headers=AUTH), 503)


def test_local_mode_has_no_cds_service(cds_app: Callable[..., Any]) -> None:
    with TestClient(cds_app(multi_user=False), base_url="http://127.0.0.1:8000", client=("127.0.0.1", 5000)) as client:
        assert client.get("/cds-services", headers=AUTH).status_code == 404


# --- Cards ----------------------------------------------------------------------------------------


def test_critical_card_for_cauda_equina(cds_client: TestClient) -> None:
    r = call(cds_client, recorded("critical-cauda-equina"))
    assert r.status_code == 200, r.text
    cards = r.json()["cards"]
    assert len(cards) == 1
    card = cards[0]
    assert card["indicator"] == "critical"
    assert len(card["summary"]) < 140
    assert card["summary"].startswith("Possible cauda equina syndrome")
    assert '"' in card["summary"] and "emergency" in card["summary"]  # the finding quoted, the action
    quoted = card["summary"].split('"')[1].rstrip("…")
    assert quoted.lower() in recorded_note("critical-cauda-equina").lower()
    assert "192970008" in card["detail"] and "G83.4" in card["detail"]
    assert card["source"]["label"].startswith("backcare") and card["source"]["topic"]["code"] == "cauda_equina"
    uuid.UUID(card["uuid"])
    assert all(reason["display"] for reason in card["overrideReasons"])
    no_nulls(r.json())


def test_critical_card_from_the_encounter_reason(cds_client: TestClient) -> None:
    body = recorded("encounter-reason")
    r = call(cds_client, body)
    card = r.json()["cards"][0]
    assert card["indicator"] == "critical" and len(card["summary"]) < 140


def test_warning_card_for_an_urgent_sign(cds_client: TestClient) -> None:
    r = call(cds_client, recorded("warning-spinal-infection"))
    assert r.status_code == 200, r.text
    cards = r.json()["cards"]
    assert [c["indicator"] for c in cards] == ["warning"]
    assert "today" in cards[0]["summary"] and len(cards[0]["summary"]) < 140
    no_nulls(r.json())


def test_info_card_with_a_smart_launch_for_self_care(cds_client: TestClient) -> None:
    r = call(cds_client, recorded("info-self-care"))
    assert r.status_code == 200, r.text
    cards = r.json()["cards"]
    assert [c["indicator"] for c in cards] == ["info"]
    card = cards[0]
    assert len(card["summary"]) < 140 and "self-care" in card["summary"]
    link = card["links"][0]
    assert link["type"] == "smart" and link["url"].startswith("https://backcare.test/")
    context = json.loads(link["appContext"])
    assert context["disposition"] == "self_care"
    assert context["findings"]["pain_score"] == 5  # from the prefetched pain observation
    no_nulls(r.json())


def test_info_card_for_a_gp_review(cds_client: TestClient) -> None:
    body = recorded("info-self-care")
    body["prefetch"]["note"] = note_bundle(
        "Low back pain for 10 weeks, not getting better. No red flags otherwise: "
        "no numbness, no bladder or bowel change, no fever."
    )
    body["prefetch"]["conditions"] = None
    cards = call(cds_client, body).json()["cards"]
    assert [c["indicator"] for c in cards] == ["info"]
    assert (
        "1-2 weeks" in cards[0]["summary"] and json.loads(cards[0]["links"][0]["appContext"])["disposition"] == "soon"
    )


def test_no_card_when_nothing_is_known_about_back_pain(cds_client: TestClient) -> None:
    r = call(cds_client, recorded("no-card"))
    assert r.status_code == 200 and r.json() == {"cards": []}
    body = recorded("no-card")
    body["prefetch"]["note"] = None  # the client has no note: nothing to go on
    assert call(cds_client, body).json() == {"cards": []}


def test_a_fever_reading_with_back_pain_on_the_problem_list_warns(cds_client: TestClient) -> None:
    body = recorded("info-self-care")
    body["prefetch"]["note"] = None
    body["prefetch"]["observations"]["entry"].append(
        {
            "resource": {
                "resourceType": "Observation",
                "id": "t1",
                "status": "final",
                "code": {"coding": [{"system": "http://loinc.org", "code": "8310-5"}]},
                "subject": {"reference": "Patient/1288992"},
                "effectiveDateTime": today(),
                "valueQuantity": {"value": 38.7, "unit": "Cel", "system": "http://unitsofmeasure.org", "code": "Cel"},
            }
        }
    )
    cards = call(cds_client, body).json()["cards"]
    assert [c["indicator"] for c in cards] == ["warning"]
    assert '"temperature 38.7 Cel"' in cards[0]["summary"]


# --- Prefetch missing: 412, or fetched from the FHIR server ------------------------------------------


def test_412_when_required_prefetch_is_missing_and_no_fhir_server(cds_client: TestClient) -> None:
    body = recorded("critical-cauda-equina")
    body.pop("fhirServer"), body.pop("fhirAuthorization")
    for missing in ("patient", "note"):
        trimmed = copy.deepcopy(body)
        trimmed["prefetch"].pop(missing)
        issue = outcome(call(cds_client, trimmed), 412)["issue"][0]
        assert issue["code"] == "required" and missing in issue["diagnostics"]


def test_missing_prefetch_is_fetched_from_the_fhir_server(cds_app: Callable[..., Any]) -> None:
    body = recorded("critical-cauda-equina")
    note = body["prefetch"].pop("note")
    patient = body["prefetch"].pop("patient")
    seen: list[httpx.Request] = []

    def ehr(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        path = request.url.path
        if path.endswith("/Patient/1288992"):
            return httpx.Response(200, json=patient)
        if path.endswith("/DocumentReference"):
            return httpx.Response(200, json=note)
        return httpx.Response(200, json={"resourceType": "Bundle", "type": "searchset"})

    app = cds_app()
    app.state.interop_fhir_transport = httpx.MockTransport(ehr)
    with TestClient(app, base_url="https://backcare.test") as client:
        r = call(client, body)
        assert r.status_code == 200, r.text
        assert r.json()["cards"][0]["indicator"] == "critical"
        assert all(req.headers["authorization"] == "Bearer some-opaque-fhir-access-token" for req in seen)
        assert any(req.url.params.get("patient") == "1288992" for req in seen)

        app.state.interop_fhir_transport = httpx.MockTransport(lambda req: httpx.Response(500))
        outcome(call(client, body), 412)


# --- Bad requests ---------------------------------------------------------------------------------


def _mutated(change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    body = recorded("critical-cauda-equina")
    change(body)
    return body


BAD_REQUESTS: list[tuple[str, Callable[[dict[str, Any]], Any], int]] = [
    ("wrong hook", lambda b: b.update(hook="order-sign"), 400),
    ("no hookInstance", lambda b: b.pop("hookInstance"), 400),
    ("hookInstance not a UUID", lambda b: b.update(hookInstance="123"), 400),
    ("no context", lambda b: b.pop("context"), 400),
    ("no patientId", lambda b: b["context"].pop("patientId"), 400),
    ("no userId", lambda b: b["context"].pop("userId"), 400),
    ("authorization without server", lambda b: b.pop("fhirServer"), 400),
    ("token_type not Bearer", lambda b: b["fhirAuthorization"].update(token_type="MAC"), 400),
    ("prefetch not an object", lambda b: b.update(prefetch=[1, 2]), 400),
    ("prefetch value not a resource", lambda b: b["prefetch"].update(patient="1288992"), 400),
    ("invalid FHIR in prefetch", lambda b: b["prefetch"]["patient"].update(birthDate="25/12/1974"), 400),
    ("another patient's data", lambda b: b["prefetch"]["patient"].update(id="999"), 400),
    (
        "another patient's note",
        lambda b: b["prefetch"]["note"]["entry"][0]["resource"].update(subject={"reference": "Patient/999"}),
        400,
    ),
    (
        "note not base64",
        lambda b: b["prefetch"]["note"]["entry"][0]["resource"]["content"][0]["attachment"].update(data="@@@"),
        400,
    ),
]


@pytest.mark.parametrize(("what", "change", "status"), BAD_REQUESTS, ids=[b[0] for b in BAD_REQUESTS])
def test_bad_hook_requests_get_an_operation_outcome(
    what: str, change: Callable[[dict[str, Any]], Any], status: int, cds_client: TestClient
) -> None:
    outcome(call(cds_client, _mutated(change)), status)


def test_not_json_unknown_service_and_wrong_method(cds_client: TestClient) -> None:
    outcome(cds_client.post(SERVICE, content=b"{not json", headers=AUTH), 400)
    outcome(cds_client.post("/cds-services/static-patient-greeter", json=recorded("no-card"), headers=AUTH), 404)
    r = cds_client.get(SERVICE, headers=AUTH)
    outcome(r, 405)
    assert r.headers["allow"] == "POST"


# --- Feedback -------------------------------------------------------------------------------------


def _feedback_rows(app: Any) -> list[Any]:
    engine = app.state.ctx.store.engine
    with engine.connect() as conn:
        return list(conn.execute(select(CdsFeedbackRow.__table__)))


def test_feedback_is_accepted_and_stored(cds_client: TestClient) -> None:
    card = call(cds_client, recorded("critical-cauda-equina")).json()["cards"][0]
    examples = [
        {"card": card["uuid"], "outcome": "overridden", "outcomeTimestamp": "2020-12-11T00:00:00Z"},
        {
            "card": card["uuid"],
            "outcome": "overridden",
            "outcomeTimestamp": "2020-12-11T00:00:00Z",
            "overrideReason": {"reason": card["overrideReasons"][0], "userComment": "Seen in ED yesterday."},
        },
        {
            "card": "4e0a3a1e-3283-4575-ab82-028d55fe2719",
            "outcome": "accepted",
            "acceptedSuggestions": [{"id": "e56e1945-20b3-4393-8503-a1a20fd73152"}],
            "outcomeTimestamp": "2021-12-11T10:05:31Z",
        },
    ]
    r = cds_client.post(f"{SERVICE}/feedback", json={"feedback": examples}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["issue"][0]["severity"] == "information"
    rows = _feedback_rows(cds_client.app)
    assert len(rows) == 3
    assert {row.outcome for row in rows} == {"accepted", "overridden"}
    assert any(row.override_reason and "Seen in ED" in row.override_reason for row in rows)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"feedback": []},
        {"feedback": [{"outcome": "overridden", "outcomeTimestamp": "2020-12-11T00:00:00Z"}]},
        {"feedback": [{"card": "x", "outcome": "ignored", "outcomeTimestamp": "2020-12-11T00:00:00Z"}]},
        {"feedback": [{"card": "x", "outcome": "overridden"}]},
        {"feedback": [{"card": "x", "outcome": "overridden", "outcomeTimestamp": "yesterday"}]},
        {
            "feedback": [
                {
                    "card": "x",
                    "outcome": "accepted",
                    "outcomeTimestamp": "2020-12-11T00:00:00Z",
                    "overrideReason": {"userComment": "no"},
                }
            ]
        },
    ],
)
def test_bad_feedback_is_refused_and_nothing_stored(body: dict[str, Any], cds_client: TestClient) -> None:
    outcome(cds_client.post(f"{SERVICE}/feedback", json=body, headers=AUTH), 400)
    assert _feedback_rows(cds_client.app) == []


# --- It never reaches anyone's records ---------------------------------------------------------------


def test_the_service_never_touches_stored_records(cds_client: TestClient) -> None:
    app: Any = cds_client.app
    engine = app.state.ctx.store.engine
    with engine.connect() as conn:
        names = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars())
        tables = [t for t in names if not t.startswith(("interop_", "backcare_", "alembic", "web_", "sqlite"))]
        before = {t: conn.execute(select(func.count()).select_from(text(t))).scalar() for t in tables}
    for name in ("critical-cauda-equina", "warning-spinal-infection", "info-self-care", "no-card"):
        assert call(cds_client, recorded(name)).status_code == 200
    with engine.connect() as conn:
        after = {t: conn.execute(select(func.count()).select_from(text(t))).scalar() for t in tables}
    assert tables and after == before
    assert "Set-Cookie" not in call(cds_client, recorded("no-card")).headers


def test_hook_answers_reuse_the_apis_assessment() -> None:
    """The note is read by ``assess`` (as POST /api/v1/assess does): same red flags for the same words."""
    from backcare.bootstrap import assess

    words = "Since last night he cannot feel the toilet paper when he wipes."
    req = parse_request(recorded("critical-cauda-equina") | {"prefetch": {"patient": None, "note": note_bundle(words)}})
    facts = read_prefetch(req, cds_today())
    ev = evaluate(facts, cds_today())
    api = assess(text=words, today=cds_today())
    assert [h.id for h in ev.assessment.red_flags] == [h.id for h in api.red_flags]


def test_the_cards_are_those_of_the_full_assessment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook assesses without the plan, which no card shows: each card is the same as with the plan."""
    from collections import OrderedDict

    import backcare.core.assessment as core
    from backcare.adapters.interop import cds_evaluation
    from backcare.adapters.interop.cds_service import respond

    soon = (
        "A man with low back pain for 8 weeks after lifting boxes. Pain shooting down the right leg below the "
        "knee with pins and needles in the foot, no better this month."
    )
    requests = [recorded(n) for n in ("critical-cauda-equina", "warning-spinal-infection", "info-self-care")]
    requests.append(recorded("info-self-care") | {"prefetch": {"patient": None, "note": note_bundle(soon)}})
    full = core.assess

    def answered(body: dict[str, Any], with_plan: bool) -> Any:
        monkeypatch.setattr(cds_evaluation, "_memo", OrderedDict())  # each evaluation afresh
        monkeypatch.setattr(core, "assess", lambda *a, **k: full(*a, **{**k, "with_plan": with_plan}))
        facts = read_prefetch(parse_request(body), cds_today())
        ev = evaluate(facts, cds_today())
        assert (ev.assessment.plan is not None) == (with_plan and ev.assessment.in_scope)
        cards = respond(ev, facts, "http://testserver/")["cards"]
        return [{k: v for k, v in card.items() if k != "uuid"} for card in cards]

    for body in requests:
        assert answered(body, with_plan=False) == answered(body, with_plan=True)
    assert answered(requests[-1], with_plan=False)[0]["summary"].startswith("Back pain: GP or physiotherapy")
