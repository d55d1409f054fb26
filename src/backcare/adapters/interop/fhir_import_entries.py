"""Diary entries from a bundle: backcare's own, regrouped by entry id, and those a clinician's data makes.

backcare's entry is its pain Observation plus the members that carry the entry's identifier. A
clinician's pain Observation (LOINC 72514-3 or 38208-5) becomes an entry of its own, with an id
derived from the resource so a second import adds nothing; a clinician's questionnaire joins the
first pain entry of its ``authored`` day, and is refused when that day has no pain score.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from backcare.adapters.interop import codes as c
from backcare.adapters.interop.checks_questionnaires import COMPLETED, parsed_answers, questionnaire_kind
from backcare.adapters.interop.fhir_elements import (
    Json,
    codes_of,
    extension,
    extension_value,
    first_code,
    has_code,
    identifier,
    is_pain_code,
    pain_value,
    value_elements,
)
from backcare.adapters.interop.fhir_import_errors import Slot, day, fail, when
from backcare.adapters.interop.fhir_import_records import EPISODE_ID, BundleIndex
from backcare.adapters.interop.fhir_resources import NAMESPACE

ACCEPTED_STATUS = frozenset({"final", "amended", "corrected"})
Found = tuple[Slot, Json]


def entries(index: BundleIndex) -> tuple[list[Found], list[Found]]:
    """(backcare's entries, entries from a clinician's resources), each with its pain observation."""
    groups: dict[str, list[Slot]] = defaultdict(list)
    loose_pain: list[Slot] = []
    loose_qr: list[Slot] = []
    for slot in index.slots:
        r = slot.resource
        kind = r.get("resourceType")
        if kind not in ("Observation", "QuestionnaireResponse"):
            continue
        entry_id = identifier(r, c.ENTRY_ID)
        if identifier(r, c.ASSESSMENT_ID) is not None:
            pass  # derived from an assessment's answers: rebuilt from it
        elif entry_id is not None:
            groups[entry_id].append(slot)
        elif kind == "Observation" and is_pain_code(r.get("code")):
            loose_pain.append(slot)
        elif kind == "QuestionnaireResponse" and questionnaire_kind(r.get("questionnaire")):
            loose_qr.append(slot)
        else:
            continue  # not a diary record: ignored (and counted)
        index.used.add(slot.index)
    own = [_own_entry(index, entry_id, slots) for entry_id, slots in groups.items()]
    return own, _loose_entries(index, loose_pain, loose_qr)


# --- backcare's own entries -----------------------------------------------------------------------


def _own_entry(index: BundleIndex, entry_id: str, slots: list[Slot]) -> Found:
    pain = [
        s
        for s in slots
        if s.resource.get("resourceType") == "Observation" and has_code(s.resource.get("code"), c.LOINC, c.PAIN_NRS)
    ]
    if len(pain) != 1:
        raise fail(
            slots[0],
            "identifier",
            f"diary entry {entry_id} needs exactly one pain Observation (LOINC {c.PAIN_NRS}); found {len(pain)}",
        )
    anchor = pain[0]
    r = anchor.resource
    data = pain_fields(anchor)
    data["id"] = entry_id
    data["timezone"] = index.zone(r)
    episode = extension_value(r, c.EXT_EPISODE, "valueReference")
    data["episode_id"] = index.target(episode, "Condition", EPISODE_ID, anchor, "extension")
    retriage = extension(r, c.EXT_RETRIAGE)
    if retriage is not None:
        data["retriage"] = _retriage(index, anchor, retriage.get("extension") or [])
    findings: dict[str, Any] = {}
    for slot in slots:
        if slot is not anchor:
            _member(slot, data, findings)
    if findings:
        data["findings"] = findings
    return anchor, data


def _retriage(index: BundleIndex, anchor: Slot, parts: list[Json]) -> Json:
    return {
        "disposition": next((p.get("valueCode") for p in parts if p.get("url") == "disposition"), None),
        "red_flags": [p.get("valueCode") for p in parts if p.get("url") == "red-flag"],
        "assessment_id": index.target(
            next((p.get("valueReference") for p in parts if p.get("url") == "assessment"), None),
            "RiskAssessment",
            c.ASSESSMENT_ID,
            anchor,
            "extension",
        ),
    }


def _member(slot: Slot, data: Json, findings: dict[str, Any]) -> None:
    """One member of the entry into its fields; scores are recomputed from their questionnaires' answers."""
    res = slot.resource
    if res.get("resourceType") == "QuestionnaireResponse":
        questionnaire(slot, data, findings)
        return
    diary = {code for system, code in codes_of(res.get("code")) if system == c.DIARY_CODES}
    if "spasm-count" in diary:
        data["spasms"] = res.get("valueInteger")
    elif "exercises-done" in diary:
        data["exercises"] = [
            {"id": first_code(comp.get("code"), c.EXERCISE_CODES), "repetitions": comp.get("valueInteger")}
            for comp in res.get("component") or []
        ]
    elif "thermal-sessions" in diary:
        for comp in res.get("component") or []:
            which = {code for _, code in codes_of(comp.get("code"))}
            if "cold-sessions" in which:
                data["cold_sessions"] = comp.get("valueInteger")
            if "heat-sessions" in which:
                data["heat_sessions"] = comp.get("valueInteger")
    elif "reported-findings" in diary:
        _finding_components(slot, findings)


