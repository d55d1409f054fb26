"""FHIR export and import over a store: what ``backcare export|import --format fhir`` and the API call.

The import is two steps so nothing is written unless the whole bundle is good: ``read_bundle``
parses and validates everything (no database involved), then ``write_import`` adds the records
in one unit of work (one transaction; an ``ImportConflict`` rolls it back).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backcare.adapters.interop.fhir_import import FhirImport
    from backcare.adapters.storage import ImportSummary, Store
    from backcare.adapters.storage.transfer import Checks
    from backcare.knowledge import KnowledgeBase

FHIR_JSON = "application/fhir+json"


def checks_for(kb: KnowledgeBase) -> Checks:
    """The record checks of the JSON import: known findings, scores that match their answers."""
    from backcare.adapters.storage.transfer import Checks
    from backcare.core.instruments import score_peg, score_rmdq

    askable = [fid for fid, f in kb.findings.items() if not f.computed]
    return Checks(askable, score_peg, score_rmdq)


def export_fhir(
    store: Store | None, kb: KnowledgeBase, profile_id: str | None = None, name: str | None = None
) -> str:
    """The person's records as a FHIR Bundle (JSON text); an empty collection when nothing is stored."""
    from backcare.adapters.interop.fhir_export import bundle_json, export_bundle
    from backcare.adapters.storage import utc_now
    from backcare.adapters.storage.transfer import ExportDocument

    if store is None:
        doc = ExportDocument(entries=[], exported_at=utc_now())
    else:
        with store.unit_of_work(write=False, profile_id=profile_id) as uow:
            doc = uow.diary.export()
    return bundle_json(export_bundle(doc, kb=kb, name=name))


def looks_like_bundle(text: str) -> bool:
    """True for a JSON FHIR Bundle (so ``backcare import`` can tell it from its own JSON export)."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("resourceType") == "Bundle"


def read_bundle(text: str, timezone: str, kb: KnowledgeBase) -> FhirImport:
    """Parse and validate a bundle completely (``FhirImportError`` names the resource and element)."""
    from backcare.adapters.interop.fhir_import import parse_bundle

    return parse_bundle(text, checks_for(kb), timezone)


def write_import(
    store: Store, parsed: FhirImport, timezone: str, profile_id: str | None = None, replace: bool = False
) -> ImportSummary:
    """Add the records in one transaction; ``ImportConflict`` (nothing written) on a differing record."""
    with store.unit_of_work(profile_id=profile_id) as uow:
        if replace:
            uow.diary.forget(keep_profile=True)
        summary = uow.diary.import_document(parsed.document)
        if parsed.loose_entries:
            more = uow.diary.import_entries(parsed.loose_entries, timezone)
            for kind, n in more.added.items():
                summary.added[kind] = summary.added.get(kind, 0) + n
            for kind, n in more.unchanged.items():
                summary.unchanged[kind] = summary.unchanged.get(kind, 0) + n
        uow.commit()
    return summary


def summary_json(summary: ImportSummary, ignored: int) -> dict[str, Any]:
    return {"added": summary.added, "unchanged": summary.unchanged, "ignored_resources": ignored}
