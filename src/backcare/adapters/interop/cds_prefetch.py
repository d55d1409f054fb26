"""The service's prefetch: the FHIR queries it asks the EHR for, and reading what the EHR sent.

Every prefetched resource is validated with the R4B models and must be about the patient in
context, so a wrong or foreign record is refused (400) rather than read into someone's triage.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.cds_facts import Facts, condition_facts, observation_facts, patient_facts
from backcare.adapters.interop.cds_note import encounter_reason, join_note, latest_document_text
from backcare.adapters.interop.cds_request import HookError, HookRequest, is_outcome
from backcare.adapters.interop.checks import validate_resource
from backcare.adapters.interop.fhir_elements import Json

#: Prefetch keys this service cannot work without (the note may come from either key).
REQUIRED = ("patient",)
NOTE_KEYS = ("note", "encounter")

_BACK_CODES = ",".join(f"{system}|{code}" for system, code in c.BACK_PAIN_CONDITIONS)
PREFETCH: dict[str, str] = {
    "patient": "Patient/{{context.patientId}}",
    "conditions": f"Condition?patient={{{{context.patientId}}}}&code={_BACK_CODES}",
    "observations": (
        "Observation?patient={{context.patientId}}"
        f"&code={c.LOINC}|{c.PAIN_NRS},{c.LOINC}|{c.PAIN_NRS_OLD},{c.LOINC}|{c.BODY_TEMPERATURE}"
        "&_sort=-date&_count=20"
    ),
    "note": "DocumentReference?patient={{context.patientId}}&_sort=-date&_count=1",
    "encounter": "Encounter/{{context.encounterId}}",
}


def missing_prefetch(req: HookRequest) -> list[str]:
    """Required keys the client did not send (a key sent as null means: the client has no such data)."""
    usable = {k for k, v in req.prefetch.items() if not is_outcome(v)}
    missing = [k for k in REQUIRED if k not in usable]
    note_keys = [k for k in NOTE_KEYS if k != "encounter" or req.encounter_id]
    if not any(k in usable for k in NOTE_KEYS):
        missing += note_keys
    return missing


def template_query(key: str, req: HookRequest) -> str | None:
    """The prefetch template of ``key`` with this request's context filled in (None if it cannot be)."""
    query = PREFETCH[key].replace("{{context.patientId}}", req.patient_id)
    if "{{context.encounterId}}" in query:
        if not req.encounter_id:
            return None
        query = query.replace("{{context.encounterId}}", req.encounter_id)
    return query


def read_prefetch(req: HookRequest, today: dt.date) -> Facts:
    """The facts and the note of a request; ``HookError`` 400 for invalid or another patient's data."""
    _validate(req)
    facts = Facts()
    for patient in _resources(req, "patient")[:1]:
        if patient.get("resourceType") != "Patient" or patient.get("id") not in (None, req.patient_id):
            raise HookError(400, "prefetch.patient is not the patient in context", "prefetch.patient")
        patient_facts(patient, today, facts)
    for cond in _of_type(req, "conditions", "Condition"):
        condition_facts(cond, today, facts)
    observation_facts(_of_type(req, "observations", "Observation"), today, facts)
    document = latest_document_text(_of_type(req, "note", "DocumentReference"))
    reason = None
    for enc in _resources(req, "encounter")[:1]:
        if enc.get("resourceType") == "Encounter":
            _check_subject(enc, req, "encounter")
            reason = encounter_reason(enc)
    facts.note = join_note([document, reason])
    return facts


def _validate(req: HookRequest) -> None:
    """Each prefetched resource against its R4B model; the first problem as a 400."""
    for key, value in req.prefetch.items():
        if key not in PREFETCH or value is None or is_outcome(value):
            continue
        if not isinstance(value, dict):
            raise HookError(400, f"prefetch.{key} must be a FHIR resource or null", f"prefetch.{key}")
        problems = validate_resource(value, f"prefetch.{key}")
        if problems:
            first = problems[0]
            raise HookError(400, str(first), first.expression)


def _resources(req: HookRequest, key: str) -> list[Json]:
    """The resources under a prefetch key: a search Bundle's entries, or the one resource."""
    value: Any = req.prefetch.get(key)
    if value is None or is_outcome(value):
        return []
    if not isinstance(value, dict):
        raise HookError(400, f"prefetch.{key} must be a FHIR resource or null", f"prefetch.{key}")
    if value.get("resourceType") == "Bundle":
        return [
            e["resource"]
            for e in value.get("entry") or []
            if isinstance(e, dict) and isinstance(e.get("resource"), dict)
        ]
    return [value]


def _of_type(req: HookRequest, key: str, kind: str) -> list[Json]:
    """The resources of type ``kind`` under a prefetch key, each checked to be about the patient."""
    found = [r for r in _resources(req, key) if r.get("resourceType") == kind]
    for resource in found:
        _check_subject(resource, req, key)
    return found


def _check_subject(resource: Json, req: HookRequest, key: str) -> None:
    subject = resource.get("subject") or resource.get("patient")
    ref = subject.get("reference") if isinstance(subject, dict) else None
    if isinstance(ref, str) and ref.startswith("Patient/") and ref != f"Patient/{req.patient_id}":
        raise HookError(400, f"prefetch.{key} holds data of {ref}, not of the patient in context", f"prefetch.{key}")
