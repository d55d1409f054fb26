"""backcare's records other than diary entries as FHIR: Patient, episodes, assessments and plans.

Each resource carries backcare's identifier of its record, and what FHIR has no element for (an
assessment's inputs and full result, a plan's content) travels in backcare extensions as JSON,
so the import rebuilds the identical record; the FHIR elements say the same for other readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.fhir_elements import Json
from backcare.adapters.interop.fhir_questionnaires import peg_resources, startback_answers, startback_resources
from backcare.adapters.interop.fhir_resources import ExportContext, compact, iso, ref, tz_extension

if TYPE_CHECKING:
    from backcare.adapters.storage.transfer import AssessmentRecord, EpisodeRecord, PlanRecord, ProfileRecord

KIND_DISPLAY = {"assessment": "Triage", "retriage": "Re-triage of a diary entry"}
DISPOSITION_DISPLAY = {
    "emergency": "Emergency: now",
    "urgent": "Urgent: see a doctor today",
    "soon": "Soon: GP or physiotherapist within 1-2 weeks",
    "self_care": "Self-care with a safety net",
}


def patient(p: ProfileRecord, name: str | None) -> Json:
    """A minimal, pseudonymous Patient: an id and the time zone; a name only when asked for."""
    res: Json = {
        "resourceType": "Patient",
        "id": p.id,
        "extension": [tz_extension(p.timezone), {"url": c.EXT_RECORDED, "valueDateTime": iso(p.created_at)}],
        "identifier": [{"system": c.PROFILE_ID, "value": p.id}],
    }
    if name and name.strip():
        res["name"] = [{"text": name.strip()}]
    return res


def episode(ctx: ExportContext, ep: EpisodeRecord) -> Json:
    """An episode of back pain as a problem-list Condition (active, or resolved when closed)."""
    res: Json = {
        "resourceType": "Condition",
        "id": ep.id,
        "extension": [tz_extension(ep.timezone), {"url": c.EXT_RECORDED, "valueDateTime": iso(ep.created_at)}],
        "identifier": [{"system": f"{c.BC}:id:episode", "value": ep.id}],
        "clinicalStatus": {"coding": [c.coding(c.CONDITION_CLINICAL, ep.status, ep.status.title())]},
        "category": [{"coding": [c.coding(c.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")]}],
        "code": {"coding": [c.coding(*c.BACKACHE)], "text": "Back pain episode recorded in backcare"},
        "subject": ctx.subject(),
        "onsetDateTime": ep.onset.isoformat(),
        "recordedDate": iso(ep.created_at),
    }
    if ep.closed_at is not None:
        res["abatementDateTime"] = iso(ep.closed_at)
    return res


# --- Assessments ----------------------------------------------------------------------------------


def assessment_resources(ctx: ExportContext, a: AssessmentRecord) -> list[Json]:
    """The RiskAssessment, then STarT Back and PEG answered in a triage (a re-triage reuses earlier ones)."""
    out = [_risk_assessment(ctx, a)]
    answers = a.inputs.get("answers") if isinstance(a.inputs, dict) else None
    if not isinstance(answers, dict) or a.kind != "assessment":
        return out
    ident = {"system": c.ASSESSMENT_ID, "value": a.id}
    when = iso(a.created_at)
    day = str(a.inputs.get("today") or a.created_at.date().isoformat())
    startback = startback_answers(answers)
    if startback is not None:
        out += startback_resources(ctx, a.id, ident, startback, day, when)
    peg = [answers.get(f"peg_{n}") for n in (1, 2, 3)]
    if all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10 for v in peg):
        items = [int(v) for v in peg if isinstance(v, int)]
        out += peg_resources(ctx, a.id, ident, items, round(sum(items) / 3, 2), day, when)
    return out


def _risk_assessment(ctx: ExportContext, a: AssessmentRecord) -> Json:
    predictions = [_prediction(ctx, hit) for hit in a.outputs.get("red_flags") or []]
    res: Json = {
        "resourceType": "RiskAssessment",
        "id": a.id,
        "extension": [
            tz_extension(a.timezone),
            {"url": c.EXT_DISPOSITION, "valueCode": a.disposition.value},
            {"url": c.EXT_KNOWLEDGE, "valueString": a.knowledge_version},
            {"url": c.EXT_INPUTS, "valueString": compact(a.inputs)},
            {"url": c.EXT_OUTPUTS, "valueString": compact(a.outputs)},
        ],
        "identifier": [{"system": c.ASSESSMENT_ID, "value": a.id}],
        "status": "final",
        "code": {"coding": [c.coding(c.ASSESSMENT_KIND_CODES, a.kind, KIND_DISPLAY[a.kind])]},
        "subject": ctx.subject(),
        "occurrenceDateTime": iso(a.created_at),
        "method": {"text": f"backcare triage, knowledge base {a.knowledge_version}"},
        "note": [
            {
                "text": f"Disposition: {DISPOSITION_DISPLAY[a.disposition.value]}. "
                "Information and triage advice, not a diagnosis."
            }
        ],
    }
    if a.episode_id:
        res["condition"] = ref(a.episode_id)
    if predictions:
        res["prediction"] = predictions
    headline = a.outputs.get("headline") or a.outputs.get("disposition_text")
    if headline:
        res["mitigation"] = str(headline)
    return res


def _prediction(ctx: ExportContext, hit: dict[str, Any]) -> Json:
    """One red flag: plain words, backcare's code and SNOMED CT / ICD-10-CM where checked, and why."""
    flag_id = str(hit.get("id"))
    name = str(hit.get("name") or flag_id)
    codings = [c.coding(*std) for std in c.RED_FLAG_STANDARD_CODES.get(flag_id, ())]
    codings.append(c.coding(c.RED_FLAG_CODES, flag_id, name))
    because = [_plain_finding(ctx, f) for f in hit.get("because") or []]
    rationale = " ".join(
        p for p in (f"Because: {'; '.join(because)}." if because else "", str(hit.get("advice") or "")) if p
    )
    disposition = str(hit.get("disposition"))
    prediction: Json = {
        "outcome": {"coding": codings, "text": name},
        "qualitativeRisk": {
            "coding": [c.coding(c.DISPOSITION_CODES, disposition, DISPOSITION_DISPLAY.get(disposition))]
        },
    }
    if rationale:
        prediction["rationale"] = rationale
    return prediction


