"""FHIR R4 export and import: the round trip loses nothing, every resource validates, a clinician's
questionnaires and pain scores fill the diary, and a bad bundle is refused whole (named, nothing written)."""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from starlette.testclient import TestClient

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.checks import check_bundle, validate_with_library
from backcare.entrypoints.web.app import create_app
from backcare.entrypoints.web.settings import Settings

from .conftest import cli


def native(exclude_time: bool = True) -> dict[str, Any]:
    code, out, err = cli("export", "--format", "json")
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    if exclude_time:
        doc.pop("exported_at")
    return doc


def fhir_export(*extra: str) -> dict[str, Any]:
    code, out, err = cli("export", "--format", "fhir", *extra)
    assert code == 0, err
    bundle: dict[str, Any] = json.loads(out)
    return bundle


def write(tmp_path: Path, name: str, data: Any) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return str(path)


# --- Export ---------------------------------------------------------------------------------------


def test_export_holds_every_kind_of_record(diary: None) -> None:
    bundle = fhir_export()
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    kinds = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    assert kinds["Patient"] == 1 and kinds["Condition"] == 1 and kinds["CarePlan"] == 1
    assert kinds["RiskAssessment"] >= 2  # the assessment and at least one diary re-triage
    resources = [e["resource"] for e in bundle["entry"]]
    pains = [
        r for r in resources if r["resourceType"] == "Observation" and r["code"]["coding"][0]["code"] == c.PAIN_NRS
    ]
    assert sorted(r["valueInteger"] for r in pains) == [4, 5, 6]
    questionnaires = Counter(r["questionnaire"] for r in resources if r["resourceType"] == "QuestionnaireResponse")
    # STarT Back and PEG from the assessment's answers, PEG and RMDQ of day 1, STarT Back of day 2
    assert questionnaires == {c.Q_STARTBACK: 2, c.Q_PEG: 2, c.Q_RMDQ: 1}
    risk = [
        r
        for r in resources
        if r["resourceType"] == "Observation" and r["code"]["coding"][0]["code"] == c.STARTBACK_RISK
    ]
    assert {r["valueCodeableConcept"]["coding"][0]["code"] for r in risk} <= {"LA9194-7", "LA8982-6", "LA9193-9"}
    peg = [r for r in resources if r["resourceType"] == "Observation" and r["code"]["coding"][0]["code"] == c.PEG_SCORE]
    assert peg and all(r["valueQuantity"]["value"] == 6.0 for r in peg)
    patient = next(r for r in resources if r["resourceType"] == "Patient")
    assert "name" not in patient and "birthDate" not in patient and "gender" not in patient  # pseudonymous
    cauda = [
        p
        for r in resources
        if r["resourceType"] == "RiskAssessment"
        for p in r.get("prediction", [])
        if any(cd["code"] == "cauda_equina" for cd in p["outcome"]["coding"])
    ]
    assert cauda, "the note about the toilet paper re-triaged to cauda equina"
    codes = {(cd["system"], cd["code"]) for cd in cauda[0]["outcome"]["coding"]}
    assert {(c.SNOMED, "192970008"), (c.ICD10CM, "G83.4")} <= codes
    assert "cauda equina" in cauda[0]["outcome"]["text"].lower()
    plan = next(r for r in resources if r["resourceType"] == "CarePlan")
    assert plan["status"] == "active" and plan["intent"] == "plan" and plan["activity"]


def test_every_resource_validates(diary: None) -> None:
    bundle = fhir_export("--name", "Alex Example")
    assert validate_with_library(bundle) == []
    assert check_bundle(bundle) == []
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
    patient = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    assert patient["name"] == [{"text": "Alex Example"}]


def test_empty_export_is_an_empty_bundle() -> None:
    bundle = fhir_export()
    assert bundle["type"] == "collection" and bundle["entry"] == []
    assert validate_with_library(bundle) == []


# --- Round trip ----------------------------------------------------------------------------------


def test_round_trip_loses_nothing(diary: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = native()
    bundle = fhir_export()
    path = write(tmp_path, "bundle.json", bundle)
    monkeypatch.setenv("BACKCARE_DATA_DIR", str(tmp_path / "other"))
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "Imported" in out
    assert native() == before
    again = fhir_export()
    for b in (bundle, again):
        b.pop("id"), b.pop("timestamp")
    assert again == bundle
    code, out, _ = cli("import", path)  # a second import adds nothing
    assert code == 0 and "nothing new" in out


def test_round_trip_through_the_api(diary: None, tmp_path: Path) -> None:
    bundle = fhir_export()
    before = native()
    # A whole history with its assessments is larger than the default request limit (256 kB): raised here.
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'api.db'}", warm_up=False, max_body_bytes=4_000_000)
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000", client=("127.0.0.1", 5000)) as client:
        r = client.post(
            "/api/v1/import.fhir", content=json.dumps(bundle), headers={"content-type": "application/fhir+json"}
        )
        assert r.status_code == 200, r.text
        assert r.json()["added"]["entry"] == 3
        r = client.get("/api/v1/export.fhir")
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/fhir+json")
        again = r.json()
        exported = client.get("/api/v1/export").json()
    exported.pop("exported_at")
    assert exported["entries"] == before["entries"]
    assert exported["assessments"] == before["assessments"] and exported["plans"] == before["plans"]

    # The same resources, about this server's person (the local profile here has its own id)
    def resources(b: dict[str, Any]) -> list[str]:
        pid = next(e["resource"]["id"] for e in b["entry"] if e["resource"]["resourceType"] == "Patient")
        return sorted(
            json.dumps(e["resource"], sort_keys=True).replace(pid, "PATIENT")
            for e in b["entry"]
            if e["resource"]["resourceType"] != "Patient"
        )

    assert resources(again) == resources(bundle)


