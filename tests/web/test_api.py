"""The JSON API in local mode: the assessment contract, saved assessments and plans, the diary, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcare.core.models import Assessment
from backcare.entrypoints.cli import app as cli_app

from .conftest import CLEAR

LIFTING = {**CLEAR, "trigger_lifting": True, "days_since_onset": 2, "pain_score": 5, "age": 35}
TODAY = "2026-03-02"


def cli_json(tmp_path: Path, answers: dict[str, object] | None, text: str | None) -> str:
    args = ["assess", "--format", "json", "--today", TODAY]
    if answers is not None:
        path = tmp_path / "answers.json"
        path.write_text(json.dumps(answers))
        args += ["--answers", str(path)]
    if text is not None:
        args += ["--text", text]
    result = CliRunner().invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    "answers",
    [
        LIFTING,
        {**CLEAR, "saddle_numbness": True},
        {"trigger_lifting": True, "medications": ["Lasix", "atorvastatin"], "recurrent_spasms": "possible"},
        {**CLEAR, "pregnant": True, "pregnancy_weeks": 24, "sex": "female"},
    ],
    ids=["lifting", "cauda-equina", "medicines-incomplete", "pregnancy"],
)
def test_assess_with_the_plan_is_what_the_command_line_prints_compact(local_client, tmp_path, answers):
    expected = cli_json(tmp_path, answers, None)
    r = local_client.post("/api/v1/assess?include=plan", json={"answers": answers, "today": TODAY})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.json() == json.loads(expected)
    assert r.content == Assessment.model_validate_json(expected).model_dump_json().encode()
    assert b"\n" not in r.content and b'": ' not in r.content  # compact: no indentation


def test_assess_without_include_gives_everything_but_the_plan_and_links_to_it(local_client, tmp_path):
    full = json.loads(cli_json(tmp_path, LIFTING, None))
    r = local_client.post("/api/v1/assess", json={"answers": LIFTING, "today": TODAY})
    assert r.status_code == 200
    body = r.json()
    assert "plan" not in body and body["plan_link"] == "/api/v1/assess?include=plan"
    assert {k: v for k, v in full.items() if k != "plan"} == {k: v for k, v in body.items() if k != "plan_link"}
    assert len(r.content) < len(json.dumps(full)) / 5


def test_assess_out_of_scope_links_to_no_plan(local_client):
    body = local_client.post("/api/v1/assess", json={"answers": {"back_pain": False}, "today": TODAY}).json()
    assert body["in_scope"] is False and body["plan_link"] is None


def test_assess_says_whether_the_answer_came_from_the_cache(local_client):
    body = {"answers": {**LIFTING, "age": 57}, "today": TODAY}
    first = local_client.post("/api/v1/assess", json=body)
    again = local_client.post("/api/v1/assess", json=body)
    assert (first.headers["x-backcare-cache"], again.headers["x-backcare-cache"]) == ("miss", "hit")
    assert first.content == again.content
    assert local_client.post("/api/v1/assess?include=plan", json=body).headers["x-backcare-cache"] == "miss"


def test_assess_include_takes_only_plan(local_client):
    r = local_client.post("/api/v1/assess?include=everything", json={"answers": LIFTING})
    assert r.status_code == 422 and r.json()["field"] == "include"


def test_assess_with_text_matches_the_command_line(local_client, tmp_path):
    text = "My back locked up lifting a box two days ago. No numbness, peeing fine, no fever."
    expected = cli_json(tmp_path, {"age": 40}, text)
    r = local_client.post("/api/v1/assess?include=plan", json={"text": text, "answers": {"age": 40}, "today": TODAY})
    assert r.status_code == 200, r.text
    assert r.json() == json.loads(expected)


def test_assess_result_carries_the_contract_fields(local_client):
    body = local_client.post("/api/v1/assess", json={"answers": {**CLEAR, "saddle_numbness": True}}).json()
    assert body["disposition"] == "emergency"
    assert [f["id"] for f in body["red_flags"]] == ["cauda_equina"]
    assert body["red_flags"][0]["because"] == ["saddle_numbness"]
    assert body["complete"] is True and body["disclaimer"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"answers": {"fevr": True}}, "answers.fevr"),
        ({"answers": {"pain_score": 42}}, "answers.pain_score"),
        ({"answers": {"fever": "sometimes"}}, "answers.fever"),
        ({}, "text"),
        ({"text": 12}, "text"),
        ({"answers": [1, 2]}, "answers"),
        ({"answers": {"fever": {"nested": True}}}, "answers.fever"),
        ({"today": "1900-01-01", "answers": {}}, "today"),
        ({"text": "a\x00b"}, "text"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_bad_input_is_a_json_error_naming_the_field(local_client, body, field):
    r = local_client.post("/api/v1/assess", json=body)
    assert r.status_code == 422, r.text
    out = r.json()
    assert out["field"] == field
    assert isinstance(out["message"], str) and out["message"]


def test_malformed_json_and_wrong_content_type_are_4xx_json(local_client):
    r = local_client.post("/api/v1/assess", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "message" in r.json()
    r = local_client.post("/api/v1/assess", content=b'{"answers": {}}', headers={"content-type": "text/plain"})
    assert r.status_code == 422 and "message" in r.json()


def test_request_size_is_limited(local_client):
    huge = {"text": "back pain " * 40_000}
    r = local_client.post("/api/v1/assess", json=huge)
    assert r.status_code == 413
    assert r.json()["field"] == "body"
    r = local_client.post("/api/v1/assess", json={"text": "x" * 20_001})
    assert r.status_code == 422 and r.json()["field"] == "text"


def test_healthz_reports_the_database_and_mode(local_client):
    r = local_client.get("/healthz")
    assert r.status_code == 200
    assert r.json()["database"] == "ok" and r.json()["mode"] == "local"


def test_openapi_document_describes_the_api(local_client):
    doc = local_client.get("/api/v1/openapi.json").json()
    paths = doc["paths"]
    for path in (
        "/api/v1/assess",
        "/api/v1/diary/entries",
        "/api/v1/diary/entries/{entry_id}",
        "/healthz",
        "/api/v1/export",
    ):
        assert path in paths
    assert "AssessRequest" in doc["components"]["schemas"]
    assert "plan_link" in doc["components"]["schemas"]["AssessAnswer"]["properties"]
    assert "?include=plan" in doc["info"]["description"] and "exactly what" not in doc["info"]["description"]
    include = [p for p in paths["/api/v1/assess"]["post"]["parameters"] if p["name"] == "include"]
    assert include and include[0]["in"] == "query"
    assert local_client.get("/docs").status_code == 404  # no CDN-loaded Swagger UI


def test_saved_assessment_gives_its_plan_and_ics(local_client):
    from icalendar import Calendar

    r = local_client.post("/api/v1/assessments", json={"answers": LIFTING, "today": TODAY})
    assert r.status_code == 201, r.text
    saved = r.json()
    assert r.headers["location"] == f"/api/v1/assessments/{saved['id']}"
    assert saved["assessment"]["disposition"] == "self_care"
    listed = local_client.get("/api/v1/assessments").json()
    assert [a["id"] for a in listed] == [saved["id"]]
    plan = local_client.get(f"/api/v1/assessments/{saved['id']}/plan").json()
    assert plan == saved["assessment"]["plan"]
    assert all(item["sources"] for item in plan["items"])
    ics = local_client.get(f"/api/v1/assessments/{saved['id']}/plan.ics")
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    assert len(events) == len(plan["schedule"])
    assert str(events[0]["dtstart"].dt.date()) == TODAY
    assert local_client.delete(f"/api/v1/assessments/{saved['id']}").status_code == 204
    assert local_client.get(f"/api/v1/assessments/{saved['id']}").status_code == 404


def test_diary_crud_and_trend(local_client):
    r = local_client.post("/api/v1/diary/entries", json={"date": "2026-03-01", "pain": 6, "spasms": 3, "note": None})
    assert r.status_code == 201, r.text
    first = r.json()["entry"]
    r = local_client.post(
        "/api/v1/diary/entries",
        json={"date": "2026-03-03", "pain": 3, "exercises": [{"id": "glute_bridge", "repetitions": 8}]},
    )
    second = r.json()["entry"]
    entries = local_client.get("/api/v1/diary/entries").json()
    assert [e["id"] for e in entries] == [first["id"], second["id"]]
    assert local_client.get(f"/api/v1/diary/entries/{second['id']}").json()["exercises"] == [
        {"id": "glute_bridge", "repetitions": 8}
    ]
    r = local_client.put(f"/api/v1/diary/entries/{first['id']}", json={"date": "2026-03-01", "pain": 7})
    assert r.status_code == 200 and r.json()["entry"]["pain"] == 7
    trend = local_client.get("/api/v1/diary/trend").json()
    assert [row["pain"] for row in trend["rows"]] == [7, 3]
    assert trend["baseline"]["pain"] == 7
    page = local_client.get("/api/v1/diary/trend?days=1&until=2026-03-01").json()  # a window: one day
    assert [row["date"] for row in page["rows"]] == ["2026-03-01"] and page["baseline"]["pain"] == 7
    last = local_client.get("/api/v1/diary/trend?days=1").json()  # ends at the latest entry
    assert [row["pain"] for row in last["rows"]] == [3] and last["baseline"]["pain"] == 7
    assert local_client.get("/api/v1/diary/trend?days=0").status_code == 422
    for odd in ("0", "1764547200", "2026-03-01T00:00"):  # seconds since 1970, or a time: not a day
        assert local_client.get(f"/api/v1/diary/trend?until={odd}").status_code == 422
    assert local_client.delete(f"/api/v1/diary/entries/{first['id']}").status_code == 204
    assert local_client.get(f"/api/v1/diary/entries/{first['id']}").status_code == 404
    assert local_client.put(f"/api/v1/diary/entries/{first['id']}", json={"pain": 1}).status_code == 404
    assert local_client.delete(f"/api/v1/diary/entries/{first['id']}").status_code == 404


def test_diary_entry_with_a_new_red_flag_is_retriaged(local_client):
    r = local_client.post("/api/v1/diary/entries", json={"pain": 5, "findings": {"saddle_numbness": True}})
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["retriage"] == "emergency"
    assert out["alert"] == ["cauda_equina"]
    trend = local_client.get("/api/v1/diary/trend").json()
    assert any(m["id"] == "red_flag" for m in trend["messages"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"pain": 11}, "pain"),
        ({}, "pain"),
        ({"pain": 3, "findings": {"not_a_finding": True}}, "answers.not_a_finding"),
        ({"pain": 3, "exercises": [{"id": "Bad Id", "repetitions": 2}]}, "exercises.0.id"),
        ({"pain": 3, "date": "2026-02-30"}, "date"),
    ],
)
def test_bad_diary_input_names_the_field(local_client, body, field):
    r = local_client.post("/api/v1/diary/entries", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["field"] == field


def test_export_holds_everything_and_delete_account_empties_it(local_client):
    local_client.post("/api/v1/assessments", json={"answers": LIFTING, "today": TODAY})
    local_client.post("/api/v1/diary/entries", json={"pain": 4})
    doc = local_client.get("/api/v1/export").json()
    assert doc["format"] == "backcare-export"
    assert len(doc["assessments"]) == 1 and len(doc["plans"]) == 1 and len(doc["entries"]) == 1
    csv = local_client.get("/api/v1/export.csv")
    assert csv.status_code == 200 and csv.text.count("\n") >= 2
    assert local_client.delete("/api/v1/account").status_code == 204
    doc = local_client.get("/api/v1/export").json()
    assert doc["assessments"] == [] and doc["entries"] == [] and doc["plans"] == []


def test_accounts_do_not_exist_in_local_mode(local_client):
    r = local_client.post("/api/v1/auth/login", json={"username": "a", "password": "b"})
    assert r.status_code == 404
