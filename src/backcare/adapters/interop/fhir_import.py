"""A FHIR R4 Bundle into backcare's records: validated whole before anything is written.

Two kinds of content are read:

- **backcare's own export** (resources carrying backcare's identifiers, ``fhir_import_records``
  and ``fhir_import_entries``): the profile, episodes, diary entries with everything recorded in
  them, assessments and plans come back identical;
- **what a clinician sends** (``fhir_import_entries``): pain ``Observation``\\ s (LOINC 72514-3,
  or the older 38208-5) become diary entries, one per observation, on its effective date; STarT
  Back (91349-1), PEG (91148-7) and Roland-Morris ``QuestionnaireResponse``\\ s join the pain entry
  of their ``authored`` date (a questionnaire on a day without a pain observation is refused: a
  diary entry needs the pain). Entries get ids derived from the resources, so importing the same
  bundle twice adds nothing.

Other resources are ignored (and counted). Anything wrong (JSON, the ``fhir.resources`` R4B
validation, ``backcare.adapters.interop.checks``, or backcare's own record rules) raises
``FhirImportError`` naming the resource and the element; the caller writes nothing then.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from backcare.adapters.interop import fhir_import_records as records
from backcare.adapters.interop.checks import check_bundle, validate_with_library
from backcare.adapters.interop.checks_problems import path_text
from backcare.adapters.interop.fhir_elements import Json
from backcare.adapters.interop.fhir_import_entries import entries
from backcare.adapters.interop.fhir_import_errors import FhirImportError, Slot, fail, when

if TYPE_CHECKING:
    from backcare.adapters.storage.transfer import Checks, ExportDocument
    from backcare.core.diary import DiaryEntry

__all__ = ["FhirImport", "FhirImportError", "parse_bundle"]

#: The pain Observation's element that holds each field of a diary entry (to name it in errors).
_ENTRY_ELEMENTS = {
    "pain": "valueInteger",
    "date": "effectiveDateTime",
    "recorded_at": "issued",
    "note": "note",
    "timezone": "extension",
    "findings": "component",
    "spasms": "hasMember",
    "exercises": "hasMember",
    "cold_sessions": "hasMember",
    "heat_sessions": "hasMember",
    "peg": "hasMember",
    "rmdq": "hasMember",
    "retriage": "extension",
}


@dataclass
class FhirImport:
    """What a bundle holds, ready to write: backcare's records and the entries of a clinician's data."""

    document: ExportDocument
    #: Entries from a clinician's resources: they join the person's open episode.
    loose_entries: list[DiaryEntry] = field(default_factory=list)
    ignored: int = 0


def parse_bundle(text: str, checks: Checks, timezone: str) -> FhirImport:
    """Parse and validate a bundle completely; ``FhirImportError`` on the first problem."""
    bundle = _load(text)
    problems = validate_with_library(bundle) or check_bundle(bundle)
    if problems:
        raise FhirImportError.of(problems)
    index = records.BundleIndex(bundle, timezone)
    doc, loose, loose_entries = _document(bundle, index, checks)
    seen: set[str] = {e.id for e in doc.entries}
    for (slot, _), entry in zip(loose, loose_entries, strict=True):
        if entry.id in seen:
            raise fail(slot, "", "the same pain observation appears twice")
        seen.add(entry.id)
    ignored = len([s for s in index.slots if s.index not in index.used])
    return FhirImport(document=doc, loose_entries=loose_entries, ignored=ignored)


def _load(text: str) -> Json:
    """The bundle's JSON; ``FhirImportError`` for anything that is not JSON of a Bundle."""
    try:
        bundle = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FhirImportError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise FhirImportError("not valid JSON: nested too deeply") from None
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        found = bundle.get("resourceType") if isinstance(bundle, dict) else type(bundle).__name__
        raise FhirImportError(f"expected a FHIR Bundle, got {found!r}", "Bundle", "resourceType", "Bundle.resourceType")
    return bundle


def _document(
    bundle: Json, index: records.BundleIndex, checks: Checks
) -> tuple[ExportDocument, list[tuple[Slot, Json]], list[DiaryEntry]]:
    """backcare's own records as a checked document, and the clinician's entries with their places."""
    from backcare.adapters.storage.transfer import (
        AssessmentRecord,
        EpisodeRecord,
        ExportDocument,
        PlanRecord,
        ProfileRecord,
    )

    profile = records.profile(index)
    episodes = [_record(EpisodeRecord, e, "Condition/" + e["id"]) for e in records.episodes(index)]
    assessments = [_record(AssessmentRecord, a, "RiskAssessment/" + a["id"]) for a in records.assessments(index)]
    plans = [_record(PlanRecord, p, "CarePlan/" + p["id"]) for p in records.plans(index)]
    own, loose = entries(index)
    checked = [_entry(slot, data, checks) for slot, data in own]
    loose_entries = [_entry(slot, data, checks) for slot, data in loose]
    stamp = bundle.get("timestamp")
    doc = ExportDocument(
        exported_at=when(Slot(-1, {"resourceType": "Bundle"}), "timestamp", stamp)
        if stamp
        else dt.datetime.now(dt.UTC),
        profile=_record(ProfileRecord, profile, "Patient") if profile else None,
        episodes=episodes,
        assessments=assessments,
        plans=plans,
        entries=checked,
    )
    doc_problems = checks.document(doc)
    if doc_problems:
        loc, msg = doc_problems[0]
        raise FhirImportError(f"{path_text(loc)}: {msg}", more=len(doc_problems) - 1)
    return doc, loose, loose_entries


def _entry(slot: Slot, data: Json, checks: Checks) -> DiaryEntry:
    """A diary entry from its fields, checked as the JSON import checks it; errors name the pain element."""
    from backcare.core.diary import DiaryEntry

    try:
        entry = DiaryEntry.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        element = _ENTRY_ELEMENTS.get(str(loc[0]) if loc else "", "")
        raise FhirImportError(
            f"{path_text(loc)}: {err['msg']}", slot.name, element or None, slot.where(element)
        ) from None
    problems = checks.entry(entry)
    if problems:
        loc, msg = problems[0]
        element = _ENTRY_ELEMENTS.get(str(loc[0]) if loc else "", "")
        raise FhirImportError(msg, slot.name, element or None, slot.where(element), more=len(problems) - 1)
    return entry


def _record(model: type[Any], data: Json, slot_name: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise FhirImportError(f"{path_text(tuple(err['loc']))}: {err['msg']}", slot_name) from None
