"""A person's backcare data as a FHIR R4 ``Bundle`` (type ``collection``), built with the R4B models.

What goes where (codes in ``backcare.adapters.interop.codes``):

- the profile: a minimal, pseudonymous ``Patient`` (an id, the time zone; a name only when asked);
- each episode: a back-pain ``Condition`` (onset, active or resolved);
- each diary entry (``fhir_diary``): a pain ``Observation`` (LOINC 72514-3) carrying the note, and
  beside it, when recorded, ``Observation``\\ s of the spasm count, the exercises done, the cold and
  heat sessions and the findings reported that day; PEG (LOINC 91148-7, score 91147-9),
  Roland-Morris and a complete STarT Back (LOINC 91349-1 with the distress subscore, total and risk
  level) as ``QuestionnaireResponse``\\ s with an ``Observation`` per score (``fhir_questionnaires``);
- each assessment (triage or a diary entry's re-triage): a ``RiskAssessment`` with one prediction
  per red flag (plain words, backcare's code, SNOMED CT / ICD-10-CM where checked), the action as
  ``mitigation``; STarT Back and PEG answers given in the assessment become questionnaires too;
- each plan: a ``CarePlan`` with its advice and exercises as activities and the safety net as notes.

Nothing is lost on the way back: every resource carries backcare's identifier of the record it
came from, and the parts FHIR has no element for (the assessment's inputs and full result, the
plan's schedule) travel in backcare extensions as JSON, so ``backcare import --format fhir``
rebuilds the identical records. The bundle is validated with ``fhir.resources`` (R4B) and with
``backcare.adapters.interop.checks`` before it leaves.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.checks import check_bundle, validate_with_library
from backcare.adapters.interop.fhir_diary import entry_resources
from backcare.adapters.interop.fhir_elements import Json
from backcare.adapters.interop.fhir_records import assessment_resources, episode, patient, plan
from backcare.adapters.interop.fhir_resources import ExportContext, full_url, iso

if TYPE_CHECKING:
    from backcare.adapters.storage.transfer import ExportDocument
    from backcare.knowledge import KnowledgeBase


class ExportProblem(RuntimeError):
    """backcare built a resource that does not validate (a bug: never shown as the user's fault)."""


def export_resources(doc: ExportDocument, kb: KnowledgeBase, name: str | None = None) -> list[Json]:
    """Every resource, in the order the import reads them: Patient, episodes, assessments, plans, entries."""
    ctx = ExportContext(kb, doc.profile.id if doc.profile else None)
    out: list[Json] = [patient(doc.profile, name)] if doc.profile is not None else []
    out += [episode(ctx, ep) for ep in doc.episodes]
    for a in doc.assessments:
        out += assessment_resources(ctx, a)
    latest = max(doc.plans, key=lambda p: p.created_at).id if doc.plans else None
    out += [plan(ctx, p, p.id == latest) for p in doc.plans]
    for e in doc.entries:
        out += entry_resources(ctx, e)
    return out


def export_bundle(doc: ExportDocument, *, kb: KnowledgeBase, name: str | None = None) -> Json:
    """The Bundle as JSON-ready data; validated (``ExportProblem`` if backcare built something invalid)."""

    resources = export_resources(doc, kb, name)
    bundle: Json = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"tag": [c.coding(c.EXT_EXPORT_FORMAT, "backcare-fhir-1", "backcare FHIR export, version 1")]},
        "type": "collection",
        "timestamp": iso(doc.exported_at),
        "entry": [{"fullUrl": full_url(r["id"]), "resource": r} for r in resources],
    }
    problems = validate_with_library(bundle) or check_bundle(bundle)
    if problems:
        raise ExportProblem(f"backcare built an invalid FHIR bundle: {problems[0]}")
    return bundle


def bundle_json(bundle: Json) -> str:
    return json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"
