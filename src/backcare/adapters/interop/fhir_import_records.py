"""backcare's own records back from a bundle: the profile, episodes, assessments and plans.

They are recognised by backcare's identifiers (anything else is a clinician's data or ignored),
their references must resolve to backcare's resources in the same bundle, and the JSON carried
in backcare's extensions must agree with the FHIR elements, so a tampered record is refused.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.fhir_elements import Json, codes_of, extension_value, first_code, identifier
from backcare.adapters.interop.fhir_import_errors import Slot, day, fail, when

EPISODE_ID = f"{c.BC}:id:episode"
PLAN_ID = f"{c.BC}:id:plan"


class BundleIndex:
    """The bundle's resources, found by full URL or ``Type/id``, and which of them were read."""

    def __init__(self, bundle: Json, timezone: str) -> None:
        self.timezone = timezone
        entries = bundle.get("entry") or []
        self.slots = [Slot(i, e["resource"]) for i, e in enumerate(entries) if isinstance(e.get("resource"), dict)]
        self.by_url: dict[str, Slot] = {}
        for slot in self.slots:
            full = entries[slot.index].get("fullUrl")
            if full:
                self.by_url[str(full)] = slot
            if slot.resource.get("id"):
                self.by_url[f"{slot.resource['resourceType']}/{slot.resource['id']}"] = slot
        self.used: set[int] = set()

    def owned(self, kind: str, system: str) -> Iterator[tuple[Slot, str]]:
        """Resources of type ``kind`` with backcare's identifier in ``system`` (marked as read), with it."""
        for slot in self.slots:
            if slot.resource.get("resourceType") != kind:
                continue
            record_id = identifier(slot.resource, system)
            if record_id is not None:
                self.used.add(slot.index)
                yield slot, record_id

    def target(self, reference: Any, kind: str, system: str, slot: Slot, element: str) -> str | None:
        """The backcare id of the referenced resource of type ``kind`` (None when no reference)."""
        if reference is None:
            return None
        text = reference.get("reference") if isinstance(reference, dict) else None
        found = self.by_url.get(str(text)) if text else None
        if found is None or found.resource.get("resourceType") != kind:
            raise fail(slot, element, f"refers to {text!r}, which is not a {kind} in the bundle")
        ident = identifier(found.resource, system)
        if ident is None:
            raise fail(slot, element, f"refers to {found.name}, which was not exported by backcare")
        return ident

    def zone(self, resource: Json) -> Any:
        """The record's time zone, else the importing person's."""
        return extension_value(resource, c.TIMEZONE_EXT, "valueCode") or self.timezone


def json_extension(slot: Slot, url: str) -> Any:
    """The JSON a backcare extension carries (an assessment's inputs and outputs, a plan's content)."""
    raw = extension_value(slot.resource, url, "valueString")
    if raw is None:
        raise fail(slot, "extension", f"the backcare extension {url} is missing")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise fail(slot, "extension", f"{url} is not valid JSON ({exc.msg})") from None


def profile(index: BundleIndex) -> Json | None:
    """backcare's profile from its Patient; None for a clinician's Patient (the data joins the importer's)."""
    patients = [s for s in index.slots if s.resource.get("resourceType") == "Patient"]
    if len(patients) > 1:
        raise fail(patients[1], "", "the bundle holds more than one Patient; import one person's data at a time")
    if not patients:
        return None
    slot = patients[0]
    index.used.add(slot.index)
    pid = identifier(slot.resource, c.PROFILE_ID)
    if pid is None:
        return None
    created = extension_value(slot.resource, c.EXT_RECORDED, "valueDateTime")
    return {
        "id": pid,
        "timezone": index.zone(slot.resource),
        "created_at": when(slot, "extension", created) if created else dt.datetime.now(dt.UTC),
    }


def episodes(index: BundleIndex) -> list[Json]:
    out = []
    for slot, eid in index.owned("Condition", EPISODE_ID):
        r = slot.resource
        status = first_code(r.get("clinicalStatus"), c.CONDITION_CLINICAL)
        if status not in ("active", "resolved"):
            raise fail(slot, "clinicalStatus", "a backcare episode is active or resolved")
        closed = r.get("abatementDateTime")
        out.append(
            {
                "id": eid,
                "onset": day(slot, "onsetDateTime", r.get("onsetDateTime")),
                "status": status,
                "created_at": when(slot, "recordedDate", r.get("recordedDate")),
                "timezone": index.zone(r),
                "closed_at": when(slot, "abatementDateTime", closed) if closed else None,
            }
        )
    return out


def assessments(index: BundleIndex) -> list[Json]:
    out = []
    for slot, aid in index.owned("RiskAssessment", c.ASSESSMENT_ID):
        r = slot.resource
        kind = first_code(r.get("code"), c.ASSESSMENT_KIND_CODES)
        outputs = json_extension(slot, c.EXT_OUTPUTS)
        disposition = extension_value(r, c.EXT_DISPOSITION, "valueCode")
        _check_outputs(slot, outputs, disposition)
        out.append(
            {
                "id": aid,
                "episode_id": index.target(r.get("condition"), "Condition", EPISODE_ID, slot, "condition"),
                "kind": kind,
                "created_at": when(slot, "occurrenceDateTime", r.get("occurrenceDateTime")),
                "timezone": index.zone(r),
                "knowledge_version": extension_value(r, c.EXT_KNOWLEDGE, "valueString"),
                "disposition": disposition,
                "inputs": json_extension(slot, c.EXT_INPUTS),
                "outputs": outputs,
            }
        )
    return out


def _check_outputs(slot: Slot, outputs: Any, disposition: Any) -> None:
    """The embedded result must say what the RiskAssessment says: the disposition and the red flags."""
    if not isinstance(outputs, dict) or outputs.get("disposition") != disposition:
        raise fail(slot, "extension", "the disposition does not match the embedded assessment")
    said = sorted(str(h.get("id")) for h in outputs.get("red_flags") or [] if isinstance(h, dict))
    coded = sorted(
        code
        for p in slot.resource.get("prediction") or []
        for system, code in codes_of(p.get("outcome"))
        if system == c.RED_FLAG_CODES and code
    )
    if said != coded:
        raise fail(slot, "prediction", f"the red flags {coded} do not match the embedded assessment {said}")


def plans(index: BundleIndex) -> list[Json]:
    out = []
    for slot, pid in index.owned("CarePlan", PLAN_ID):
        r = slot.resource
        addresses = (r.get("addresses") or [None])[0]
        supporting = r.get("supportingInfo") or []
        out.append(
            {
                "id": pid,
                "episode_id": index.target(addresses, "Condition", EPISODE_ID, slot, "addresses[0]"),
                "assessment_id": index.target(
                    supporting[0] if supporting else None, "RiskAssessment", c.ASSESSMENT_ID, slot, "supportingInfo[0]"
                ),
                "created_at": when(slot, "created", r.get("created")),
                "timezone": index.zone(r),
                "start_date": day(slot, "period.start", (r.get("period") or {}).get("start")),
                "knowledge_version": extension_value(r, c.EXT_KNOWLEDGE, "valueString"),
                "content": json_extension(slot, c.EXT_PLAN),
            }
        )
    return out
