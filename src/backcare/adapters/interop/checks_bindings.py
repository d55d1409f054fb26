"""Per-resource rules ``fhir.resources`` leaves unchecked: required value-set bindings and invariants.

The R4B models accept any string where FHIR requires a code from a fixed value set (``status:
"done"`` passes) and do not evaluate invariants; these checkers do, for the resource types
backcare reads and writes, so a bundle backcare accepts is one any FHIR server would accept too.
"""

from __future__ import annotations

from collections.abc import Callable

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.checks_problems import Collector
from backcare.adapters.interop.checks_questionnaires import questionnaire_answers, risk_answer
from backcare.adapters.interop.fhir_elements import Json, has_code, is_pain_code, pain_value, value_elements

OBSERVATION_STATUS = frozenset(
    {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"}
)
QR_STATUS = frozenset({"in-progress", "completed", "amended", "entered-in-error", "stopped"})
CONDITION_CLINICAL = frozenset({"active", "recurrence", "relapse", "inactive", "remission", "resolved"})
ACTIVE_CLINICAL = frozenset({"active", "recurrence", "relapse"})
REQUEST_STATUS = frozenset({"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"})
CAREPLAN_INTENT = frozenset({"proposal", "plan", "order", "option"})
ACTIVITY_STATUS = frozenset(
    {
        "not-started",
        "scheduled",
        "in-progress",
        "on-hold",
        "completed",
        "cancelled",
        "stopped",
        "unknown",
        "entered-in-error",
    }
)
GENDER = frozenset({"male", "female", "other", "unknown"})
OBS_6 = "only allowed when there is no value (obs-6)"


def _binding(out: Collector, resource: Json, key: str, allowed: frozenset[str], what: str) -> None:
    value = resource.get(key)
    if value is not None and value not in allowed:
        out.add((key,), f"{value!r} is not one of the {what} codes ({', '.join(sorted(allowed))})")


def _observation(out: Collector, r: Json) -> None:
    _binding(out, r, "status", OBSERVATION_STATUS, "observation status")
    values = [k for k in r if k.startswith("value")]
    if r.get("dataAbsentReason") is not None and values:
        out.add(("dataAbsentReason",), OBS_6)
    for i, comp in enumerate(r.get("component") or []):
        if isinstance(comp, dict) and comp.get("dataAbsentReason") is not None and value_elements(comp):
            out.add(("component", i, "dataAbsentReason"), OBS_6)
    code = r.get("code")
    if is_pain_code(code) and pain_value(r) is None:
        field = values[0] if values else "value[x]"
        out.add((field,), "a pain score must be a whole number from 0 to 10 (valueInteger)")
    if has_code(code, c.LOINC, c.STARTBACK_RISK) and "valueCodeableConcept" in r:
        risk_answer(out, ("valueCodeableConcept",), r["valueCodeableConcept"].get("coding") or [])


def _condition(out: Collector, r: Json) -> None:
    clinical = [cd for cd in (r.get("clinicalStatus") or {}).get("coding") or [] if isinstance(cd, dict)]
    for i, cd in enumerate(clinical):
        if cd.get("system") == c.CONDITION_CLINICAL and cd.get("code") not in CONDITION_CLINICAL:
            out.add(("clinicalStatus", "coding", i, "code"), f"{cd.get('code')!r} is not a condition clinical status")
    if r.get("clinicalStatus") is not None and not any(cd.get("system") == c.CONDITION_CLINICAL for cd in clinical):
        out.add(("clinicalStatus",), f"needs a code from {c.CONDITION_CLINICAL} (required binding)")
    abated = any(k.startswith("abatement") for k in r)
    status = {cd.get("code") for cd in clinical}
    if abated and status & ACTIVE_CLINICAL:
        out.add(("clinicalStatus",), "an abated condition cannot be active (con-4)")


def _risk_assessment(out: Collector, r: Json) -> None:
    _binding(out, r, "status", OBSERVATION_STATUS, "observation status")


def _careplan(out: Collector, r: Json) -> None:
    _binding(out, r, "status", REQUEST_STATUS, "request status")
    _binding(out, r, "intent", CAREPLAN_INTENT, "care plan intent")
    for i, act in enumerate(r.get("activity") or []):
        detail = act.get("detail") if isinstance(act, dict) else None
        if isinstance(detail, dict) and detail.get("status") not in ACTIVITY_STATUS:
            out.add(("activity", i, "detail", "status"), f"{detail.get('status')!r} is not a care plan activity status")


def _patient(out: Collector, r: Json) -> None:
    _binding(out, r, "gender", GENDER, "administrative gender")


def _questionnaire_response(out: Collector, r: Json) -> None:
    _binding(out, r, "status", QR_STATUS, "questionnaire response status")
    questionnaire_answers(out, r)


#: The checker of each resource type backcare reads or writes (others get only the common checks).
CHECKERS: dict[str, Callable[[Collector, Json], None]] = {
    "Observation": _observation,
    "Condition": _condition,
    "RiskAssessment": _risk_assessment,
    "CarePlan": _careplan,
    "Patient": _patient,
    "QuestionnaireResponse": _questionnaire_response,
}