def _finding_components(slot: Slot, findings: dict[str, Any]) -> None:
    for i, comp in enumerate(slot.resource.get("component") or []):
        key = first_code(comp.get("code"), c.FINDING_CODES)
        if key is None:
            raise fail(slot, f"component[{i}].code", f"needs a code from {c.FINDING_CODES}")
        values = value_elements(comp)
        if extension(comp, c.EXT_LIST_ITEM) is not None:
            items = findings.setdefault(key, [])
            if not isinstance(items, list):
                raise fail(slot, f"component[{i}]", f"finding {key!r} is given twice")
            items.extend(str(v) for v in values)
            continue
        if key in findings or len(values) != 1:
            raise fail(slot, f"component[{i}]", f"finding {key!r} needs exactly one value, once")
        findings[key] = values[0]


# --- Shared by both kinds -------------------------------------------------------------------------


def questionnaire(slot: Slot, data: Json, findings: dict[str, Any]) -> None:
    """A completed questionnaire's answers into the entry (PEG, RMDQ) or its findings (STarT Back)."""
    r = slot.resource
    kind = questionnaire_kind(r.get("questionnaire"))
    if r.get("status") not in COMPLETED:
        raise fail(slot, "status", f"only completed questionnaires are imported (not {r.get('status')!r})")
    answers = parsed_answers(r)
    if kind is None or answers is None:
        raise fail(slot, "questionnaire", f"{r.get('questionnaire')!r} is not STarT Back, PEG or Roland-Morris")
    if kind in ("peg", "rmdq"):
        if kind in data:
            raise fail(slot, "", f"a second {kind.upper()} questionnaire for the same diary entry")
        data[kind] = answers
    else:
        if any(k in findings for k in answers):
            raise fail(slot, "", "a second STarT Back questionnaire for the same diary entry")
        findings.update(answers)


def pain_fields(slot: Slot) -> Json:
    """The entry's day, time recorded, pain and note, from a final pain Observation."""
    r = slot.resource
    if r.get("status") not in ACCEPTED_STATUS:
        raise fail(
            slot,
            "status",
            f"only final pain observations are imported (final, amended or corrected; not {r.get('status')!r})",
        )
    if "effectiveDateTime" not in r:
        raise fail(slot, "effective[x]", "a pain observation needs effectiveDateTime (the day of the entry)")
    date = day(slot, "effectiveDateTime", r["effectiveDateTime"])
    if r.get("issued"):
        recorded = when(slot, "issued", r["issued"])
    elif len(str(r["effectiveDateTime"])) > 10:
        recorded = when(slot, "effectiveDateTime", r["effectiveDateTime"])
    else:
        recorded = dt.datetime.combine(date, dt.time(), dt.UTC)
    pain = pain_value(r)
    if pain is None:
        raise fail(slot, "value[x]", "a pain score must be a whole number from 0 to 10")
    notes = [str(n.get("text")) for n in r.get("note") or [] if isinstance(n, dict) and n.get("text")]
    out: Json = {"date": date, "recorded_at": recorded, "pain": pain}
    if notes:
        out["note"] = "\n".join(notes)
    return out


# --- A clinician's data ---------------------------------------------------------------------------


def _loose_entries(index: BundleIndex, pains: list[Slot], qrs: list[Slot]) -> list[Found]:
    by_day: dict[dt.date, list[Found]] = defaultdict(list)
    out: list[Found] = []
    for slot in pains:
        data = pain_fields(slot)
        data["id"] = str(uuid.uuid5(NAMESPACE, "fhir-import/" + _identity(slot.resource)))
        data["timezone"] = index.timezone
        by_day[data["date"]].append((slot, data))
        out.append((slot, data))
    for rows in by_day.values():
        rows.sort(key=lambda row: row[1]["recorded_at"])
    for slot in qrs:
        if "authored" not in slot.resource:
            raise fail(slot, "authored", "a questionnaire needs its date (authored) to join a diary entry")
        authored = day(slot, "authored", slot.resource["authored"])
        if not by_day.get(authored):
            raise fail(
                slot,
                "authored",
                f"no pain Observation (LOINC {c.PAIN_NRS}) on {authored.isoformat()}: "
                "a diary entry needs the day's pain score",
            )
        _, data = by_day[authored][0]
        findings = data.setdefault("findings", {})
        questionnaire(slot, data, findings)
        if not findings:
            data.pop("findings")
    return out


def _identity(resource: Mapping[str, Any]) -> str:
    """What makes a clinician's resource the same one next time: ``Type/id``, else its whole content."""
    if resource.get("id"):
        return f"{resource.get('resourceType')}/{resource['id']}"
    return json.dumps(resource, sort_keys=True, separators=(",", ":"))