# --- A clinician's bundle -------------------------------------------------------------------------


def gp_pain(rid: str, code: str, effective: str, **value: Any) -> dict[str, Any]:
    """A GP's pain Observation (bundle entry) with the LOINC ``code`` and the value element(s) given."""
    resource = {
        "resourceType": "Observation",
        "id": rid,
        "status": "final",
        "code": {"coding": [{"system": c.LOINC, "code": code}]},
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": effective,
    }
    return {"resource": resource | value}


GP_BUNDLE: dict[str, Any] = {
    "resourceType": "Bundle",
    "type": "collection",
    "entry": [
        {
            "fullUrl": "https://ehr.example.org/fhir/Patient/p1",
            "resource": {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1980-01-01"},
        },
        gp_pain(
            "o1", c.PAIN_NRS, "2026-11-25T09:30:00+00:00", valueInteger=7, note=[{"text": "worse after gardening"}]
        ),
        gp_pain("o2", c.PAIN_NRS_OLD, "2026-11-29", valueQuantity={"value": 4, "unit": "{score}"}),
        {
            "resource": {
                "resourceType": "QuestionnaireResponse",
                "id": "q1",
                "questionnaire": c.Q_PEG,
                "status": "completed",
                "subject": {"reference": "Patient/p1"},
                "authored": "2026-11-25",
                "item": [
                    {"linkId": "peg_1", "answer": [{"valueInteger": 7}]},
                    {"linkId": "peg_2", "answer": [{"valueInteger": 6}]},
                    {"linkId": "peg_3", "answer": [{"valueInteger": 5}]},
                    {"linkId": c.PEG_SCORE, "answer": [{"valueDecimal": 6.0}]},
                ],
            }
        },
        {
            "resource": {
                "resourceType": "QuestionnaireResponse",
                "id": "q2",
                "questionnaire": c.Q_STARTBACK,
                "status": "completed",
                "subject": {"reference": "Patient/p1"},
                "authored": "2026-11-25",
                "item": [
                    *(
                        {"linkId": code, "answer": [{"valueCoding": {"display": "Agree" if n < 6 else "Disagree"}}]}
                        for n, code in enumerate(c.STARTBACK_ITEMS[:8], start=1)
                    ),
                    {"linkId": c.STARTBACK_ITEMS[8], "answer": [{"valueCoding": {"display": "Very much"}}]},
                    {"linkId": c.STARTBACK_TOTAL, "answer": [{"valueInteger": 6}]},
                    {"linkId": c.STARTBACK_DISTRESS, "answer": [{"valueInteger": 2}]},
                    {
                        "linkId": c.STARTBACK_RISK,
                        "answer": [{"valueCoding": {"system": c.LOINC, "code": "LA8982-6", "display": "Medium"}}],
                    },
                ],
            }
        },
        {
            "resource": {
                "resourceType": "Condition",
                "id": "c1",
                "subject": {"reference": "Patient/p1"},
                "code": {"text": "asthma"},
            }
        },
    ],
}


def test_a_clinicians_bundle_fills_the_diary(tmp_path: Path) -> None:
    path = write(tmp_path, "gp.json", GP_BUNDLE)
    code, out, err = cli("import", path)
    assert code == 0, err
    assert "2 entry(s)" in out and "1 resource(s) of other kinds" in out
    entries = sorted(native()["entries"], key=lambda e: e["date"])
    assert [(e["date"], e["pain"]) for e in entries] == [("2026-11-25", 7), ("2026-11-29", 4)]
    first = entries[0]
    assert first["peg"] == {"score": 6.0, "items": [7, 6, 5]}
    assert first["note"] == "worse after gardening"
    assert first["findings"]["startback_1"] is True and first["findings"]["startback_9"] == "very_much"
    assert first["episode_id"] and first["episode_id"] == entries[1]["episode_id"]
    code, out, _ = cli("import", path)
    assert code == 0 and "nothing new" in out  # ids derive from the resources: no duplicates


# --- Bad bundles ----------------------------------------------------------------------------------


def _entry(bundle: dict[str, Any], rid: str) -> dict[str, Any]:
    resource: dict[str, Any] = next(e["resource"] for e in bundle["entry"] if e["resource"].get("id") == rid)
    return resource


def _bad(mutate: Any) -> dict[str, Any]:
    bundle = copy.deepcopy(GP_BUNDLE)
    mutate(bundle)
    return bundle


BAD: list[tuple[str, Any, str, str]] = [
    ("pain out of range", lambda b: _entry(b, "o1").update(valueInteger=12), "Observation/o1", "valueInteger"),
    ("pain not a number", lambda b: _entry(b, "o1").update(valueInteger="x"), "Observation/o1", "valueInteger"),
    (
        "status outside its required binding",
        lambda b: _entry(b, "o1").update(status="done"),
        "Observation/o1",
        "status",
    ),
    ("unknown element", lambda b: _entry(b, "o1").update(colour="red"), "Observation/o1", "colour"),
    (
        "PEG score does not match",
        lambda b: _entry(b, "q1")["item"][3]["answer"][0].update(valueDecimal=6.5),
        "QuestionnaireResponse/q1",
        "item[3].answer[0]",
    ),
    (
        "PEG item out of range",
        lambda b: _entry(b, "q1")["item"][0]["answer"][0].update(valueInteger=11),
        "QuestionnaireResponse/q1",
        "item[0].answer[0]",
    ),
    (
        "unknown PEG item",
        lambda b: _entry(b, "q1")["item"][2].update(linkId="peg_4"),
        "QuestionnaireResponse/q1",
        "item[2].linkId",
    ),
    (
        "STarT Back risk not a LOINC answer",
        lambda b: _entry(b, "q2")["item"][11]["answer"][0]["valueCoding"].update(code="LA0000-0"),
        "QuestionnaireResponse/q2",
        "item[11].answer[0].valueCoding.code",
    ),
    (
        "STarT Back risk does not match the items",
        lambda b: _entry(b, "q2")["item"][11]["answer"][0]["valueCoding"].update(code="LA9193-9", display="High"),
        "QuestionnaireResponse/q2",
        "item[11].answer[0]",
    ),
    (
        "STarT Back item answered with a number",
        lambda b: _entry(b, "q2")["item"][0].update(answer=[{"valueInteger": 1}]),
        "QuestionnaireResponse/q2",
        "item[0].answer[0]",
    ),
    (
        "questionnaire on a day without pain",
        lambda b: _entry(b, "q1").update(authored="2026-11-26"),
        "QuestionnaireResponse/q1",
        "authored",
    ),
    (
        "wrong LOINC check digit",
        lambda b: _entry(b, "o1")["code"]["coding"][0].update(code="72514-4"),
        "Observation/o1",
        "code.coding[0].code",
    ),
    (
        "two patients",
        lambda b: b["entry"].append({"resource": {"resourceType": "Patient", "id": "p2"}}),
        "Patient/p2",
        "",
    ),
    (
        "reference outside the bundle",
        lambda b: _entry(b, "o1").update(subject={"reference": "urn:uuid:0a5f3d0e-0000-4000-8000-000000000000"}),
        "Observation/o1",
        "subject.reference",
    ),
]


@pytest.mark.parametrize(("what", "mutate", "resource", "field"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_bundle_is_refused_whole(
    what: str, mutate: Any, resource: str, field: str, tmp_path: Path, diary: None
) -> None:
    before = native()
    path = write(tmp_path, "bad.json", _bad(mutate))
    code, _, err = cli("import", path)
    assert code == 2, what
    assert f"{resource}: {field}:" in err if field else resource in err
    assert "nothing was imported" in err
    assert native() == before


@pytest.mark.parametrize(("what", "mutate", "resource", "field"), BAD[:6], ids=[b[0] for b in BAD[:6]])
def test_the_api_refuses_a_bad_bundle_with_an_operation_outcome(
    what: str, mutate: Any, resource: str, field: str, tmp_path: Path
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'api.db'}", warm_up=False)
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000", client=("127.0.0.1", 5000)) as client:
        r = client.post("/api/v1/import.fhir", content=json.dumps(_bad(mutate)))
        assert r.status_code == 422, what
        outcome = r.json()
        assert outcome["resourceType"] == "OperationOutcome"
        issue = outcome["issue"][0]
        assert issue["severity"] == "error" and resource in issue["diagnostics"]
        assert issue["expression"][0].startswith("Bundle.entry[")
        assert client.get("/api/v1/diary/entries").json() == []


def test_not_json_and_not_a_bundle_are_refused(tmp_path: Path) -> None:
    code, _, err = cli("import", "--format", "fhir", write(tmp_path, "a.json", '{"resourceType": "Bundle",'))
    assert code == 2 and "not valid JSON" in err
    code, _, err = cli("import", "--format", "fhir", write(tmp_path, "b.json", {"resourceType": "Patient"}))
    assert code == 2 and "expected a FHIR Bundle" in err
    assert native()["entries"] == []