def _plain_finding(ctx: ExportContext, finding_id: str) -> str:
    question = ctx.question(finding_id)
    return question.rstrip("?") if question is not None else finding_id


# --- Plans ----------------------------------------------------------------------------------------


def plan(ctx: ExportContext, p: PlanRecord, latest: bool) -> Json:
    """A CarePlan: advice and exercises as activities, the safety net as notes; only the latest is active."""
    content = p.content
    activities = [_advice_activity(item) for item in content.get("items") or []]
    activities += [_exercise_activity(ex) for ex in content.get("exercises") or []]
    res: Json = {
        "resourceType": "CarePlan",
        "id": p.id,
        "extension": [
            tz_extension(p.timezone),
            {"url": c.EXT_KNOWLEDGE, "valueString": p.knowledge_version},
            {"url": c.EXT_PLAN, "valueString": compact(content)},
        ],
        "identifier": [{"system": f"{c.BC}:id:plan", "value": p.id}],
        "status": "active" if latest else "completed",
        "intent": "plan",
        "subject": ctx.subject(),
        "period": {"start": p.start_date.isoformat()},
        "created": iso(p.created_at),
    }
    if content.get("headline"):
        res["title"] = str(content["headline"])
    if p.episode_id:
        res["addresses"] = [ref(p.episode_id)]
    if p.assessment_id:
        res["supportingInfo"] = [ref(p.assessment_id)]
    if activities:
        res["activity"] = activities
    notes = [
        {"text": f"Watch for {s.get('watch_for')}: {s.get('action')}"}
        for s in content.get("safety_net") or []
        if s.get("watch_for") and s.get("action")
    ]
    if notes:
        res["note"] = notes
    return res


def _advice_activity(item: dict[str, Any]) -> Json:
    text = str(item.get("text") or "")
    if item.get("caution"):
        text = f"{text} Caution: {item['caution']}"
    detail: Json = {
        "code": {
            "coding": [c.coding(c.PLAN_ITEM_CODES, str(item.get("id")))],
            "text": str(item.get("title") or item.get("id")),
        },
        "status": "unknown",
    }
    if text.strip():
        detail["description"] = text.strip()
    return {"detail": detail}


def _exercise_activity(ex: dict[str, Any]) -> Json:
    detail: Json = {
        "code": {
            "coding": [c.coding(c.EXERCISE_CODES, str(ex.get("id")), ex.get("name"))],
            "text": str(ex.get("name") or ex.get("id")),
        },
        "status": "unknown",
    }
    if ex.get("dosage"):
        detail["scheduledString"] = str(ex["dosage"])
    if ex.get("steps"):
        detail["description"] = " ".join(str(s) for s in ex["steps"])
    return {"detail": detail}
