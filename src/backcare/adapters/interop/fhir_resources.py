"""What every resource of backcare's FHIR export shares: ids, references, and the common skeletons.

Resources derived from a record (an entry's PEG questionnaire, its score Observation) get ids
derived from the record's id, so exporting twice gives the same ids and importing twice adds
nothing; references are ``urn:uuid:`` full URLs, resolvable inside the bundle alone.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.fhir_elements import Json

if TYPE_CHECKING:
    from backcare.knowledge import KnowledgeBase

#: Namespace of the ids of resources derived from a record (e.g. an entry's PEG questionnaire).
NAMESPACE = uuid.UUID("5b0e3d1c-8a43-4f7e-9a61-2f4c0d6b9e17")


def derived_id(record_id: str, part: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{record_id}/{part}"))


def full_url(resource_id: str) -> str:
    """``urn:uuid:`` of the id (backcare's ids are UUIDs; any other id gets a stable derived one)."""
    try:
        return f"urn:uuid:{uuid.UUID(resource_id)}"
    except ValueError:
        return f"urn:uuid:{uuid.uuid5(NAMESPACE, resource_id)}"


def ref(resource_id: str) -> Json:
    return {"reference": full_url(resource_id)}


def tz_extension(name: str) -> Json:
    """The record's IANA time zone, so its dates mean the same days on the way back."""
    return {"url": c.TIMEZONE_EXT, "valueCode": name}


def iso(value: Any) -> str:
    return str(value.isoformat())


def compact(value: Any) -> str:
    """JSON for a backcare extension: what FHIR has no element for travels whole and comes back identical."""
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True)
class ExportContext:
    """What every builder needs: the knowledge base (for names and questions) and whose records these are."""

    kb: KnowledgeBase
    patient_id: str | None

    def subject(self) -> Json:
        return ref(self.patient_id) if self.patient_id else {"display": "the person who kept this diary"}

    def question(self, finding_id: str) -> str | None:
        definition = self.kb.findings.get(finding_id)
        return definition.question if definition else None


def observation(
    ctx: ExportContext,
    rid: str,
    ident: Json,
    code: Json,
    day: str,
    issued: str,
    derived_from: str | None = None,
    **value: Any,
) -> Json:
    """A final survey Observation of the person's, with its value element(s) given as keywords."""
    res: Json = {
        "resourceType": "Observation",
        "id": rid,
        "identifier": [ident],
        "status": "final",
        "category": [{"coding": [c.coding(c.OBSERVATION_CATEGORY, "survey", "Survey")]}],
        "code": code,
        "subject": ctx.subject(),
        "effectiveDateTime": day,
        "issued": issued,
    }
    if derived_from is not None:
        res["derivedFrom"] = [ref(derived_from)]
    res.update(value)
    return res


def questionnaire_response(
    ctx: ExportContext, rid: str, ident: Json, questionnaire: str, authored: str, items: list[Json]
) -> Json:
    """A completed QuestionnaireResponse of the person's."""
    return {
        "resourceType": "QuestionnaireResponse",
        "id": rid,
        "identifier": ident,
        "questionnaire": questionnaire,
        "status": "completed",
        "subject": ctx.subject(),
        "authored": authored,
        "item": items,
    }
